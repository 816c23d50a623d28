"""Raw sheet rows to the Document's row values, with cell-level type errors.

Only types are checked here (a number, a whole number, a ramp, 1/0); value ranges,
references and duplicates are planner.checks.validate's job, so edited documents get the
same checks. A cell that cannot be read is recorded in ``bad`` and gets a
placeholder (NaN for a required number) so the rest of the workbook is still checked.
"""
from __future__ import annotations

import math
from typing import Any, Callable

from models import labels
from models.document import (Chain, GrowthRow, IncubationRow, Override, PipelineRow,
                             PriceRow, Project, Scenario, StageRow)
from models.document import format_years
from models.issues import ERROR, Location, ValidationIssue
from models.rules import is_finite_number, parse_years
from planner.io.cells import (Invalid, is_blank, shown, to_include, to_number, to_ramp,
                              to_ramp_text, to_stage, to_text, to_whole)
from planner.io.sheets import RawSheet

Convert = Callable[[Any], Any]

NUMBER_FIELDS = ("base_output", "growth", "output_ratio", "value_added_rate", "investment",
                 "probability", "index", "graduates", "revenue_per_firm")
WHOLE_FIELDS = ("build_years", "delay", "production_year", "year")
OPTIONAL_TEXT = ("industry", "name", "note", "description")

ROW_TYPES: dict[str, type] = {
    "chains": Chain, "projects": Project, "stages": StageRow, "growth": GrowthRow,
    "prices": PriceRow, "pipeline": PipelineRow, "incubation": IncubationRow,
    "scenarios": Scenario,
}


def converter(field: str) -> Convert:
    if field in NUMBER_FIELDS:
        return lambda v: to_number(v, field)
    if field in WHOLE_FIELDS:
        return lambda v: to_whole(v, field)
    if field == "ramp":
        return to_ramp
    if field == "stage":
        return to_stage
    if field == "include":
        return to_include
    return lambda v: None if is_blank(v) else to_text(v)


class CellReader:
    """Converts the cells of one sheet, recording located issues and bad cells."""

    def __init__(self, file: str, sheet: RawSheet, issues: list[ValidationIssue],
                 bad: set[tuple[str, int, int]]):
        self.file, self.sheet, self.issues, self.bad = file, sheet, issues, bad

    def error(self, row: int, field: str, message: str) -> None:
        column = self.sheet.columns.get(field)
        if column is not None and (self.sheet.name, row, column) in self.bad:
            return  # this cell is already reported (a formula without a result, say)
        self.issues.append(ValidationIssue(message, Location(self.file, self.sheet.name,
                                                             row, column), ERROR))
        if column is not None:
            self.bad.add((self.sheet.name, row, column))

    def take(self, row: int, cells: dict[str, Any], field: str,
             convert: Convert | None = None, required: bool = False) -> Any:
        if field not in self.sheet.columns:  # a missing column is reported once, by sheets
            return math.nan if required else None
        value = (convert or converter(field))(cells.get(field))
        if isinstance(value, Invalid):
            self.error(row, field, f"{field} {value.reason}"
                       if not value.reason.startswith(field) else value.reason)
            return math.nan if required else None
        if value is None and required:
            self.error(row, field, f"{field} is required")
            return math.nan
        return value


def read_table(key: str, sheet: RawSheet, cr: CellReader) -> tuple[Any, ...]:
    """Rows of a plain input sheet (every sheet but Settings and Overrides)."""
    required = labels.REQUIRED_COLUMNS[key]
    out = []
    for row, cells in sheet.rows:
        values: dict[str, Any] = {}
        for field in labels.COLUMNS[key]:
            if field not in sheet.columns and field not in required:
                continue
            value = cr.take(row, cells, field, required=field in required
                            and field in NUMBER_FIELDS + WHOLE_FIELDS)
            if value is None and field in required:
                value = ""  # blank required text: planner.checks.validate names it
            if value is None and field in OPTIONAL_TEXT:
                value = ""
            values[field] = value
        out.append(ROW_TYPES[key](**values, row=row))
    return tuple(out)


def read_overrides(sheet: RawSheet, cr: CellReader) -> tuple[Override, ...]:
    out = []
    for row, cells in sheet.rows:
        text = {f: to_text(cells.get(f)) for f in ("scenario", "table", "key", "field", "op")}
        table = labels.sheet_key(text["table"]) or text["table"]
        key = text["key"]
        if table == "stages":
            key = labels.stage_key(key) or key
        field = labels.field_key(table, text["field"]) or text["field"]
        op = labels.op_key(text["op"]) or text["op"] if text["op"] else "set"
        years = read_years(row, cells.get("years"), cr)
        value = cr.take(row, cells, "value", override_value(field), required=True)
        out.append(Override(scenario=text["scenario"], table=table, key=key, field=field,
                            value=value, years=years, op=op, row=row))
    return tuple(out)


def override_value(field: str) -> Convert:
    """How an override value cell reads, by the field it sets."""
    if field == "stage":
        return to_stage
    if field == "ramp":
        return to_ramp_text
    if field == "include":
        def include(v: Any) -> Any:
            b = to_include(v)
            return float(b) if isinstance(b, bool) else b
        return include
    if field in NUMBER_FIELDS + WHOLE_FIELDS:
        return lambda v: to_number(v, field)
    return lambda v: (None if is_blank(v) else float(v) if is_finite_number(v)
                      else to_text(v))


def read_years(row: int, value: Any, cr: CellReader) -> str:
    """Override years normalized to '', '2026', '2026-2030' or '2026-'."""
    parsed = None if isinstance(value, bool) else parse_years(value)
    if parsed is None:
        cr.error(row, "years", "years must be blank, a year (2026), a range (2026-2030) "
                 f"or an open range (2026-) (found {shown(value)})")
        return ""
    start, end = parsed
    return format_years(start, end, open_end=start is not None and end is None)
