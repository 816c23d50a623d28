"""Native charts: totals against the target, the gap by scenario, output by chain."""
from __future__ import annotations

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from planner.io.export.cells import quote_sheet, row_range, col_range
from planner.io.export.layout import HEADER_ROW, YEAR_COL, CalcLayout
from planner.io.export.summary import SummaryLayout
from planner.io.export.texts import text

SIZE = {"x_scale": 1.6, "y_scale": 1.4}


def _rng(sheet: str, cells: str) -> str:
    return f"={quote_sheet(sheet)}!{cells}"


def summary_charts(wb: xlsxwriter.Workbook, ws: Worksheet, sheet: str, lay: SummaryLayout,
                   lang: str) -> None:
    n = lay.n_years
    years = _rng(sheet, row_range(0, 1, n))
    line = wb.add_chart({"type": "line"})
    for i in range(1, lay.n_scenarios + 1):
        line.add_series({"name": _rng(sheet, f"$A${i + 1}"), "categories": years,
                         "values": _rng(sheet, row_range(i, 1, n)),
                         "marker": {"type": "circle", "size": 4}})
    line.add_series({"name": _rng(sheet, f"$A${lay.target_line_row + 1}"),
                     "categories": years,
                     "values": _rng(sheet, row_range(lay.target_line_row, 1, n)),
                     "line": {"color": "#C00000", "dash_type": "dash", "width": 1.75}})
    line.set_title({"name": text("chart_totals", lang)})
    line.set_y_axis({"name": text("yuan", lang), "num_format": "0"})
    line.set_legend({"position": "bottom"})
    ws.insert_chart(lay.chart_row, 0, line, SIZE)

    gap_col = lay.indicator_col("gap")
    bars = wb.add_chart({"type": "column"})
    bars.add_series({"name": text("gap", lang),
                     "categories": _rng(sheet, col_range(0, 1, lay.n_scenarios)),
                     "values": _rng(sheet, col_range(gap_col, 1, lay.n_scenarios)),
                     "data_labels": {"value": True, "num_format": "0.0"}})
    bars.set_title({"name": text("chart_gap", lang)})
    bars.set_legend({"none": True})
    bars.set_y_axis({"num_format": "0"})
    ws.insert_chart(lay.chart_row, 10, bars, SIZE)


def calc_chart(wb: xlsxwriter.Workbook, ws: Worksheet, sheet: str, lay: CalcLayout,
               chains: tuple[str, ...], lang: str) -> None:
    years = _rng(sheet, row_range(HEADER_ROW, YEAR_COL, lay.last_year_col))
    total_series = {"name": _rng(sheet, f"$A${lay.total_row + 1}"), "categories": years,
                    "values": _rng(sheet, row_range(lay.total_row, YEAR_COL,
                                                    lay.last_year_col)),
                    "line": {"color": "#000000", "width": 2},
                    "marker": {"type": "diamond", "size": 5}}
    if not chains:  # nothing to stack: the total alone
        line = wb.add_chart({"type": "line"})
        line.add_series(total_series)
        line.set_title({"name": text("chart_chains", lang)})
        ws.insert_chart(HEADER_ROW + 1, lay.param_col, line, SIZE)
        return
    stacked = wb.add_chart({"type": "column", "subtype": "stacked"})
    for c in range(len(chains)):
        r = lay.chain_row("chain_output", c)
        stacked.add_series({"name": _rng(sheet, f"$A${r + 1}"), "categories": years,
                            "values": _rng(sheet, row_range(r, YEAR_COL, lay.last_year_col)),
                            "gap": 60})
    total = wb.add_chart({"type": "line"})
    total.add_series(total_series)
    stacked.combine(total)
    stacked.set_title({"name": text("chart_chains", lang)})
    stacked.set_y_axis({"name": text("yuan", lang), "num_format": "0"})
    stacked.set_legend({"position": "bottom"})
    ws.insert_chart(HEADER_ROW + 1, lay.param_col, stacked, SIZE)
