"""The mapping page's preview: converted sample rows of the source list (read-only)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models import labels
from planner.io.cells import Invalid, to_text
from ui import formatting
from ui.language import current_language

CONTEXT = "ImportWizard"
ERROR_COLOR = QColor(200, 30, 30)
Rows = list[tuple[int, dict[str, Any]]]


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def shown(field: str, value: Any) -> str:
    """A converted value as the planner reads it: 亿元 to 4 places, stages by name."""
    if value is None:
        return ""
    if isinstance(value, Invalid):
        raw = getattr(value, "raw", None)
        return "⚠ " + ("" if raw is None else to_text(raw))
    if field == "investment":
        return formatting.number(value, 4)
    if field == "stage":
        return labels.stage_label(value, current_language())
    if field == "include":
        return tr("yes") if value else tr("no")
    if field == "ramp":
        return ",".join(f"{u:g}" for u in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class PreviewModel(QAbstractTableModel):
    """Rows (source row number, field -> value | None | Invalid) under field headers."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fields: list[str] = []
        self._rows: Rows = []

    def set_rows(self, fields: list[str], rows: Rows) -> None:
        """A new preview replaces the old one entirely, so the model resets."""
        self.beginResetModel()
        self._fields, self._rows = list(fields), list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._fields)

    def value(self, row: int, field: str) -> Any:
        return self._rows[row][1].get(field)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field = self._fields[index.column()]
        value = self._rows[index.row()][1].get(field)
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(field, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return value.reason if isinstance(value, Invalid) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ERROR_COLOR) if isinstance(value, Invalid) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "investment":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._rows[section][0])  # the source row number
        return labels.column_label("projects", self._fields[section], current_language())
