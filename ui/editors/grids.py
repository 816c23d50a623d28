"""Chain × year grids: growth, price index, pipeline investment, incubation."""
from __future__ import annotations

from models.document import Document
from models.edits import CellRef, is_root
from ui.editors.base import EditorModel
from ui.session import Session


class YearGridModel(EditorModel):
    """Rows are chains, columns years; shows one per-year field of the active scenario.

    ``from_base_year`` includes y0 (price points may sit in the base year; it is never
    overridden, so in a child scenario that column is read-only)."""

    def __init__(self, session: Session, table: str, field: str,
                 from_base_year: bool = False, parent=None):
        self.table, self.field, self.from_base_year = table, field, from_base_year
        self.depends_on = ("settings", "chains", "scenarios", "overrides", table)
        super().__init__(session, parent)

    def row_keys(self, doc: Document) -> list:
        return list(doc.chain_names)

    def rows_that_may_differ(self, old: Document, new: Document) -> list[int] | None:
        """A chain's cells depend only on its own rows of the table (with settings, chains,
        scenarios and overrides unchanged): only the chains whose rows changed can differ."""
        if any(getattr(old, f) is not getattr(new, f) for f in self.depends_on
               if f != self.table):
            return None
        edited = {r.chain for r in set(getattr(old, self.table)) ^ set(getattr(new, self.table))}
        return [i for i, chain in enumerate(self._rows) if chain in edited]

    def column_keys(self, doc: Document) -> list:
        s = doc.settings
        return list(range(s.base_year + (0 if self.from_base_year else 1), s.end_year + 1))

    def cell_ref(self, row, col) -> CellRef:
        return CellRef(self.table, row, self.field, col)

    def column_header(self, col) -> str:
        return str(col)

    def column_tip(self, col) -> str:
        from ui.editors.common import column_tip
        return column_tip(self.table, self.field)

    def row_header(self, row) -> str:
        return str(row)

    def is_editable(self, ref: CellRef) -> bool:
        return (ref.year != self.document.settings.base_year
                or is_root(self.document, self.scenario))
