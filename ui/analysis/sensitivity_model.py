"""A thin table over a Sensitivity: one row per lever, largest swing first."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from planner.analysis.sensitivity import LeverResult, Outcome, Sensitivity
from ui import formatting as fmt
from ui.analysis.common import NEGATIVE_COLOUR, POSITIVE_COLOUR, arg, lang

Index = QModelIndex | QPersistentModelIndex
LEVER, LOW, LOW_YEAR, HIGH, HIGH_YEAR, SWING = range(6)
LeverRole = Qt.ItemDataRole.UserRole + 1    # the row's LeverResult
SortRole = Qt.ItemDataRole.UserRole + 2     # a number to sort by


def lever_name(r: LeverResult) -> str:
    return r.lever.name_zh if lang() == "zh" else r.lever.name


class SensitivityModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._s: Sensitivity | None = None

    @property
    def sensitivity(self) -> Sensitivity | None:
        return self._s

    def set_sensitivity(self, s: Sensitivity | None) -> None:
        # a new analysis is a new table: the lever list and order may all change
        self.beginResetModel()
        self._s = s
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._s is None else len(self._s.levers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        y = arg(self.tr("Output in %1"), self._s.target_year) if self._s else ""
        return (self.tr("Lever"), arg(self.tr("Low: %1 (亿元)"), y),
                self.tr("Low: year target reached"), arg(self.tr("High: %1 (亿元)"), y),
                self.tr("High: year target reached"), self.tr("Swing (亿元)"))[section]

    def _year(self, o: Outcome) -> str:
        return str(o.target_year) if o.target_year is not None else self.tr("not reached")

    def _value(self, o: Outcome) -> str:
        delta = o.value - self._s.base_value
        sign = "+" if delta > 0.005 else "−" if delta < -0.005 else "±"
        return f"{fmt.number(o.value)}  ({sign}{fmt.number(abs(delta))})"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._s is None:
            return None
        r = self._s.levers[index.row()]
        col = index.column()
        if role == LeverRole:
            return r
        if role == SortRole:
            return (index.row(), r.low.value, r.low.target_year or 9999, r.high.value,
                    r.high.target_year or 9999, r.swing)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None if col == LEVER else int(Qt.AlignmentFlag.AlignRight
                                                  | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (LOW, HIGH):
            delta = (r.low if col == LOW else r.high).value - self._s.base_value
            return None if abs(delta) < 0.005 else (POSITIVE_COLOUR if delta > 0
                                                    else NEGATIVE_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and col == LEVER:
            return r.lever.name if lang() == "zh" else r.lever.name_zh
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == LEVER:
            return lever_name(r)
        if col == LOW:
            return self._value(r.low)
        if col == LOW_YEAR:
            return self._year(r.low)
        if col == HIGH:
            return self._value(r.high)
        if col == HIGH_YEAR:
            return self._year(r.high)
        return fmt.number(r.swing)
