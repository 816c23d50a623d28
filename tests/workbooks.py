"""Small workbooks for reader tests, built with openpyxl from dict-of-rows."""
from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import openpyxl

from models import labels
from models.document import Document, format_ramp

Sheets = dict[str, list[list[Any]]]
DELETE = object()  # edit() value that removes a sheet

# A minimal valid workbook in English; the cell references in the tests rely on it.
BASE: Sheets = {
    "Settings": [["key", "value"], ["park_name", "测试园区"], ["base_year", 2023],
                 ["end_year", 2030], ["target_year", 2027]],
    "Chains": [["chain", "industry", "base_output", "growth", "output_ratio",
                "value_added_rate", "ramp", "build_years"],
               ["光伏", "电子", 100, 0.05, 0.8, 0.25, "0.5,1", 1],
               ["电子信息", "电子", 50, None, None, None, None, None]],
    "Projects": [["id", "name", "chain", "investment", "stage", "production_year",
                  "output_ratio", "ramp", "probability", "delay", "include", "build_years",
                  "note"],
                 ["P1", "一号项目", "光伏", 10, "signed", 2026, None, None, None, None, None,
                  None, None],
                 ["P2", "二号项目", "电子信息", 20, "construction", 2025, 1.2, "0.3,1", 0.9,
                  1, 1, 2, "备注"]],
    "Stages": [["stage", "probability"], ["signed", 0.6]],
    "Growth": [["chain", "year", "growth"], ["光伏", 2025, 0.1], ["电子信息", 2026, 0.05]],
    "Prices": [["chain", "year", "index"], ["光伏", 2024, 0.8]],
    "Pipeline": [["year", "chain", "investment"], [2025, "光伏", 10]],
    "Incubation": [["year", "chain", "graduates", "revenue_per_firm"],
                   [2025, "电子信息", 3, 0.3]],
    "Scenarios": [["name", "parent", "description"], ["基准", None, "当前趋势"],
                  ["乐观", "基准", "更快"]],
    "Overrides": [["scenario", "table", "key", "field", "years", "op", "value"],
                  ["乐观", "growth", "*", "growth", "2026-", "add", 0.02],
                  ["乐观", "projects", "P1", "stage", None, "set", "construction"]],
}


def base() -> Sheets:
    return copy.deepcopy(BASE)


def write(path: Path, sheets: Sheets) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def _ref(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert m, ref
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def edit(sheets: Sheets, changes: dict[tuple[str, str | None], Any]) -> Sheets:
    """A copy with cells set: {("Projects", "D3"): -5}; ("X", None): rows adds or DELETEs."""
    out = copy.deepcopy(sheets)
    for (sheet, ref), value in changes.items():
        if ref is None:
            if value is DELETE:
                del out[sheet]
            else:
                out[sheet] = value
            continue
        row, col = _ref(ref)
        rows = out[sheet]
        while len(rows) < row:
            rows.append([])
        while len(rows[row - 1]) < col:
            rows[row - 1].append(None)
        rows[row - 1][col - 1] = value
    return out


def chinese(sheets: Sheets, units: bool = True) -> Sheets:
    """The same workbook with Chinese sheet names and headers (with units)."""
    out: Sheets = {}
    for name, rows in sheets.items():
        key = labels.sheet_key(name)
        header = [labels.column_label(key, labels.column_key(key, h), "zh", unit=units)
                  for h in rows[0]]
        out[labels.SHEETS[key]] = [header] + copy.deepcopy(rows[1:])
    return out


def document_sheets(doc: Document) -> Sheets:
    """A Document as a Chinese workbook (what the sample file looks like)."""
    s = doc.settings
    zh = labels.SETTINGS
    settings = [["参数", "值"]] + [[zh[k][0], getattr(s, k) if k != "default_ramp"
                                   else format_ramp(s.default_ramp)] for k in zh]
    out: Sheets = {"设置": settings}

    def cell(field: str, value: Any) -> Any:
        if field == "ramp":
            return format_ramp(value) or None
        if field == "stage":
            return labels.stage_label(value)
        if field == "include" and value is not None:
            return "是" if value else "否"
        return value

    for key in ("chains", "projects", "stages", "growth", "prices", "pipeline",
                "incubation", "scenarios"):
        columns = list(labels.COLUMNS[key])
        out[labels.SHEETS[key]] = (
            [[labels.column_label(key, c) for c in columns]]
            + [[cell(c, getattr(r, c)) for c in columns] for r in getattr(doc, key)])
    rows = [[labels.column_label("overrides", c) for c in labels.COLUMNS["overrides"]]]
    for o in doc.overrides:
        value = labels.stage_label(o.value) if o.field == "stage" else o.value
        rows.append([o.scenario, labels.SHEETS[o.table],
                     labels.stage_label(o.key) if o.table == "stages" and o.key != "*"
                     else o.key, labels.COLUMNS[o.table][o.field], o.years,
                     labels.OPS[o.op], value])
    out["情景调整"] = rows
    if doc.actuals:
        out["实绩"] = [[labels.column_label("actuals", c) for c in labels.COLUMNS["actuals"]]] + [
            [r.chain, f"{r.year}年", r.output, r.value_added, r.investment] for r in doc.actuals]
    if doc.monthly:
        out["月度实绩"] = [["产业链", "年份", "月份", "当月产值"]] + [
            [r.chain, r.year, labels.month_label(r.month, r.combined), r.output]
            for r in doc.monthly]
    if doc.targets:
        out["目标分解"] = [["年份", "产业链", "目标值"]] + [
            [r.year, "合计" if r.chain == "*" else r.chain, r.target] for r in doc.targets]
    return out
