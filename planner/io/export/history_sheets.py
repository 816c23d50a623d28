"""The 实绩对比 (actual vs plan) and 月度进度 (monthly progress) sheets (model.md §6).

Actuals and monthly figures are links to the input sheets (correct one there and these
sheets follow); deviations, ratios, sums, year-to-date, completion and points ahead are
formulas; the plan path, this year's targets (links to 年度目标分解 when it is there)
and the profile shares are cached engine values or links.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
from xlsxwriter.worksheet import Worksheet

from planner.io.export.calc_history import MonthLinks
from planner.io.export.cells import col, put_formula
from planner.io.export.formats import Formats
from planner.io.export.page_setup import setup_page
from planner.io.export.texts import text
from planner.io.input_sheets import SheetRef
from planner.model.history import MONTHS, History
from planner.model.result import Result

FIRST_ROW = 3          # header row of the tables (0-based); rows 0–1 title and note


def write_actual_vs_plan(ws: Worksheet, fm: Formats, lang: str, history: History,
                         results: list[Result], refs: dict[str, SheetRef]) -> None:
    """Per scenario, chain rows and a total: plan, actual, deviation, ratio per year."""
    t: Callable[[str], str] = lambda key: text(key, lang)  # noqa: E731
    y0, a = history.base_year, history.actual_year
    years = list(range(y0 + 1, a + 1))
    ws.write_string(0, 0, t("avp_title"), fm.title)
    ws.write_string(1, 0, t("avp_note"), fm.note)
    head = FIRST_ROW
    ws.write_string(head, 0, t("scenario"), fm.header)
    ws.write_string(head, 1, t("chain"), fm.header)
    ws.write_string(head + 1, 0, "", fm.header)
    ws.write_string(head + 1, 1, "", fm.header)
    sub = ("plan", "actual_short", "deviation", "ratio")
    for i, y in enumerate(years):
        c0 = 2 + 4 * i
        ws.merge_range(head, c0, head, c0 + 3, "", fm.header_year)
        ws.write_number(head, c0, y, fm.header_year)
        for j, key in enumerate(sub):
            ws.write_string(head + 1, c0 + j, t(key), fm.header)
    amount, ratio = fm.fmt("amount"), fm.fmt("rate")
    bold, bold_ratio = fm.fmt("amount", bold=True), fm.fmt("rate", bold=True)
    act = refs["actuals"]
    r = head + 2
    n_chains = len(history.chains)
    for res in results:
        first = r
        for c, chain in enumerate([*history.chains, None]):
            total = chain is None
            ws.write_string(r, 0, res.scenario, fm.bold if c == 0 else None)
            ws.write_string(r, 1, t("total_row") if total else chain, fm.bold if total else None)
            for i, y in enumerate(years):
                j = y - y0
                c0 = 2 + 4 * i
                p, x, d = (f"{col(c0 + q)}{r + 1}" for q in range(3))
                plan = (float(res.plan_total[j]) if total
                        else float(res.plan_chain_total[c, j]))
                actual = (float(np.nansum(history.actual[:, j])) if total
                          else float(history.actual[c, j]))
                if total:
                    span = lambda q: f"{col(c0 + q)}{first + 1}:{col(c0 + q)}{r}"  # noqa: E731
                    put_formula(ws, r, c0, f"SUM({span(0)})", bold, plan)
                    put_formula(ws, r, c0 + 1, f"SUM({span(1)})", bold, actual)
                else:
                    ws.write_number(r, c0, plan, amount)
                    put_formula(ws, r, c0 + 1, act.cell((chain, y), "output"), amount, actual)
                put_formula(ws, r, c0 + 2, f"{x}-{p}", bold if total else amount,
                            actual - plan)
                put_formula(ws, r, c0 + 3, f'IF({p}=0,"",{d}/{p})',
                            bold_ratio if total else ratio,
                            (actual - plan) / plan if plan != 0 else "")
            r += 1
        r += 1
    ws.freeze_panes(head + 2, 2)
    ws.set_column(0, 0, 14)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 1 + 4 * len(years), 11)
    setup_page(ws, lang, last_row=r, last_col=1 + 4 * len(years),
               title_rows=(head, head + 1), title_cols=(0, 1), tall=-(-(r + 1) // 60))
    del n_chains


PROGRESS_COLS = ("ytd", "share", "estimate", "target", "completion", "time_progress",
                 "ahead_pp", "expected_ytd", "ahead_seasonal_pp")


def write_monthly_progress(ws: Worksheet, fm: Formats, lang: str, history: History,
                           progress, doc, refs: dict[str, SheetRef],
                           share_cell: Callable[[int], str] | None,
                           target_cell: Callable[[int | None], str | None] | None) -> None:
    """Months 1..12 of the current year per chain, then YTD, the estimate and the measures
    against this year's targets (model.md §6). ``share_cell(c)`` is a reference to s_c on
    a calculation sheet; ``target_cell(c)`` (None = the park total, or the unallocated
    amount with ``-1``) to this year's target on 年度目标分解."""
    t: Callable[[str], str] = lambda key: text(key, lang)  # noqa: E731
    m, year = history.months, history.current_year
    ws.write_string(0, 0, t("mp_title").format(year=year, months=m), fm.title)
    ws.write_string(1, 0, t("mp_note"), fm.note)
    head = FIRST_ROW
    ws.write_string(head, 0, t("chain"), fm.header)
    for k in range(1, MONTHS + 1):
        ws.write_string(head, k, t("month").format(k=k), fm.header)
    c0 = MONTHS + 1
    for i, key in enumerate(PROGRESS_COLS):
        ws.write_string(head, c0 + i, t("pg_" + key), fm.header)
    amount, rate, pp = fm.fmt("amount"), fm.fmt("rate"), fm.fmt("pp")
    bold = fm.fmt("amount", bold=True)
    links = MonthLinks(doc, refs.get("monthly"))
    n = len(history.chains)
    cell = {key: col(c0 + i) for i, key in enumerate(PROGRESS_COLS)}
    first, total_row = head + 1, head + 1 + n
    has_target = progress.target is not None and target_cell is not None
    tp = m / MONTHS
    for c, chain in enumerate([*history.chains, None]):
        r = head + 1 + c
        R = r + 1
        total = chain is None
        ws.write_string(r, 0, t("total_row") if total else chain, fm.bold if total else None)
        fmt = bold if total else amount
        for k in range(1, m + 1):
            x = col(k)
            if total:
                put_formula(ws, r, k, f"SUM({x}{first + 1}:{x}{total_row})", fmt,
                            float(np.nansum(history.monthly[:, k - 1])))
            else:
                put_formula(ws, r, k, links.link(chain, year, k), fmt,
                            float(history.monthly[c, k - 1]))
        ytd = progress.ytd_total if total else float(progress.ytd[c])
        put_formula(ws, r, c0, f"SUM(B{R}:{col(m)}{R})", fmt, ytd)
        if total:
            put_formula(ws, r, c0 + 2, f"SUM({cell['estimate']}{first + 1}:"
                        f"{cell['estimate']}{total_row})", fmt, progress.estimate_total)
        else:
            if share_cell is not None:
                put_formula(ws, r, c0 + 1, share_cell(c), fm.fmt("share"),
                            float(progress.share[c]))
            else:
                ws.write_number(r, c0 + 1, float(progress.share[c]), fm.fmt("share"))
            put_formula(ws, r, c0 + 2, f"{cell['ytd']}{R}/{cell['share']}{R}", fmt,
                        float(progress.estimate[c]))
        put_formula(ws, r, c0 + 5, f"{m}/12", rate, tp)
        if not has_target:
            continue
        target = progress.target_total if total else float(progress.target[c])
        put_formula(ws, r, c0 + 3, target_cell(None if total else c), fmt, target)
        T, Y = f"{cell['target']}{R}", f"{cell['ytd']}{R}"
        completion = (progress.completion_total if total else progress.completion[c])
        ok = target != 0
        put_formula(ws, r, c0 + 4, f'IF({T}=0,"",{Y}/{T})', rate,
                    float(completion) if ok else "")
        put_formula(ws, r, c0 + 6, f'IF({T}=0,"",100*({Y}/{T}-{cell["time_progress"]}{R}))',
                    pp, float(progress.ahead_pp_total if total else progress.ahead_pp[c])
                    if ok else "")
        if total:
            unallocated = target_cell(-1)
            put_formula(ws, r, c0 + 7, f"SUM({cell['expected_ytd']}{first + 1}:"
                        f"{cell['expected_ytd']}{total_row})+{unallocated}*{m}/12", fmt,
                        progress.expected_ytd_total)
        else:
            put_formula(ws, r, c0 + 7, f"{cell['share']}{R}*{T}", fmt,
                        float(progress.expected_ytd[c]))
        E = f"{cell['expected_ytd']}{R}"
        ahead = progress.ahead_seasonal_pp_total if total else progress.ahead_seasonal_pp[c]
        put_formula(ws, r, c0 + 8, f'IF({T}=0,"",100*({Y}-{E})/{T})', pp,
                    float(ahead) if ok else "")
    ws.freeze_panes(head + 1, 1)
    ws.set_column(0, 0, 16)
    ws.set_column(1, MONTHS, 8.5)
    ws.set_column(c0, c0 + len(PROGRESS_COLS) - 1, 11)
    ws.set_row(head, 45)
    setup_page(ws, lang, last_row=total_row + 2, last_col=c0 + len(PROGRESS_COLS) - 1,
               title_rows=(head, head), title_cols=(0, 0))
