"""EditorView: a QTableView for EditorModels (directly or through a proxy) with dropdown
editors, Ctrl+C / Ctrl+V / Delete, a 恢复继承值 context menu and refusal tooltips."""
from __future__ import annotations

from PySide6.QtCore import QAbstractProxyModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QMenu, QStyledItemDelegate,
                               QTableView)

from planner.io.paste import split_clipboard
from ui import table_keys
from ui.editors.base import EditorModel
from ui.editors.common import ChoicesRole, tr


FIT_CONTENT_ROWS = 300   # up to this many rows, columns also fit their cells
MAX_FIT_WIDTH = 320


class ChoiceDelegate(QStyledItemDelegate):
    """A QComboBox for cells whose model offers choices (chain, stage, include, op …).

    Enter commits and moves down (as in Excel): ``enterPressed`` tells the view."""

    enterPressed = Signal()

    def eventFilter(self, editor, event) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.enterPressed.emit()
        return super().eventFilter(editor, event)

    def createEditor(self, parent, option, index):  # noqa: N802
        choices = index.data(ChoicesRole)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for label, text in choices:
            combo.addItem(label, text)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        if not isinstance(editor, QComboBox):
            return super().setEditorData(editor, index)
        shown = index.data(Qt.ItemDataRole.DisplayRole)
        editor.setCurrentIndex(max(0, editor.findText(shown)))

    def setModelData(self, editor, model, index):  # noqa: N802
        if not isinstance(editor, QComboBox):
            return super().setModelData(editor, model, index)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class EditorView(QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        delegate = ChoiceDelegate(self)
        delegate.enterPressed.connect(self._after_enter)
        self.setItemDelegate(delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(False)
        self.horizontalHeader().setDefaultSectionSize(84)
        self.verticalHeader().setDefaultSectionSize(24)

    # -- the model behind a proxy ------------------------------------------------------------
    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        self.editor_model().editRefused.connect(self.show_refusal)
        model.modelReset.connect(self.fit_columns)
        model.columnsInserted.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self, *_args) -> None:
        """Every header readable (English headers are long); small tables fit their
        contents too. Never narrower than the default width; a planner's own widths stay
        as long as they are wide enough."""
        model, header = self.model(), self.horizontalHeader()
        if model is None:
            return
        small = model.rowCount() <= FIT_CONTENT_ROWS
        for column in range(model.columnCount()):
            wanted = header.sectionSizeFromContents(column).width() + 8
            if small:
                wanted = max(wanted, self.sizeHintForColumn(column))
            if self.columnWidth(column) < wanted:
                self.setColumnWidth(column, min(wanted, MAX_FIT_WIDTH))

    def editor_model(self) -> EditorModel:
        model = self.model()
        while isinstance(model, QAbstractProxyModel):
            model = model.sourceModel()
        return model

    def to_source(self, index: QModelIndex) -> QModelIndex:
        model = self.model()
        while isinstance(model, QAbstractProxyModel):
            index = model.mapToSource(index)
            model = model.sourceModel()
        return index

    # -- actions ---------------------------------------------------------------------------
    def show_refusal(self, message: str) -> None:
        table_keys.show_at_current(self, message)

    def copy(self) -> None:
        table_keys.copy_selection(self)

    def focus_first_editable(self, row_index: QModelIndex) -> None:
        """Make the first editable cell of ``row_index``'s row current, so typing edits it."""
        if not row_index.isValid():
            return
        model = self.model()
        for column in range(model.columnCount()):
            index = model.index(row_index.row(), column)
            if index.flags() & Qt.ItemFlag.ItemIsEditable:
                break
        else:
            index = row_index
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_down(self) -> None:
        """One row down, same column (Enter, as in Excel)."""
        index = self.currentIndex()
        if index.isValid() and index.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(index.sibling(index.row() + 1, index.column()))

    def _after_enter(self) -> None:
        # after the editor has committed and closed
        QTimer.singleShot(0, self.move_down)

    def _fill_block(self, value: str) -> bool:
        """One copied value over a selected block fills every cell of it."""
        indexes = self.selectedIndexes()
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        if len(indexes) < 2 or cols != list(range(cols[0], cols[-1] + 1)):
            return False
        model = self.model()
        source_rows = [self.to_source(model.index(r, cols[0])).row() for r in rows]
        column = self.to_source(model.index(rows[0], cols[0])).column()
        block = [[value] * len(cols) for _ in rows]
        return self.editor_model().paste(source_rows, 0, column, block)

    def paste(self, text: str | None = None) -> bool:
        """Paste tab-separated text (Excel, WPS) at the current cell as one undo step;
        a single value over a selected block fills the block."""
        block = split_clipboard(QGuiApplication.clipboard().text() if text is None else text)
        start = self.currentIndex()
        if not block or not start.isValid():
            return False
        if len(block) == 1 and len(block[0]) == 1 and len(self.selectedIndexes()) > 1:
            return self._fill_block(block[0][0])
        model = self.model()
        proxy_rows = range(start.row(), min(model.rowCount(), start.row() + len(block)))
        rows = [self.to_source(model.index(r, start.column())).row() for r in proxy_rows]
        column = self.to_source(start).column()
        extra = max(0, len(block) - len(rows))
        return self.editor_model().paste(rows, extra, column, block)

    def clear_selection_cells(self) -> bool:
        return self.editor_model().clear([self.to_source(i) for i in self.selectedIndexes()])

    def reset_current(self) -> bool:
        return self.editor_model().reset_cell(self.to_source(self.currentIndex()))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Delete) and self.state() != \
                QAbstractItemView.State.EditingState:
            self.clear_selection_cells()
        elif (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
              and self.state() != QAbstractItemView.State.EditingState
              and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.move_down()
        else:
            super().keyPressEvent(event)

    def context_menu(self, index: QModelIndex) -> QMenu:
        menu = QMenu(self)
        reset = menu.addAction(tr("Reset to inherited"), self.reset_current)
        reset.setEnabled(index.isValid() and self.editor_model().can_reset(self.to_source(index)))
        menu.addSeparator()
        menu.addAction(tr("Copy"), self.copy)
        menu.addAction(tr("Paste"), self.paste)
        return menu

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        index = self.indexAt(event.pos())
        if index.isValid():
            self.setCurrentIndex(index)
        self.context_menu(index).exec(event.globalPos())
