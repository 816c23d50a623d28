"""EditorModel: a thin QAbstractTableModel over the Session's document and scenario.

Subclasses say which rows and columns there are and which CellRef each cell edits; this
class shows the active scenario's effective values (planner.model.provenance, cached per
document and scenario), styles them by provenance, turns edits into
``models.edits.set_value`` + ``Session.apply`` and keeps views in step on Session
signals without resetting (reset only when the whole document is replaced).
"""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import Hashable, NamedTuple, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from models.document import Document
from models.edits import (CellRef, EditError, edits_base, has_own_override, is_root,
                          reset_to_inherited, set_value)
from planner.io.cells import Invalid
from planner.io.paste import PasteError, implausible, paste_block, paste_cells, parse_cell
from planner.model.provenance import CellSources, Provenance, sources
from ui import messages, prompts
from ui.editors import common
from ui.editors.common import CellRefRole, ChoicesRole, ProvenanceRole, SortRole, tr
from ui.session import Session

Index = QModelIndex | QPersistentModelIndex
EXACT_DIFF_CELLS = 3000   # up to this many cells, dataChanged covers only changed ones


class Cell(NamedTuple):
    ref: CellRef | None
    prov: Provenance | None
    display: str


EMPTY = Cell(None, None, "")


ALL_TABLES = ("settings", "chains", "projects", "stages", "growth", "prices", "pipeline",
              "incubation", "scenarios", "overrides")


class EditorModel(QAbstractTableModel):
    editRefused = Signal(str)   # why an edit was refused, for the status bar
    exact_changes = True        # dataChanged over changed cells only (small tables)
    depends_on = ALL_TABLES     # Document fields whose change can alter what is shown

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self._doc: Document = session.document
        self._scenario: str = session.active_scenario
        self._sources: CellSources | None = None
        self._rows: list[Hashable] = self.row_keys(self._doc)
        self._cols: list[Hashable] = self.column_keys(self._doc)
        self._cache: dict[int, list[Cell | None]] = {}
        session.documentReplaced.connect(self._on_replaced)
        session.documentChanged.connect(self.sync)
        session.activeScenarioChanged.connect(self.sync)

    # -- what subclasses define ------------------------------------------------------------
    def row_keys(self, doc: Document) -> list[Hashable]:
        raise NotImplementedError

    def column_keys(self, doc: Document) -> list[Hashable]:
        raise NotImplementedError

    def cell_ref(self, row: Hashable, col: Hashable) -> CellRef | None:
        """The document cell shown here; None for a read-only label cell."""
        raise NotImplementedError

    def label(self, row: Hashable, col: Hashable) -> str:
        return ""

    def column_header(self, col: Hashable) -> str:
        return str(col)

    def row_header(self, row: Hashable) -> str | None:
        return None

    def column_tip(self, col: Hashable) -> str:
        """The column's meaning and unit (header tooltip)."""
        sheet = getattr(self, "help_sheet", None)
        return common.column_tip(sheet, col) if sheet and isinstance(col, str) else ""

    def label_tip(self, row: Hashable, col: Hashable) -> str | None:
        return None

    def choices(self, ref: CellRef) -> list[tuple[str, str]] | None:
        return None

    def is_editable(self, ref: CellRef) -> bool:
        return True

    # -- reading -------------------------------------------------------------------------
    @property
    def document(self) -> Document:
        return self._doc

    @property
    def scenario(self) -> str:
        return self._scenario

    @property
    def sources(self) -> CellSources:
        if self._sources is None:
            self._sources = sources(self._doc, self._scenario)
        return self._sources

    def row_key(self, row: int) -> Hashable:
        return self._rows[row]

    def column_key(self, column: int) -> Hashable:
        return self._cols[column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._cols)

    def cell(self, row: int, column: int) -> Cell:
        line = self._cache.get(row)
        if line is None:
            line = self._cache[row] = [None] * len(self._cols)
        got = line[column]
        if got is None:
            got = line[column] = self._make_cell(self._rows[row], self._cols[column])
        return got

    def sort_value(self, row: int, column: int) -> object:
        """The raw value to sort by; cheaper than a whole cell (no provenance)."""
        line = self._cache.get(row)
        if line is not None and line[column] is not None:
            cell = line[column]
            return common.sort_value(cell.prov.value) if cell.prov else cell.display
        try:
            ref = self.cell_ref(self._rows[row], self._cols[column])
            if ref is None:
                return self.label(self._rows[row], self._cols[column])
            return common.sort_value(self.sources.value(ref))
        except (KeyError, IndexError, ValueError):
            return ""

    def _make_cell(self, row: Hashable, col: Hashable, src: CellSources | None = None) -> Cell:
        try:
            ref = self.cell_ref(row, col)
            if ref is None:
                return Cell(None, None, self.label(row, col))
            prov = (src or self.sources).of(ref)
        except (KeyError, IndexError, ValueError):
            return EMPTY  # a row on its way out during a structural update
        return Cell(ref, prov, common.display_text(ref, prov.value))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == SortRole:
            return self.sort_value(index.row(), index.column())
        cell = self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.display
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = cell.prov is not None and isinstance(cell.prov.value, (int, float))
            align = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if cell.prov is None:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.label_tip(self._rows[index.row()], self._cols[index.column()])
            return cell.display if role == Qt.ItemDataRole.EditRole else None
        kind = cell.prov.kind
        if role == Qt.ItemDataRole.EditRole:
            return common.edit_text(cell.ref, cell.prov.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = common.tooltip(cell.ref, cell.prov, self._doc)
            if self.is_base_only(cell.ref):
                tip = common.base_only_tip() + "\n" + tip
            return tip
        if role == Qt.ItemDataRole.FontRole:
            return common.font_for(kind)
        if role == Qt.ItemDataRole.ForegroundRole:
            return common.foreground_for(kind)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.is_base_only(cell.ref):
                return common.base_only_brush()
            return common.background_for(kind)
        if role == ProvenanceRole:
            return cell.prov
        if role == CellRefRole:
            return cell.ref
        if role == ChoicesRole:
            return self.choices(cell.ref)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal
                and section < len(self._cols)):
            return self.column_tip(self._cols[section]) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.column_header(self._cols[section]) if section < len(self._cols) else None
        if section >= len(self._rows):
            return None
        label = self.row_header(self._rows[section])
        return label if label is not None else str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        ref = self.cell(index.row(), index.column()).ref
        if ref is not None and self.is_editable(ref):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # -- editing -------------------------------------------------------------------------
    def is_base_only(self, ref: CellRef) -> bool:
        """A cell that cannot differ between scenarios, seen from a child scenario: an
        edit here changes the base data of every scenario."""
        return (not is_root(self._doc, self._scenario)
                and edits_base(self._doc, self._scenario, ref.table, ref.field))

    def confirmed(self, cells: Sequence[tuple[CellRef, object]]) -> bool:
        """Ask before values that look like a slip and before base edits from a child
        scenario; ``cells`` are (cell, parsed value)."""
        reasons = []
        for ref, value in cells:
            try:
                old = self.sources.value(ref)
            except (KeyError, IndexError, ValueError):
                old = None
            field = ref.key if ref.table == "settings" else ref.field
            reason = implausible(field, old, value)
            if reason is not None:
                reasons.append(messages.translate(reason, common.lang()))
        if reasons and not prompts.confirm_unusual(None, reasons[:5]):
            return False
        base = next((ref for ref, _ in cells if self.is_base_only(ref)), None)
        if base is not None and not prompts.confirm_base_edit(
                None, self._scenario, common.field_label(base)):
            return False
        return True

    def refuse(self, reason: str) -> bool:
        reason = messages.translate(reason, common.lang())
        self.editRefused.emit(tr("Edit refused: %1").replace("%1", reason))
        return False

    def apply(self, doc: Document, text: str, merge_key: object = None) -> bool:
        """Push ``doc`` through the Session; False (and editRefused) if it is invalid."""
        issues = self.session.apply(doc, text, merge_key=merge_key)
        if issues:
            more = f" (+{len(issues) - 1})" if len(issues) > 1 else ""
            return self.refuse(issues[0].message + more)
        return True

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        cell = self.cell(index.row(), index.column())
        ref = cell.ref
        if ref is None or not self.is_editable(ref):
            return False
        parsed = parse_cell(ref, value)
        if isinstance(parsed, Invalid):
            return self.refuse(parsed.reason)
        if parsed is not None and cell.prov is not None and parsed == cell.prov.value:
            return True
        if not self.confirmed([(ref, parsed)]):
            return False
        try:
            doc = set_value(self._doc, self._scenario, *ref[:3], parsed, ref.year)
        except EditError as exc:
            return self.refuse(str(exc))
        return self.apply(doc, self.undo_text(ref),
                          merge_key=("cell", self._scenario, *ref))

    def undo_text(self, ref: CellRef) -> str:
        where = " ".join(str(x) for x in (ref.key, ref.year) if x is not None)
        return tr("Edit %1").replace("%1", f"{where} {common.field_label(ref)}")

    def can_reset(self, index: Index) -> bool:
        ref = self.cell(index.row(), index.column()).ref if index.isValid() else None
        return (ref is not None and not edits_base(self._doc, self._scenario, ref.table, ref.field)
                and has_own_override(self._doc, self._scenario, *ref))

    def reset_cell(self, index: Index) -> bool:
        """Remove this scenario's override of the cell (恢复继承值)."""
        if not self.can_reset(index):
            return False
        ref = self.cell(index.row(), index.column()).ref
        return self.apply(reset_to_inherited(self._doc, self._scenario, *ref),
                          tr("Reset to inherited"))

    def paste(self, rows: Sequence[int], extra: int, column: int,
              block: Sequence[Sequence[str]]) -> bool:
        """Paste ``block`` at source ``rows`` from ``column`` as ONE undo step.

        ``extra`` counts lines beyond the last row; grids drop them (projects add rows)."""
        targets = [[self._target(r, column + j) for j in range(len(line))]
                   for r, line in zip(rows, block)]
        return self._paste(targets, block[:len(targets)])

    def clear(self, indexes: Sequence[Index]) -> bool:
        """Blank the cells (a blank base value or, in a child scenario, the inherited one)."""
        cells = [(ref, "") for i in indexes if (ref := self._target(i.row(), i.column()))]
        return self._apply_cells(cells, tr("Clear"))

    def _target(self, row: int, column: int) -> CellRef | None:
        if column >= len(self._cols):
            return None
        ref = self.cell(row, column).ref
        return ref if ref is not None and self.is_editable(ref) else None

    def _parsed(self, cells) -> list[tuple[CellRef, object]]:
        out = []
        for ref, text in cells:
            value = parse_cell(ref, text)
            if not isinstance(value, Invalid):
                out.append((ref, value))
        return out

    def _paste(self, targets, block) -> bool:
        cells = [(ref, text) for refs, texts in zip(targets, block)
                 for ref, text in zip(refs, texts) if ref is not None]
        if not self.confirmed(self._parsed(cells)):
            return False
        try:
            doc = paste_block(self._doc, self._scenario, targets, block)
        except (PasteError, EditError) as exc:
            return self.refuse(str(exc))
        return self.apply(doc, tr("Paste"))

    def _apply_cells(self, cells, text: str) -> bool:
        if not cells:
            return False
        if not self.confirmed(self._parsed(cells)):
            return False
        try:
            doc = paste_cells(self._doc, self._scenario, cells)
        except (PasteError, EditError) as exc:
            return self.refuse(str(exc))
        return self.apply(doc, text)

    # -- keeping in step -------------------------------------------------------------------
    def _on_replaced(self) -> None:
        self.beginResetModel()
        self._take(self.session.document, self.session.active_scenario)
        self._rows = self.row_keys(self._doc)
        self._cols = self.column_keys(self._doc)
        self.endResetModel()

    def _take(self, doc: Document, scenario: str) -> None:
        self._doc, self._scenario = doc, scenario
        self._sources = None
        self._cache = {}

    def retranslate(self) -> None:
        """Labels follow the interface language."""
        self._cache = {}
        self._emit_all()

    def sync(self, *_args) -> None:
        """Follow the Session: structural changes as row/column inserts and removals,
        value changes as dataChanged over the changed cells."""
        doc, scenario = self.session.document, self.session.active_scenario
        if doc is self._doc and scenario == self._scenario:
            return
        if scenario == self._scenario and all(getattr(doc, f) is getattr(self._doc, f)
                                              for f in self.depends_on):
            self._doc, self._sources = doc, None   # nothing shown here changed: keep cells
            return
        old_cache, old_rows, old_cols = self._cache, self._rows, self._cols
        old_doc, old_scenario = self._doc, self._scenario
        self._take(doc, scenario)
        new_rows, new_cols = self.row_keys(doc), self.column_keys(doc)
        structural = self._restructure(Qt.Orientation.Horizontal, old_cols, new_cols)
        structural |= self._restructure(Qt.Orientation.Vertical, old_rows, new_rows)
        if not self._rows or not self._cols:
            return
        if structural or not self.exact_changes:
            self._emit_all()
            return
        if len(self._rows) * len(self._cols) > EXACT_DIFF_CELLS:
            rows = None
            if scenario == old_scenario and old_rows == self._rows:
                rows = self.changed_rows(sources(old_doc, old_scenario), self.sources)
            self._emit_rows(rows)
            return
        old_sources = None

        def old_cell(r: int, c: int) -> Cell:
            nonlocal old_sources
            got = (old_cache.get(r) or [None] * len(old_cols))[c]
            if got is None:
                if old_sources is None:
                    old_sources = sources(old_doc, old_scenario)
                got = self._make_cell(old_rows[r], old_cols[c], old_sources)
            return got

        rows = (self.rows_that_may_differ(old_doc, doc) if scenario == old_scenario
                else None)
        changed = [(r, c) for r in (range(len(self._rows)) if rows is None else rows)
                   for c in range(len(self._cols)) if old_cell(r, c) != self.cell(r, c)]
        if changed:
            rows = [r for r, _ in changed]
            cols = [c for _, c in changed]
            self.dataChanged.emit(self.index(min(rows), min(cols)),
                                  self.index(max(rows), max(cols)))

    def rows_that_may_differ(self, old: Document, new: Document) -> list[int] | None:
        """For the exact diff of a small table: the rows whose cells can differ between two
        documents seen from the same scenario (None = every row). A table whose cells
        depend on rows of their own key only narrows the diff to the rows edited."""
        return None

    def changed_rows(self, old: CellSources, new: CellSources) -> list[int] | None:
        """Rows whose cells may differ between two versions; None = maybe all.
        Large tables override this so an edit does not refresh (and re-sort) every row."""
        return None

    def _emit_rows(self, rows: list[int] | None) -> None:
        if rows is None:
            self._emit_all()
            return
        last = len(self._cols) - 1
        start = prev = None
        for r in sorted(rows) + [None]:
            if start is not None and (r is None or r != prev + 1):
                self.dataChanged.emit(self.index(start, 0), self.index(prev, last))
                start = None
            if r is not None and start is None:
                start = r
            prev = r

    def _emit_all(self) -> None:
        if self._rows and self._cols:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._cols) - 1))
        if self._cols:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._cols) - 1)
        if self._rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows) - 1)

    def _restructure(self, orientation: Qt.Orientation, old: list, new: list) -> bool:
        """Bring rows or columns from ``old`` to ``new``; True if any were added or removed."""
        rows = orientation == Qt.Orientation.Vertical
        if old == new:
            return False
        if len(old) == len(new):  # renamed in place (a chain, a project id, years moved)
            if rows:
                self._rows = list(new)
            else:
                self._cols = list(new)
            self.headerDataChanged.emit(orientation, 0, len(new) - 1)
            return False
        current = list(old)
        ops = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in reversed(ops):
            if tag in ("delete", "replace"):
                (self.beginRemoveRows if rows else self.beginRemoveColumns)(
                    QModelIndex(), i1, i2 - 1)
                del current[i1:i2]
                self._set_keys(rows, current)
                (self.endRemoveRows if rows else self.endRemoveColumns)()
            if tag in ("insert", "replace"):
                (self.beginInsertRows if rows else self.beginInsertColumns)(
                    QModelIndex(), i1, i1 + j2 - j1 - 1)
                current[i1:i1] = new[j1:j2]
                self._set_keys(rows, current)
                (self.endInsertRows if rows else self.endInsertColumns)()
        return True

    def _set_keys(self, rows: bool, keys: list) -> None:
        if rows:
            self._rows = list(keys)
        else:
            self._cols = list(keys)
        self._cache = {}
