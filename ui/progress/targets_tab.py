"""The 目标分解 tab: year × chain targets with the park total (typing a value locks the
cell as a Targets row; 解锁 removes it), the method and reference scenario (Settings
target_method / target_scenario), this year's months and quarters, and the targets
against the active scenario's re-forecast (top-down vs bottom-up)."""
from __future__ import annotations

from typing import Hashable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QMenu,
                               QPushButton, QWidget)

from models.actuals_edits import clear_target, set_target
from models.edits import EditError, set_setting
from planner.io.cells import Invalid, is_blank, to_number
from ui import messages
from ui.progress.common import chain_label, lang, tr
from ui.progress.grid import GridModel, KeyRole
from ui.progress.grid_view import GridView
from ui.progress.tab import ProgressTab
from ui.progress.targets_grids import comparison_grid, month_grid, target_grid
from ui.session import Session

METHODS = (("even", QT_TRANSLATE_NOOP("Progress", "Even growth")),
           ("scenario", QT_TRANSLATE_NOOP("Progress", "Follow a scenario")))


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class TargetsTab(ProgressTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        bar = QHBoxLayout()
        self.method_label = QLabel(tr("Method:"), self)
        self.method_box = QComboBox(self)
        for key, text in METHODS:
            self.method_box.addItem(tr(text), key)
        self.method_box.activated.connect(self._on_method)
        self.scenario_label = QLabel(tr("Reference scenario:"), self)
        self.scenario_box = QComboBox(self)
        self.scenario_box.activated.connect(self._on_scenario)
        self.unlock_button = QPushButton(tr("Unlock (解锁)"), self)
        self.unlock_button.setToolTip(tr("Remove the given value of the selected cells: "
                                         "they are decomposed again"))
        self.unlock_button.clicked.connect(self.unlock_selected)
        for w in (self.method_label, self.method_box, self.scenario_label, self.scenario_box):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.unlock_button)
        self.layout_.addLayout(bar)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { background: #FFF3CD; color: #664D03; "
                                   "border: 1px solid #FFE69C; padding: 6px 10px; }")
        self.layout_.addWidget(self.warning)

        grid = QGridLayout()
        self.targets_title = _title("")
        self.model = GridModel(self._edit, self)
        self.view = GridView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setDefaultSectionSize(112)
        self.view.clearRequested.connect(self._unlock)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.compare_title = _title("")
        self.compare_model = GridModel(None, self)
        self.compare_view = GridView(self)
        self.compare_view.setModel(self.compare_model)
        self.compare_view.horizontalHeader().setDefaultSectionSize(150)
        self.compare_view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.months_title = _title("")
        self.months_model = GridModel(None, self)
        self.months_view = GridView(self)
        self.months_view.setModel(self.months_model)
        self.months_view.horizontalHeader().setDefaultSectionSize(66)
        self.months_view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        grid.addWidget(self.targets_title, 0, 0)
        grid.addWidget(self.view, 1, 0)
        grid.addWidget(self.compare_title, 0, 1)
        grid.addWidget(self.compare_view, 1, 1)
        grid.addWidget(self.months_title, 2, 0, 1, 2)
        grid.addWidget(self.months_view, 3, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(4, 1)
        self.layout_.addLayout(grid, 1)
        self.refresh()

    # -- drawing -------------------------------------------------------------------------
    def redraw(self) -> None:
        ev = self.session.evaluation
        doc, t = ev.document, ev.targets
        s = doc.settings
        self.method_box.setCurrentIndex(max(0, self.method_box.findData(s.target_method)))
        names = doc.scenario_names
        if [self.scenario_box.itemData(i) for i in range(self.scenario_box.count())] != names:
            self.scenario_box.clear()
            for n in names:
                self.scenario_box.addItem(n, n)
        reference = s.target_scenario or names[0]
        self.scenario_box.setCurrentIndex(max(0, self.scenario_box.findData(reference)))
        self.scenario_box.setEnabled(s.target_method == "scenario")
        self.scenario_label.setEnabled(s.target_method == "scenario")
        if t is None or not t.years:
            why = [messages.translate(n, lang()) for n in ev.notices
                   if n.startswith("targets cannot")]
            self.summary.setText(tr(
                "No years to decompose: the target year %1 is not after the last complete "
                "year of actuals.").replace("%1", str(s.target_year)) if not why else "")
            for m in (self.model, self.compare_model, self.months_model):
                m.set_grid([], [], [])
            self.warning.setText("\n".join(why))
            self.warning.setVisible(bool(why))
            return
        self.summary.setText(self._summary(t, s))
        warnings = [messages.translate(w, lang()) for w in t.warnings]
        self.warning.setText("\n".join(dict.fromkeys(warnings)))
        self.warning.setVisible(bool(warnings))
        g = target_grid(doc, t)
        self.model.set_grid(g.row_headers, g.col_headers, g.rows, g.col_tips)
        self.view.fit(96)
        self.targets_title.setText(tr("Targets by chain (亿元; padlock = given and locked)"))
        active = self.session.active_scenario
        g = comparison_grid(t, ev.results[active])
        self.compare_model.set_grid(g.row_headers, g.col_headers, g.rows, g.col_tips)
        self.compare_view.fit(110)
        self.compare_title.setText(tr("Re-forecast of “%1” minus target (亿元)").replace(
            "%1", active))
        g = month_grid(t)
        if g is None:
            self.months_model.set_grid([], [], [])
            self.months_title.setText(tr("No months: %1 is after the target year.").replace(
                "%1", str(t.current_year)))
        else:
            self.months_model.set_grid(g.row_headers, g.col_headers, g.rows, g.col_tips)
            self.months_view.fit(50)
            self.months_title.setText(tr("%1 by month and quarter (亿元, seasonal pattern)")
                                      .replace("%1", str(t.current_year)))

    def _summary(self, t, s) -> str:
        method = tr("even growth") if t.method == "even" else \
            tr("the path of scenario “%1”").replace("%1", t.reference_scenario)
        return tr("From the %1 actuals to %2 亿元 in %3, by %4.").replace(
            "%1", str(t.anchor_year)).replace("%2", f"{s.target_value:,.2f}").replace(
            "%3", str(s.target_year)).replace("%4", method)

    # -- editing -------------------------------------------------------------------------
    def _on_method(self, _index: int) -> None:
        self._set_setting("target_method", self.method_box.currentData(),
                          tr("Target method"))

    def _on_scenario(self, _index: int) -> None:
        self._set_setting("target_scenario", self.scenario_box.currentData(),
                          tr("Target reference scenario"))

    def _set_setting(self, key: str, value: str, text: str) -> None:
        doc = self.session.document
        if getattr(doc.settings, key) == value:
            return
        try:
            new = set_setting(doc, key, value)
        except EditError as exc:
            self.refuse(str(exc))
        else:
            self.apply(new, text)
        self.refresh()   # a refused choice shows the setting as it is

    def _edit(self, key: Hashable, text: str) -> bool:
        _kind, year, chain, _locked = key
        if is_blank(text):
            return self._unlock([key])
        value = to_number(text, "target")
        if isinstance(value, Invalid):
            return self.refuse(value.reason)
        try:
            doc = set_target(self.session.document, year, chain, value)
        except ValueError as exc:
            return self.refuse(str(exc))
        return self.apply(doc, tr("Lock target %1").replace(
            "%1", f"{chain_label(chain)} {year}"))

    def _keys(self, indexes: list[QModelIndex]) -> list[Hashable]:
        return [k for i in indexes if i.isValid() and (k := i.data(KeyRole)) is not None]

    def _unlock(self, items) -> bool:
        keys = [k for k in (self._keys(items) if items and isinstance(items[0], QModelIndex)
                            else items) if k[3]]
        if not keys:
            return False
        doc = self.session.document
        try:
            for _kind, year, chain, _locked in keys:
                doc = clear_target(doc, year, chain)
        except ValueError as exc:
            return self.refuse(str(exc))
        what = (f"{chain_label(keys[0][2])} {keys[0][1]}" if len(keys) == 1
                else str(len(keys)))
        return self.apply(doc, tr("Unlock target %1").replace("%1", what))

    def unlock_selected(self) -> bool:
        return self._unlock(self.view.selectedIndexes())

    def _menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        menu = QMenu(self)
        key = index.data(KeyRole) if index.isValid() else None
        action = menu.addAction(tr("Unlock (解锁)"), lambda: self._unlock([key]))
        action.setEnabled(bool(key and key[3]))
        menu.exec(self.view.viewport().mapToGlobal(pos))



