"""One source cell to one project value, with the column mapping resolved once."""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models import labels
from models.document import Document
from models.issues import Location, ValidationIssue
from planner.io.cells import (Invalid, is_blank, shown, to_include, to_number, to_ramp,
                              to_text, to_whole)
from planner.io.foreign.mapping import REQUIRED, UNITS, detect_unit, field_key
from planner.io.foreign.source import SourceTable
from planner.io.foreign.stages import StageMap
from planner.io.foreign.values import to_money, to_year

TOTAL_WORDS = ("合计", "总计", "小计", "累计", "total", "subtotal")


def fold(text: object) -> str:
    t = unicodedata.normalize("NFKC", str(text if text is not None else ""))
    return "".join(t.split()).casefold()


def _stage_names() -> str:
    return ", ".join(f"{k}/{v[0]}" for k, v in labels.STAGES.items())


@dataclass(frozen=True)
class Setup:
    """A checked mapping: field -> 1-based source column, the unit and how it was chosen."""

    columns: dict[str, int]
    unit: str
    unit_source: str  # "given", "header" or "assumed"


def resolve(table: SourceTable, mapping: Mapping[str, str], unit: str | None
            ) -> tuple[Setup | None, list[ValidationIssue]]:
    """Check the mapping against the sheet's headers; problems point at the header row."""
    issues: list[ValidationIssue] = []
    where = Location(table.file, table.sheet, table.header_row)
    columns: dict[str, int] = {}
    tried: set[str] = set()
    for name, header in mapping.items():
        key = field_key(name)
        if key is None:
            issues.append(ValidationIssue(
                f"unknown project field {name!r} in the column mapping (fields: "
                f"{', '.join(labels.COLUMNS['projects'])})", where))
            continue
        if not str(header or "").strip():
            continue  # mapped to nothing
        tried.add(key)
        column = table.column(header)
        if column is None:
            issues.append(ValidationIssue(
                f"{key}: no column {header!r} in header row {table.header_row} (the "
                f"columns are {', '.join(repr(h) for h in table.headers if h)})", where))
        else:
            columns[key] = column
    for key in REQUIRED:
        if key not in columns and key not in tried:
            issues.append(ValidationIssue(
                f"no column is mapped to {key} ({labels.COLUMNS['projects'][key]}); "
                f"map one, e.g. {key}=HEADER", where))
    if unit is not None and unit not in UNITS:
        issues.append(ValidationIssue(f"unknown unit {unit!r} (expected 万元 or 亿元)", where))
    if issues:
        return None, issues
    if unit is not None:
        return Setup(columns, unit, "given"), issues
    detected = detect_unit(table.headers[columns["investment"] - 1])
    if detected is not None:
        return Setup(columns, detected, "header"), issues
    return Setup(columns, "亿元", "assumed"), issues


class CellConverter:
    """Converts cells of one row by field; the result is a value, None or Invalid."""

    def __init__(self, into: Document, unit: str, stage_map: StageMap | None = None,
                 chain_map: Mapping[str, str] | None = None) -> None:
        self.unit = unit
        self.stage_map = stage_map or StageMap()
        self.chains = {fold(c): c for c in into.chain_names}
        self.chain_list = into.chain_names
        for text, chain in (chain_map or {}).items():
            if chain not in self.chain_list:
                raise ValueError(f"chain mapping {text!r} → {chain!r}: {chain!r} is not a "
                                 f"chain of the workbook ({', '.join(self.chain_list)})")
            self.chains[fold(text)] = chain

    def __call__(self, field: str, value: Any) -> Any:
        if field in ("id", "name", "note"):
            return None if is_blank(value) else to_text(value)
        if field == "chain":
            return self.chain(value)
        if field == "investment":
            return to_money(value, self.unit)
        if field == "stage":
            return self.stage(value)
        if field == "production_year":
            return to_year(value)
        if field in ("output_ratio", "probability"):
            return to_number(value, field)
        if field in ("delay", "build_years"):
            return to_whole(value, field)
        if field == "include":
            return to_include(value)
        if field == "ramp":
            return to_ramp(value)
        raise KeyError(field)

    def chain(self, value: Any) -> str | None | Invalid:
        if is_blank(value):
            return None
        found = self.chains.get(fold(to_text(value)))
        if found is not None:
            return found
        text = to_text(value)
        near = [c for c in self.chain_list if fold(text) in fold(c) or fold(c) in fold(text)]
        hint = f"; did you mean {near[0]!r}?" if len(near) == 1 else ""
        return Invalid(f"unknown chain {shown(value)} (the workbook's chains are "
                       f"{', '.join(self.chain_list)}){hint}")

    def stage(self, value: Any) -> str | None | Invalid:
        if is_blank(value):
            return None
        found = self.stage_map.lookup(to_text(value))
        if found is not None:
            return found
        return Invalid(f"unknown stage {shown(value)}: map it to one of {_stage_names()}")


def is_total_row(values: tuple[Any, ...]) -> bool:
    """A 合计/总计 row, which project lists often end with."""
    return any(isinstance(v, str) and fold(v) in TOTAL_WORDS for v in values[:3])
