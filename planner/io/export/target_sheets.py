"""The 年度目标分解 (target breakdown, model.md §7) and 产值来源 (attribution, §8) sheets.

Where a value is arithmetic on other cells it is a formula: the park target of the even
and scenario methods (on the settings' T and N, the reference scenario's Z), each
unlocked chain's share of the remainder, the unallocated amount, months and quarters,
the reference scenario's park totals, the attribution's end and gap and the waterfall's
sums. Given targets and the engine's components are values. Every cell carries the
engine's number.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from models import labels
from planner.io.export.cells import absref, col, put_formula, quote_sheet
from planner.io.export.charts import CHART_HEIGHT, rows_for, size
from planner.io.export.formats import CHART_AMOUNT, Formats
from planner.io.export.page_setup import setup_page
from planner.io.export.texts import text
from planner.io.input_sheets import SheetRef
from planner.model.history import MONTHS, History

STAGES = tuple(labels.STAGES)
ITEMS = ("start", "base_growth", *(f"stage_{k}" for k in STAGES), "pipeline",
         "incubation", "price")


class TargetCells:
    """Where this year's targets sit, for the 月度进度 sheet's links."""

    def __init__(self, sheet: str, row: int | None, first_chain_col: int,
                 total_col: int, unallocated_col: int) -> None:
        self.sheet, self.row = quote_sheet(sheet), row
        self.first, self.total, self.unallocated = first_chain_col, total_col, unallocated_col

    def __call__(self, c: int | None) -> str | None:
        if self.row is None:
            return None
        column = self.total if c is None else self.unallocated if c == -1 else self.first + c
        return f"{self.sheet}!{absref(self.row, column)}"


def write_targets(ws: Worksheet, name: str, fm: Formats, lang: str, targets, history: History,
                  z_chain: np.ndarray, settings: SheetRef, goal: tuple[float, int],
                  profile_cell: Callable[[int, int], str] | None) -> TargetCells:
    """``z_chain`` (C, Y): the reference scenario's re-forecast anchored on a;
    ``profile_cell(c, k)`` a reference to S[c,k] (k = 1..12) on a calculation sheet."""
    t: Callable[[str], str] = lambda key: text(key, lang)  # noqa: E731
    chains = list(targets.chains)
    n_chains = len(chains)
    y0, a = history.base_year, targets.anchor_year
    years = list(targets.years)
    method = "even" if targets.fallback or targets.method != "scenario" else "scenario"
    ws.write_string(0, 0, t("tg_title"), fm.title)
    note = t("tg_note").format(method=t("method_" + method),
                               scenario=targets.reference_scenario, a=a)
    ws.write_string(1, 0, note, fm.note)
    for i, w in enumerate(targets.warnings):
        ws.write_string(2 + i, 0, w, fm.note)
    amount, given = fm.fmt("amount"), fm.fmt("amount", True, bold=True)
    bold = fm.fmt("amount", bold=True)
    # parameters: T, N, a, Z(a)
    p0 = 3 + len(targets.warnings)
    T, N = absref(p0, 1), absref(p0 + 1, 1)
    ws.write_string(p0, 0, t("target_value"), fm.bold)
    put_formula(ws, p0, 1, settings.cell("target_value", "value"), amount, float(goal[0]))
    ws.write_string(p0 + 1, 0, t("target_year"), fm.bold)
    put_formula(ws, p0 + 1, 1, settings.cell("target_year", "value"), fm.fmt("year"),
                float(goal[1]))
    ws.write_string(p0 + 2, 0, t("tg_anchor"), fm.bold)
    ws.write_number(p0 + 2, 1, a, fm.fmt("year"))
    A = absref(p0 + 2, 1)

    # the targets table, then the reference scenario's Z (years a … N) below it
    head = p0 + 5
    ws.write_string(head - 1, 0, t("tg_table"), fm.section)
    ws.write_string(head, 0, t("year"), fm.header)
    ws.write_string(head, 1, t("tg_park"), fm.header)
    for c, chain in enumerate(chains):
        ws.write_string(head, 2 + c, chain, fm.header)
    u_col = 2 + n_chains
    ws.write_string(head, u_col, t("tg_unallocated"), fm.header)
    ws.write_string(head, u_col + 1, t("tg_source"), fm.header)
    first_row = head + 1
    zs = first_row + len(years) + 3                 # Z block section row
    zh = zs + 1
    zrow = {y: zh + 1 + i for i, y in enumerate(range(a, a + len(years) + 1))}
    ztot = 2 + n_chains                             # Z park total column
    za = absref(zrow[a], ztot)
    current_row = None
    for i, y in enumerate(years):
        r = first_row + i
        ws.write_number(r, 0, y, fm.fmt("year"))
        if y == targets.current_year:
            current_row = r
        total = float(targets.total[i])
        if targets.given_total[i]:
            ws.write_number(r, 1, total, given)
            source = t("tg_given")
        elif method == "scenario":
            zy, zn = absref(zrow[y], ztot), absref(zrow[years[-1]], ztot)
            put_formula(ws, r, 1, f"{za}+({zy}-{za})*({T}-{za})/({zn}-{za})", bold, total)
            source = t("method_scenario")
        else:
            put_formula(ws, r, 1, f"{za}*({T}/{za})^(($A{r + 1}-{A})/({N}-{A}))", bold, total)
            source = t("method_even")
        ws.write_string(r, u_col + 1, source, fm.note)
        locked = targets.locked[:, i]
        lock_refs = [f"{col(2 + c)}{r + 1}" for c in range(n_chains) if locked[c]]
        rest = f"($B{r + 1}{''.join('-' + x for x in lock_refs)})"
        free = [c for c in range(n_chains) if not locked[c]]
        weights = z_chain[free, y - y0] if free else np.zeros(0)
        zsum = "+".join(f"{col(2 + c)}{zrow[y] + 1}" for c in free)
        for c in range(n_chains):
            value = float(targets.by_chain[c, i])
            if locked[c]:
                ws.write_number(r, 2 + c, value, given)
            elif weights.sum() > 0:
                put_formula(ws, r, 2 + c, f"{rest}*{col(2 + c)}{zrow[y] + 1}/({zsum})",
                            amount, value)
            else:
                put_formula(ws, r, 2 + c, f"{rest}/{len(free)}", amount, value)
        if free:
            ws.write_number(r, u_col, 0.0, amount)
        else:
            put_formula(ws, r, u_col, rest, amount, float(targets.unallocated[i]))
    # Z block
    ws.write_string(zs, 0, t("tg_z").format(scenario=targets.reference_scenario, a=a),
                    fm.section)
    ws.write_string(zh, 0, t("year"), fm.header)
    ws.write_string(zh, 1, "", fm.header)
    for c, chain in enumerate(chains):
        ws.write_string(zh, 2 + c, chain, fm.header)
    ws.write_string(zh, ztot, t("tg_park"), fm.header)
    for y, r in zrow.items():
        ws.write_number(r, 0, y, fm.fmt("year"))
        for c in range(n_chains):
            ws.write_number(r, 2 + c, float(z_chain[c, y - y0]), amount)
        put_formula(ws, r, ztot, f"SUM(C{r + 1}:{col(ztot - 1)}{r + 1})", bold,
                    float(z_chain[:, y - y0].sum()))
    r = max(zrow.values()) + 2
    if targets.months_chains is not None and current_row is not None:
        r = _months(ws, fm, lang, targets, current_row, r, profile_cell)
    cells = TargetCells(name, current_row, 2, 1, u_col)
    if targets.history_years:
        r = _history(ws, fm, lang, targets, r)
    ws.set_column(0, 0, 16)
    ws.set_column(1, u_col, 11)
    ws.set_column(u_col + 1, u_col + 1, 18)
    setup_page(ws, lang, last_row=r, last_col=max(u_col + 1, 1 + MONTHS + 5),
               title_rows=(head, head), title_cols=(0, 0))
    return cells


def _months(ws, fm, lang, targets, target_row: int, r: int, profile_cell) -> int:
    t = lambda key: text(key, lang)  # noqa: E731
    chains = targets.chains
    ws.write_string(r, 0, t("tg_months").format(year=targets.current_year), fm.section)
    head = r + 1
    ws.write_string(head, 0, t("chain"), fm.header)
    for k in range(1, MONTHS + 1):
        ws.write_string(head, k, t("month").format(k=k), fm.header)
    for q in range(4):
        ws.write_string(head, MONTHS + 1 + q, f"Q{q + 1}", fm.header)
    ws.write_string(head, MONTHS + 5, t("tg_year_total"), fm.header)
    amount, bold = fm.fmt("amount"), fm.fmt("amount", bold=True)
    first = head + 1
    n = len(chains)
    for c, chain in enumerate([*chains, None]):
        row = first + c
        total = chain is None
        ws.write_string(row, 0, t("tg_park") if total else chain, fm.bold if total else None)
        fmt = bold if total else amount
        for k in range(1, MONTHS + 1):
            x = col(k)
            if total:
                u = f"{col(2 + n)}{target_row + 1}"
                put_formula(ws, row, k, f"SUM({x}{first + 1}:{x}{first + n})+{u}/12", fmt,
                            float(targets.months_total[k - 1]))
            else:
                tgt = f"${col(2 + c)}${target_row + 1}"
                if profile_cell is not None:
                    step = (f"({profile_cell(c, k)}-{profile_cell(c, k - 1)})" if k > 1
                            else profile_cell(c, 1))
                else:
                    step = "(1/12)"
                put_formula(ws, row, k, f"{tgt}*{step}", fmt,
                            float(targets.months_chains[c, k - 1]))
        quarters = targets.quarters_total if total else targets.quarters_chains[c]
        for q in range(4):
            put_formula(ws, row, MONTHS + 1 + q,
                        f"SUM({col(3 * q + 1)}{row + 1}:{col(3 * q + 3)}{row + 1})", fmt,
                        float(quarters[q]))
        put_formula(ws, row, MONTHS + 5, f"SUM(B{row + 1}:{col(MONTHS)}{row + 1})", fmt,
                    float((targets.months_total if total else targets.months_chains[c]).sum()))
    return first + n + 2


def _history(ws, fm, lang, targets, r: int) -> int:
    t = lambda key: text(key, lang)  # noqa: E731
    ws.write_string(r, 0, t("tg_history"), fm.section)
    head = r + 1
    for i, key in enumerate(("year", "tg_park_target", "tg_park_actual", "pg_completion")):
        ws.write_string(head, i, t(key), fm.header)
    for i, y in enumerate(targets.history_years):
        row = head + 1 + i
        ws.write_number(row, 0, y, fm.fmt("year"))
        target = float(targets.history_target_total[i])
        actual = float(targets.history_actual_total[i])
        if not np.isnan(target):
            ws.write_number(row, 1, target, fm.fmt("amount"))
        ws.write_number(row, 2, actual, fm.fmt("amount"))
        put_formula(ws, row, 3, f'IF(N(B{row + 1})>0,C{row + 1}/B{row + 1},"")', fm.fmt("rate"),
                    actual / target if not np.isnan(target) and target > 0 else "")
    return head + len(targets.history_years) + 2
