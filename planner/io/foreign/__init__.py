"""Import projects from a foreign project list (招商 departments' own workbooks).

    sheets = list_sheets(path)
    headers, rows = preview(path, sheets[0])
    mapping = guess_mapping(headers)               # field -> header
    unit = detect_unit(mapping["investment"])      # "万元" / "亿元" / None
    result = import_projects(path, sheets[0], mapping, into=doc)
"""
from planner.io.foreign.convert import CellConverter, resolve
from planner.io.foreign.importer import ImportResult, convert, import_projects
from planner.io.foreign.mapping import (FIELDS, REQUIRED, UNITS, detect_unit, fold,
                                        guess_mapping, parse_pairs)
from planner.io.foreign.preview import BadCell, converted_rows, distinct_values
from planner.io.foreign.source import SourceTable, list_sheets, preview, read_source
from planner.io.foreign.stages import DEFAULT_WORDS, StageMap

__all__ = [
    "BadCell", "CellConverter", "DEFAULT_WORDS", "FIELDS", "ImportResult", "REQUIRED",
    "SourceTable", "StageMap", "UNITS", "convert", "converted_rows", "detect_unit",
    "distinct_values", "fold", "guess_mapping", "import_projects", "list_sheets",
    "parse_pairs", "preview", "read_source", "resolve",
]
