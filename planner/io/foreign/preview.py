"""What the import wizard shows while mapping: converted sample rows, distinct values."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models.document import Document
from planner.io.cells import Invalid, is_blank, to_text
from planner.io.foreign.convert import CellConverter, is_total_row
from planner.io.foreign.source import SourceTable
from planner.io.foreign.stages import StageMap


@dataclass(frozen=True)
class BadCell(Invalid):
    """A cell that cannot be imported, with the value as found."""

    raw: Any = None


def converted_rows(table: SourceTable, mapping: Mapping[str, str], unit: str,
                   into: Document, stage_map: StageMap | None = None,
                   chain_map: Mapping[str, str] | None = None, rows: int = 20
                   ) -> list[tuple[int, dict[str, Any]]]:
    """The first ``rows`` data rows as field -> value, None or BadCell."""
    cells = CellConverter(into, unit, stage_map, chain_map)
    columns = {f: c for f, h in mapping.items() if h and (c := table.column(h)) is not None}
    out: list[tuple[int, dict[str, Any]]] = []
    for number, values in table.rows:
        if is_total_row(values):
            continue
        converted = {}
        for f, c in columns.items():
            value = cells(f, values[c - 1])
            if isinstance(value, Invalid):
                value = BadCell(value.reason, values[c - 1])
            converted[f] = value
        out.append((number, converted))
        if len(out) >= rows:
            break
    return out


def distinct_values(table: SourceTable, header: str) -> list[tuple[str, int]]:
    """The column's distinct non-blank texts, most frequent first, with their counts."""
    column = table.column(header) if header else None
    if column is None:
        return []
    counts = Counter(to_text(values[column - 1]) for _, values in table.rows
                     if not is_blank(values[column - 1]) and not is_total_row(values))
    return counts.most_common()
