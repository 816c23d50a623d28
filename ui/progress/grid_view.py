"""GridView: the table view of the progress tabs (copy, paste and delete go to the tab)."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui import table_keys


class GridView(QTableView):
    pasteRequested = Signal(str, QModelIndex)   # clipboard text, the current cell
    clearRequested = Signal(list)               # the selected indexes

    def __init__(self, parent=None, stretch: bool = False) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.horizontalHeader().setDefaultSectionSize(84)
        self.horizontalHeader().setMinimumSectionSize(56)
        self.verticalHeader().setDefaultSectionSize(24)
        if stretch:
            self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def fit(self, min_width: int = 56) -> None:
        """Columns as wide as their contents, and the view no taller than its rows (small
        tables that should not leave empty space or scroll when there is room)."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for c in range(header.count()):
            if header.sectionSize(c) < min_width:
                header.resizeSection(c, min_width)
        self._fit_height()

    def _fit_height(self) -> None:
        rows = self.model().rowCount() if self.model() is not None else 0
        h = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        h += rows * self.verticalHeader().defaultSectionSize()
        needed = self.verticalHeader().sizeHint().width() + self.horizontalHeader().length()
        if needed > self.width() - 2 * self.frameWidth():
            h += self.horizontalScrollBar().sizeHint().height()
        if getattr(self, "_fitted", None) == h + 2:
            return
        self._fitted = h + 2
        self.setMaximumHeight(h + 2)
        self.setMinimumHeight(min(h + 2, 120))
        self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if getattr(self, "_fitted", None) is not None and self.maximumHeight() == self._fitted:
            self._fit_height()

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        fitted = getattr(self, "_fitted", None)
        if fitted is not None:
            hint.setHeight(fitted)
        return hint

    def show_message(self, message: str) -> None:
        table_keys.show_at_current(self, message)

    def copy(self) -> None:
        table_keys.copy_selection(self)

    def paste(self, text: str | None = None) -> None:
        text = QGuiApplication.clipboard().text() if text is None else text
        self.pasteRequested.emit(text, self.currentIndex())

    def keyPressEvent(self, event) -> None:  # noqa: N802
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.matches(QKeySequence.StandardKey.Paste) and not editing:
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Copy) and not editing:
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Delete) and not editing:
            self.clearRequested.emit(self.selectedIndexes())
        else:
            super().keyPressEvent(event)
