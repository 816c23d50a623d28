"""What the import wizard's pages choose, in one plain object they all share."""
from __future__ import annotations

from dataclasses import dataclass, field

from models import Document, DocumentError, ValidationIssue
from planner.io.foreign import ImportResult, SourceTable, StageMap, convert


@dataclass
class ImportState:
    into: Document
    path: str = ""
    sheet: str = ""
    table: SourceTable | None = None
    mapping: dict[str, str] = field(default_factory=dict)   # field -> header ("" = none)
    unit: str = "亿元"
    stage_words: dict[str, str | None] = field(default_factory=dict)  # text -> stage key
    chain_words: dict[str, str | None] = field(default_factory=dict)  # text -> chain
    id_prefix: str = "I"

    def stage_map(self) -> StageMap:
        return StageMap({t: s for t, s in self.stage_words.items() if s})

    def chain_map(self) -> dict[str, str]:
        return {t: c for t, c in self.chain_words.items() if c}

    def run(self) -> tuple[ImportResult | None, list[ValidationIssue]]:
        """The import as chosen: the result, or None and every problem."""
        if self.table is None:
            return None, []
        try:
            result = convert(self.table, self.mapping, self.unit, self.stage_map(),
                             into=self.into, id_prefix=self.id_prefix,
                             chain_map=self.chain_map())
        except DocumentError as exc:
            return None, exc.issues
        return result, list(result.issues)
