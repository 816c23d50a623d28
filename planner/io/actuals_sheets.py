"""The v2 input sheets: Actuals/实绩, MonthlyActuals/月度实绩 and Targets/目标分解.

Cell-level reading only (types, year and month cells, the monthly-or-ytd column and
the differencing of a ytd column); the document rules (year ranges, complete years,
duplicates, the same months in the current year, the 2% warning) are
planner.checks.actuals', so edited documents get the same checks.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from models import labels
from models.document import TOTAL_KEY, ActualRow, MonthlyRow, TargetRow
from models.issues import ERROR, Location, ValidationIssue
from planner.io.cells import to_number, to_text
from planner.io.period_cells import month_label, to_month, to_year
from planner.io.sheets import RawSheet
from planner.io.tables import CellReader

Reader = Callable[[str], "CellReader | None"]


def read_actual_sheets(reader: Reader) -> dict[str, tuple[Any, ...]]:
    """Document parts ``actuals``, ``monthly`` and ``targets`` for the sheets present."""
    parts: dict[str, tuple[Any, ...]] = {}
    for key, read in (("actuals", read_actuals), ("monthly", read_monthly),
                      ("targets", read_targets)):
        cr = reader(key)
        if cr is not None:
            parts[key] = read(cr)
    return parts


def monthly_amount_field(sheet: RawSheet) -> str:
    """The column holding a MonthlyActuals sheet's amounts: output, or ytd."""
    return "ytd" if "ytd" in sheet.columns and "output" not in sheet.columns else "output"


def _number(value: Any) -> Any:
    """An amount in 亿元 (sign and range are checked on the document)."""
    return to_number(value, "output")


def _chain(cells: dict[str, Any]) -> str:
    return to_text(cells.get("chain"))


def _year(cr: CellReader, row: int, cells: dict[str, Any]) -> int | float:
    return cr.take(row, cells, "year", to_year, required=True)


def read_actuals(cr: CellReader) -> tuple[ActualRow, ...]:
    out = []
    for row, cells in cr.sheet.rows:
        out.append(ActualRow(
            chain=_chain(cells), year=_year(cr, row, cells),
            output=cr.take(row, cells, "output", _number, required=True),
            value_added=cr.take(row, cells, "value_added", _number),
            investment=cr.take(row, cells, "investment", _number), row=row))
    return tuple(out)


def read_targets(cr: CellReader) -> tuple[TargetRow, ...]:
    out = []
    for row, cells in cr.sheet.rows:
        chain = _chain(cells)
        if labels.is_total_word(chain):
            chain = TOTAL_KEY
        out.append(TargetRow(year=_year(cr, row, cells), chain=chain,
                             target=cr.take(row, cells, "target", _number, required=True),
                             row=row))
    return tuple(out)


@dataclass
class _Month:
    row: int
    chain: str
    year: int | float
    month: int | float
    combined: bool
    amount: float  # the month's own output, or the ytd figure


def read_monthly(cr: CellReader) -> tuple[MonthlyRow, ...]:
    """Monthly rows, each holding the month's own output; a ytd column is differenced."""
    sheet = cr.sheet
    if not _amount_column_ok(cr):
        return ()
    field = monthly_amount_field(sheet)
    months: list[_Month] = []
    for row, cells in sheet.rows:
        month = cr.take(row, cells, "month", to_month, required=True)
        number, combined = (math.nan, False) if not isinstance(month, tuple) else month
        months.append(_Month(row, _chain(cells), _year(cr, row, cells), number, combined,
                             cr.take(row, cells, field, _number, required=True)))
    _mark_implicit_combined(months)
    if field == "ytd":
        _difference(cr, months)
    return tuple(MonthlyRow(chain=m.chain, year=m.year, month=m.month, output=m.amount,
                            combined=m.combined, row=m.row) for m in months)


def _amount_column_ok(cr: CellReader) -> bool:
    sheet = cr.sheet
    names = {k: labels.COLUMNS["monthly"][k] for k in ("output", "ytd")}
    if "output" in sheet.columns and "ytd" in sheet.columns:
        cr.issues.append(ValidationIssue(
            f"the sheet has both a monthly column output ({names['output']}) and a "
            f"year-to-date column ytd ({names['ytd']}); keep one of them",
            Location(cr.file, sheet.name, 1, sheet.columns["ytd"]), ERROR))
        return False
    if "output" not in sheet.columns and "ytd" not in sheet.columns:
        cr.issues.append(ValidationIssue(
            f"missing the amount column: output ({names['output']}) for each month's own "
            f"output, or ytd ({names['ytd']}) for the year to date, in header row 1",
            Location(cr.file, sheet.name, 1), ERROR))
        return False
    return True


def _groups(months: list[_Month]) -> dict[tuple[str, Any], list[_Month]]:
    groups: dict[tuple[str, Any], list[_Month]] = {}
    for m in months:
        if m.chain and isinstance(m.year, int):
            groups.setdefault((m.chain, m.year), []).append(m)
    return groups


def _mark_implicit_combined(months: list[_Month]) -> None:
    """A (chain, year) whose rows start at month 2 with no month 1: its month 2 is the
    combined January–February release."""
    for group in _groups(months).values():
        numbers = [m.month for m in group if isinstance(m.month, int)]
        if numbers and min(numbers) == 2 and 1 not in numbers:
            for m in group:
                if m.month == 2:
                    m.combined = True


def _difference(cr: CellReader, months: list[_Month]) -> None:
    """ytd figures to each month's own output; gaps and falls are located errors."""
    column = cr.sheet.columns["ytd"]
    for (chain, year), group in _groups(months).items():
        if any(not isinstance(m.month, int) or not 1 <= m.month <= 12 for m in group):
            _unusable(cr, group, column)  # a bad month cell is reported already
            continue
        by_month: dict[int, _Month] = {}
        for m in group:
            if m.month in by_month:  # the duplicate is reported by planner.checks.actuals
                _unusable(cr, [m], column)
            else:
                by_month[m.month] = m
        ordered = [by_month[k] for k in sorted(by_month)]
        _difference_group(cr, chain, year, ordered, column)


def _difference_group(cr: CellReader, chain: str, year: int, ordered: list[_Month],
                      column: int) -> None:
    expected, before, before_label = 1, 0.0, ""
    for i, m in enumerate(ordered):
        if m.month != expected and not (m.combined and expected == 1):
            gap = (month_label(expected) if expected == m.month - 1
                   else f"{month_label(expected)}–{month_label(m.month - 1)}")
            cr.error(m.row, "month", f"the year-to-date rows of {chain!r} {year} must run "
                     f"without gaps from 1月 (or 1-2月): {gap} missing before "
                     f"{month_label(m.month, m.combined)}")
            _unusable(cr, ordered[i:], column)
            return
        ytd = m.amount
        if math.isnan(ytd):  # an unreadable ytd cell, reported already
            _unusable(cr, ordered[i + 1:], column)
            return
        if ytd < before:
            cr.error(m.row, "ytd", f"the year to date of {chain!r} {year} falls from "
                     f"{before:g} ({before_label}) to {ytd:g} ({month_label(m.month)}); "
                     "a year-to-date figure cannot fall")
            _unusable(cr, ordered[i:], column)
            return
        m.amount = ytd - before
        expected, before = m.month + 1, ytd
        before_label = month_label(m.month, m.combined)


def _unusable(cr: CellReader, rows: list[_Month], column: int) -> None:
    """Rows whose own output cannot be derived: NaN, and their ytd cells marked bad so
    the document checks do not report them a second time."""
    for m in rows:
        m.amount = math.nan
        cr.bad.add((cr.sheet.name, m.row, column))
