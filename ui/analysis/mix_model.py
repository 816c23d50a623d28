"""The editable investment mix of goal seek (b): one weight per chain."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models import Document, DocumentError
from planner.analysis.goalseek import default_mix, normalize_mix
from ui import formatting as fmt

Index = QModelIndex | QPersistentModelIndex
CHAIN, BASE, WEIGHT, SHARE = range(4)


class MixModel(QAbstractTableModel):
    """Rows are chains; the weight column is editable (in %), the share is normalized."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._chains: list[str] = []
        self._base: dict[str, float] = {}
        self._weights: dict[str, float] = {}
        self._shares: dict[str, float] = {}
        self._doc: Document | None = None

    # -- data --------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Follow the chain list; weights of chains that remain are kept."""
        chains = list(doc.chain_names)
        base = {c.chain: c.base_output for c in doc.chains}
        if chains != self._chains:
            self.beginResetModel()
            kept = {c: w for c, w in self._weights.items() if c in chains}
            self._chains, self._base = chains, base
            self._weights = kept if len(kept) == len(chains) else dict(default_mix(doc))
            self._renormalize(doc)
            self.endResetModel()
        elif base != self._base:
            self._base = base
            self.dataChanged.emit(self.index(0, BASE), self.index(len(chains) - 1, BASE))
        self._doc = doc

    def reset_to_default(self, doc: Document) -> None:
        """Shares proportional to base output."""
        self.beginResetModel()
        self._doc = doc
        self._chains = list(doc.chain_names)
        self._base = {c.chain: c.base_output for c in doc.chains}
        self._weights = dict(default_mix(doc))
        self._renormalize(doc)
        self.endResetModel()

    def mix(self) -> dict[str, float]:
        """The weights as entered (goal seek normalizes them)."""
        return {c: w for c, w in self._weights.items() if w > 0}

    def problem(self) -> str:
        """"" when the weights can be used, else the reason (all zero)."""
        return "" if self._shares else "zero"

    def _renormalize(self, doc: Document) -> None:
        try:
            self._shares = normalize_mix(doc, self.mix()) if self.mix() else {}
        except DocumentError:
            self._shares = {}

    # -- Qt ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._chains)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Chain"), self.tr("Base output (亿元)"), self.tr("Weight (%)"),
                self.tr("Share"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == WEIGHT else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        chain = self._chains[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None if col == CHAIN else int(Qt.AlignmentFlag.AlignRight
                                                  | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.EditRole and col == WEIGHT:
            return round(self._weights.get(chain, 0.0) * 100, 4)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == CHAIN:
            return chain
        if col == BASE:
            return fmt.number(self._base.get(chain, 0.0))
        if col == WEIGHT:
            return fmt.number(self._weights.get(chain, 0.0) * 100, 2)
        return fmt.percent(self._shares.get(chain, 0.0), 1)

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != WEIGHT:
            return False
        try:
            weight = float(str(value).replace(",", "").replace("%", "")) / 100
        except ValueError:
            return False
        if not weight >= 0:
            return False
        self._weights[self._chains[index.row()]] = weight
        self._renormalize(self._doc)
        # the edited weight and every normalized share change
        self.dataChanged.emit(self.index(index.row(), WEIGHT), self.index(index.row(), WEIGHT))
        self.dataChanged.emit(self.index(0, SHARE), self.index(len(self._chains) - 1, SHARE))
        return True
