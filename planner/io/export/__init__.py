"""Workbook export: the input sheets plus results as live formulas and native charts."""
from planner.io.export.workbook import Cancelled, export_workbook, result_sheet_names

__all__ = ["Cancelled", "export_workbook", "result_sheet_names"]
