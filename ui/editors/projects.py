"""Projects: the table model, a filter/sort proxy and the editor tab (add, delete,
duplicate, paste rows from Excel). Stays smooth at thousands of projects: cells are
computed once per row and document version, filtering reads cached tuples."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLineEdit, QPushButton,
                               QStyle)

from models import labels
from models.document import Document
from models.edits import (CellRef, EditError, add_project, blank_project, delete_projects,
                          duplicate_projects, new_project_id)
from planner.io.paste import PasteError, paste_cells
from planner.model.provenance import CellSources
from ui.editors.base import EditorModel
from ui.editors.common import SortRole, header, lang, tr
from ui.editors.panel import EditorPanel
from ui.session import Session


class ProjectsModel(EditorModel):
    depends_on = ("settings", "chains", "projects", "stages", "scenarios", "overrides")
    help_sheet = "projects"
    _filter_cache: tuple | None = None
    _slipped: dict[str, int] = {}

    def __init__(self, session: Session, parent=None):
        super().__init__(session, parent)
        self._slipped = self._slipped_now()
        session.resultsChanged.connect(self._on_results)
        session.activeScenarioChanged.connect(self._on_results)

    # -- slipped projects (model.md §6): a mark and a tooltip on the id cell ----------------
    def _slipped_now(self) -> dict[str, int]:
        r = self.session.active_result
        return dict(zip(r.slipped_projects, r.slipped_due))

    def _on_results(self, *_args) -> None:
        slipped = self._slipped_now()
        if slipped == self._slipped:
            return
        changed = set(slipped) ^ set(self._slipped) | {
            k for k in slipped if self._slipped.get(k) != slipped[k]}
        self._slipped = slipped
        column = self._cols.index("id") if "id" in self._cols else 0
        for row, pid in enumerate(self._rows):
            if pid in changed:
                self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def slipped_reason(self, row: int) -> str | None:
        """Why the project is flagged, or None when it is not slipped."""
        pid = self._rows[row]
        due = self._slipped.get(pid)
        if due is None:
            return None
        stage = labels.stage_label(self.sources.resolved.projects.stage[row], lang())
        r = self.session.active_result
        if due <= r.actual_year:
            text = tr("Slipped: due to produce in %1, stage still %2. Update its stage or "
                      "production year.")
        else:
            text = tr("Slipped: due to produce this year (%1) and not yet producing (stage "
                      "%2). Update its stage or production year.")
        return text.replace("%1", str(due)).replace("%2", stage)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if (index.isValid() and role in (Qt.ItemDataRole.DecorationRole,
                                         Qt.ItemDataRole.ToolTipRole)
                and self._slipped and self._cols[index.column()] == "id"
                and (reason := self.slipped_reason(index.row())) is not None):
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxWarning)
            return reason
        return super().data(index, role)

    def row_keys(self, doc: Document) -> list:
        return [p.id for p in doc.projects]

    def column_keys(self, doc: Document) -> list:
        return list(labels.COLUMNS["projects"])

    def cell_ref(self, row, col) -> CellRef:
        return CellRef("projects", row, col)

    def column_header(self, col) -> str:
        return header("projects", col)

    def choices(self, ref: CellRef):
        if ref.field == "chain":
            return [(c, c) for c in self.document.chain_names]
        if ref.field == "stage":
            return [(labels.stage_label(k, lang()), k) for k in labels.STAGES]
        if ref.field == "include":
            return [(tr("Yes"), "1"), (tr("No"), "0")]
        return None

    def changed_rows(self, old: CellSources, new: CellSources) -> list[int] | None:
        """Projects whose row or effective values changed, when no override row that
        could colour many rows changed (then None: all rows)."""
        def broad(doc: Document) -> list:
            return [o for o in doc.overrides if o.table in ("stages", "chains")
                    or (o.table == "projects" and o.key == "*")]

        def narrow(doc: Document) -> set:
            return {o for o in doc.overrides if o.table == "projects" and o.key != "*"}

        if (broad(old.doc) != broad(new.doc) or old.doc.stages != new.doc.stages
                or old.doc.chains != new.doc.chains or old.doc.settings != new.doc.settings):
            return None
        keys = {o.key for o in narrow(old.doc) ^ narrow(new.doc)}
        a, b = old.resolved.projects, new.resolved.projects
        differs = np.zeros(len(b), dtype=bool)
        for name in ("investment", "production_year", "output_ratio", "probability",
                     "delay", "include", "build_years", "chain_index"):
            differs |= getattr(a, name) != getattr(b, name)
        rows = set(np.flatnonzero(differs).tolist())
        rows.update(i for i, pid in enumerate(b.ids) if pid in keys)
        rows.update(i for i, (p, q) in enumerate(zip(old.doc.projects, new.doc.projects))
                    if p is not q or a.stage[i] != b.stage[i] or a.ramps[i] != b.ramps[i])
        return sorted(rows)

    # -- filtering -------------------------------------------------------------------------
    def filter_values(self, row: int) -> tuple[str, str, str]:
        """(chain, effective stage, lower-case id/name/note) of a source row."""
        if self._filter_cache is None or self._filter_cache[0] is not self.sources:
            self._filter_cache = (self.sources, {})
        rows = self._filter_cache[1]
        got = rows.get(row)
        if got is None:
            p = self.document.projects[row]
            stage = self.sources.resolved.projects.stage[row]
            got = rows[row] = (p.chain, stage, f"{p.id}\n{p.name}\n{p.note}".casefold())
        return got

    # -- rows ------------------------------------------------------------------------------
    def ids_of(self, rows: Sequence[int]) -> list[str]:
        return [self.row_key(r) for r in sorted(set(rows))]

    def add(self, after: int | None = None) -> bool:
        index = None if after is None else after + 1
        doc = add_project(self.document, index=index, scenario=self.scenario)
        return self.apply(doc, tr("Add project"))

    def delete(self, rows: Sequence[int]) -> bool:
        if not rows:
            return False
        return self.apply(delete_projects(self.document, self.ids_of(rows)),
                          tr("Delete projects"))

    def duplicate(self, rows: Sequence[int]) -> bool:
        if not rows:
            return False
        return self.apply(duplicate_projects(self.document, self.ids_of(rows)),
                          tr("Duplicate projects"))

    def paste(self, rows: Sequence[int], extra: int, column: int,
              block: Sequence[Sequence[str]]) -> bool:
        """Paste over existing rows and append ``extra`` new projects, as ONE undo step.

        New projects are written to the base tables (switched on by the active scenario
        when it is a child, see models.edits.add_project)."""
        doc = self.document
        new_ids: list[str] = []
        for _ in range(extra):
            pid = new_project_id(doc)
            doc = add_project(doc, blank_project(doc, pid), scenario=self.scenario)
            new_ids.append(pid)
        cols = self._cols
        mine, base = [], []
        for line, target in zip(block, [self.row_key(r) for r in rows] + new_ids):
            for j, text in enumerate(line):
                if column + j < len(cols):
                    ref = CellRef("projects", target, cols[column + j])
                    (base if target in new_ids else mine).append((ref, text))
        # A pasted id renames the row: apply those last so the other cells find it.
        ordered = sorted(mine, key=lambda c: c[0].field == "id")
        root = self.document.lineage(self.scenario)[0]
        if not self.confirmed(self._parsed(mine + base)):
            return False
        try:
            doc = paste_cells(doc, root, sorted(base, key=lambda c: c[0].field == "id"))
            doc = paste_cells(doc, self.scenario, ordered)
        except (PasteError, EditError) as exc:
            return self.refuse(str(exc))
        return self.apply(doc, tr("Paste"))


class ProjectsFilter(QSortFilterProxyModel):
    """Filter by chain, by stage and by text in id, name or note; sort by raw values."""

    def __init__(self, model: ProjectsModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(model)
        self.setSortRole(SortRole)
        # sorted when the planner clicks a header, not again after each edit: an edited
        # row stays where it is (as in Excel) instead of jumping away
        self.setDynamicSortFilter(False)
        self.chain: str | None = None
        self.stage: str | None = None
        self.text = ""

    def set_chain(self, chain: str | None) -> None:
        self.beginFilterChange()
        self.chain = chain or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_stage(self, stage: str | None) -> None:
        self.beginFilterChange()
        self.stage = stage or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        chain, stage, hay = self.sourceModel().filter_values(row)
        return ((self.chain is None or chain == self.chain)
                and (self.stage is None or stage == self.stage)
                and (not self.text or self.text in hay))


class ProjectsEditor(EditorPanel):
    """The 项目 tab: filters, the table, and add / delete / duplicate buttons."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = ProjectsModel(session, self)
        self.proxy = ProjectsFilter(self.model, self)
        bar = QHBoxLayout()
        self.chain_box, self.stage_box = QComboBox(self), QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.add_button, self.delete_button, self.duplicate_button = (
            QPushButton(self), QPushButton(self), QPushButton(self))
        for w in (self.chain_box, self.stage_box):
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        for w in (self.add_button, self.duplicate_button, self.delete_button):
            bar.addWidget(w)
        self.layout_.addLayout(bar)
        self.view = self.add_view(self.model, self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # document order until asked
        self.view.setColumnWidth(1, 260)
        self.view.resizeColumnToContents(self.model._cols.index("chain"))  # names not elided
        self.chain_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_chain(self.chain_box.currentData()))
        self.stage_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_stage(self.stage_box.currentData()))
        self.search.textChanged.connect(self.proxy.set_text)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete)
        self.duplicate_button.clicked.connect(self.duplicate)
        session.documentChanged.connect(self._fill_filters)
        session.documentReplaced.connect(self._fill_filters)
        self.retranslate()

    def selected_rows(self) -> list[int]:
        rows = {self.view.to_source(i).row() for i in self.view.selectionModel().selectedRows()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.to_source(self.view.currentIndex()).row()}
        return sorted(rows)

    def add(self) -> bool:
        rows = self.selected_rows()
        ok = self.model.add(rows[-1] if rows else None)
        if ok:
            new = (rows[-1] + 1) if rows else self.model.rowCount() - 1
            self.view.focus_first_editable(self.proxy.mapFromSource(self.model.index(new, 0)))
        return ok

    def delete(self) -> bool:
        return self.model.delete(self.selected_rows())

    def duplicate(self) -> bool:
        return self.model.duplicate(self.selected_rows())

    def _fill_filters(self) -> None:
        doc = self.session.document
        chain, stage = self.chain_box.currentData(), self.stage_box.currentData()
        for box, items, keep in (
                (self.chain_box, [(c, c) for c in doc.chain_names], chain),
                (self.stage_box, [(labels.stage_label(k, lang()), k) for k in labels.STAGES],
                 stage)):
            wanted = [(tr("All chains") if box is self.chain_box else tr("All stages"), None)]
            wanted += items
            current = [(box.itemText(i), box.itemData(i)) for i in range(box.count())]
            if current == wanted:
                continue
            box.blockSignals(True)
            box.clear()
            for label, data in wanted:
                box.addItem(label, data)
            box.setCurrentIndex(max(0, box.findData(keep)) if keep is not None else 0)
            box.blockSignals(False)
            if box.currentData() != keep:  # the chain filtered on is gone
                (self.proxy.set_chain if box is self.chain_box else self.proxy.set_stage)(None)

    def retranslate(self) -> None:
        super().retranslate()
        self.search.setPlaceholderText(tr("Filter by id, name or note…"))
        self.add_button.setText(tr("Add"))
        self.delete_button.setText(tr("Delete"))
        self.duplicate_button.setText(tr("Duplicate"))
        self._fill_filters()
