"""GridModel: a QAbstractTableModel over a rectangle of prepared cells.

The progress tabs compute what they show from the Session's Evaluation and hand it to a
GridModel as rows of GridCells; an editable cell's ``setData`` goes to the ``edit``
callback (which pushes an undoable edit through the Session). A new grid of the same
shape updates in place (dataChanged), so views keep their selection and scroll position.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Hashable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex
KeyRole = Qt.ItemDataRole.UserRole + 11     # the cell's key (what an edit changes)
ValueRole = Qt.ItemDataRole.UserRole + 12   # the raw number behind the text


@dataclass(frozen=True)
class GridCell:
    text: str = ""
    value: float | None = None
    edit_text: str | None = None        # what an editor starts from (None: not editable)
    key: Hashable = None
    tooltip: str = ""
    foreground: QColor | None = None
    background: QColor | None = None
    bold: bool = False
    italic: bool = False
    numeric: bool = True
    locked: bool = False                # shows a padlock (a given target)

    @property
    def editable(self) -> bool:
        return self.edit_text is not None


EditHandler = Callable[[Hashable, str], bool]


class GridModel(QAbstractTableModel):
    def __init__(self, edit: EditHandler | None = None, parent=None) -> None:
        super().__init__(parent)
        self._edit = edit
        self._rows: list[list[GridCell]] = []
        self._row_headers: list[str] = []
        self._col_headers: list[str] = []
        self._col_tips: list[str] = []

    # -- filling -------------------------------------------------------------------------
    def set_grid(self, row_headers: Sequence[str], col_headers: Sequence[str],
                 rows: Sequence[Sequence[GridCell]], col_tips: Sequence[str] = ()) -> None:
        rows = [list(r) for r in rows]
        same_shape = (len(rows) == len(self._rows) and len(col_headers) == len(self._col_headers))
        if not same_shape:
            self.beginResetModel()
        self._rows = rows
        self._row_headers = list(row_headers)
        self._col_headers = list(col_headers)
        self._col_tips = list(col_tips) + [""] * (len(col_headers) - len(col_tips))
        if not same_shape:
            self.endResetModel()
            return
        if rows and col_headers:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1,
                                                               len(col_headers) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(col_headers) - 1)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(rows) - 1)

    def cell(self, row: int, column: int) -> GridCell:
        return self._rows[row][column]

    def row_header(self, row: int) -> str:
        return self._row_headers[row]

    def column_header(self, column: int) -> str:
        return self._col_headers[column]

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._col_headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.text
        if role == Qt.ItemDataRole.EditRole:
            return c.edit_text if c.edit_text is not None else c.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = Qt.AlignmentFlag.AlignRight if c.numeric else Qt.AlignmentFlag.AlignLeft
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(c.foreground) if c.foreground is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(c.background) if c.background is not None else None
        if role == Qt.ItemDataRole.FontRole and (c.bold or c.italic):
            font = QFont()
            font.setBold(c.bold)
            font.setItalic(c.italic)
            return font
        if role == Qt.ItemDataRole.DecorationRole and c.locked:
            from ui.progress.common import lock_icon
            return lock_icon()
        if role == KeyRole:
            return c.key
        if role == ValueRole:
            return c.value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        headers = (self._col_headers if orientation == Qt.Orientation.Horizontal
                   else self._row_headers)
        if section >= len(headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self._col_tips[section] or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self._edit is not None and \
                self._rows[index.row()][index.column()].editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._edit is None:
            return False
        c = self._rows[index.row()][index.column()]
        if not c.editable:
            return False
        text = "" if value is None else str(value)
        if text.strip() == (c.edit_text or "").strip():
            return True
        return self._edit(c.key, text)
