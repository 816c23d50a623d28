"""The scenario tree dock: inheritance at a glance, selection = active scenario.

The model is a thin adapter over ``session.document.scenarios`` (and reads the cached
results for two summary columns). Its actions edit through models.scenario_edits and
``Session.apply``, so each is one undo step.
"""
from __future__ import annotations

from PySide6.QtCore import (QAbstractItemModel, QItemSelectionModel, QModelIndex, QObject,
                            Qt, Signal)
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QHeaderView, QLabel, QMenu,
                               QToolBar, QTreeView, QVBoxLayout, QWidget)

from models import Override
from models import scenario_edits as se
from ui import formatting as fmt
from ui import prompts
from ui.language import current_language
from models.override_words import override_words
from ui.session import Session

NameRole = Qt.ItemDataRole.UserRole + 1
_DISPLAY, _TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
_FONT, _ALIGNMENT = Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole
_ANSWERED = frozenset({NameRole, _DISPLAY, _TOOLTIP, _FONT, _ALIGNMENT})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def describe_override(o: Override, lang: str) -> str:
    """One override row in words of the interface language."""
    return override_words(o, lang)


class ScenarioTreeModel(QAbstractItemModel):
    """Scenarios as a tree by ``parent``; internal id = position in the scenario list."""

    NAME, REACHED, VALUE = range(3)
    # after the dataChanged signals of one results change (the dock fits its columns
    # once for all of them)
    rowsRefreshed = Signal()

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._structure: list[tuple[str, str | None]] = []
        self._kids: dict[str | None, list[int]] = {}
        self._load()
        session.documentReplaced.connect(self._reset)
        session.documentChanged.connect(self._on_changed)
        session.resultsChanged.connect(self._on_results)
        session.activeScenarioChanged.connect(self._on_results)

    # -- structure ---------------------------------------------------------------
    def _load(self) -> None:
        scenarios = self.session.document.scenarios
        self._structure = [(s.name, s.parent) for s in scenarios]
        self._kids = {}
        for i, s in enumerate(scenarios):
            self._kids.setdefault(s.parent, []).append(i)
        self._shown: dict[str, tuple] = self._texts()   # what the view was told
        self._header_year = self.session.document.settings.target_year

    def _reset(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _on_changed(self) -> None:
        structure = [(s.name, s.parent) for s in self.session.document.scenarios]
        if structure != self._structure:
            # a scenario was added, removed, renamed or moved: a small tree, reset it
            self._reset()
        year = self.session.document.settings.target_year
        if year != self._header_year:           # "Output 2027" names the target year
            self._header_year = year
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        # value changes arrive with resultsChanged

    def _on_results(self, *_args) -> None:
        """Tell the view about the rows whose texts (or bold active name) changed, only
        those (each repaints its row), then say that this change's rows are told."""
        shown = self._texts()
        changed = [name for name, texts in shown.items() if self._shown.get(name) != texts]
        self._shown = shown
        if not changed:
            return
        for name in changed:
            first = self.index_of(name)
            if first.isValid():
                self.dataChanged.emit(first, first.siblingAtColumn(self.VALUE))
        self.rowsRefreshed.emit()

    def _texts(self) -> dict[str, tuple]:
        """What each row shows that results and the active scenario can change."""
        results, active = self.session.results, self.session.active_scenario
        out = {}
        for name, _parent in self._structure:
            r = results.get(name)
            out[name] = (name == active, None if r is None else
                         (r.target_year, fmt.number(r.value_at_target_year, 1)))
        return out

    def _name(self, index: QModelIndex) -> str:
        return self._structure[index.internalId()][0]

    def index_of(self, name: str) -> QModelIndex:
        for i, (n, parent) in enumerate(self._structure):
            if n == name:
                row = self._kids.get(parent, []).index(i)
                return self.createIndex(row, 0, i)
        return QModelIndex()

    # -- QAbstractItemModel ------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        key = self._structure[parent.internalId()][0] if parent.isValid() else None
        kids = self._kids.get(key, [])
        if not (0 <= row < len(kids) and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: QModelIndex | None = None):  # type: ignore[override]
        if index is None:               # QObject.parent()
            return QObject.parent(self)
        if not index.isValid():
            return QModelIndex()
        parent_name = self._structure[index.internalId()][1]
        if parent_name is None:
            return QModelIndex()
        return self.index_of(parent_name)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        key = self._structure[parent.internalId()][0] if parent.isValid() else None
        return len(self._kids.get(key, []))

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        n = self.session.document.settings.target_year
        return (self.tr("Scenario"), self.tr("Reached"),
                self.tr("Output %1").replace("%1", str(n)))[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # the view asks for a dozen roles per cell when it paints or fits its columns:
        # the ones not answered here return at once
        if role not in _ANSWERED or not index.isValid():
            return None
        col = index.column()
        if role == _ALIGNMENT:
            return _RIGHT if col != self.NAME else None
        name = self._name(index)
        if role == NameRole:
            return name
        if role == _DISPLAY:
            if col == self.NAME:
                return name
            result = self.session.results.get(name)
            if result is None:
                return None
            if col == self.REACHED:
                return fmt.year(result.target_year) if result.target_year else self.tr("no")
            return fmt.number(result.value_at_target_year, 1)
        if role == _TOOLTIP:
            doc = self.session.document
            description = doc.scenario(name).description
            count = len(doc.overrides_of(name))
            rows = self.tr("%1 adjustment row(s)").replace("%1", str(count))
            return f"{name}\n{description}\n{rows}" if description else f"{name}\n{rows}"
        if role == _FONT and col == self.NAME and name == self.session.active_scenario:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ScenarioDock(QDockWidget):
    """Tree + actions. ``message`` carries refusals and confirmations to the status bar."""

    message = Signal(str)
    FIGURES = (ScenarioTreeModel.REACHED, ScenarioTreeModel.VALUE)   # fitted to texts

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioDock")
        self.setWindowTitle(self.tr("Scenarios"))
        self.session = session
        self.model = ScenarioTreeModel(session, self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in self.FIGURES:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.model.rowsRefreshed.connect(self.fit_columns)
        self.model.headerDataChanged.connect(self.fit_columns)
        self.view.expanded.connect(self.fit_columns)
        self.view.collapsed.connect(self.fit_columns)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(lambda _i: self.rename())

        self.act_new = QAction(self.tr("New child scenario…"), self)
        self.act_new.setIconText(self.tr("New child"))
        self.act_new.setToolTip(self.tr("A new scenario that inherits everything from the "
                                        "selected one"))
        self.act_duplicate = QAction(self.tr("Duplicate…"), self)
        self.act_rename = QAction(self.tr("Rename…"), self)
        self.act_describe = QAction(self.tr("Edit description…"), self)
        self.act_delete = QAction(self.tr("Delete…"), self)
        self.act_new.triggered.connect(self.new_child)
        self.act_duplicate.triggered.connect(self.duplicate)
        self.act_rename.triggered.connect(self.rename)
        self.act_describe.triggered.connect(self.describe)
        self.act_delete.triggered.connect(self.delete)
        self.actions_list = [self.act_new, self.act_duplicate, self.act_rename,
                             self.act_describe, self.act_delete]
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_new, self.act_duplicate, self.act_delete):
            bar.addAction(a)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setContentsMargins(6, 6, 6, 6)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.info, 1)
        self.setWidget(box)

        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.model.modelReset.connect(self._after_reset)
        session.activeScenarioChanged.connect(self._select)
        session.activeScenarioChanged.connect(self._show_info)
        session.documentChanged.connect(self._show_info)
        self._after_reset()
        self._show_info()

    def fit_columns(self, *_args) -> None:
        """The figure columns fit their texts, by QHeaderView's own rule for a column
        resized to its contents. The dock fits them itself, once per change: a column in
        that mode measures every row again for each row the model says has changed, and
        repaints the header each time."""
        header = self.view.header()
        for column in self.FIGURES:
            width = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))
            width = min(max(width, header.minimumSectionSize()), header.maximumSectionSize())
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fit_columns()       # with the fonts and style the dock is shown with

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self.fit_columns()

    # -- selection <-> active scenario -------------------------------------------
    def _after_reset(self) -> None:
        self.view.expandAll()
        self._select(self.session.active_scenario)
        self.fit_columns()

    def _select(self, name: str) -> None:
        index = self.model.index_of(name)
        if index.isValid() and index != self.view.currentIndex():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _show_info(self, *_args) -> None:
        """The active scenario's lineage, description and own adjustment rows."""
        doc = self.session.document
        name = self.session.active_scenario
        lines = [" → ".join(doc.lineage(name))]
        description = doc.scenario(name).description
        if description:
            lines.append(description)
        rows = doc.overrides_of(name)
        lines.append(self.tr("%1 adjustment row(s) of its own").replace("%1", str(len(rows))))
        for o in rows[:12]:
            lines.append("· " + describe_override(o, current_language()))
        if len(rows) > 12:
            lines.append("…")
        self.info.setText("\n".join(lines))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.session.set_active_scenario(self.model.data(current, NameRole))

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for a in self.actions_list:
            menu.addAction(a)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # -- actions -----------------------------------------------------------------
    def _apply(self, edit, text: str, active: str | None = None) -> bool:
        """Run a scenario edit; report a refusal in the status bar."""
        try:
            doc = edit(self.session.document)
        except ValueError as exc:
            self.message.emit(self.tr("Not changed: %1").replace("%1", str(exc)))
            return False
        if self.session.apply(doc, text, active=active):
            return False    # refused: the window shows Session.editRefused
        self.message.emit(text)
        return True

    def new_child(self) -> bool:
        parent = self.session.active_scenario
        default = se.unique_name(self.session.document, self.tr("New scenario"))
        name = prompts.get_text(self, self.tr("New child scenario"),
                                self.tr("Name of the new scenario under “%1”:")
                                .replace("%1", parent), default)
        if name is None:
            return False
        name = name.strip()
        return self._apply(lambda d: se.new_child(d, parent, name),
                           self.tr("New scenario “%1”").replace("%1", name), active=name)

    def duplicate(self) -> bool:
        source = self.session.active_scenario
        default = se.unique_name(self.session.document,
                                 self.tr("%1 copy").replace("%1", source))
        name = prompts.get_text(self, self.tr("Duplicate scenario"),
                                self.tr("Name of the copy:"), default)
        if name is None:
            return False
        name = name.strip()
        return self._apply(lambda d: se.duplicate(d, source, name),
                           self.tr("Duplicate “%1”").replace("%1", source), active=name)

    def rename(self) -> bool:
        old = self.session.active_scenario
        name = prompts.get_text(self, self.tr("Rename scenario"), self.tr("New name:"), old)
        if name is None or name.strip() == old:
            return False
        name = name.strip()
        return self._apply(lambda d: se.rename(d, old, name),
                           self.tr("Rename “%1” to “%2”").replace("%1", old)
                           .replace("%2", name), active=name)

    def describe(self) -> bool:
        name = self.session.active_scenario
        current = self.session.document.scenario(name).description
        text = prompts.get_multiline(self, self.tr("Scenario description"),
                                     self.tr("Description of “%1”:").replace("%1", name),
                                     current)
        if text is None:
            return False
        return self._apply(lambda d: se.describe(d, name, text.strip()),
                           self.tr("Describe “%1”").replace("%1", name))

    def delete(self) -> bool:
        doc = self.session.document
        name = self.session.active_scenario
        kids = se.children(doc, name)
        if kids:
            mode = prompts.ask_delete_children(self, name, kids)
            if mode is None:
                return False
        else:
            if not prompts.confirm(self, self.tr("Delete scenario"),
                                   self.tr("Delete scenario “%1” and its adjustments?")
                                   .replace("%1", name)):
                return False
            mode = se.DELETE_CHILDREN
        parent = doc.scenario(name).parent
        return self._apply(lambda d: se.delete(d, name, mode),
                           self.tr("Delete “%1”").replace("%1", name), active=parent)

