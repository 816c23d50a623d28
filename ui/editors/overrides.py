"""The active scenario's override rows (情景调整): table, key, field, years, op, value."""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt

from models import labels
from models.document import Document, Override
from models.edits import CellRef, add_override, delete_override, update_override
from planner.io.cells import Invalid
from planner.io.paste import PERCENT_FIELDS, implausible, parse_override_cell
from ui import messages, prompts
from ui.editors.base import Cell, EditorModel
from ui.editors.common import ChoicesRole, describe_override, header, lang, tr
from ui.editors.panel import EditorPanel
from ui.session import Session

COLUMNS = ("table", "key", "field", "years", "op", "value")


class OverridesModel(EditorModel):
    """Rows are the active scenario's override rows, in document order."""

    exact_changes = False
    help_sheet = "overrides"

    def row_keys(self, doc: Document) -> list:
        self._positions = [i for i, o in enumerate(doc.overrides) if o.scenario == self.scenario]
        return [doc.overrides[i] for i in self._positions]

    def column_keys(self, doc: Document) -> list:
        return list(COLUMNS)

    def column_header(self, col) -> str:
        return header("overrides", col)

    def doc_index(self, row: int) -> int:
        """The position in Document.overrides of a table row."""
        return self._positions[row]

    def override(self, row: int) -> Override:
        return self.document.overrides[self._positions[row]]

    # -- cells -----------------------------------------------------------------------------
    def cell(self, row: int, column: int) -> Cell:
        if row >= len(self._positions):  # a row on its way out during an update
            return Cell(None, None, "")
        o = self.override(row)
        col = self._cols[column]
        return Cell(CellRef("overrides", str(self._positions[row]), col), None,
                    self._display(o, col))

    def _display(self, o: Override, col: str) -> str:
        zh = lang() == "zh"
        if col == "table":
            return labels.sheet_label(o.table, lang()) if o.table in labels.SHEETS else o.table
        if col == "key":
            if o.key == "*":
                return tr("All")
            if o.table == "stages" and o.key in labels.STAGES:
                return labels.stage_label(o.key, lang())
            return o.key
        if col == "field":
            known = o.field in labels.COLUMNS.get(o.table, {})
            return header(o.table, o.field) if known else o.field
        if col == "op":
            return labels.OPS.get(o.op, o.op) if zh else o.op
        if col == "value":
            if o.field == "stage" and o.value in labels.STAGES:
                return labels.stage_label(o.value, lang())  # type: ignore[arg-type]
            if o.field == "include" and o.value in (0, 1):
                return tr("Yes") if o.value else tr("No")
            if (o.field in PERCENT_FIELDS and o.op in ("set", "add")
                    and isinstance(o.value, float)):
                return f"{round(o.value * 100, 10):.10g}%"
            return f"{o.value:g}" if isinstance(o.value, float) else str(o.value)
        if col == "years" and not o.years:
            return tr("all years")
        return str(getattr(o, col))

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if cell.ref is None:
            return None
        col = cell.ref.field
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cell.display
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe_override(self.override(index.row()))
        if role == ChoicesRole:
            return self._choices(self.override(index.row()), col)
        return None

    def _choices(self, o: Override, col: str):
        if col == "table":
            return [(labels.sheet_label(t, lang()), t) for t in labels.OVERRIDE_FIELDS]
        if col == "field":
            return [(header(o.table, f), f) for f in labels.OVERRIDE_FIELDS.get(o.table, ())]
        if col == "op":
            return [(labels.OPS[k] if lang() == "zh" else k, k) for k in labels.OPS]
        if col == "key":
            if o.table == "stages":
                keys = [(labels.stage_label(k, lang()), k) for k in labels.STAGES]
            elif o.table == "projects":
                keys = [(p.id, p.id) for p in self.document.projects]
            else:
                keys = [(c, c) for c in self.document.chain_names]
            return [(tr("All"), "*")] + keys
        if col == "value" and o.field == "stage":
            return [(labels.stage_label(k, lang()), k) for k in labels.STAGES]
        if col == "value" and o.field == "include":
            return [(tr("Yes"), "1"), (tr("No"), "0")]
        return None

    # -- editing -------------------------------------------------------------------------
    def _edited(self, doc: Document, row_index: int, col: str, text: object) -> Document:
        new = parse_override_cell(doc.overrides[row_index], col, text)
        if isinstance(new, Invalid):
            raise ValueError(new.reason)
        return update_override(doc, row_index, new)

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        i, col = self.doc_index(index.row()), self._cols[index.column()]
        try:
            doc = self._edited(self.document, i, col, value)
        except ValueError as exc:
            return self.refuse(str(exc))
        if not self._plausible(doc.overrides[i]):
            return False
        return self.apply(doc, tr("Edit override"), merge_key=("override", i, col))

    def _plausible(self, o: Override) -> bool:
        """Ask before a percent value that looks like a slip (a growth of 1200%)."""
        if o.op not in ("set", "add") or not isinstance(o.value, float):
            return True
        reason = implausible(o.field, None, o.value)
        return reason is None or prompts.confirm_unusual(
            None, [messages.translate(reason, lang())])

    def paste(self, rows: Sequence[int], extra: int, column: int,
              block: Sequence[Sequence[str]]) -> bool:
        doc = self.document
        try:
            for r, line in zip(rows, block):
                for j, text in enumerate(line):
                    if column + j < len(self._cols):
                        doc = self._edited(doc, self.doc_index(r), self._cols[column + j], text)
        except ValueError as exc:
            return self.refuse(str(exc))
        if not all(self._plausible(doc.overrides[self.doc_index(r)]) for r in rows
                   if self.doc_index(r) < len(doc.overrides)):
            return False
        return self.apply(doc, tr("Paste"))

    def clear(self, indexes) -> bool:
        return False

    def can_reset(self, index) -> bool:
        return False

    def add_row(self, after: int | None = None) -> bool:
        """A new row that changes nothing yet: growth * growth add 0 (all years)."""
        new = Override(self.scenario, "growth", "*", "growth", 0.0, "", "add")
        if after is not None:
            at = self.doc_index(after) + 1
        else:
            at = self._positions[-1] + 1 if self._positions else None
        return self.apply(add_override(self.document, new, at), tr("Add override"))

    def delete_rows(self, rows: Sequence[int]) -> bool:
        doc = self.document
        for i in sorted((self.doc_index(r) for r in set(rows)), reverse=True):
            doc = delete_override(doc, i)
        return bool(rows) and self.apply(doc, tr("Delete overrides"))


class OverridesEditor(EditorPanel):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.model = OverridesModel(session, self)
        self.view = self.add_view(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.add_button, self.delete_button = self.add_button_bar(self.add, self.delete)
        self.retranslate()

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.view.selectionModel().selectedIndexes()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        return sorted(rows)

    def add(self) -> bool:
        rows = self.selected_rows()
        ok = self.model.add_row(rows[-1] if rows else None)
        if ok:
            new = rows[-1] + 1 if rows else self.model.rowCount() - 1
            self.view.focus_first_editable(self.model.index(new, 0))
        return ok

    def delete(self) -> bool:
        return self.model.delete_rows(self.selected_rows())

    def retranslate(self) -> None:
        super().retranslate()
        self.add_button.setText(tr("Add row"))
        self.delete_button.setText(tr("Delete rows"))
