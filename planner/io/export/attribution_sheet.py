"""The 产值来源 (attribution, model.md §8) sheet: per scenario, Y(a*) to Y(N) by source;
for the first scenario a waterfall (stacked columns on an invisible base) and the split
by chain. The parts are the engine's values; the end, the gap, the chain totals and the
waterfall's running sums are formulas."""
from __future__ import annotations

from typing import Callable

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from models import labels
from planner.io.export.cells import absref, col, put_formula, quote_sheet
from planner.io.export.formats import CHART_AMOUNT, GAP_FORMAT, Formats
from planner.io.export.page_setup import setup_page
from planner.io.export.texts import text
from planner.io.input_sheets import SheetRef

STAGES = tuple(labels.STAGES)
PARTS = ("start", "base_growth", *(f"stage_{k}" for k in STAGES), "pipeline", "incubation",
         "price")
UP, DOWN, ENDS = "#70AD47", "#C0504D", "#4472C4"
HEAD = 3


def _value(parts, key: str) -> float:
    if key.startswith("stage_"):
        return float(parts.projects[key[6:]])
    return float(getattr(parts, key))


def part_label(key: str, lang: str) -> str:
    if key.startswith("stage_"):
        stage = key[6:]
        name = labels.stage_label(stage, "zh") if lang == "zh" else stage
        return text("at_projects", lang).format(stage=name)
    return text("at_" + key, lang)


def write_attribution(wb: xlsxwriter.Workbook, ws: Worksheet, name: str, fm: Formats,
                      lang: str, items: list[tuple[str, object]], settings: SheetRef,
                      target_value: float) -> None:
    """``items``: (scenario, Attribution) for every scenario with N > a*."""
    t: Callable[[str], str] = lambda key: text(key, lang)  # noqa: E731
    first = items[0][1]
    ws.write_string(0, 0, t("at_title").format(a=first.from_year, n=first.to_year), fm.title)
    ws.write_string(1, 0, t("at_note"), fm.note)
    amount, bold = fm.fmt("amount"), fm.fmt("amount", bold=True)
    ws.write_string(HEAD, 0, t("at_item"), fm.header)
    for j, (scenario, _) in enumerate(items):
        ws.write_string(HEAD, 1 + j, scenario, fm.header)
    rows = {key: HEAD + 1 + i for i, key in enumerate(PARTS)}
    end_row, target_row, gap_row = HEAD + 1 + len(PARTS), HEAD + 2 + len(PARTS), \
        HEAD + 3 + len(PARTS)
    for key, r in rows.items():
        ws.write_string(r, 0, part_label(key, lang))
    ws.write_string(end_row, 0, t("at_end"), fm.bold)
    ws.write_string(target_row, 0, t("target_value"))
    ws.write_string(gap_row, 0, t("gap"), fm.bold)
    for j, (_, att) in enumerate(items):
        c = 1 + j
        x = col(c)
        for key, r in rows.items():
            ws.write_number(r, c, _value(att, key), amount)
        put_formula(ws, end_row, c, f"SUM({x}{rows['start'] + 1}:{x}{rows['price'] + 1})",
                    bold, float(att.end))
        put_formula(ws, target_row, c, settings.cell("target_value", "value"), amount,
                    float(target_value))
        put_formula(ws, gap_row, c, f"{x}{target_row + 1}-{x}{end_row + 1}", fm.fmt("gap"),
                    float(att.gap))
    # waterfall helper for the first scenario
    w0 = gap_row + 3
    scenario, att = items[0]
    ws.write_string(w0 - 1, 0, t("at_waterfall").format(scenario=scenario), fm.section)
    for i, key in enumerate(("at_item", "at_cum", "at_base", "at_up", "at_down", "at_ends")):
        ws.write_string(w0, i, t(key), fm.header)
    steps = [*PARTS, "end"]
    first_row = w0 + 1
    running = 0.0
    for i, key in enumerate(steps):
        r = first_row + i
        R = r + 1
        ws.write_string(r, 0, t("at_end") if key == "end" else part_label(key, lang))
        source = absref(end_row if key == "end" else rows[key], 1)
        value = float(att.end) if key == "end" else _value(att, key)
        prev = running
        if key in ("start", "end"):
            running = value
            put_formula(ws, r, 1, source, amount, running)
            for c in (2, 3, 4):
                ws.write_number(r, c, 0.0, amount)
            put_formula(ws, r, 5, source, amount, value)
            continue
        running = prev + value
        put_formula(ws, r, 1, f"B{R - 1}+{source}", amount, running)
        put_formula(ws, r, 2, f"MIN(B{R - 1},B{R})", amount, min(prev, running))
        put_formula(ws, r, 3, f"MAX({source},0)", amount, max(value, 0.0))
        put_formula(ws, r, 4, f"MAX(-{source},0)", amount, max(-value, 0.0))
        ws.write_number(r, 5, 0.0, amount)
    last_row = first_row + len(steps) - 1
    chart = wb.add_chart({"type": "column", "subtype": "stacked"})
    cats = [name, first_row, 0, last_row, 0]
    hidden = "#,##0.0;-#,##0.0;;"          # no label on the zero parts
    for c, colour, key in ((2, None, "at_base"), (3, UP, "at_up"), (4, DOWN, "at_down"),
                           (5, ENDS, "at_ends")):
        series = {"name": t(key), "categories": cats,
                  "values": [name, first_row, c, last_row, c], "gap": 40}
        if colour is None:
            series.update({"fill": {"none": True}, "border": {"none": True}})
        else:
            series.update({"fill": {"color": colour},
                           "data_labels": {"value": True, "num_format": hidden,
                                           "position": "inside_end" if c == 5 else "center",
                                           "font": {"size": 8}}})
        chart.add_series(series)
    chart.set_title({"name": t("at_chart").format(scenario=scenario, a=att.from_year,
                                                  n=att.to_year), "name_font": {"size": 12}})
    chart.set_legend({"none": True})
    chart.set_y_axis({"num_format": CHART_AMOUNT, "name": t("yuan")})
    chart.set_x_axis({"num_font": {"size": 8}, "interval_unit": 1, "label_position": "low"})
    chart_col = max(7, 2 + len(items))
    ws.insert_chart(HEAD, chart_col, chart, {"x_scale": 760 / 480, "y_scale": 420 / 288,
                                            "object_position": 1})
    # by chain, the first scenario
    c0 = last_row + 3
    chains = list(att.chains or {})
    ws.write_string(c0 - 1, 0, t("at_by_chain").format(scenario=scenario), fm.section)
    cols = [*PARTS, "end", "gap"]
    ws.write_string(c0, 0, t("chain"), fm.header)
    for i, key in enumerate(cols):
        label = t("at_end") if key == "end" else t("at_chain_gap") if key == "gap" \
            else part_label(key, lang)
        ws.write_string(c0, 1 + i, label, fm.header)
    end_col, gap_col = 1 + len(PARTS), 2 + len(PARTS)
    for i, chain in enumerate([*chains, None]):
        r = c0 + 1 + i
        R = r + 1
        total = chain is None
        parts = att if total else att.chains[chain]
        ws.write_string(r, 0, t("total_row") if total else chain, fm.bold if total else None)
        for j, key in enumerate(PARTS):
            if total:
                put_formula(ws, r, 1 + j, f"SUM({col(1 + j)}{c0 + 2}:{col(1 + j)}{r})", bold,
                            _value(parts, key))
            else:
                ws.write_number(r, 1 + j, _value(parts, key), amount)
        put_formula(ws, r, end_col, f"SUM(B{R}:{col(end_col - 1)}{R})",
                    bold if total else amount, float(parts.end))
        if total:
            put_formula(ws, r, gap_col, f"{absref(target_row, 1)}-{col(end_col)}{R}",
                        fm.fmt("gap"), float(parts.gap))
        elif parts.gap is not None:
            put_formula(ws, r, gap_col, f"{float(parts.gap) + float(parts.end)!r}"
                        f"-{col(end_col)}{R}", fm.fmt("gap"), float(parts.gap))
    last = c0 + 1 + len(chains)
    ws.set_column(0, 0, 22)
    ws.set_column(1, max(gap_col, 1 + len(items)), 11)
    ws.set_row(HEAD, 30)
    ws.set_row(c0, 45)
    setup_page(ws, lang, last_row=max(last, HEAD + 22), last_col=max(gap_col, chart_col + 11),
               title_rows=(HEAD, HEAD), title_cols=(0, 0))
