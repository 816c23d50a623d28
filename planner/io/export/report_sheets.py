"""Which report sheets an export has, and writing them once the sheets they link to
(input sheets, calculation sheets) exist: 年度目标分解, 产值来源, 实绩对比, 月度进度."""
from __future__ import annotations

import numpy as np

from planner.io.export.attribution_sheet import write_attribution
from planner.io.export.cells import col, quote_sheet
from planner.io.export.history_sheets import write_actual_vs_plan, write_monthly_progress
from planner.io.export.layout import CalcLayout
from planner.io.export.target_sheets import write_targets

REPORT_SHEETS = ("tg_sheet", "at_sheet", "avp_sheet", "mp_sheet")


def report_sheet_keys(evaluation) -> list[str]:
    h = evaluation.history
    keys: list[str] = []
    if not h.chains:          # nothing to break down or attribute
        return keys
    if evaluation.targets is not None:
        keys.append("tg_sheet")
    if evaluation.document.settings.target_year > h.anchor_year and evaluation.results:
        keys.append("at_sheet")
    if h.actual_year > h.base_year and evaluation.results:
        keys.append("avp_sheet")
    if evaluation.progress is not None:
        keys.append("mp_sheet")
    return keys


def reference_output(evaluation, name: str) -> np.ndarray:
    """Z (C, Y): the reference scenario's re-forecast anchored on a (model.md §7)."""
    from planner.model.evaluate import Evaluator
    from planner.model.history import history_of
    h = evaluation.history
    if h.anchor_year == h.actual_year and name in evaluation.results:
        return evaluation.results[name].chain_total
    evaluator = getattr(evaluation, "evaluator", None)
    resolver = evaluator.resolver if evaluator is not None else None
    doc = evaluation.document
    return Evaluator(doc, history_of(doc, nowcast=False), resolver).run(name).chain_total


def write_report_sheets(wb, fm, lang: str, evaluation, names: list[str],
                        sheets: dict[str, tuple[str, object]], refs,
                        calc: list[tuple[str, CalcLayout]]) -> None:
    from planner.model.attribution import attribution_of
    doc, h = evaluation.document, evaluation.history
    calc_name, calc_layout = calc[0]
    source = quote_sheet(calc_name)

    def profile_cell(c: int, k: int) -> str:
        return (f"{source}!${col(calc_layout.month_col(k))}$"
                f"{calc_layout.chain_row('profile', c) + 1}")

    target_cells = None
    if "tg_sheet" in sheets:
        name, ws = sheets["tg_sheet"]
        targets = evaluation.targets
        z = reference_output(evaluation, targets.reference_scenario)
        target_cells = write_targets(
            ws, name, fm, lang, targets, h, z, refs["settings"],
            (doc.settings.target_value, doc.settings.target_year),
            profile_cell if "profile" in calc_layout.history else None)
    if "at_sheet" in sheets:
        name, ws = sheets["at_sheet"]
        items = [(n, a) for n in names if (a := attribution_of(evaluation, n)) is not None]
        write_attribution(wb, ws, name, fm, lang, items, refs["settings"],
                          doc.settings.target_value)
    results = [evaluation.results[n] for n in names]
    if "avp_sheet" in sheets:
        name, ws = sheets["avp_sheet"]
        write_actual_vs_plan(ws, fm, lang, h, results, refs)
    if "mp_sheet" in sheets:
        name, ws = sheets["mp_sheet"]

        def share_cell(c: int) -> str:
            return (f"{source}!${col(calc_layout.nowcast_col('share'))}$"
                    f"{calc_layout.chain_row('nowcast', c) + 1}")
        targets_here = target_cells if target_cells is not None and target_cells.row is not None \
            else None
        write_monthly_progress(ws, fm, lang, h, evaluation.progress, doc, refs,
                               share_cell if "nowcast" in calc_layout.history else None,
                               targets_here)
