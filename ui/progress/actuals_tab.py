"""The 实绩 tab: annual actuals (chain × year) and monthly figures (chain × month) of a
chosen year, editable and pasteable; every edit and every paste is one undo step, and
the Session's checks (the reader's rules) refuse what the workbook reader would."""
from __future__ import annotations

from typing import Hashable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from models import labels
from models.actuals_edits import set_actual, set_monthly
from models.document import Document
from planner.io.cells import Invalid, is_blank, to_number
from planner.io.paste import split_clipboard
from ui.progress import actuals_paste
from ui.progress.actuals_grids import (ANNUAL_FIELDS, annual_grid, monthly_grid,
                                       monthly_years)
from ui.progress.common import lang, month_label, tr
from ui.progress.grid import GridModel, KeyRole
from ui.progress.grid_view import GridView
from ui.progress.tab import ProgressTab
from ui.session import Session


def field_label(field: str) -> str:
    if lang() == "zh":
        return labels.COLUMNS["actuals"][field]
    return labels.COLUMN_EN[field]


class ActualsTab(ProgressTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        # annual
        self.annual_title = QLabel(self)
        self.field_box = QComboBox(self)
        for f in ANNUAL_FIELDS:
            self.field_box.addItem(field_label(f), f)
        self.field_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.annual_paste_button = QPushButton(tr("Paste statistics table"), self)
        self.annual_paste_button.setToolTip(tr(
            "Paste a table copied from Excel/WPS: chains down the side, years (2024, 2025年) "
            "across the top"))
        self.annual_paste_button.clicked.connect(lambda: self.paste_annual(None))
        bar = QHBoxLayout()
        bar.addWidget(self.annual_title)
        bar.addWidget(self.field_box)
        bar.addStretch(1)
        bar.addWidget(self.annual_paste_button)
        self.layout_.addLayout(bar)
        self.annual_model = GridModel(self._edit, self)
        self.annual_view = GridView(self)
        self.annual_view.setModel(self.annual_model)
        self.annual_view.pasteRequested.connect(self.paste_annual)
        self.annual_view.clearRequested.connect(self._clear)
        self.layout_.addWidget(self.annual_view, 1)
        # monthly
        self.monthly_title = QLabel(self)
        self.year_box = QComboBox(self)
        self.year_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.mode_box = QComboBox(self)
        self.mode_box.addItem(tr("Month by month"), False)
        self.mode_box.addItem(tr("Year to date (累计)"), True)
        self.mode_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.monthly_paste_button = QPushButton(tr("Paste statistics table"), self)
        self.monthly_paste_button.setToolTip(tr(
            "Paste a monthly table copied from Excel/WPS: chains down the side, months "
            "across the top (1-2月, 3月 … or 累计 columns such as 1-3月)"))
        self.monthly_paste_button.clicked.connect(lambda: self.paste_monthly(None))
        bar = QHBoxLayout()
        bar.addWidget(self.monthly_title)
        bar.addWidget(self.year_box)
        bar.addWidget(self.mode_box)
        bar.addStretch(1)
        bar.addWidget(self.monthly_paste_button)
        self.layout_.addLayout(bar)
        self.monthly_model = GridModel(self._edit, self)
        self.monthly_view = GridView(self)
        self.monthly_view.horizontalHeader().setDefaultSectionSize(72)
        self.monthly_view.setModel(self.monthly_model)
        self.monthly_view.pasteRequested.connect(self.paste_monthly)
        self.monthly_view.clearRequested.connect(self._clear)
        self.layout_.addWidget(self.monthly_view, 1)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #52606D;")
        self.layout_.addWidget(self.hint)
        self.layout_.addStretch(0)
        self.refresh()

    # -- drawing -------------------------------------------------------------------------
    @property
    def field(self) -> str:
        return self.field_box.currentData() or "output"

    @property
    def year(self) -> int:
        return int(self.year_box.currentData())

    @property
    def cumulative(self) -> bool:
        return bool(self.mode_box.currentData())

    def _fill_years(self, doc: Document) -> None:
        years = monthly_years(doc)
        current = [int(self.year_box.itemData(i)) for i in range(self.year_box.count())]
        if current == years:
            return
        keep = self.year_box.currentData()
        with_rows = [y for y in years if any(r.year == y for r in doc.monthly)]
        choice = keep if keep in years else (with_rows[-1] if with_rows else years[-1])
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in years:
            self.year_box.addItem(str(y), y)
        self.year_box.setCurrentIndex(years.index(choice))
        self.year_box.blockSignals(False)

    def redraw(self) -> None:
        doc = self.session.document
        h = self.session.evaluation.history
        self.annual_title.setText(tr("Annual actuals (亿元, current prices):"))
        self.monthly_title.setText(tr("Monthly output (亿元) of"))
        g = annual_grid(doc, self.field)
        self.annual_model.set_grid(g.row_headers, g.col_headers, g.rows, g.col_tips)
        self.annual_view.fit(84)
        self._fill_years(doc)
        g = monthly_grid(doc, self.year, self.cumulative)
        self.monthly_model.set_grid(g.row_headers, g.col_headers, g.rows, g.col_tips)
        self.monthly_view.fit(60)
        if h.months:
            status = tr("%1: months 1–%2 entered; the year is estimated from them.").replace(
                "%1", str(h.current_year)).replace("%2", str(h.months))
        elif h.actual_year > h.base_year:
            status = tr("Actuals up to %1; no monthly figures for %2 yet.").replace(
                "%1", str(h.actual_year)).replace("%2", str(h.current_year))
        else:
            status = tr("No actuals yet: the projection starts from the base year.")
        self.hint.setText(status + "  " + tr(
            "Type or paste numbers; Delete clears; every change can be undone (Ctrl+Z). "
            "A new year needs a value for every chain."))

    # -- editing -------------------------------------------------------------------------
    def _value(self, text: str) -> float | None | Invalid:
        return None if is_blank(text) else to_number(text, "output")

    def _edit(self, key: Hashable, text: str) -> bool:
        value = self._value(text)
        if isinstance(value, Invalid):
            return self.refuse(value.reason)
        try:
            doc = self._set(self.session.document, key, value)
        except ValueError as exc:
            return self.refuse(str(exc))
        return self.apply(doc, self._undo_text(key))

    @staticmethod
    def _set(doc: Document, key: Hashable, value: float | None) -> Document:
        kind, chain, year, what = key
        if kind == "annual":
            return set_actual(doc, chain, year, what, value)
        return set_monthly(doc, chain, year, what, value)

    def _undo_text(self, key: Hashable) -> str:
        kind, chain, year, what = key
        if kind == "annual":
            return tr("Edit actual %1").replace("%1", f"{chain} {year} {field_label(what)}")
        return tr("Edit monthly actual %1").replace("%1", f"{chain} {year} {month_label(what)}")

    def _clear(self, indexes: list[QModelIndex]) -> bool:
        keys = [i.data(KeyRole) for i in indexes
                if i.isValid() and i.model().flags(i) & Qt.ItemFlag.ItemIsEditable]
        return self._apply_cells([(k, None) for k in keys if k is not None], tr("Clear"))

    def _apply_cells(self, cells: list[tuple[Hashable, float | None]], text: str) -> bool:
        if not cells:
            return False
        doc = self.session.document
        try:
            for key, value in cells:
                doc = self._set(doc, key, value)
        except ValueError as exc:
            return self.refuse(str(exc))
        return self.apply(doc, text)

    def _block_cells(self, model: GridModel, start: QModelIndex,
                     block: list[list[str]]) -> list[tuple[Hashable, float | None]] | str:
        """A plain block of numbers pasted at ``start``: the editable cells it covers."""
        cells = []
        for i, line in enumerate(block):
            for j, text in enumerate(line):
                r, c = start.row() + i, start.column() + j
                if r >= model.rowCount() or c >= model.columnCount():
                    continue
                cell = model.cell(r, c)
                if not cell.editable:
                    continue
                value = self._value(text)
                if isinstance(value, Invalid):
                    return f"{model.row_header(r)} {model.column_header(c)}: {value.reason}"
                cells.append((cell.key, value))
        return cells

    def _paste(self, model: GridModel, text: str | None, start: QModelIndex,
               parse_table) -> bool:
        text = QGuiApplication.clipboard().text() if text is None else text
        block = split_clipboard(text)
        if not block:
            return self.refuse(tr("The clipboard holds no table"))
        doc = self.session.document
        if actuals_paste.has_headers(block):
            try:
                new = parse_table(doc, text)
            except ValueError as exc:
                return self.refuse(str(exc))
            return self.apply(new, tr("Paste statistics table"))
        if not start.isValid():
            return self.refuse(tr("Choose the cell to paste at, or copy the table with its "
                                  "headers"))
        cells = self._block_cells(model, start, block)
        if isinstance(cells, str):
            return self.refuse(cells)
        return self._apply_cells(cells, tr("Paste"))

    def paste_annual(self, text: str | None, start: QModelIndex = QModelIndex()) -> bool:
        start = start if start.isValid() else self.annual_view.currentIndex()
        return self._paste(self.annual_model, text, start,
                           lambda doc, t: actuals_paste.paste_annual(doc, t, self.field))

    def paste_monthly(self, text: str | None, start: QModelIndex = QModelIndex()) -> bool:
        start = start if start.isValid() else self.monthly_view.currentIndex()
        return self._paste(self.monthly_model, text, start,
                           lambda doc, t: actuals_paste.paste_monthly(doc, t, self.year))
