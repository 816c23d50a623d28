"""Scenario comparison: totals overlaid, differences by chain and year, differing assumptions."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from planner.analysis.compare import compare_scenarios, difference_frame
from ui.analysis.common import arg, bold
from ui.analysis.compare_chart import TotalsChart
from ui.analysis.compare_models import AssumptionsModel, DifferenceFrameModel
from ui.session import Session


def _table(parent: QWidget, model) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class ComparePanel(QWidget):
    refreshed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._pending = False
        self._updating = False

        self.heading = QLabel(self.tr("Compare scenarios"), self)
        self.heading.setFont(bold(self, 1.2))
        self.scenarios = QListWidget(self)
        self.scenarios.itemChanged.connect(lambda _: self._user_changed())
        self.reference = QComboBox(self)
        self.reference.currentIndexChanged.connect(lambda _: self._user_changed())
        self.detail = QComboBox(self)
        self.detail.currentIndexChanged.connect(lambda _: self._user_changed())
        side = QWidget(self)
        form = QVBoxLayout(side)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(QLabel(self.tr("Scenarios on the chart:"), side))
        form.addWidget(self.scenarios, 1)
        choose = QFormLayout()
        choose.addRow(self.tr("Reference:"), self.reference)
        choose.addRow(self.tr("Details for:"), self.detail)
        form.addLayout(choose)
        side.setMaximumWidth(280)

        self.chart = TotalsChart(self)
        self.chart.set_labels(target=self.tr("Target %1"), reference=self.tr("%1 (reference)"),
                              axis=self.tr("100m CNY (亿元)"),
                              title=self.tr("Total output by scenario"))
        self.frame_model = DifferenceFrameModel(self)
        self.assumptions_model = AssumptionsModel(self)
        self.frame_view = _table(self, self.frame_model)
        self.assumptions_view = _table(self, self.assumptions_model)
        self.assumptions_view.verticalHeader().hide()
        self.assumptions_view.horizontalHeader().setSectionResizeMode(
            AssumptionsModel.KEY, QHeaderView.ResizeMode.Stretch)
        self.detail_caption = QLabel(self)
        self.detail_caption.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.frame_view, self.tr("Output difference by chain and year (亿元)"))
        self.tabs.addTab(self.assumptions_view, self.tr("What differs"))
        details = QWidget(self)
        d = QVBoxLayout(details)
        d.setContentsMargins(0, 0, 0, 0)
        d.addWidget(self.detail_caption)
        d.addWidget(self.tabs, 1)

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.chart)
        right.addWidget(details)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(side)
        body.addWidget(right)
        body.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.heading)
        layout.addWidget(body, 1)

        self._stale = False
        session.resultsChanged.connect(self._schedule)
        session.documentReplaced.connect(self._schedule)
        self._sync_choices()
        self.refresh()

    # -- public --------------------------------------------------------------------
    def checked(self) -> list[str]:
        return [self.scenarios.item(i).text() for i in range(self.scenarios.count())
                if self.scenarios.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, names: list[str]) -> None:
        self._updating = True
        for i in range(self.scenarios.count()):
            item = self.scenarios.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names
                               else Qt.CheckState.Unchecked)
        self._updating = False
        self.refresh()

    def set_reference(self, name: str) -> None:
        self.reference.setCurrentText(name)

    def set_detail(self, name: str) -> None:
        self.detail.setCurrentText(name)

    def refresh(self) -> None:
        self._pending = False
        doc, results = self.session.document, self.session.results
        reference, detail = self.reference.currentText(), self.detail.currentText()
        shown = [results[n] for n in self.checked() if n in results]
        self.chart.update_results(shown, reference, list(doc.scenario_names))
        if reference in results and detail in results and detail != reference:
            self.frame_model.set_frame(difference_frame(results[detail], results[reference]))
            self.assumptions_model.set_differences(
                compare_scenarios(doc, detail, reference), doc)
            n = len(self.assumptions_model.differences)
            self.detail_caption.setText(arg(
                self.tr("“%1” minus reference “%2”: %3 resolved assumption(s) differ."),
                detail, reference, n))
        else:
            self.frame_model.set_frame(self.frame_model.frame.iloc[0:0, 0:0])
            self.assumptions_model.set_differences([], doc)
            self.detail_caption.setText(self.tr("Choose a scenario other than the reference "
                                                "to see what differs."))
        self.refreshed.emit()

    # -- internals -------------------------------------------------------------------
    def _schedule(self) -> None:
        """One refresh per burst of edits, and only while the panel is shown."""
        if not self.isVisible():
            self._stale = True
            return
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._sync_and_refresh)

    def _sync_and_refresh(self) -> None:
        self._stale = False
        self._sync_choices()
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._pending = True
            QTimer.singleShot(0, self._sync_and_refresh)

    def _user_changed(self) -> None:
        if not self._updating:
            self.refresh()

    def _sync_choices(self) -> None:
        """Follow the scenario list; keep what the planner chose where it still exists."""
        names = list(self.session.document.scenario_names)
        known = [self.scenarios.item(i).text() for i in range(self.scenarios.count())]
        was_checked = set(self.checked())
        self._updating = True
        if names != known:
            self.scenarios.clear()
            for n in names:
                item = QListWidgetItem(n, self.scenarios)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if n in was_checked or n not in known
                                   else Qt.CheckState.Unchecked)
        for combo, default in ((self.reference, names[0]),
                               (self.detail, self._default_detail(names))):
            current = combo.currentText()
            if [combo.itemText(i) for i in range(combo.count())] != names:
                combo.clear()
                combo.addItems(names)
            combo.setCurrentText(current if current in names else default)
        self._updating = False

    def _default_detail(self, names: list[str]) -> str:
        active = self.session.active_scenario
        reference = self.reference.currentText() or names[0]
        if active != reference:
            return active
        return next((n for n in names if n != reference), names[0])
