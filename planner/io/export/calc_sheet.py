"""A scenario's calculation sheet: its resolved inputs and the model as live formulas.

Every formula cell is stored with the engine's number for it (values.CalcValues and the
Result), so the file reads correctly without recalculation and a spreadsheet that does
recalculate arrives at the same numbers (checked by the LibreOffice tests).
"""
from __future__ import annotations

from typing import Callable

import numpy as np
from xlsxwriter.worksheet import Worksheet

from models import Document, labels
from planner.io.export.calc_history import history_blocks, write_history
from planner.io.export.calc_projects import write_projects
from planner.io.export.cells import absref, col, col_range, put_formula, row_range
from planner.io.export.formats import Formats
from planner.io.export.layout import (CH_B, CH_BASE, CH_K, CH_NAME, CH_NO, CH_RAMP, CH_V,
                                      HEADER_ROW, YEAR_COL, CalcLayout)
from planner.io.export.texts import text
from planner.io.export.values import CalcValues
from planner.io.input_sheets import SheetRef
from planner.model.history import History
from planner.model.resolved import ResolvedInputs
from planner.model.result import Result

# per-year input blocks: block name, ResolvedInputs attribute, number kind, money?
YEAR_INPUTS = (("growth", "growth", "rate", False), ("price", "price", "index", False),
               ("pipeline", "pipeline", "amount", True),
               ("graduates", "graduates", "general", False),
               ("revenue_per_firm", "revenue_per_firm", "amount", True))


def stage_text(key: str, lang: str) -> str:
    """A stage as the input sheets write it: Chinese name, or the English key."""
    return labels.stage_label(key, lang) if lang == "zh" else key


class CalcSheet:
    def __init__(self, ws: Worksheet, fm: Formats, lang: str, inputs: ResolvedInputs,
                 result: Result, values: CalcValues, history: History | None = None,
                 doc: Document | None = None,
                 refs: dict[str, SheetRef] | None = None) -> None:
        self.ws, self.fm, self.lang = ws, fm, lang
        self.inputs, self.result, self.values = inputs, result, values
        self.history, self.doc, self.refs = history, doc, refs or {}
        parts = history_blocks(history, doc) if doc is not None else frozenset({"key_years"})
        self.layout = CalcLayout(len(inputs.chains), len(inputs.years), len(inputs.projects),
                                 values.width, parts)
        self.k = values.anchor_index          # a*'s column; 0 when a* = y0
        self.a = values.actual_index          # a's column when k > 0, else 0
        self.t = lambda key: text(key, lang)

    def computed(self, j: int) -> bool:
        """Whether year column j is computed by the model (y0 and the years after a*)."""
        return j == 0 or j > self.k

    def write(self, own: dict[str, list[bool]], tick: Callable[[float], None]) -> CalcLayout:
        self._frame()
        write_history(self, self.refs, self.doc or Document(settings=self.inputs.settings))
        self._results()
        self._stages()
        self._chain_params()
        self._year_inputs()
        self._components()
        self._investment()
        self._kernel()
        write_projects(self, own, tick)
        return self.layout

    # --- helpers --------------------------------------------------------------------
    def section(self, block: str, title_key: str) -> None:
        r = self.layout.rows[block + "_section"]
        self.ws.write_string(r, 0, self.t(title_key), self.fm.section)

    def header(self, row: int, column: int, labels_: list[str]) -> None:
        for i, h in enumerate(labels_):
            self.ws.write_string(row, column + i, h, self.fm.header)

    def year_header(self, row: int) -> None:
        for j, y in enumerate(self.inputs.years.tolist()):
            self.ws.write_number(row, YEAR_COL + j, y, self.fm.header_year)

    def chain_labels(self, block: str, unit: str = "") -> None:
        for c, name in enumerate(self.inputs.chains):
            r = self.layout.chain_row(block, c)
            self.ws.write_string(r, 0, name)
            if unit:
                self.ws.write_string(r, 1, unit, self.fm.note)

    def cp(self, c: int) -> int:
        """1-based row of chain c's parameters."""
        return self.layout.chain_row("chains", c) + 1

    @property
    def p_signed(self) -> str:
        return absref(self.layout.stage_row("signed"), 1)

    # --- blocks ---------------------------------------------------------------------
    def _frame(self) -> None:
        ws, L = self.ws, self.layout
        ws.write_string(0, 0, self.t("calc_title").format(name=self.inputs.scenario),
                        self.fm.title)
        ws.write_string(1, 0, self.t("calc_units"), self.fm.note)
        ws.write_string(HEADER_ROW, 0, self.t("year"), self.fm.header)
        ws.write_string(HEADER_ROW, 1, self.t("unit"), self.fm.header)
        self.year_header(HEADER_ROW)
        ws.freeze_panes(HEADER_ROW + 1, YEAR_COL)
        ws.set_column(0, 0, 26)
        ws.set_column(1, 1, 16)
        ws.set_column(YEAR_COL, L.last_year_col, 10)
        ws.set_column(L.param_col, L.last_col, 11)

    def _results(self) -> None:
        ws, L, fm, res = self.ws, self.layout, self.fm, self.result
        self.section("results", "results")
        o0, o1 = (r + 1 for r in L.chain_range_rows("chain_output"))
        i0, i1 = (r + 1 for r in L.chain_range_rows("project_investment"))
        q0, q1 = (r + 1 for r in L.chain_range_rows("pipeline_investment"))
        va = col_range(CH_V, *L.chain_range_rows("chains"))
        for r, key in ((L.total_row, "total"), (L.value_added_row, "value_added"),
                       (L.investment_row, "investment")):
            ws.write_string(r, 0, self.t(key), fm.bold)
            ws.write_string(r, 1, self.t("yuan"), fm.note)
        total, added, invest = (res.total.tolist(), res.value_added.tolist(),
                                res.investment.tolist())
        amount, bold = fm.fmt("amount"), fm.fmt("amount", bold=True)
        h, n_chains = self.history, len(self.inputs.chains)
        given_va = (~np.isnan(h.actual_value_added) if h is not None and "actual_va" in L.history
                    else None)
        for j in range(len(total)):
            yc = L.year_col(j)
            c = col(yc)
            put_formula(ws, L.total_row, yc, f"SUM({c}{o0}:{c}{o1})", bold, total[j])
            if given_va is not None and given_va[:, j].any():
                # actual value added where given, v_c · O elsewhere (model.md §6)
                terms = [f"{c}{L.chain_row('actual_va', i) + 1}" if given_va[i, j]
                         else f"${col(CH_V)}${self.cp(i)}*{c}{o0 + i}" for i in range(n_chains)]
                put_formula(ws, L.value_added_row, yc, "+".join(terms), amount, added[j])
            else:
                put_formula(ws, L.value_added_row, yc, f"SUMPRODUCT({va},{c}{o0}:{c}{o1})",
                            amount, added[j])
            if self.k > 0 and j <= self.a:     # history years: actual or the plan's spending
                h0, h1 = (r + 1 for r in L.chain_range_rows("history_investment"))
                put_formula(ws, L.investment_row, yc, f"SUM({c}{h0}:{c}{h1})", amount, invest[j])
            else:
                put_formula(ws, L.investment_row, yc,
                            f"SUM({c}{i0}:{c}{i1})+SUM({c}{q0}:{c}{q1})", amount, invest[j])
        self.section("chain_output", "chain_output")
        self.chain_labels("chain_output", self.t("yuan"))
        rows = {b: [L.chain_row(b, c) + 1 for c in range(n_chains)]
                for b in ("price", "base", "projects_output", "pipeline_output",
                          "incubation_output")}
        estimate_here = (h is not None and self.k > 0 and h.anchor_year == h.current_year)
        for c in range(n_chains):
            r = L.chain_row("chain_output", c)
            p, b, pr, pi, inc = (rows[k][c] for k in rows)
            cached = res.chain_total[c].tolist()
            for j in range(len(cached)):
                x = col(L.year_col(j))
                if self.computed(j):
                    formula = f"{x}{p}*({x}{b}+{x}{pr}+{x}{pi}+{x}{inc})"
                elif j == self.k and estimate_here:     # a* = t: the estimate
                    formula = (f"${col(L.nowcast_col('estimate'))}"
                               f"${L.chain_row('nowcast', c) + 1}")
                else:                                   # y0 < y <= a: the actual
                    formula = f"{x}{L.chain_row('actual', c) + 1}"
                put_formula(ws, r, L.year_col(j), formula, amount, cached[j])

    def _stages(self) -> None:
        ws, L, fm = self.ws, self.layout, self.fm
        self.section("stages", "stages")
        self.header(L.rows["stages_header"], 0, [self.t("stage"), self.t("probability")])
        for key in labels.STAGES:
            r = L.stage_row(key)
            ws.write_string(r, 0, stage_text(key, self.lang))
            ws.write_number(r, 1, float(self.inputs.stage_probability[key]),
                            fm.fmt("rate", True))

    def _chain_params(self) -> None:
        ws, L, fm, x, v = self.ws, self.layout, self.fm, self.inputs, self.values
        self.section("chains", "chain_params")
        m = v.width
        self.header(L.rows["chains_header"], 0,
                    [self.t(k) for k in ("chain", "chain_no", "base_output", "output_ratio",
                                         "value_added_rate", "build_years")]
                    + [f"{self.t('ramp')}{i + 1}" for i in range(m)])
        for c, name in enumerate(x.chains):
            r = L.chain_row("chains", c)
            ws.write_string(r, CH_NAME, name)
            ws.write_number(r, CH_NO, c + 1, fm.fmt("int"))
            ws.write_number(r, CH_BASE, float(x.base_output[c]), fm.fmt("amount", True))
            ws.write_number(r, CH_K, float(x.output_ratio[c]), fm.fmt("index", True))
            ws.write_number(r, CH_V, float(x.value_added_rate[c]), fm.fmt("rate", True))
            ws.write_number(r, CH_B, int(x.build_years[c]), fm.fmt("int", True))
            for i, u in enumerate(v.chain_ramps[c].tolist()):
                ws.write_number(r, CH_RAMP + i, u, fm.fmt("share", True))

    def _year_inputs(self) -> None:
        ws, L, fm = self.ws, self.layout, self.fm
        for block, attr, kind, money in YEAR_INPUTS:
            self.section(block, block)
            self.chain_labels(block, self.t("yuan") if money else "")
            matrix = getattr(self.inputs, attr)
            f = fm.fmt(kind, True)
            first = 1 if block == "growth" else 0   # G in y0 is not used by the model
            for c in range(len(self.inputs.chains)):
                r = L.chain_row(block, c)
                row = matrix[c].tolist()
                for j in range(first, len(row)):
                    ws.write_number(r, L.year_col(j), row[j], f)

    def _components(self) -> None:
        ws, L, fm, v = self.ws, self.layout, self.fm, self.values
        amount = fm.fmt("amount")
        n = len(self.inputs.years)
        y0, yl = col(YEAR_COL), col(L.last_year_col)
        p0, p1 = L.project_rows
        chain_no = col_range(L.pcol("chain_no"), p0, p1)
        for block in ("base", "projects_output", "pipeline_output", "incubation_output"):
            self.section(block, block)
            self.chain_labels(block, self.t("yuan"))
        for c in range(len(self.inputs.chains)):
            cp = self.cp(c)
            g = L.chain_row("growth", c) + 1
            a = L.chain_row("pipeline", c) + 1
            k = L.chain_row("kernel", c) + 1
            gr = L.chain_row("graduates", c) + 1
            rv = L.chain_row("revenue_per_firm", c) + 1
            rb, rp, rq, ri = (L.chain_row(b, c) for b in ("base", "projects_output",
                                                          "pipeline_output",
                                                          "incubation_output"))
            base, proj = v.base[c].tolist(), v.projects[c].tolist()
            pipe, inc = v.pipeline[c].tolist(), v.incubation[c].tolist()
            ka = self.k
            # what the a* cohorts had already produced: Pipe'(y) = Pipe(y) − Pipe(a*)
            at_anchor = (f"-SUMPRODUCT(${y0}{a}:${col(L.year_col(ka))}{a},"
                         f"${col(L.year_col(n - 1 - ka))}{k}:${yl}{k})")
            for j in range(n):
                yc = L.year_col(j)
                x, prev = col(yc), col(yc - 1)
                if j == 0:
                    put_formula(ws, rb, yc, f"${col(CH_BASE)}${cp}", amount, base[j])
                elif j == ka:                         # the restart: B' = O[a*] / P[a*]
                    put_formula(ws, rb, yc, f"${col(L.nowcast_col('anchor_volume'))}"
                                f"${L.chain_row('nowcast', c) + 1}", amount, base[j])
                elif j > ka:
                    put_formula(ws, rb, yc, f"{prev}{rb + 1}*(1+{x}{g})", amount, base[j])
                if self.computed(j):
                    put_formula(ws, rp, yc, f"SUMIF({chain_no},${col(CH_NO)}${cp},"
                                f"{x}${p0 + 1}:{x}${p1 + 1})", amount, proj[j])
                if j > ka:
                    lag = col(L.year_col(n - 1 - j))
                    put_formula(ws, rq, yc, f"${col(CH_K)}${cp}*{self.p_signed}*(SUMPRODUCT("
                                f"${y0}{a}:{x}{a},{lag}{k}:${yl}{k}){at_anchor})", amount,
                                pipe[j])
                    put_formula(ws, ri, yc, f"{x}{gr}*{x}{rv}" if j == ka + 1
                                else f"{prev}{ri + 1}*(1+{x}{g})+{x}{gr}*{x}{rv}", amount,
                                inc[j])

    def _investment(self) -> None:
        ws, L, fm, v = self.ws, self.layout, self.fm, self.values
        amount = fm.fmt("amount")
        p0, p1 = L.project_rows
        rng = {k: col_range(L.pcol(k), p0, p1) for k in (
            "chain_no", "effective_year", "build_years", "investment_in", "probability",
            "include")}
        # spending of project j: I·p·include / max(b, 1) a year in S'−b … S'−b+max(b,1)−1,
        # i.e. from S'−b up to S' (exclusive), or in S' alone when b = 0
        s_, b_ = rng["effective_year"], rng["build_years"]
        spend = (f"({s_}-{b_}<={{y}})*({s_}+({b_}=0)>{{y}})*{rng['investment_in']}"
                 f"*{rng['probability']}*{rng['include']}/({b_}+({b_}=0))")
        years = row_range(HEADER_ROW, YEAR_COL, L.last_year_col)
        for block in ("project_investment", "pipeline_investment"):
            self.section(block, block)
            self.chain_labels(block, self.t("yuan"))
        for c in range(len(self.inputs.chains)):
            cp = self.cp(c)
            span = f"MAX(${col(CH_B)}${cp},1)"
            a = row_range(L.chain_row("pipeline", c), YEAR_COL, L.last_year_col)
            rp, rq = L.chain_row("project_investment", c), L.chain_row("pipeline_investment", c)
            proj, pipe = v.project_spend[c].tolist(), v.pipeline_spend[c].tolist()
            for j in range(len(proj)):
                if self.k > 0 and j <= self.a:      # history years: see history_investment
                    continue
                yc = L.year_col(j)
                y = f"{col(yc)}${HEADER_ROW + 1}"
                put_formula(ws, rp, yc, f"SUMPRODUCT(({rng['chain_no']}=${col(CH_NO)}${cp})"
                            f"*{spend.format(y=y)})", amount, proj[j])
                put_formula(ws, rq, yc, f"{self.p_signed}/{span}*SUMPRODUCT({a}"
                            f"*({years}<={y})*({years}>{y}-{span}))", amount, pipe[j])

    def _kernel(self) -> None:
        ws, L, fm, v = self.ws, self.layout, self.fm, self.values
        self.section("kernel", "kernel")
        head = L.rows["kernel_header"]
        ws.write_string(head, 0, self.t("lag"), fm.header)
        n = len(self.inputs.years)
        for j in range(n):
            ws.write_number(head, L.year_col(j), n - 1 - j, fm.header_year)
        self.chain_labels("kernel")
        share = fm.fmt("share")
        m1 = v.width - 1
        for c in range(len(self.inputs.chains)):
            cp = self.cp(c)
            r = L.chain_row("kernel", c)
            ramp = row_range(cp - 1, CH_RAMP, CH_RAMP + m1)
            b = f"${col(CH_B)}${cp}"
            kernel = v.kernel[c].tolist()
            for j in range(n):
                lag = f"{col(L.year_col(j))}${head + 1}"
                put_formula(ws, r, L.year_col(j), f"IF({lag}-{b}<0,0,INDEX({ramp},"
                            f"MIN({lag}-{b},{m1})+1))", share, kernel[j])
