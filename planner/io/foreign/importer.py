"""Projects from a foreign project list, appended to a Document — all rows or none.

    result = import_projects("招商清单.xlsx", "Sheet1", guess_mapping(headers),
                             into=doc)       # ImportResult(document, added, issues)

Every problem (mapping, cells, references, duplicate ids, document rules) is collected
and raised together as a DocumentError, each located as SOURCE file, sheet and cell.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from models.document import Document, Project
from models.issues import ERROR, NOTE, WARNING, DocumentError, Location, ValidationIssue
from planner.analysis.progress import Progress, report
from planner.checks.collector import default_locate
from planner.io.cells import Invalid, is_blank
from planner.io.foreign.convert import CellConverter, Setup, is_total_row, resolve
from planner.io.foreign.source import SourceTable, read_source
from planner.io.foreign.stages import StageMap
from planner.checks.validate import validate_document

LARGE_INVESTMENT = 1000.0  # 亿元; one project this size suggests the list is in 万元
PLACEHOLDER: dict[str, Any] = {"chain": "", "investment": 0.0, "stage": "reserve",
                               "production_year": 0}
PROGRESS_EVERY = 250


@dataclass(frozen=True)
class ImportResult:
    """The ``into`` document with the projects appended, those projects, and the
    warnings and notes about the import."""

    document: Document
    added: tuple[Project, ...]
    issues: tuple[ValidationIssue, ...] = ()
    unit: str = "亿元"

    @property
    def total_investment(self) -> float:
        """Of the added projects, in 亿元."""
        return sum(p.investment for p in self.added)


def import_projects(source: str | os.PathLike[str] | SourceTable, sheet: str,
                    mapping: Mapping[str, str], unit: str | None = None,
                    stage_map: StageMap | Mapping[str, str] | None = None, *,
                    into: Document, id_prefix: str = "I",
                    chain_map: Mapping[str, str] | None = None,
                    header_row: int | None = None,
                    progress: Progress | None = None) -> ImportResult:
    """Read ``sheet`` of ``source`` (a path, or a table already read) and append its
    rows to ``into`` as projects; raise DocumentError with every problem, applying none.

    ``mapping`` is field -> source header; ``unit`` ("万元"/"亿元") overrides the unit
    found in the investment header (亿元 when neither says); ``stage_map`` extends the
    default status words; ``chain_map`` maps source chain text to the workbook's chains.
    ``progress(fraction)`` returning False cancels (planner.analysis.progress.Cancelled).
    """
    if isinstance(source, SourceTable):
        table, rest = source, progress
    else:
        table = read_source(source, sheet, header_row,
                            progress=_scaled(progress, 0.0, 0.5))
        rest = _scaled(progress, 0.5, 1.0)
    return convert(table, mapping, unit, stage_map, into=into, id_prefix=id_prefix,
                   chain_map=chain_map, progress=rest)


def convert(table: SourceTable, mapping: Mapping[str, str], unit: str | None = None,
            stage_map: StageMap | Mapping[str, str] | None = None, *, into: Document,
            id_prefix: str = "I", chain_map: Mapping[str, str] | None = None,
            progress: Progress | None = None) -> ImportResult:
    """import_projects on a table already read (the wizard re-runs this as you map)."""
    setup, problems = resolve(table, mapping, unit)
    if setup is None:
        raise DocumentError(problems)
    try:  # a mapping to an unknown stage or chain
        cells = CellConverter(into, setup.unit, _stage_map(stage_map), chain_map)
    except ValueError as e:
        raise DocumentError([ValidationIssue(str(e), Location(table.file, table.sheet))]) from None
    job = _Job(table, setup, cells)
    report(progress, 0.0)
    for i, (row, values) in enumerate(table.rows):
        job.row(row, values)
        if progress is not None and i % PROGRESS_EVERY == 0:
            report(progress, 0.8 * i / max(len(table.rows), 1))
    if not job.projects:
        job.issues.append(ValidationIssue(
            f"no project rows below header row {table.header_row}; is this the right sheet?",
            Location(table.file, table.sheet, table.header_row)))
    job.assign_ids(into, id_prefix)
    job.check(into)
    report(progress, 1.0)
    errors = sorted((i for i in job.issues if i.severity == ERROR), key=_order)
    others = [i for i in job.issues if i.severity != ERROR]
    if errors:
        raise DocumentError(errors + [i for i in others if i.severity == WARNING])
    added = tuple(replace(p, row=None) for p in job.projects)
    return ImportResult(into.replace(projects=into.projects + added), added,
                        tuple(others), setup.unit)


def _scaled(progress: Progress | None, start: float, end: float) -> Progress | None:
    if progress is None:
        return None
    return lambda f: progress(start + (end - start) * f)


def _stage_map(value: StageMap | Mapping[str, str] | None) -> StageMap:
    if isinstance(value, StageMap):
        return value
    return StageMap(value)


def _order(issue: ValidationIssue) -> tuple[int, int]:
    return (issue.location.row or 0, issue.location.column or 0)


class _Job:
    """The state of one conversion: projects so far, issues, and cells that failed."""

    def __init__(self, table: SourceTable, setup: Setup, cells: CellConverter) -> None:
        self.table, self.setup, self.cells = table, setup, cells
        self.projects: list[Project] = []
        self.issues: list[ValidationIssue] = []
        self.bad: set[tuple[int, int | None]] = set()
        if setup.unit_source == "assumed":
            header = table.headers[setup.columns["investment"] - 1]
            self.issues.append(ValidationIssue(
                f"the investment column {header!r} names no unit; read as 亿元 "
                "(choose 万元 if the list is in 万元)",
                Location(table.file, table.sheet, table.header_row,
                         setup.columns["investment"]), NOTE))

    def at(self, row: int, field: str | None) -> Location:
        column = self.setup.columns.get(field or "")
        return Location(self.table.file, self.table.sheet, row, column)

    def error(self, row: int, field: str, message: str, severity: str = ERROR) -> None:
        self.issues.append(ValidationIssue(message, self.at(row, field), severity))
        if severity == ERROR:
            self.bad.add((row, self.setup.columns.get(field)))

    def row(self, row: int, values: tuple[Any, ...]) -> None:
        columns = self.setup.columns
        if is_total_row(values):
            self.issues.append(ValidationIssue("a total row (合计/总计), skipped",
                                               self.at(row, None), NOTE))
            return
        if all(is_blank(values[c - 1]) for c in columns.values()):
            return  # blank in every mapped column
        fields: dict[str, Any] = {}
        for field, column in columns.items():
            value = self.cells(field, values[column - 1])
            if isinstance(value, Invalid):
                self.error(row, field, f"{field}: {value.reason}")
                value = PLACEHOLDER.get(field)
            elif value is None and field in PLACEHOLDER:
                self.error(row, field, f"{field} is required")
                value = PLACEHOLDER[field]
            if value is not None:
                fields[field] = value
        investment = fields.get("investment", 0.0)
        if (self.setup.unit_source == "assumed" and investment > LARGE_INVESTMENT
                and (row, columns["investment"]) not in self.bad):
            self.error(row, "investment", f"investment {investment:g} 亿元 is very large; "
                       "is the list in 万元?", WARNING)
        fields.setdefault("id", "")
        self.projects.append(Project(row=row, **fields))

    def assign_ids(self, into: Document, prefix: str) -> None:
        """Source ids must be new and unique; blank ones get the next free prefix+number."""
        existing = {p.id for p in into.projects}
        first: dict[str, int] = {}
        for p in self.projects:
            if not p.id:
                continue
            if p.id in existing:
                self.error(p.row, "id", f"project id {p.id!r} already exists in the "
                           "workbook; give the row a new id or leave the id column unmapped")
            elif p.id in first:
                self.error(p.row, "id", f"duplicate project id {p.id!r} (first on row "
                           f"{first[p.id]})")
            else:
                first[p.id] = p.row
        taken = existing | set(first)
        width = max(3, len(str(len(self.projects))))
        number = 0
        for i, p in enumerate(self.projects):
            if p.id:
                continue
            number += 1
            while f"{prefix}{number:0{width}d}" in taken:
                number += 1
            self.projects[i] = replace(p, id=f"{prefix}{number:0{width}d}")

    def check(self, into: Document) -> None:
        """The document rules on the merged document, skipping cells already reported."""
        rows = {p.row for p in self.projects}

        def locate(sheet: str, row: int | None, field: str | None) -> Location:
            if sheet == "projects" and row in rows:
                return self.at(row, field)  # type: ignore[arg-type]
            return default_locate(sheet, row, field)

        # Existing projects lose their rows here so they cannot be mistaken for source rows.
        merged = into.replace(projects=tuple(replace(p, row=None) for p in into.projects)
                              + tuple(self.projects))
        for issue in validate_document(merged, locate):
            loc = issue.location
            if loc.file == self.table.file and (loc.row, loc.column) in self.bad:
                continue
            self.issues.append(issue)
