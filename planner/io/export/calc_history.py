"""The history blocks of a calculation sheet (model.md §6), as live formulas.

Annual actuals, actual value added and every monthly figure are links to the 实绩 /
月度实绩 input sheets, so a planner who corrects an actual there sees the profile, the
year-to-date, the estimate, the anchor B' = O[a*]/P[a*] and every later year of every
scenario move. The key years (a, a*, m) are the document's shape and are written as
numbers; the history years' investment (actual where given, else the plan path's
spending) is written as values.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from models import Document
from planner.io.export.cells import col, put_formula
from planner.io.export.layout import KEY_YEARS, NOWCAST_COLS, YEAR_COL
from planner.io.input_sheets import SheetRef
from planner.model.history import MONTHS, History

if TYPE_CHECKING:
    from planner.io.export.calc_sheet import CalcSheet


def history_blocks(history: History | None, doc: Document) -> frozenset[str]:
    """Which optional blocks a sheet needs for this history."""
    parts = {"key_years"}
    if history is None:
        return frozenset(parts)
    k = history.anchor_year - history.base_year
    if history.actual_year > history.base_year:
        parts.add("actual")
        if any(r.value_added is not None for r in doc.actuals):
            parts.add("actual_va")
    if any(y is not None for y in history.profile_year):
        parts.add("profile_months")
    if history.months or any(y is not None for y in history.profile_year):
        parts.add("profile")
    if history.months:
        parts.update({"current_months", "nowcast"})
    if k > 0:
        parts.update({"nowcast", "history_investment"})
    return frozenset(parts)


class MonthLinks:
    """References to the 月度实绩 cells of one (chain, year): month k's own output,
    halving a combined 1–2月 row (model.md §6)."""

    def __init__(self, doc: Document, ref: SheetRef | None) -> None:
        self.ref = ref
        self.rows = {(r.chain, r.year, r.month): r for r in doc.monthly}

    def link(self, chain: str, year: int, month: int) -> str | None:
        if self.ref is None:
            return None
        row = self.rows.get((chain, year, month))
        if row is not None and not row.combined:
            return self.ref.cell((chain, year, month), "output")
        combined = self.rows.get((chain, year, 2))
        if month in (1, 2) and combined is not None and combined.combined:
            return self.ref.cell((chain, year, 2), "output") + "/2"
        return None


def write_history(sheet: "CalcSheet", refs: dict[str, SheetRef], doc: Document) -> None:
    ws, L, fm, t = sheet.ws, sheet.layout, sheet.fm, sheet.t
    h: History | None = sheet.history
    parts = L.history
    y0 = int(sheet.inputs.years[0])
    amount, share = fm.fmt("amount"), fm.fmt("share")
    chains = sheet.inputs.chains

    # key years
    sheet.section("key_years", "key_years")
    anchor = h.anchor_year if h is not None else y0
    values = {"actual_year": h.actual_year if h is not None else y0, "anchor_year": anchor,
              "months": h.months if h is not None else 0}
    for i, key in enumerate(KEY_YEARS):
        r = L.rows["key_years"] + i
        ws.write_string(r, 0, t(key))
        ws.write_number(r, YEAR_COL, values[key], fm.fmt("year"))
        ws.write_string(r, YEAR_COL + 1, t(key + "_note"), fm.note)
    if h is None:
        return
    k = h.anchor_year - y0
    a = h.actual_year - y0
    months = MonthLinks(doc, refs.get("monthly"))

    if "actual" in parts:
        sheet.section("actual", "actual")
        sheet.chain_labels("actual", t("yuan"))
        act = refs["actuals"]
        for c, name in enumerate(chains):
            r = L.chain_row("actual", c)
            for j in range(1, a + 1):
                put_formula(ws, r, L.year_col(j), act.cell((name, y0 + j), "output"), amount,
                            float(h.actual[c, j]))
    if "actual_va" in parts:
        sheet.section("actual_va", "actual_va")
        sheet.chain_labels("actual_va", t("yuan"))
        act = refs["actuals"]
        for c, name in enumerate(chains):
            r = L.chain_row("actual_va", c)
            for j in range(1, a + 1):
                if not np.isnan(h.actual_value_added[c, j]):
                    put_formula(ws, r, L.year_col(j), act.cell((name, y0 + j), "value_added"),
                                amount, float(h.actual_value_added[c, j]))

    def month_header(block: str, first: str) -> None:
        head = L.rows[block + "_header"]
        ws.write_string(head, 0, t("chain"), fm.header)
        ws.write_string(head, 1, first, fm.header)
        for m in range(1, MONTHS + 1):
            ws.write_number(head, L.month_col(m), m, fm.header_year)

    if "profile_months" in parts:
        sheet.section("profile_months", "profile_months")
        month_header("profile_months", t("profile_year"))
        for c, name in enumerate(chains):
            r = L.chain_row("profile_months", c)
            ws.write_string(r, 0, name)
            year = h.profile_year[c]
            if year is None:
                ws.write_string(r, 1, t("no_profile_year"), fm.note)
                continue
            ws.write_number(r, 1, year, fm.fmt("year"))
            block = _month_values(doc, name, year)
            for m in range(1, MONTHS + 1):
                put_formula(ws, r, L.month_col(m), months.link(name, year, m), amount,
                            block[m - 1])
    if "profile" in parts:
        sheet.section("profile", "profile")
        month_header("profile", "")
        head = L.rows["profile_header"] + 1
        for c, name in enumerate(chains):
            r = L.chain_row("profile", c)
            ws.write_string(r, 0, name)
            pm = L.chain_row("profile_months", c) + 1 if "profile_months" in parts else None
            for m in range(1, MONTHS + 1):
                x = col(L.month_col(m))
                if pm is not None and h.profile_year[c] is not None:
                    first, last = col(L.month_col(1)), col(L.month_col(MONTHS))
                    formula = f"SUM(${first}{pm}:{x}{pm})/SUM(${first}{pm}:${last}{pm})"
                else:
                    formula = f"{x}${head}/12"
                put_formula(ws, r, L.month_col(m), formula, share, float(h.profile[c, m]))
    m_now = h.months
    if "current_months" in parts:
        sheet.section("current_months", "current_months")
        month_header("current_months", t("year"))
        for c, name in enumerate(chains):
            r = L.chain_row("current_months", c)
            ws.write_string(r, 0, name)
            ws.write_number(r, 1, h.current_year, fm.fmt("year"))
            for m in range(1, m_now + 1):
                put_formula(ws, r, L.month_col(m), months.link(name, h.current_year, m),
                            amount, float(h.monthly[c, m - 1]))
    if "nowcast" in parts:
        _nowcast(sheet, h, refs)
    if "history_investment" in parts:
        sheet.section("history_investment", "history_investment")
        sheet.chain_labels("history_investment", t("yuan"))
        f = fm.fmt("amount", True)
        spend = sheet.values.history_spend.tolist()
        for c in range(len(chains)):
            r = L.chain_row("history_investment", c)
            for j, value in enumerate(spend[c]):
                ws.write_number(r, L.year_col(j), value, f)


def _month_values(doc: Document, chain: str, year: int) -> list[float]:
    out = [float("nan")] * MONTHS
    for r in doc.monthly:
        if r.chain == chain and r.year == year:
            if r.combined:
                out[0] = out[1] = r.output / 2.0
            else:
                out[r.month - 1] = r.output
    return out


def _nowcast(sheet: "CalcSheet", h: History, refs: dict[str, SheetRef]) -> None:
    ws, L, fm, t = sheet.ws, sheet.layout, sheet.fm, sheet.t
    y0 = h.base_year
    k = h.anchor_year - y0
    a = h.actual_year - y0
    m = h.months
    sheet.section("nowcast", "nowcast")
    head = L.rows["nowcast_header"]
    ws.write_string(head, 0, t("chain"), fm.header)
    for key in NOWCAST_COLS:
        ws.write_string(head, L.nowcast_col(key), t("nc_" + key), fm.header)
    amount, share, index = fm.fmt("amount"), fm.fmt("share"), fm.fmt("index")
    share_values = h.nowcast_share
    for c, name in enumerate(h.chains):
        r = L.chain_row("nowcast", c)
        n = r + 1
        ws.write_string(r, 0, name)
        cell = {key: f"{col(L.nowcast_col(key))}{n}" for key in NOWCAST_COLS}
        if m:
            cm = L.chain_row("current_months", c) + 1
            put_formula(ws, r, L.nowcast_col("ytd"),
                        f"SUM({col(L.month_col(1))}{cm}:{col(L.month_col(m))}{cm})", amount,
                        float(h.ytd[c]))
            s = f"{col(L.month_col(m))}{L.chain_row('profile', c) + 1}"
            put_formula(ws, r, L.nowcast_col("share"), f"IF({s}=0,{m}/12,{s})", share,
                        float(share_values[c]))
            put_formula(ws, r, L.nowcast_col("estimate"), f"{cell['ytd']}/{cell['share']}",
                        amount, float(h.estimate[c]))
        if k <= 0:
            continue
        if h.anchor_year == h.current_year and m:
            anchor = cell["estimate"]
        else:
            anchor = f"{col(L.year_col(a))}{L.chain_row('actual', c) + 1}"
        put_formula(ws, r, L.nowcast_col("anchor_output"), anchor, amount,
                    float(h.anchor_output[c]))
        price = f"{col(L.year_col(k))}{L.chain_row('price', c) + 1}"
        put_formula(ws, r, L.nowcast_col("anchor_price"), price, index,
                    float(sheet.inputs.price[c, k]))
        put_formula(ws, r, L.nowcast_col("anchor_volume"),
                    f"{cell['anchor_output']}/{cell['anchor_price']}", amount,
                    float(sheet.values.anchor_volume[c]))
