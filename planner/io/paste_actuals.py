"""A statistics table pasted from Excel/WPS into the monthly actuals (Qt-free).

The table has one row per chain and one column per month, with a header row::

    产业链      1-2月   3月    4月  …          产业链    1-2月   1-3月累计  1-4月累计 …
    晶硅光伏    21.42   15.15  13.98           晶硅光伏  21.42   36.57      50.55
    合计        …                              (a 合计/total row is passed over)

A column is a month's own output (``3月``, ``3月当月``) or a year-to-date figure
(``1-3月``, ``3月累计``, ``累计3月``, ``3月 ytd``); ``1-2月`` is the combined
January–February release (month 2), the same number in both kinds of table. A blank,
``-`` or ``—`` cell means the month is not published yet. ``mode`` forces every column
to be monthly or ytd when the headers do not say. ``parse_statistics_table`` gives the
rows (each month's own output: a ytd table is differenced); ``paste_monthly`` applies
them to a Document with models.actuals_edits.set_monthly_rows.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from models import labels
from models.actuals_edits import set_monthly_rows
from models.document import Document, MonthlyRow
from models.edits import EditError
from planner.io.cells import Invalid, to_number, to_text
from planner.io.paste import split_clipboard

MODES = ("auto", "monthly", "ytd")
_DASH = r"[-–—－~～至]"
_RANGE = re.compile(rf"1\s*月?\s*{_DASH}\s*(\d{{1,2}})\s*月?")
_MONTH = re.compile(r"(\d{1,2})\s*月?")
_YTD_WORDS = ("累计", "ytd", "yeartodate", "cumulative")
_MONTHLY_WORDS = ("当月", "本月", "monthly")
_NOISE = re.compile(r"(\d{4}\s*年)|产值|营收|[(（\[【].*?[)）\]】]|output")
_NOT_YET = ("-", "—", "–", "－", "…", "/", "／", "n/a", "na")


class PasteActualsError(EditError):
    """A pasted statistics table that cannot be read; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more)


@dataclass(frozen=True)
class MonthColumn:
    """A header cell read: the month it ends at, and whether it is ytd or combined."""

    month: int
    ytd: bool
    combined: bool = False


def read_month_header(text: str) -> MonthColumn | None:
    """``3月`` -> month 3; ``1-5月`` / ``5月累计`` -> ytd month 5; ``1-2月`` -> the
    combined release (month 2); None when the text names no month."""
    t = unicodedata.normalize("NFKC", text).strip().casefold()
    t = _NOISE.sub("", t).replace(" ", "")
    ytd = any(w in t for w in _YTD_WORDS)
    monthly = any(w in t for w in _MONTHLY_WORDS)
    for w in _YTD_WORDS + _MONTHLY_WORDS:
        t = t.replace(w, "")
    t = t.strip(":：")
    if (m := _RANGE.fullmatch(t)) is not None:
        end = int(m.group(1))
        if end == 2:
            return MonthColumn(2, ytd, combined=True)
        return MonthColumn(end, True) if not monthly else None
    if (m := _MONTH.fullmatch(t)) is not None:
        return MonthColumn(int(m.group(1)), ytd)
    return None


def parse_statistics_table(table: str | Sequence[Sequence[object]], year: int,
                           chains: Sequence[str], mode: str = "auto") -> tuple[MonthlyRow, ...]:
    """The monthly rows of a pasted table for ``year``: each month's own output.

    Raises PasteActualsError naming every problem (row and column of the paste,
    1-based, and the header): unknown chains, unreadable headers or amounts, a table
    mixing monthly and 累计 columns, ytd gaps or falls, duplicate months or chains."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    rows = split_clipboard(table) if isinstance(table, str) else [list(r) for r in table]
    rows = [r for r in rows if any(to_text(c) for c in r)]
    if len(rows) < 2:
        raise PasteActualsError(["paste a table with a header row of months and a row "
                                 "per chain"])
    problems: list[str] = []
    columns = _columns(rows[0], mode, problems)
    known = set(chains)
    seen: dict[str, int] = {}
    out: list[MonthlyRow] = []
    for r, cells in enumerate(rows[1:], start=2):
        chain = to_text(cells[0] if cells else "")
        if not chain or labels.is_total_word(chain):
            continue  # the park total row of a statistics table is not an input
        if chain not in known:
            problems.append(f"row {r}: unknown chain {chain!r}")
            continue
        if chain in seen:
            problems.append(f"row {r}: chain {chain!r} appears twice (rows {seen[chain]} "
                            f"and {r})")
            continue
        seen[chain] = r
        points = _points(cells, columns, r, problems)
        if points is None:
            continue
        is_ytd = any(c.ytd for _, c in columns)
        try:
            own = difference(points) if is_ytd else points
        except ValueError as e:
            problems.append(f"row {r} ({chain}): {e}")
            continue
        out.extend(MonthlyRow(chain, year, month, value, combined)
                   for month, combined, value in own)
    if problems:
        raise PasteActualsError(problems)
    return tuple(out)


def paste_monthly(doc: Document, table: str | Sequence[Sequence[object]], year: int,
                  mode: str = "auto") -> Document:
    """The Document with a pasted table's months for ``year`` (replacing that year's
    months of the pasted chains); raises PasteActualsError or EditError."""
    rows = parse_statistics_table(table, year, doc.chain_names, mode)
    return set_monthly_rows(doc, rows)


def _columns(header: Sequence[object], mode: str,
             problems: list[str]) -> list[tuple[int, MonthColumn]]:
    columns: list[tuple[int, MonthColumn]] = []
    for c, cell in enumerate(header[1:], start=2):
        text = to_text(cell)
        if not text:
            continue
        col = read_month_header(text)
        if col is None or not 1 <= col.month <= 12:
            problems.append(f"column {c}: {text!r} is not a month (3月, 1-2月, 1-5月累计)")
            continue
        if mode != "auto":
            col = MonthColumn(col.month, mode == "ytd", col.combined)
        columns.append((c, col))
    kinds = {col.ytd for _, col in columns if not col.combined}
    if len(kinds) > 1:
        problems.append("the table mixes monthly and 累计 (year-to-date) columns; paste one "
                        "kind")
    if any(col.combined for _, col in columns) and any(
            col.month == 1 and not col.combined for _, col in columns):
        problems.append("the table has both 1月 and 1-2月; 1-2月 already holds January")
    if kinds == {True}:  # a ytd table: 1-2月 is ytd through February
        columns = [(c, MonthColumn(col.month, True, col.combined)) for c, col in columns]
    months = [col.month for _, col in columns]
    for m in sorted({m for m in months if months.count(m) > 1}):
        problems.append(f"the month {labels.month_label(m)} appears in more than one column")
    if not columns and not problems:
        problems.append("the header row names no month (3月, 1-2月, 1-5月累计)")
    return columns


def _points(cells: Sequence[object], columns: list[tuple[int, MonthColumn]], r: int,
            problems: list[str]) -> list[tuple[int, bool, float]] | None:
    points: list[tuple[int, bool, float]] = []
    ok = True
    for c, col in columns:
        value = cells[c - 1] if c - 1 < len(cells) else None
        if to_text(value).casefold() in _NOT_YET or not to_text(value):
            continue
        number = to_number(value, "output")
        if isinstance(number, Invalid) or number is None:
            problems.append(f"row {r}, column {c} ({labels.month_label(col.month, col.combined)}): "
                            f"{number.reason if isinstance(number, Invalid) else 'blank'}")
            ok = False
            continue
        if number < 0:
            problems.append(f"row {r}, column {c}: the output must not be negative "
                            f"(found {number:g})")
            ok = False
            continue
        points.append((col.month, col.combined, number))
    return sorted(points) if ok else None


def difference(points: list[tuple[int, bool, float]]) -> list[tuple[int, bool, float]]:
    """Year-to-date points (month, combined, ytd), in month order, to each month's own
    output; they must run from 1月 (or 1-2月) without gaps and never fall."""
    out: list[tuple[int, bool, float]] = []
    expected, before = 1, 0.0
    for month, combined, ytd in points:
        if month != expected and not (combined and expected == 1):
            gap = labels.month_label(expected) if expected == month - 1 else \
                f"{labels.month_label(expected)}–{labels.month_label(month - 1)}"
            raise ValueError(f"the year-to-date figures must run without gaps from 1月 "
                             f"(or 1-2月): {gap} missing")
        if ytd < before:
            raise ValueError(f"the year to date falls from {before:g} to {ytd:g} in "
                             f"{labels.month_label(month)}")
        out.append((month, combined, ytd - before))
        expected, before = month + 1, ytd
    return out
