"""Read a planning workbook (.xlsx) into a Document, or report every problem in it.

    result = read_workbook("plan.xlsx")   # ReadResult(document, warnings and notes)

Any error raises models.issues.DocumentError carrying all errors found (and the
warnings), each located by file, sheet and cell.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from models import labels
from models.document import Document, Settings
from models.issues import ERROR, NOTE, WARNING, DocumentError, Location, ValidationIssue
from planner.io.actuals_sheets import monthly_amount_field, read_actual_sheets
from planner.io.guard import check_file, defusedxml_active
from planner.io.settings import read_settings
from planner.io.package import open_package
from planner.io.sheets import RawSheet, read_raw_sheets
from planner.io.tables import CellReader, read_overrides, read_table
from planner.checks.validate import validate_document

TABLES = ("chains", "projects", "stages", "growth", "prices", "pipeline", "incubation",
          "scenarios")


@dataclass(frozen=True)
class ReadResult:
    """A document read without errors, and the warnings and notes about it."""

    document: Document
    issues: tuple[ValidationIssue, ...] = ()

    @property
    def warnings(self) -> tuple[ValidationIssue, ...]:
        return tuple(i for i in self.issues if i.severity == WARNING)

    @property
    def notes(self) -> tuple[ValidationIssue, ...]:
        return tuple(i for i in self.issues if i.severity == NOTE)


def read_workbook(path: str | os.PathLike[str]) -> ReadResult:
    """Read and validate a workbook; raise DocumentError listing every error."""
    file = str(path)
    if not defusedxml_active():
        raise DocumentError([ValidationIssue(
            "refusing to read workbooks: the defusedxml package is not installed (or "
            "OPENPYXL_DEFUSEDXML is off), so XML attacks would not be blocked",
            Location(file))])
    check_file(path)
    sheets, issues = load_sheets(path, file)
    return build(sheets, issues, file)


def damaged(file: str, error: BaseException) -> DocumentError:
    """An unexpected failure while unpacking, as a plain message (no class names)."""
    detail = str(error).strip()[:200] or "its data is broken"
    if isinstance(error, NotImplementedError):
        detail = "it uses a zip feature that is not supported; save it again as .xlsx"
    cause: BaseException | None = error
    seen: set[int] = set()
    while cause is not None and id(cause) not in seen:  # openpyxl wraps parser errors
        seen.add(id(cause))
        if type(cause).__module__.startswith("defusedxml"):
            detail = "it contains forbidden XML declarations, a possible XML attack"
            break
        cause = cause.__cause__ or cause.__context__
    return DocumentError([ValidationIssue(
        f"the file is damaged or not a valid workbook: {detail}", Location(file))])


def load_sheets(path: str | os.PathLike[str], file: str
                ) -> tuple[dict[str, RawSheet], list[ValidationIssue]]:
    """The input sheets, read with bounded work (planner.io.package); any failure is a
    located DocumentError."""
    package = None
    try:
        package = open_package(str(path), file)
        return read_raw_sheets(package, file)
    except DocumentError:
        raise
    except MemoryError:
        raise DocumentError([ValidationIssue(
            "the workbook is too large to read in the memory available", Location(file))]) \
            from None
    except Exception as e:  # anything else while unpacking means "damaged"
        raise damaged(file, e) from None
    finally:
        if package is not None:
            try:
                package.zip.close()
            except Exception:  # closing a damaged archive must not mask the report
                pass


def build(sheets: dict[str, RawSheet], issues: list[ValidationIssue], file: str) -> ReadResult:
    """Raw sheets to a validated Document."""
    for key in labels.REQUIRED_SHEETS:
        if key not in sheets:
            issues.append(ValidationIssue(
                f"missing required sheet {labels.SHEET_EN[key]} ({labels.SHEETS[key]})",
                Location(file, labels.SHEET_EN[key])))
    broken = {k for k, s in sheets.items()
              if s.empty or not set(labels.REQUIRED_COLUMNS[k]) <= set(s.columns)}
    bad: set[tuple[str, int, int]] = {(s.name, r, c) for s in sheets.values()
                                      for r, c in s.bad_cells}

    def reader(key: str) -> CellReader | None:
        sheet = sheets.get(key)
        return None if sheet is None or sheet.empty else CellReader(file, sheet, issues, bad)

    settings_sheet = None if "settings" in broken else sheets.get("settings")
    settings, setting_rows = read_settings(settings_sheet, reader("settings"), file, issues)
    parts: dict[str, Any] = {}
    for key in TABLES:
        cr = reader(key)
        if cr is not None and (key != "scenarios" or cr.sheet.rows):
            parts[key] = read_table(key, cr.sheet, cr)
    cr = reader("overrides")
    if cr is not None:
        parts["overrides"] = read_overrides(cr.sheet, cr)
    parts.update(read_actual_sheets(reader))
    document = Document(settings=settings or Settings(0, 0, 0), **parts)

    def locate(key: str, row: int | None, field: str | None) -> Location:
        sheet = sheets.get(key)
        if sheet is None:
            return Location(file, labels.SHEET_EN.get(key, key), row)
        if key == "settings":
            row = setting_rows.get(field or "")
            return Location(file, sheet.name, row, sheet.columns.get("value") if row else None)
        if key == "monthly" and field == "output":
            field = monthly_amount_field(sheet)
        return Location(file, sheet.name, row, sheet.columns.get(field or ""))

    broken_names = {sheets[k].name for k in broken}
    for issue in validate_document(document, locate, check_settings=settings is not None):
        loc = issue.location
        if loc.sheet in broken_names or (loc.sheet, loc.row, loc.column) in bad:
            continue  # already reported: a missing column or a cell that could not be read
        issues.append(issue)
    return finish(document, issues, sheets)


def finish(document: Document, issues: list[ValidationIssue],
           sheets: dict[str, RawSheet]) -> ReadResult:
    order = {s.name: i for i, s in enumerate(sheets.values())}

    def key(i: ValidationIssue) -> tuple[int, int, int, int]:
        loc = i.location
        return (order.get(loc.sheet, -1), loc.row or 0, loc.column or 0, 0)

    ranked = sorted(issues, key=key)
    errors = [i for i in ranked if i.severity == ERROR]
    others = [i for i in ranked if i.severity != ERROR]
    if errors:
        raise DocumentError(errors + [i for i in others if i.severity == WARNING])
    return ReadResult(document, tuple(others))
