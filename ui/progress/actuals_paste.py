"""Which paste a clipboard block is: a statistics table (a header row of months or
years) goes to the Qt-free parsers in planner/io; a bare block of numbers is pasted
cell by cell at the current cell by the tab."""
from __future__ import annotations

from models.document import Document
from planner.io import paste_actuals, paste_annual as annual
from planner.io.cells import Invalid, is_blank, to_number


def _is_number(text: str) -> bool:
    if is_blank(text) or text.strip() in ("-", "—", "–"):
        return True
    value = to_number(text, "output")
    return value is not None and not isinstance(value, Invalid)


def has_headers(block: list[list[str]]) -> bool:
    """A table copied with its header row and chain column (its first row has a month
    or year header beyond the first cell), not just numbers."""
    if not block or len(block[0]) < 2:
        return False
    return (any(not _is_number(c) for c in block[0])
            or any(not _is_number(line[0]) for line in block if line))


def paste_monthly(doc: Document, text: str, year: int) -> Document:
    return paste_actuals.paste_monthly(doc, text, year)


def paste_annual(doc: Document, text: str, field: str) -> Document:
    return annual.paste_annual(doc, text, field)
