"""Native charts: totals against the target, the gap by scenario, output by chain.

Charts are sized in pixels from the column widths they sit under, so that they stay
inside the printed width of their sheet, and their legends sit below the plot area
(never over the data).
"""
from __future__ import annotations

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from planner.io.export.cells import quote_sheet, row_range, col_range
from planner.io.export.formats import CHART_AMOUNT, GAP_FORMAT
from planner.io.export.layout import HEADER_ROW, YEAR_COL, CalcLayout
from planner.io.export.summary import SummaryLayout
from planner.io.export.texts import text

SIZE = {"x_scale": 1.6, "y_scale": 1.4}
SHORT, SURPLUS = "#C0504D", "#70AD47"
CHART_HEIGHT = 340      # pixels
ROW_PX = 20             # default row height in pixels


def size(width_px: float, height_px: float) -> dict:
    """insert_chart options for a chart of this size (XlsxWriter's default is 480×288)."""
    return {"x_scale": width_px / 480, "y_scale": height_px / 288, "object_position": 1}


def column_px(width_chars: float) -> int:
    """Pixel width of a column set to ``width_chars`` (Excel's default font)."""
    return int(width_chars * 7 + 5) if width_chars >= 1 else int(width_chars * 12 + 0.5)


def rows_for(height_px: float) -> int:
    return int(height_px // ROW_PX) + 2


def _rng(sheet: str, cells: str) -> str:
    return f"={quote_sheet(sheet)}!{cells}"


def summary_charts(wb: xlsxwriter.Workbook, ws: Worksheet, sheet: str, lay: SummaryLayout,
                   lang: str, gaps: list[float], width_px: int) -> int:
    """The totals line chart and the gap columns below the Summary table; returns the
    last row the charts cover."""
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
    line.set_title({"name": text("chart_totals", lang), "name_font": {"size": 12}})
    line.set_y_axis({"name": text("yuan", lang), "num_format": CHART_AMOUNT})
    line.set_x_axis({"interval_unit": 1, "num_font": {"size": 8}})
    line.set_legend({"position": "bottom"})
    left = int(width_px * 0.6)
    ws.insert_chart(lay.chart_row, 0, line, size(left - 10, CHART_HEIGHT))

    gap_col = lay.indicator_col("gap")
    bars = wb.add_chart({"type": "column"})
    labels_format = GAP_FORMAT[lang].replace("0.00", "0.0")
    bars.add_series({"name": text("gap", lang),
                     "categories": _rng(sheet, col_range(0, 1, lay.n_scenarios)),
                     "values": _rng(sheet, col_range(gap_col, 1, lay.n_scenarios)),
                     "points": [{"fill": {"color": SHORT if g > 0 else SURPLUS}}
                                for g in gaps],
                     "gap": 80,
                     "data_labels": {"value": True, "num_format": labels_format,
                                     "position": "outside_end", "font": {"size": 8}}})
    bars.set_title({"name": text("chart_gap", lang), "name_font": {"size": 11}})
    bars.set_legend({"none": True})
    # category names at the bottom edge, clear of bars that go below zero
    bars.set_x_axis({"label_position": "low", "num_font": {"size": 8}})
    bars.set_y_axis({"num_format": CHART_AMOUNT})
    ws.insert_chart(lay.chart_row, 0, bars, {**size(width_px - left, CHART_HEIGHT),
                                             "x_offset": left})
    return lay.chart_row + rows_for(CHART_HEIGHT)


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
    stacked.set_title({"name": text("chart_chains", lang), "name_font": {"size": 12}})
    stacked.set_y_axis({"name": text("yuan", lang), "num_format": CHART_AMOUNT})
    stacked.set_x_axis({"interval_unit": 1, "num_font": {"size": 8}})
    stacked.set_legend({"position": "bottom"})
    ws.insert_chart(HEADER_ROW + 1, lay.param_col, stacked, SIZE)
