"""A statistics table of annual actuals pasted from Excel/WPS (Qt-free)::

    产业链      2024年   2025年          (a header row of years: 2025 or 2025年,
    晶硅光伏    151.2    138.4            optionally with a unit or 产值 around it)
    合计        …                         (a 合计/total row is passed over)

``paste_annual`` sets one Actuals field (output, value added or investment) of every
(chain, year) cell in the table with models.actuals_edits.set_actual; a blank or ``-``
cell leaves that cell as it is. All or nothing: every problem is named.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from models import labels
from models.actuals_edits import set_actual
from models.document import Document
from planner.io.cells import Invalid, to_number, to_text
from planner.io.paste import split_clipboard
from planner.io.paste_actuals import PasteActualsError

_YEAR = re.compile(r"(\d{4})\s*年?")
_NOISE = re.compile(r"产值|增加值|固定资产投资|投资|实绩|[(（\[【].*?[)）\]】]|output")
_NOT_YET = ("-", "—", "–", "－", "…", "/", "／", "n/a", "na")


def read_year_header(text: str) -> int | None:
    """``2025`` / ``2025年`` / ``2025年产值(亿元)`` -> 2025; None when no year."""
    t = _NOISE.sub("", unicodedata.normalize("NFKC", text).strip().casefold()).replace(" ", "")
    m = _YEAR.fullmatch(t)
    return int(m.group(1)) if m else None


def parse_annual_table(table: str | Sequence[Sequence[object]],
                       chains: Sequence[str]) -> list[tuple[str, int, float]]:
    """(chain, year, amount) of every filled cell; raises PasteActualsError."""
    rows = split_clipboard(table) if isinstance(table, str) else [list(r) for r in table]
    rows = [r for r in rows if any(to_text(c) for c in r)]
    if len(rows) < 2:
        raise PasteActualsError(["paste a table with a header row of years and a row per "
                                 "chain"])
    problems: list[str] = []
    columns: list[tuple[int, int]] = []
    for c, cell in enumerate(rows[0][1:], start=2):
        text = to_text(cell)
        if not text:
            continue
        year = read_year_header(text)
        if year is None:
            problems.append(f"column {c}: {text!r} is not a year (2025 or 2025年)")
        elif any(y == year for _, y in columns):
            problems.append(f"the year {year} appears in more than one column")
        else:
            columns.append((c, year))
    if not columns and not problems:
        problems.append("the header row names no year (2025 or 2025年)")
    known, seen = set(chains), set()
    out: list[tuple[str, int, float]] = []
    for r, cells in enumerate(rows[1:], start=2):
        chain = to_text(cells[0] if cells else "")
        if not chain or labels.is_total_word(chain):
            continue
        if chain not in known:
            problems.append(f"row {r}: unknown chain {chain!r}")
            continue
        if chain in seen:
            problems.append(f"row {r}: chain {chain!r} appears twice")
            continue
        seen.add(chain)
        for c, year in columns:
            value = cells[c - 1] if c - 1 < len(cells) else None
            if not to_text(value) or to_text(value).casefold() in _NOT_YET:
                continue
            number = to_number(value, "output")
            if isinstance(number, Invalid) or number is None:
                reason = number.reason if isinstance(number, Invalid) else "blank"
                problems.append(f"row {r}, column {c} ({year}): {reason}")
            elif number < 0:
                problems.append(f"row {r}, column {c} ({year}): the amount must not be "
                                f"negative (found {number:g})")
            else:
                out.append((chain, year, number))
    if problems:
        raise PasteActualsError(problems)
    return out


def paste_annual(doc: Document, table: str | Sequence[Sequence[object]],
                 field: str = "output") -> Document:
    """The Document with the table's amounts in Actuals ``field``; raises
    PasteActualsError (the table) or EditError (a year out of range, a value added
    for a year with no output …)."""
    cells = parse_annual_table(table, doc.chain_names)
    for chain, year, value in cells:
        doc = set_actual(doc, chain, year, field, value)
    return doc

