"""Document rules of the v2 sheets (workbook.md "Schema v2 additions"): Actuals,
MonthlyActuals and Targets, and the settings nowcast_anchor, target_method and
target_scenario. Works on any Document, read or edited (see planner.checks.validate).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from models import labels
from models.labels import month_label
from models.document import TOTAL_KEY, Document, MonthlyRow, Settings
from models.rules import is_finite_number
from models.issues import WARNING
from planner.checks.collector import Checker, found

MISMATCH = 0.02  # a complete year's months may differ from its annual actual by this


def actual_year(doc: Document) -> int:
    """``a``: the latest year on the Actuals sheet, or the base year when none."""
    years = [r.year for r in doc.actuals if _is_year(r.year)
             and doc.settings.base_year < r.year <= doc.settings.end_year]
    return max(years, default=doc.settings.base_year)


def covered_months(rows: Iterable[MonthlyRow]) -> set[int]:
    """The months a (chain, year)'s rows cover; the combined 1–2月 row covers 1 and 2."""
    out: set[int] = set()
    for r in rows:
        if _is_year(r.month):
            out.update((1, 2) if r.combined else (int(r.month),))
    return out


def check_actual_settings(c: Checker, doc: Document) -> None:
    s = doc.settings
    if s.nowcast_anchor not in (0, 1) or isinstance(s.nowcast_anchor, bool):
        c.add("settings", None, "nowcast_anchor", "nowcast_anchor must be 1 or 0 (是/否) "
              f"(found {found(s.nowcast_anchor)})")
    if s.target_method not in labels.TARGET_METHODS:
        names = ", ".join(f"{k}/{v}" for k, v in labels.TARGET_METHODS.items())
        c.add("settings", None, "target_method", f"target_method must be one of {names} "
              f"(found {found(s.target_method)})")
    if s.target_scenario and s.target_scenario not in doc.scenario_names:
        c.add("settings", None, "target_scenario", f"target_scenario {s.target_scenario!r} "
              "is not a scenario on the Scenarios sheet")


def check_actuals(c: Checker, doc: Document, s: Settings | None) -> None:
    """Every rule of the three v2 sheets; year ranges only with usable ``s``."""
    chains = set(doc.chain_names)
    a = actual_year(doc) if s is not None else None
    _annual(c, doc, chains, s)
    _monthly(c, doc, chains, s, a)
    _targets(c, doc, chains, s)


def _is_year(value: object) -> bool:
    return is_finite_number(value) and value == int(value)  # type: ignore[arg-type]


def _chain(c: Checker, sheet: str, row: int | None, chain: str, chains: set[str]) -> bool:
    if not c.required(sheet, row, "chain", chain):
        return False
    if chain not in chains:
        c.add(sheet, row, "chain", f"unknown chain {chain!r} (not on the Chains sheet)")
        return False
    return True


def _year(c: Checker, sheet: str, row: int | None, year: object, first: int | None,
          last: int | None, why: str = "") -> bool:
    if not c.number(sheet, row, "year", year):
        return False
    if first is not None and last is not None and not first <= year <= last:  # type: ignore[operator]
        span = f"from {first} to {last}" if first < last else f"{first}"
        c.add(sheet, row, "year", f"year must be {span}{why} (found {year})")
        return False
    return True


def _amount(c: Checker, sheet: str, row: int | None, field: str, value: object,
            optional: bool = False) -> bool:
    return c.number(sheet, row, field, value, rule="base_output", optional=optional,
                    label=field)


def _annual(c: Checker, doc: Document, chains: set[str], s: Settings | None) -> None:
    first, last = (s.base_year + 1, s.end_year) if s else (None, None)
    for r in doc.actuals:
        _chain(c, "actuals", r.row, r.chain, chains)
        _year(c, "actuals", r.row, r.year, first, last)
        _amount(c, "actuals", r.row, "output", r.output)
        _amount(c, "actuals", r.row, "value_added", r.value_added, optional=True)
        _amount(c, "actuals", r.row, "investment", r.investment, optional=True)
    c.unique("actuals", "year", (((r.chain, r.year), r.row) for r in doc.actuals
                                 if _is_year(r.year)),
             lambda k: f"row for chain {k[0]!r} and year {k[1]}")
    if s is None or not doc.actuals:
        return
    a = actual_year(doc)
    have = {(r.chain, r.year) for r in doc.actuals}
    for chain in doc.chain_names:
        for year in range(s.base_year + 1, a + 1):
            if (chain, year) not in have:
                c.add("actuals", None, None, f"missing the actual output of chain {chain!r} "
                      f"in {year}: every chain needs a row for every year from "
                      f"{s.base_year + 1} to {a} (the latest year on the sheet)")


def _monthly(c: Checker, doc: Document, chains: set[str], s: Settings | None,
             a: int | None) -> None:
    last = min(a + 1, s.end_year) if s is not None and a is not None else None
    first = s.base_year + 1 if s is not None else None
    why = (f" (the years after the base year up to the year after the latest Actuals "
           f"year {a})") if s is not None and a is not None and a > s.base_year else \
        (" (the year after the base year while the Actuals sheet is empty)" if s else "")
    for r in doc.monthly:
        _chain(c, "monthly", r.row, r.chain, chains)
        _year(c, "monthly", r.row, r.year, first, last, why)
        if not (_is_year(r.month) and 1 <= r.month <= 12):
            c.add("monthly", r.row, "month", "month must be a whole number from 1 to 12 "
                  f"(found {found(r.month)})")
        elif r.combined and r.month != 2:
            c.add("monthly", r.row, "month", "only month 2 can be the combined 1-2月 release "
                  f"(found {r.month})")
        _amount(c, "monthly", r.row, "output", r.output)
    keyed = [r for r in doc.monthly if _is_year(r.year) and _is_year(r.month)]
    c.unique("monthly", "month", (((r.chain, r.year, r.month), r.row) for r in keyed),
             lambda k: f"row for chain {k[0]!r}, year {k[1]} and {month_label(k[2])}")
    groups: dict[tuple[str, int], list[MonthlyRow]] = defaultdict(list)
    for r in keyed:
        groups[(r.chain, int(r.year))].append(r)
    for (chain, year), rows in groups.items():
        combined = next((r for r in rows if r.combined), None)
        if combined is None:
            continue
        for r in rows:
            if r.month == 1:
                c.add("monthly", r.row, "month", f"{chain!r} {year} has both 1月 and the "
                      f"combined 1-2月 release (row {combined.row}); keep one of them")
    if s is not None and a is not None:
        _current_year(c, doc, groups, a + 1)
        _mismatch(c, doc, groups, a)


def _current_year(c: Checker, doc: Document,
                  groups: dict[tuple[str, int], list[MonthlyRow]], t: int) -> None:
    """In year a+1 every chain needs the same months 1…m."""
    current = {chain: rows for (chain, year), rows in groups.items() if year == t}
    if not current:
        return
    m = max(max(covered_months(rows), default=0) for rows in current.values())
    if not 1 <= m <= 12:
        return
    want = set(range(1, m + 1))
    span = "1月" if m == 1 else f"1–{m}月"
    for chain in doc.chain_names:
        rows = current.get(chain, [])
        missing = sorted(want - covered_months(rows))
        if not missing:
            continue
        months = ", ".join(month_label(k) for k in missing)
        last = max(rows, key=lambda r: r.row or 0) if rows else None
        c.add("monthly", last.row if last else None, "month" if last else None,
              f"chain {chain!r} has no {t} figure for {months}: in the current year "
              f"{t} every chain needs the same months ({span})")


def _mismatch(c: Checker, doc: Document,
              groups: dict[tuple[str, int], list[MonthlyRow]], a: int) -> None:
    """The 2% warning: a complete year's twelve months against its annual actual."""
    annual = {(r.chain, r.year): r for r in doc.actuals}
    for (chain, year), rows in groups.items():
        actual = annual.get((chain, year))
        if year > a or actual is None or not is_finite_number(actual.output):
            continue
        if covered_months(rows) != set(range(1, 13)):
            continue
        if not all(is_finite_number(r.output) for r in rows):
            continue
        total = sum(r.output for r in rows)
        if abs(total - actual.output) > MISMATCH * abs(actual.output):
            off = ("" if actual.output == 0
                   else f", {100 * (total - actual.output) / actual.output:+.1f}%")
            c.add("actuals", actual.row, "output", f"the twelve months of {chain!r} {year} "
                  f"on the monthly sheet sum to {total:,.2f}, not the annual actual "
                  f"{actual.output:,.2f} (more than 2% apart{off}); the annual figure is "
                  "used", severity=WARNING)


def _targets(c: Checker, doc: Document, chains: set[str], s: Settings | None) -> None:
    first, last = (s.base_year + 1, s.target_year) if s else (None, None)
    for r in doc.targets:
        if r.chain != TOTAL_KEY and c.required("targets", r.row, "chain", r.chain) \
                and r.chain not in chains:
            c.add("targets", r.row, "chain", f"unknown chain {r.chain!r} (not on the Chains "
                  "sheet; 合计/total/* is the park total)")
        _year(c, "targets", r.row, r.year, first, last, " (up to the target year)")
        _amount(c, "targets", r.row, "target", r.target)
    c.unique("targets", "chain", (((r.year, r.chain), r.row) for r in doc.targets
                                  if _is_year(r.year)),
             lambda k: f"target for {'the park total' if k[1] == TOTAL_KEY else repr(k[1])} "
                       f"in {k[0]}")
