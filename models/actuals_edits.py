"""Edits of the v2 tables as pure functions (Document in, new Document out): annual
actuals, monthly actuals and given targets (workbook.md "Schema v2 additions").

Each function checks what the edit itself can get wrong — an unknown chain, a year or
month out of range, a negative or non-numeric amount, a month that clashes with the
combined 1–2月 release — and raises models.edits.EditError with an English message
(the UI translates it through ui/messages.py). Rules about the document as a whole
(complete years, the same months in the current year, the 2% warning) stay with
planner.checks.actuals, which the app runs after every edit.

Rows are updated in place; new rows are appended. Amounts are 亿元.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Iterable

from models.document import TOTAL_KEY, ActualRow, Document, MonthlyRow, TargetRow
from models.edits import EditError
from models.labels import month_label

ACTUAL_FIELDS = ("output", "value_added", "investment")


def latest_actual_year(doc: Document) -> int:
    """``a``: the latest year with an Actuals row, or the base year when there is none."""
    s = doc.settings
    years = [r.year for r in doc.actuals if isinstance(r.year, int)
             and s.base_year < r.year <= s.end_year]
    return max(years, default=s.base_year)


def _amount(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value):
        raise EditError(f"{what} must be a number (found {value!r})")
    if value < 0:
        raise EditError(f"{what} must not be negative (found {value:g})")
    return float(value)


def _chain(doc: Document, chain: str) -> None:
    if chain not in doc.chain_names:
        raise EditError(f"unknown chain {chain!r}")


def _year(year: object, first: int, last: int, why: str) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not first <= year <= last:
        span = f"{first}" if first == last else f"from {first} to {last}"
        raise EditError(f"{why} year must be {span} (found {year!r})")
    return year


# -- annual actuals ---------------------------------------------------------------------
def set_actual(doc: Document, chain: str, year: int, field: str,
               value: float | None) -> Document:
    """Set one Actuals cell: ``field`` is output, value_added or investment.

    A new (chain, year) row starts with its output; value_added and investment may be
    blank (None: the model's value is used). Setting output to None removes the row."""
    if field not in ACTUAL_FIELDS:
        raise EditError(f"unknown actuals field {field!r} (expected one of "
                        f"{', '.join(ACTUAL_FIELDS)})")
    _chain(doc, chain)
    s = doc.settings
    _year(year, s.base_year + 1, s.end_year, "an actual's")
    if value is None and field == "output":
        return remove_actual(doc, chain, year)
    number = None if value is None else _amount(value, field)
    for i, r in enumerate(doc.actuals):
        if r.chain == chain and r.year == year:
            rows = doc.actuals[:i] + (replace(r, **{field: number}),) + doc.actuals[i + 1:]
            return doc.replace(actuals=rows)
    if field != "output":
        raise EditError(f"enter the output of {chain!r} in {year} before its {field}")
    return doc.replace(actuals=doc.actuals + (ActualRow(chain, year, number),))  # type: ignore[arg-type]


def remove_actual(doc: Document, chain: str, year: int) -> Document:
    """Remove the Actuals row of (chain, year); nothing happens when there is none."""
    return doc.replace(actuals=tuple(r for r in doc.actuals
                                     if not (r.chain == chain and r.year == year)))


# -- monthly actuals --------------------------------------------------------------------
def monthly_years(doc: Document) -> range:
    """The years monthly rows may have: base_year+1 … min(a+1, end_year)."""
    s = doc.settings
    return range(s.base_year + 1, min(latest_actual_year(doc) + 1, s.end_year) + 1)


def set_monthly(doc: Document, chain: str, year: int, month: int, output: float | None,
                combined: bool = False) -> Document:
    """Set a month's own output (not the year to date); None removes the month's row.

    ``combined=True`` (month 2 only) enters the 1–2月 release: January and February
    together, with no row for month 1. A plain month 2 keeps a combined row's flag, so
    correcting the 1–2月 figure does not split it; use ``combined=False`` on a new row
    or remove the row first to change its kind."""
    _chain(doc, chain)
    years = monthly_years(doc)
    _year(year, years.start, years.stop - 1, "a monthly")
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise EditError(f"month must be from 1 to 12 (found {month!r})")
    if combined and month != 2:
        raise EditError(f"only month 2 can be the combined 1-2月 release (found {month})")
    if output is None:
        return remove_monthly(doc, chain, year, month)
    number = _amount(output, f"the output of {month_label(month, combined)}")
    same = [r for r in doc.monthly if r.chain == chain and r.year == year]
    if month == 1 and any(r.combined for r in same):
        raise EditError(f"{chain!r} {year} has the combined 1-2月 release; January is "
                        "inside it (remove the 1-2月 row to enter January alone)")
    if combined and any(r.month == 1 for r in same):
        raise EditError(f"{chain!r} {year} has a row for 1月; remove it before entering "
                        "the combined 1-2月 release")
    for i, r in enumerate(doc.monthly):
        if r.chain == chain and r.year == year and r.month == month:
            row = replace(r, output=number, combined=r.combined or combined)
            return doc.replace(monthly=doc.monthly[:i] + (row,) + doc.monthly[i + 1:])
    return doc.replace(monthly=doc.monthly + (MonthlyRow(chain, year, month, number,
                                                         combined),))


def remove_monthly(doc: Document, chain: str, year: int, month: int) -> Document:
    """Remove the row of (chain, year, month) (month 2 also removes a 1–2月 row)."""
    return doc.replace(monthly=tuple(r for r in doc.monthly if not (
        r.chain == chain and r.year == year and r.month == month)))


def set_monthly_rows(doc: Document, rows: Iterable[MonthlyRow]) -> Document:
    """Many months at once (a pasted statistics table), each as ``set_monthly``; the
    rows of a (chain, year) in ``rows`` replace all its existing rows, so a pasted year
    never mixes with stale months. All or nothing: the first bad row raises."""
    rows = tuple(rows)
    pasted = {(r.chain, r.year) for r in rows}
    out = doc.replace(monthly=tuple(r for r in doc.monthly
                                    if (r.chain, r.year) not in pasted))
    for r in sorted(rows, key=lambda r: (not r.combined, r.month)):
        out = set_monthly(out, r.chain, r.year, r.month, r.output, r.combined)
    order = {(r.chain, r.year, r.month): i for i, r in enumerate(rows)}
    kept = tuple(r for r in out.monthly if (r.chain, r.year) not in pasted)
    new = sorted((r for r in out.monthly if (r.chain, r.year) in pasted),
                 key=lambda r: order[(r.chain, r.year, r.month)])
    return out.replace(monthly=kept + tuple(new))


# -- targets ----------------------------------------------------------------------------
def _target_chain(doc: Document, chain: str) -> None:
    if chain != TOTAL_KEY:
        _chain(doc, chain)


def set_target(doc: Document, year: int, chain: str, value: float | None) -> Document:
    """Give (lock) the target of a chain, or of the park total with ``TOTAL_KEY``, for a
    year base_year+1 … target_year; None clears it (``clear_target``)."""
    _target_chain(doc, chain)
    s = doc.settings
    _year(year, s.base_year + 1, s.target_year, "a target's")
    if value is None:
        return clear_target(doc, year, chain)
    number = _amount(value, "a target")
    for i, r in enumerate(doc.targets):
        if r.year == year and r.chain == chain:
            rows = doc.targets[:i] + (replace(r, target=number),) + doc.targets[i + 1:]
            return doc.replace(targets=rows)
    return doc.replace(targets=doc.targets + (TargetRow(year, chain, number),))


def clear_target(doc: Document, year: int, chain: str) -> Document:
    """Remove the given target of (year, chain): the cell is decomposed again (解锁)."""
    return doc.replace(targets=tuple(r for r in doc.targets
                                     if not (r.year == year and r.chain == chain)))
