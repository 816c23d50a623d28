"""Sheets for the last sensitivity and Monte Carlo results: labelled tables + native charts."""
from __future__ import annotations

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from planner.analysis.montecarlo import QUANTILES, MonteCarloResult
from planner.analysis.sensitivity import Sensitivity
from planner.io.export.charts import CHART_HEIGHT, rows_for, size
from planner.io.export.formats import CHART_AMOUNT, Formats
from planner.io.export.page_setup import setup_page
from planner.io.export.texts import text

LEVER_WIDTH, VALUE_WIDTH = 34, 14     # column widths, characters
TORNADO_ROW_PX = 26                   # chart height per lever: every label fits
CHART_WIDTH = 620                     # pixels, beside the tables
CHART_COLS = 9                        # default-width columns the charts cover


def _ref(sheet: str, r0: int, c0: int, r1: int, c1: int) -> list:
    return [sheet, r0, c0, r1, c1]


def _year(ws: Worksheet, row: int, col: int, year: int | None, lang: str, fm: Formats) -> None:
    if year is None:
        ws.write_string(row, col, text("not_reached", lang))
    else:
        ws.write_number(row, col, year, fm.fmt("year"))


def write_sensitivity(wb: xlsxwriter.Workbook, name: str, result: Sensitivity, lang: str,
                      fm: Formats) -> None:
    ws = wb.add_worksheet(name)
    ws.write_string(0, 0, text("sens_title", lang).format(name=result.scenario), fm.title)
    ws.write_string(1, 0, text("sens_note", lang), fm.note)
    facts = [("target_value", result.target_value, "amount"),
             ("target_year", result.target_year, "year"),
             ("base_value", result.base_value, "amount")]
    for i, (key, value, kind) in enumerate(facts):
        ws.write_string(3 + i, 0, text(key, lang), fm.bold)
        ws.write_number(3 + i, 1, value, fm.fmt(kind))
    ws.write_string(6, 0, text("base_target_year", lang), fm.bold)
    _year(ws, 6, 1, result.base_target_year, lang, fm)
    head = 8
    columns = ["lever", "low", "low_year", "high", "high_year", "swing", "low_delta", "high_delta"]
    for c, key in enumerate(columns):
        ws.write_string(head, c, text(key, lang), fm.header)
    for i, r in enumerate(result.levers):
        row = head + 1 + i
        ws.write_string(row, 0, r.lever.name_zh if lang == "zh" else r.lever.name)
        ws.write_number(row, 1, r.low.value, fm.fmt("amount"))
        _year(ws, row, 2, r.low.target_year, lang, fm)
        ws.write_number(row, 3, r.high.value, fm.fmt("amount"))
        _year(ws, row, 4, r.high.target_year, lang, fm)
        ws.write_number(row, 5, r.swing, fm.fmt("amount"))
        ws.write_number(row, 6, r.low.value - result.base_value, fm.fmt("amount"))
        ws.write_number(row, 7, r.high.value - result.base_value, fm.fmt("amount"))
    ws.freeze_panes(head + 1, 1)
    ws.set_column(0, 0, LEVER_WIDTH)
    ws.set_column(1, len(columns) - 1, VALUE_WIDTH)
    last_row = head + len(result.levers)
    if result.levers:
        last = head + len(result.levers)
        chart = wb.add_chart({"type": "bar"})
        for col, color in ((6, "#C0504D"), (7, "#4F81BD")):
            # overlap 100: a lever's low and high bars share one row
            chart.add_series({"name": _ref(name, head, col, head, col),
                              "categories": _ref(name, head + 1, 0, last, 0),
                              "values": _ref(name, head + 1, col, last, col),
                              "fill": {"color": color}, "overlap": 100, "gap": 50})
        chart.set_title({"name": text("chart_tornado", lang), "name_font": {"size": 12}})
        # the category (lever) axis: every label, largest swing on top, labels at the
        # left edge of the plot, beside the bars rather than across them at zero
        chart.set_y_axis({"reverse": True, "label_position": "low", "interval_unit": 1,
                          "num_font": {"size": 9}, "major_tick_mark": "none"})
        chart.set_x_axis({"num_format": CHART_AMOUNT, "name": text("chart_tornado_axis", lang)})
        chart.set_legend({"position": "bottom"})
        height = 110 + TORNADO_ROW_PX * len(result.levers)
        # beside the table (the page is landscape), one blank column apart
        ws.set_column(len(columns), len(columns), 2)
        ws.insert_chart(0, len(columns) + 1, chart, size(CHART_WIDTH, height))
        last_row = max(last_row, rows_for(height))
    setup_page(ws, lang, last_row=last_row, last_col=len(columns) + 1 + CHART_COLS,
               title_rows=(head, head), title_cols=(0, 0))


def write_montecarlo(wb: xlsxwriter.Workbook, name: str, result: MonteCarloResult, lang: str,
                     fm: Formats) -> None:
    ws = wb.add_worksheet(name)
    p = result.params
    ws.write_string(0, 0, text("mc_title", lang).format(name=result.scenario), fm.title)
    ws.write_string(1, 0, text("mc_note", lang), fm.note)
    facts = [("draws", p.draws, "int"), ("seed", p.seed, "int"),
             ("growth_sd", p.growth_sd, "rate"), ("price_sd", p.price_sd, "rate"),
             ("delay_mode", p.delay_mode, "share"), ("delay_max", p.delay_max, "share"),
             ("target_value", result.target_value, "amount"),
             ("target_year", result.target_year, "year"),
             ("prob_target", result.prob_target, "rate")]
    for i, (key, value, kind) in enumerate(facts):
        ws.write_string(3 + i, 0, text(key, lang), fm.bold)
        ws.write_number(3 + i, 1, value, fm.fmt(kind))
    head = 3 + len(facts) + 1
    quantiles = result.quantiles()
    columns = [text("year", lang), text("mean", lang), text("std", lang),
               *(k.upper() for k in QUANTILES), text("target_line", lang)]
    for c, label in enumerate(columns):
        ws.write_string(head, c, label, fm.header)
    mean, std = result.mean, result.std
    for i, year in enumerate(result.years):
        row = head + 1 + i
        ws.write_number(row, 0, int(year), fm.fmt("year"))
        ws.write_number(row, 1, float(mean[i]), fm.fmt("amount"))
        ws.write_number(row, 2, float(std[i]), fm.fmt("amount"))
        for j, key in enumerate(QUANTILES):
            ws.write_number(row, 3 + j, float(quantiles[key][i]), fm.fmt("amount"))
        ws.write_number(row, 3 + len(QUANTILES), result.target_value, fm.fmt("amount"))
    last = head + len(result.years)
    ws.set_column(0, 0, 26)
    ws.set_column(1, len(columns) - 1, 12)
    chart = wb.add_chart({"type": "line"})
    years = _ref(name, head + 1, 0, last, 0)
    styles = {"p5": "#9DC3E6", "p25": "#2E75B6", "p50": "#1F3864", "p75": "#2E75B6",
              "p95": "#9DC3E6"}
    for j, key in enumerate(QUANTILES):
        if key not in styles:
            continue
        col = 3 + j
        chart.add_series({"name": _ref(name, head, col, head, col), "categories": years,
                          "values": _ref(name, head + 1, col, last, col),
                          "line": {"color": styles[key], "width": 2.5 if key == "p50" else 1.25}})
    tcol = 3 + len(QUANTILES)
    chart.add_series({"name": _ref(name, head, tcol, head, tcol), "categories": years,
                      "values": _ref(name, head + 1, tcol, last, tcol),
                      "line": {"color": "#C00000", "dash_type": "dash"}})
    chart.set_title({"name": text("chart_fan", lang), "name_font": {"size": 12}})
    chart.set_y_axis({"name": text("yuan", lang), "num_format": CHART_AMOUNT})
    chart.set_x_axis({"interval_unit": 1, "num_font": {"size": 8}})
    chart.set_legend({"position": "bottom"})

    first = result.first_year()
    fy = last + 2
    ws.write_string(fy, 0, text("first_year", lang), fm.header)
    ws.write_string(fy, 1, text("share_of_draws", lang), fm.header)
    for i, (year, share) in enumerate(first.items()):
        label = text("not_reached", lang) if year == "none" else year
        ws.write_string(fy + 1 + i, 0, label)
        ws.write_number(fy + 1 + i, 1, share, fm.fmt("rate"))
    bars = wb.add_chart({"type": "column"})
    bars.add_series({"name": text("share_of_draws", lang),
                     "categories": _ref(name, fy + 1, 0, fy + len(first), 0),
                     "values": _ref(name, fy + 1, 1, fy + len(first), 1),
                     "data_labels": {"value": True, "num_format": "0%"}})
    bars.set_title({"name": text("chart_first_year", lang), "name_font": {"size": 12}})
    bars.set_legend({"none": True})
    bars.set_y_axis({"num_format": "0%"})
    bars.set_x_axis({"label_position": "low", "interval_unit": 1})
    # both charts beside the tables, one above the other (the page is landscape)
    ws.set_column(len(columns), len(columns), 2)
    ws.insert_chart(0, len(columns) + 1, chart, size(CHART_WIDTH, CHART_HEIGHT))
    ws.insert_chart(rows_for(CHART_HEIGHT), len(columns) + 1, bars,
                    size(CHART_WIDTH, CHART_HEIGHT - 60))
    setup_page(ws, lang, last_row=max(fy + len(first), 2 * rows_for(CHART_HEIGHT)),
               last_col=len(columns) + 1 + CHART_COLS, title_rows=(head, head),
               title_cols=(0, 0))
