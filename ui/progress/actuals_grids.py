"""What the 实绩 tab shows, as GridCells: annual actuals (chain × year) and one year's
monthly figures (chain × month), each with a park-total row."""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from models.document import Document
from ui.progress.common import BAD, MUTED, TOTAL_TINT, money, month_label, percent, tr
from ui.progress.grid import GridCell

ANNUAL_FIELDS = ("output", "value_added", "investment")
MISMATCH = 0.02     # workbook.md: a complete year's months differing by more than 2%


def actual_year(doc: Document) -> int:
    """a: the latest year with annual actuals (the base year when there are none)."""
    return max((r.year for r in doc.actuals), default=doc.settings.base_year)


def annual_years(doc: Document) -> list[int]:
    """The annual grid's columns: y0+1 … a, and a+1 to enter the next year (within E)."""
    s = doc.settings
    last = min(actual_year(doc) + 1, s.end_year)
    return list(range(s.base_year + 1, last + 1))


def monthly_years(doc: Document) -> list[int]:
    """Years monthly figures may be entered for: y0+1 … min(a+1, E)."""
    return annual_years(doc)


def _number_text(x: float) -> str:
    return f"{x:.10g}"


@dataclass(frozen=True)
class Grid:
    row_headers: list[str]
    col_headers: list[str]
    rows: list[list[GridCell]]
    col_tips: list[str]


def annual_grid(doc: Document, field: str) -> Grid:
    years = annual_years(doc)
    a = actual_year(doc)
    values = {(r.chain, r.year): getattr(r, field) for r in doc.actuals}
    rows: list[list[GridCell]] = []
    totals = [0.0] * len(years)
    complete = [True] * len(years)
    for chain in doc.chain_names:
        line = []
        for j, y in enumerate(years):
            v = values.get((chain, y))
            if v is None:
                complete[j] = False
                tip = (tr("Not given: the model's value is used") if field != "output"
                       and (chain, y) in values else
                       tr("Type or paste %1 actuals to add the year").replace("%1", str(y))
                       if y > a else "")
                line.append(GridCell("", None, "", ("annual", chain, y, field), tip))
            else:
                totals[j] += v
                line.append(GridCell(money(v), v, _number_text(v), ("annual", chain, y, field)))
        rows.append(line)
    rows.append([GridCell(money(t) if ok else "", t if ok else None,
                          background=TOTAL_TINT, bold=True)
                 for t, ok in zip(totals, complete)])
    headers = [tr("%1 (actual)").replace("%1", str(y)) if y <= a else
               tr("%1 (new)").replace("%1", str(y)) for y in years]
    tips = [tr("Annual statistics for %1").replace("%1", str(y)) if y <= a else
            tr("The next year: every chain needs a value (paste the whole column)")
            for y in years]
    return Grid(list(doc.chain_names) + [tr("Park total")], headers, rows, tips)


def monthly_table(doc: Document, year: int) -> dict[str, dict[int, tuple[float, bool]]]:
    """chain -> month -> (output, combined) for ``year``."""
    out: dict[str, dict[int, tuple[float, bool]]] = {}
    for r in doc.monthly:
        if r.year == year:
            out.setdefault(r.chain, {})[r.month] = (r.output, r.combined)
    return out


def monthly_grid(doc: Document, year: int, cumulative: bool = False) -> Grid:
    """Months 1–12, the year's sum so far and (for a year with annual actuals) the annual
    figure and how far the months are from it. Cumulative mode is read-only."""
    table = monthly_table(doc, year)
    annual = {r.chain: r.output for r in doc.actuals if r.year == year}
    rows: list[list[GridCell]] = []
    month_totals = [0.0] * 12
    month_seen = [False] * 12
    for chain in doc.chain_names:
        months = table.get(chain, {})
        combined = months.get(2, (0.0, False))[1]
        line: list[GridCell] = []
        running = 0.0
        for k in range(1, 13):
            key = ("monthly", chain, year, k)
            got = months.get(k)
            if k == 1 and combined:
                line.append(GridCell(tr("in Feb"), None, None, key,
                                     tr("January is inside the combined Jan–Feb figure"),
                                     foreground=MUTED, italic=True))
                continue
            if got is None:
                line.append(GridCell("", None, None if cumulative else "", key))
                continue
            value = got[0]
            running += value
            month_totals[k - 1] += value
            month_seen[k - 1] = True
            shown = running if cumulative else value
            tip = tr("January and February together (the 1–2月 release)") if got[1] else ""
            line.append(GridCell(money(shown), shown,
                                 None if cumulative else _number_text(value), key, tip,
                                 italic=got[1]))
        total = sum(v for v, _ in months.values())
        line.append(GridCell(money(total) if months else "", total if months else None,
                             bold=True))
        line.extend(_annual_columns(annual.get(chain), total, len(months) > 0,
                                    _complete(months)))
        rows.append(line)
    total_line: list[GridCell] = []
    running = 0.0
    for k in range(12):
        running += month_totals[k]
        shown = running if cumulative else month_totals[k]
        total_line.append(GridCell(money(shown) if month_seen[k] else "",
                                   shown if month_seen[k] else None,
                                   background=TOTAL_TINT, bold=True))
    park = sum(month_totals)
    total_line.append(GridCell(money(park) if any(month_seen) else "", park,
                               background=TOTAL_TINT, bold=True))
    park_annual = sum(annual.values()) if annual else None
    total_line.extend(replace(c, background=TOTAL_TINT, bold=True)
                      for c in _annual_columns(park_annual, park, any(month_seen),
                                               all(_complete(table.get(ch, {}))
                                                   for ch in doc.chain_names)))
    rows.append(total_line)
    headers = [month_label(k) for k in range(1, 13)]
    headers += [tr("Sum of months"), tr("Annual actual"), tr("Months vs annual")]
    tips = [""] * 12 + [tr("The sum of the months entered"),
                        tr("The annual statistics (authoritative for a complete year)"),
                        tr("How far the twelve months are from the annual figure; more than "
                           "2% is flagged")]
    return Grid(list(doc.chain_names) + [tr("Park total")], headers, rows, tips)


def _complete(months: dict[int, tuple[float, bool]]) -> bool:
    covered = set(months)
    if months.get(2, (0, False))[1]:
        covered.add(1)
    return covered >= set(range(1, 13))


def _annual_columns(annual: float | None, total: float, any_month: bool,
                    complete: bool) -> list[GridCell]:
    if annual is None:
        return [GridCell(""), GridCell("")]
    cells = [GridCell(money(annual), annual)]
    if not (any_month and complete) or annual == 0:
        cells.append(GridCell(""))
        return cells
    ratio = total / annual - 1
    off = abs(ratio) > MISMATCH and not math.isclose(abs(ratio), MISMATCH)
    cells.append(GridCell(("+" if ratio > 0 else "") + percent(ratio, 1), ratio,
                          tooltip=tr("More than 2% from the annual figure: the annual figure "
                                     "is used") if off else "",
                          foreground=BAD if off else None))
    return cells
