"""Thin tables for scenario comparison: output differences, and differing assumptions."""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from models import Document
from models import labels
from planner.analysis.compare import Difference
from ui import formatting as fmt
from ui.analysis.common import NEGATIVE_COLOUR, POSITIVE_COLOUR, lang

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
RATES = ("growth", "probability", "value_added_rate")
MONEY = ("base_output", "investment", "revenue_per_firm")


class DifferenceFrameModel(QAbstractTableModel):
    """Chain × year differences of output (scenario − reference), in 亿元, total last."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame()

    @property
    def frame(self) -> pd.DataFrame:
        return self._frame

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()   # another scenario pair: a different table
        self._frame = frame
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._frame.index)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._frame.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self._frame.columns[section])
        if section == len(self._frame.index) - 1:
            return self.tr("Total")   # difference_frame's last row is the total
        return str(self._frame.index[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = float(self._frame.iat[index.row(), index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return (POSITIVE_COLOUR if value > 0.005 else NEGATIVE_COLOUR if value < -0.005
                    else None)
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self._frame.index) - 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DisplayRole:
            if abs(value) < 0.005:
                return "0.00"
            return ("+" if value > 0 else "−") + fmt.number(abs(value))
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None


def _field_label(table: str, field: str) -> str:
    if lang() == "zh":
        return labels.COLUMNS.get(table, {}).get(field, field)
    return labels.COLUMN_EN.get(field, field)


class AssumptionsModel(QAbstractTableModel):
    """Resolved assumptions where the scenario differs from the reference."""

    TABLE, KEY, FIELD, YEARS, REFERENCE, VALUE = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Difference] = []
        self._names: dict[str, str] = {}

    @property
    def differences(self) -> list[Difference]:
        return self._rows

    def set_differences(self, rows: list[Difference], doc: Document) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._names = {p.id: p.name for p in doc.projects}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Table"), self.tr("Item"), self.tr("Field"), self.tr("Years"),
                self.tr("Reference"), self.tr("Scenario"))[section]

    def key_text(self, d: Difference) -> str:
        if d.table == "stages":
            return labels.stage_label(d.key, lang())
        if d.table == "projects" and self._names.get(d.key):
            return f"{d.key} {self._names[d.key]}"
        return d.key

    def value_text(self, d: Difference, value: object) -> str:
        if d.field == "stage" and isinstance(value, str) and value in labels.STAGES:
            return labels.stage_label(value, lang())
        if isinstance(value, bool) or d.field == "include":
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, str):
            return value
        x = float(value)
        if d.field in RATES:
            return fmt.percent(x)
        if d.field in MONEY:
            return fmt.yi(x)
        if d.field == "index":
            return fmt.number(x, 3)
        if d.field in ("output_ratio",):
            return fmt.number(x, 2)
        return f"{x:g}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.REFERENCE:
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == self.TABLE:
            return labels.sheet_label(d.table, lang())
        if col == self.KEY:
            return self.key_text(d)
        if col == self.FIELD:
            return _field_label(d.table, d.field)
        if col == self.YEARS:
            return d.years or fmt.DASH
        return self.value_text(d, d.reference if col == self.REFERENCE else d.value)
