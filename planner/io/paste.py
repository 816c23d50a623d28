"""Typed or pasted text to model values, with the workbook reader's coercion rules.

``parse_cell`` reads one cell's text ('8%' and 0.08 in rate columns, stage names in
either language, 是/否 for include, a comma list for a ramp); ``paste_block`` turns a
rectangle of text (as Excel puts it on the clipboard) into one new Document.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from models import labels
from models.document import Document, Override, format_years
from models.edits import CellRef, EditError, set_cells
from models.rules import parse_years
from planner.io.cells import Invalid, is_blank, to_text
from planner.io.settings import convert_setting
from planner.io.tables import converter, override_value

REQUIRED_TEXT = ("chain", "id")


def parse_cell(ref: CellRef, text: object) -> object:
    """The value for a cell, None for a blank cell, or an Invalid with the reason."""
    if ref.table == "settings":
        value = convert_setting(ref.key, text)
        if value is None and labels.SETTINGS[ref.key][1] is None:
            return Invalid(f"{ref.key} is required")
        return value
    if ref.field == "stage":
        if is_blank(text):
            return Invalid("stage is required")
        key = labels.stage_key(to_text(text))
        if key is None:
            names = ", ".join(f"{k}/{v[0]}" for k, v in labels.STAGES.items())
            return Invalid(f"unknown stage {to_text(text)!r} (expected one of {names})")
        return key
    value = converter(ref.field)(text)
    if value is None and ref.field in REQUIRED_TEXT:
        return Invalid(f"{ref.field} is required")
    if value is None and ref.field in ("name", "note", "industry"):
        return ""
    return value


def split_clipboard(text: str) -> list[list[str]]:
    """Tab-separated lines (Excel, WPS) to a rectangle of cells; a final newline is dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


class PasteError(ValueError):
    """Cells that could not be read; ``problems`` lists (cell, reason)."""

    def __init__(self, problems: list[tuple[CellRef, str]]):
        self.problems = problems
        ref, reason = problems[0]
        where = ref.key + (f" {ref.year}" if ref.year is not None else "")
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{where} {ref.field}: {reason}{more}")


def paste_cells(doc: Document, scenario: str,
                cells: Sequence[tuple[CellRef, object]]) -> Document:
    """Parse each cell's text and apply them all as one new Document.

    Raises PasteError when any text cannot be read (then nothing is applied) and
    models.edits.EditError when an edit cannot be expressed."""
    values: list[tuple[CellRef, object]] = []
    problems: list[tuple[CellRef, str]] = []
    for ref, text in cells:
        value = parse_cell(ref, text)
        if isinstance(value, Invalid):
            problems.append((ref, value.reason))
        else:
            values.append((ref, value))
    if problems:
        raise PasteError(problems)
    return set_cells(doc, scenario, values)


def paste_block(doc: Document, scenario: str, targets: Sequence[Sequence[CellRef | None]],
                block: Sequence[Sequence[str]]) -> Document:
    """Apply ``block[i][j]`` to ``targets[i][j]`` (None = a read-only cell, skipped)."""
    cells = [(ref, text) for refs, texts in zip(targets, block)
             for ref, text in zip(refs, texts) if ref is not None]
    return paste_cells(doc, scenario, cells)


# -- override rows ----------------------------------------------------------------------
def parse_override_cell(row: Override, column: str, text: object) -> Override | Invalid:
    """A copy of an override row with one column changed from text, or why not."""
    t = to_text(text)
    if column == "table":
        table = labels.sheet_key(t)
        if table not in labels.OVERRIDE_FIELDS:
            return Invalid(f"unknown table {t!r}")
        fields = labels.OVERRIDE_FIELDS[table]
        years = row.years if table in labels.YEARLY_TABLES else ""
        return replace(row, table=table, field=row.field if row.field in fields
                       else fields[0], years=years)
    if column == "key":
        key = (labels.stage_key(t) or t) if row.table == "stages" else t
        return Invalid("key is required ('*' means all)") if not key else replace(row, key=key)
    if column == "field":
        field = labels.field_key(row.table, t)
        if field is None:
            return Invalid(f"unknown field {t!r} for table {row.table}")
        return replace(row, field=field, value=_revalue(field, row.value))
    if column == "years":
        parsed = parse_years(t)
        if parsed is None:
            return Invalid("years must be blank, a year (2026), a range (2026-2030) or an "
                           "open range (2026-)")
        start, end = parsed
        return replace(row, years=format_years(start, end, start is not None and end is None))
    if column == "op":
        op = labels.op_key(t) if t else "set"
        return Invalid(f"op must be set, add or mul (found {t!r})") if op is None \
            else replace(row, op=op)
    if column == "value":
        value = override_value(row.field)(text)
        if value is None:
            return Invalid("value is required")
        return value if isinstance(value, Invalid) else replace(row, value=value)
    if column == "scenario":
        return replace(row, scenario=t)
    raise EditError(f"unknown override column {column!r}")


def _revalue(field: str, value: object) -> object:
    """Keep a value that still reads for a new field, else a neutral one."""
    converted = override_value(field)(value)
    if converted is None or isinstance(converted, Invalid):
        return {"stage": "signed", "ramp": "0.3,0.7,1"}.get(field, 0.0)
    return converted
