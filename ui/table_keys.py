"""What the app's table views share: the selection as tab-separated text (Ctrl+C, as
Excel pastes it) and a message shown at the current cell."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView, QToolTip


def selection_text(view: QTableView) -> str:
    """The selected cells as rows of tab-separated edit values ("" where not selected)."""
    indexes = view.selectedIndexes()
    if not indexes:
        return ""
    rows = sorted({i.row() for i in indexes})
    cols = sorted({i.column() for i in indexes})
    chosen = {(i.row(), i.column()) for i in indexes}
    model = view.model()
    lines = ["\t".join(str(model.index(r, c).data(Qt.ItemDataRole.EditRole) or "")
                       if (r, c) in chosen else "" for c in cols) for r in rows]
    return "\n".join(lines) + "\n"


def copy_selection(view: QTableView) -> None:
    text = selection_text(view)
    if text:
        QGuiApplication.clipboard().setText(text)


def show_at_current(view: QTableView, message: str) -> None:
    """A tooltip under the current cell (or the view) saying why an edit was refused."""
    index = view.currentIndex()
    rect = view.visualRect(index) if index.isValid() else view.viewport().rect()
    QToolTip.showText(view.viewport().mapToGlobal(rect.bottomLeft()), message, view.viewport())
