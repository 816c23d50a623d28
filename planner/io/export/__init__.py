"""Workbook export: the input sheets plus results as live formulas and native charts.

    export_workbook(doc, "out.xlsx", scenarios=None, lang="zh", progress=None)

Sheets: the ten input sheets (so the file opens again as the same Document), then
汇总/Summary (one row per scenario: total output by year linked to the calculation
sheets, target year reached, Y(N), gap, required and implied CAGR, charts), then one
计算_<scenario>/Calc_<scenario> sheet per scenario holding that scenario's resolved
inputs and the whole model (docs/model.md §3) as formulas with the engine's values cached.
"""
from planner.io.export.workbook import (Cancelled, calc_sheet_names, export_workbook,
                                        is_result_sheet, result_sheet_names)

__all__ = ["Cancelled", "calc_sheet_names", "export_workbook", "is_result_sheet",
           "result_sheet_names"]
