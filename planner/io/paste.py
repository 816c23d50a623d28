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
from planner.io.cells import Invalid, is_blank, to_number, to_text
from planner.io.settings import convert_setting
from planner.io.tables import converter, override_value

REQUIRED_TEXT = ("chain", "id")
ALL_KEYS = ("*", "全部", "all")   # an override key meaning every chain/project/stage
ALL_YEARS = ("全部年份", "all years")   # override years shown for a blank cell

# Percent entry, as Excel does it in a %-formatted cell: a bare number typed or pasted into
# a percent column is a percentage (12 -> 12% = 0.12, 0.5 -> 0.5%); text with '%' ('12%',
# as Excel copies a %-formatted cell) is read as written. Workbook cells are not text and
# keep the reader's rule (0.12 is 12%).
PERCENT_FIELDS = ("growth", "probability", "value_added_rate")
PERCENT_SETTINGS = ("growth_sd", "price_sd")
GROWTH_RANGE = (-0.5, 1.0)          # outside: ask before applying
PROBABILITY_STEP = 0.5              # a change of more than 50 points: ask


def is_percent_cell(ref: CellRef) -> bool:
    return (ref.key in PERCENT_SETTINGS if ref.table == "settings"
            else ref.field in PERCENT_FIELDS)


def percent_entry(text: object) -> object:
    """Typed or pasted text for a percent column: '12' -> '12%'; anything else unchanged."""
    if not isinstance(text, str):
        return text
    t = text.strip()
    if not t or t.endswith(("%", "％")):
        return text
    value = to_number(t)
    return f"{t}%" if isinstance(value, float) else text


def implausible(field: str, old: object, new: object) -> str | None:
    """Why a new value of a percent field is probably a slip (English; the UI asks).

    Values that validation refuses anyway (growth ≤ −100%, probability above 100%) are
    left to it."""
    if not isinstance(new, (int, float)) or isinstance(new, bool):
        return None
    if field == "growth" and new > -1 and not GROWTH_RANGE[0] <= new <= GROWTH_RANGE[1]:
        return f"growth {new * 100:.4g}% is outside -50% to 100%"
    if (field == "probability" and 0 <= new <= 1 and isinstance(old, (int, float))
            and abs(new - old) > PROBABILITY_STEP):
        return (f"probability changes by {abs(new - old) * 100:.4g} points "
                f"({old * 100:.4g}% to {new * 100:.4g}%)")
    return None


def parse_cell(ref: CellRef, text: object) -> object:
    """The value for a cell, None for a blank cell, or an Invalid with the reason.

    Text in a percent column follows the percent entry rule (:func:`percent_entry`)."""
    if is_percent_cell(ref):
        text = percent_entry(text)
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
        t = "*" if t.casefold() in ALL_KEYS else t
        key = (labels.stage_key(t) or t) if row.table == "stages" else t
        return Invalid("key is required ('*' means all)") if not key else replace(row, key=key)
    if column == "field":
        field = labels.field_key(row.table, t)
        if field is None:
            return Invalid(f"unknown field {t!r} for table {row.table}")
        return replace(row, field=field, value=_revalue(field, row.value))
    if column == "years":
        parsed = parse_years("" if t.casefold() in ALL_YEARS else t)
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
        if row.field in PERCENT_FIELDS and row.op in ("set", "add"):
            text = percent_entry(text)     # a multiplier (op mul) is a plain number
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
