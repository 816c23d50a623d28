"""What the 目标分解 tab shows, as GridCells: the year × chain targets with locks and the
park total, this year's months and quarters, and targets vs the re-forecast."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from models.document import TOTAL_KEY, Document
from ui.progress.common import (BAD, BAD_TINT, GOOD_TINT, LOCK_TINT, MUTED,
                                TOTAL_TINT, money, month_label, percent, signed,
                                tr)
from ui.progress.grid import GridCell


@dataclass(frozen=True)
class Grid:
    row_headers: list[str]
    col_headers: list[str]
    rows: list[list[GridCell]]
    col_tips: list[str]


def _num(x: float) -> str:
    return f"{x:.10g}"


def _finite(x) -> float | None:
    return None if x is None or not np.isfinite(x) else float(x)


def target_grid(doc: Document, targets) -> Grid:
    """Rows: chains, 未分配 (when any year has some), the park total. Columns: the history
    years (given targets beside the actuals) and a+1 … N (the decomposition)."""
    given = {(r.year, r.chain): r.target for r in doc.targets}
    chains = list(targets.chains)
    hist_years = list(targets.history_years)
    years = list(targets.years)
    show_unallocated = bool(np.any(np.abs(targets.unallocated) > 1e-9))
    rows: list[list[GridCell]] = []
    for c, chain in enumerate(chains):
        line = [_history_cell(given.get((y, chain)), _finite(targets.history_actual_chains[c, k]),
                              y, chain) for k, y in enumerate(hist_years)]
        for j, y in enumerate(years):
            value = float(targets.by_chain[c, j])
            locked = bool(targets.locked[c, j])
            line.append(_target_cell(value, locked, y, chain))
        rows.append(line)
    if show_unallocated:
        line = [GridCell("") for _ in hist_years]
        for j, y in enumerate(years):
            u = float(targets.unallocated[j])
            line.append(GridCell(money(u) if u else "", u, foreground=BAD if u else None,
                                 bold=bool(u), tooltip=tr(
                                     "Every chain is locked in %1: this much of the park "
                                     "total is not allocated to any chain").replace("%1", str(y))
                                 if u else ""))
        rows.append(line)
    line = [replace(_history_cell(given.get((y, TOTAL_KEY)),
                                  _finite(targets.history_actual_total[k]), y, TOTAL_KEY),
                    background=TOTAL_TINT, bold=True) for k, y in enumerate(hist_years)]
    for j, y in enumerate(years):
        value = float(targets.total[j])
        cell = _target_cell(value, (y, TOTAL_KEY) in given, y, TOTAL_KEY)
        line.append(replace(cell, background=LOCK_TINT if cell.key[3] else TOTAL_TINT,
                            bold=True))
    rows.append(line)
    headers = [tr("%1 (history)").replace("%1", str(y)) for y in hist_years] + \
        [str(y) for y in years]
    tips = [tr("A complete year: the target given then, beside the actual") for _ in hist_years]
    tips += [tr("Decomposed target for %1; type a value to lock it").replace("%1", str(y))
             for y in years]
    names = chains + ([tr("Unallocated")] if show_unallocated else []) + [tr("Park total")]
    return Grid(names, headers, rows, tips)


def _target_cell(value: float, locked: bool, year: int, chain: str) -> GridCell:
    key = ("target", year, chain, locked)
    if locked:
        tip = tr("Locked: a given target (Targets sheet). Unlock to decompose it again.")
        return GridCell(money(value), value, _num(value), key, tip,
                        background=LOCK_TINT, bold=True, locked=True)
    tip = (tr("Computed by the decomposition; type a value to lock the park total")
           if chain == TOTAL_KEY else
           tr("Computed by the decomposition; type a value to lock it"))
    return GridCell(money(value), value, _num(value), key, tip)


def _history_cell(target: float | None, actual: float | None, year: int,
                  chain: str) -> GridCell:
    key = ("target", year, chain, target is not None)
    act = tr("actual %1").replace("%1", money(actual)) if actual is not None else ""
    if target is None:
        tip = tr("No target given for %1").replace("%1", str(year))
        return GridCell("", None, "", key, tip + (f"; {act}" if act else ""), foreground=MUTED)
    done = actual / target if actual is not None and target else None
    tip = tr("Given target %1; %2; completion %3").replace("%1", money(target)) \
        .replace("%2", act or "—").replace("%3", percent(done, 1))
    text = money(target) if done is None else tr("%1 (%2 done)").replace(
        "%1", money(target)).replace("%2", percent(done, 1))
    return GridCell(text, target, _num(target), key, tip, foreground=MUTED, locked=True)


def month_grid(targets) -> Grid | None:
    """This year's months and quarters (chains and the park)."""
    if targets.months_total is None:
        return None
    chains = list(targets.chains)
    rows = []
    for c in range(len(chains) + 1):
        park = c == len(chains)
        months = targets.months_total if park else targets.months_chains[c]
        quarters = targets.quarters_total if park else targets.quarters_chains[c]
        line = [GridCell(money(v), float(v)) for v in months]
        line += [GridCell(money(v), float(v), bold=True) for v in quarters]
        line.append(GridCell(money(float(np.sum(months))), float(np.sum(months)), bold=True))
        if park:
            line = [replace(x, background=TOTAL_TINT, bold=True) for x in line]
        rows.append(line)
    headers = [month_label(k) for k in range(1, 13)]
    headers += [f"Q{q}" for q in range(1, 5)] + [tr("Year")]
    tips = [""] * 12 + [tr("Quarter %1: the sum of its three months").replace("%1", str(q))
                        for q in range(1, 5)] + [""]
    return Grid(chains + [tr("Park total")], headers, rows, tips)


def comparison_grid(targets, result) -> Grid:
    """Re-forecast (bottom-up) minus target (top-down) by chain and year, coloured."""
    years = list(targets.years)
    all_years = [int(y) for y in result.years]
    chains = list(targets.chains)
    rows = []
    for c in range(len(chains) + 1):
        park = c == len(chains)
        line = []
        for j, y in enumerate(years):
            k = all_years.index(y)
            forecast = float(result.total[k] if park else result.chain_total[c, k])
            target = float(targets.total[j] if park else targets.by_chain[c, j])
            gap = forecast - target
            ratio = forecast / target - 1 if target else None
            tip = tr("Re-forecast %1, target %2").replace("%1", money(forecast)) \
                .replace("%2", money(target))
            text = signed(gap) + (f" ({'+' if ratio >= 0 else ''}{percent(ratio, 1)})"
                                  if ratio is not None else "")
            line.append(GridCell(text, gap, tooltip=tip,
                                 background=GOOD_TINT if gap >= -1e-9 else BAD_TINT,
                                 bold=park))
        rows.append(line)
    headers = [str(y) for y in years]
    tips = [tr("Re-forecast minus target: + ahead of the target, − short of it")] * len(years)
    return Grid(chains + [tr("Park total")], headers, rows, tips)
