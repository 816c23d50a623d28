"""Raw sheets: find the input sheets, map header row 1 to column keys, collect rows.

Never trusts a sheet's declared dimensions: rows are streamed and counted against
ROW_CAP, and only the first COLUMN_CAP columns are looked at.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from models import labels
from models.issues import ERROR, NOTE, Location, ValidationIssue, cell_name
from planner.io.cells import is_blank, to_text
from planner.io.column_help import NOTES_SHEET, README_SHEET, SETTINGS_HELP_HEADER

ROW_CAP = 100_000  # rows per sheet, header included
COLUMN_CAP = 200  # columns beyond this are not read


@dataclass
class RawSheet:
    """One input sheet: its key, its name in the file, key -> column, and data rows."""

    key: str
    name: str
    columns: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    empty: bool = False  # no header row at all


def _written_by_app(name: str) -> bool:
    """Sheets the app adds to workbooks it writes; reading passes over them quietly."""
    from planner.io.export.workbook import is_result_sheet
    return name in NOTES_SHEET or name in README_SHEET or is_result_sheet(name)


def _issue(file: str, sheet: str, message: str, row: int | None = None,
           column: int | None = None, severity: str = ERROR) -> ValidationIssue:
    return ValidationIssue(message, Location(file, sheet, row, column), severity)


def read_raw_sheets(workbook: Any, file: str) -> tuple[dict[str, RawSheet], list[ValidationIssue]]:
    """All known sheets of an openpyxl (read-only) workbook, and the issues found."""
    sheets: dict[str, RawSheet] = {}
    issues: list[ValidationIssue] = []
    for ws in workbook.worksheets:
        key = labels.sheet_key(ws.title)
        if key is None and _written_by_app(ws.title):
            continue  # results, notes and read-me sheets of our own exports
        if key is None:
            issues.append(_issue(file, ws.title, "unknown sheet, ignored", severity=NOTE))
            continue
        if key in sheets:
            issues.append(_issue(file, ws.title, f"the workbook has both '{sheets[key].name}' "
                                 f"and '{ws.title}'; keep one of them"))
            continue
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # a spoofed <dimension> must not drive the reading
        rows = ws.iter_rows(max_col=COLUMN_CAP, values_only=True)
        sheets[key] = read_rows(key, ws.title, rows, file, issues)
    return sheets, issues


def read_rows(key: str, name: str, rows: Iterable[tuple[Any, ...]], file: str,
              issues: list[ValidationIssue]) -> RawSheet:
    """Header mapping and data rows of one sheet."""
    sheet = RawSheet(key, name)
    it = iter(rows)
    header = next(it, None)
    if header is None or all(is_blank(v) for v in header):
        sheet.empty = True
        if key in labels.REQUIRED_SHEETS:
            issues.append(_issue(file, name, "the sheet is empty; expected a header row in "
                                 "row 1 with " + _column_list(key), row=1))
        return sheet
    _map_header(sheet, header, file, issues)
    for number, values in enumerate(it, start=2):
        if number > ROW_CAP:
            issues.append(_issue(file, name, f"the sheet is too large: more than "
                                 f"{ROW_CAP:,} rows"))
            break
        cells = {k: values[c - 1] for k, c in sheet.columns.items() if c <= len(values)}
        if all(is_blank(v) for v in cells.values()):
            continue
        sheet.rows.append((number, cells))
    return sheet


def _column_list(key: str) -> str:
    return ", ".join(f"{c} ({labels.COLUMNS[key][c]})" for c in labels.REQUIRED_COLUMNS[key])


def _map_header(sheet: RawSheet, header: tuple[Any, ...], file: str,
                issues: list[ValidationIssue]) -> None:
    for column, value in enumerate(header, start=1):
        if is_blank(value):
            continue
        text = to_text(value)
        key = labels.column_key(sheet.key, text)
        if key is None and sheet.key == "settings" and text in SETTINGS_HELP_HEADER:
            continue  # the help column the app writes beside Settings values
        if key is None:
            issues.append(_issue(file, sheet.name, f"unknown column '{text}', ignored",
                                 1, column, NOTE))
        elif key in sheet.columns:
            first = cell_name(1, sheet.columns[key])
            issues.append(_issue(file, sheet.name, f"column {key} appears twice "
                                 f"({first} and {cell_name(1, column)})", 1, column))
        else:
            sheet.columns[key] = column
    for key in labels.REQUIRED_COLUMNS[sheet.key]:
        if key not in sheet.columns:
            issues.append(_issue(file, sheet.name, f"missing required column {key} "
                                 f"({labels.COLUMNS[sheet.key][key]}) in header row 1", row=1))
