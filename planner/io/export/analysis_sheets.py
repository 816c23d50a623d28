"""Sheets for the last sensitivity and Monte Carlo results: labelled tables + native charts."""
from __future__ import annotations

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from planner.analysis.montecarlo import QUANTILES, MonteCarloResult
from planner.analysis.sensitivity import Sensitivity
from planner.io.export.formats import Formats
from planner.io.export.texts import text

SIZE = {"x_scale": 1.6, "y_scale": 1.5}


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
    ws.set_column(0, 0, 34)
    ws.set_column(1, len(columns) - 1, 14)
    if result.levers:
        last = head + len(result.levers)
        chart = wb.add_chart({"type": "bar"})
        for col, color in ((6, "#C0504D"), (7, "#4F81BD")):
            chart.add_series({"name": _ref(name, head, col, head, col),
                              "categories": _ref(name, head + 1, 0, last, 0),
                              "values": _ref(name, head + 1, col, last, col),
                              "fill": {"color": color}, "overlap": 100, "gap": 40})
        chart.set_title({"name": text("chart_tornado", lang)})
        chart.set_y_axis({"reverse": True})  # largest swing on top
        chart.set_x_axis({"num_format": "0"})
        chart.set_legend({"position": "bottom"})
        ws.insert_chart(head, len(columns) + 1, chart,
                        {"x_scale": 1.6, "y_scale": max(1.5, len(result.levers) / 14)})


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
    chart.set_title({"name": text("chart_fan", lang)})
    chart.set_y_axis({"name": text("yuan", lang), "num_format": "0"})
    chart.set_legend({"position": "bottom"})
    ws.insert_chart(head, len(columns) + 1, chart, SIZE)

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
    bars.set_title({"name": text("chart_first_year", lang)})
    bars.set_legend({"none": True})
    bars.set_y_axis({"num_format": "0%"})
    ws.insert_chart(fy, 3, bars, SIZE)
