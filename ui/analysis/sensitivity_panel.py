"""Sensitivity: the tornado chart and its table, recomputed on demand or automatically."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from models import Document
from planner.analysis.sensitivity import Sensitivity, sensitivity
from ui import formatting as fmt
from ui.analysis.common import Snapshot, StaleBanner, arg, bold
from ui.analysis.sensitivity_model import SensitivityModel
from ui.analysis.tornado import TornadoChart
from ui.session import Session
from ui.worker import Task, run_task

# Above this many project-years a run goes to the worker (the sample has ~160 and
# takes ~15 ms; sensitivity runs two projections per lever).
BACKGROUND_CELLS = 20_000
LIMITS = (10, 15, 20, None)


def _sensitivity(progress, doc: Document, scenario: str) -> Sensitivity:
    return sensitivity(doc, scenario)


def runs_in_background(doc: Document) -> bool:
    years = doc.settings.end_year - doc.settings.base_year + 1
    return len(doc.projects) * years > BACKGROUND_CELLS


class SensitivityPanel(QWidget):
    finished = Signal(object)        # Sensitivity
    failed = Signal(str)
    taskStarted = Signal(object)     # ui.worker.Task

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._snapshot = Snapshot()
        self._task: Task | None = None
        self._pending = False

        self.heading = QLabel(self)
        self.heading.setFont(bold(self, 1.2))
        self.heading.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Recompute"), self)
        self.run_button.clicked.connect(self.run)
        self.auto = QCheckBox(self.tr("Recompute automatically after edits"), self)
        self.auto.setChecked(True)
        self.auto.toggled.connect(lambda on: on and self._schedule())
        self.limit = QComboBox(self)
        for n in LIMITS:
            self.limit.addItem(self.tr("All levers") if n is None
                               else arg(self.tr("Top %1 levers"), n), n)
        self.limit.setCurrentIndex(1)
        self.limit.currentIndexChanged.connect(lambda _: self._draw())
        self.status = QLabel(self)
        self.banner = StaleBanner(self)

        self.chart = TornadoChart(self)
        self.chart.set_labels(
            low=self.tr("Low setting"), high=self.tr("High setting"), base=self.tr("Base %1"),
            target=self.tr("Target %1"),
            axis=self.tr("Change in output in %1 against the scenario (亿元)"),
            title=self.tr("What moves output in %1 most — scenario “%2”"),
            reached=self.tr("target reached in %1"), never=self.tr("target not reached"))
        self.model = SensitivityModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(self.tr(
            "Each lever changes one assumption on top of the scenario, the others stay: "
            "growth ±2 percentage points, prices and output ratios ×0.8/×1.2, stage "
            "probabilities ±0.1, every project one year later, pipeline ×0.5/×1.5."), self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")

        bar = QHBoxLayout()
        bar.addWidget(self.run_button)
        bar.addWidget(self.auto)
        bar.addSpacing(12)
        bar.addWidget(self.limit)
        bar.addWidget(self.status, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        bottom = QWidget(splitter)
        b = QVBoxLayout(bottom)
        b.setContentsMargins(0, 0, 0, 0)
        b.addWidget(self.table, 1)
        b.addWidget(self.note)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        session.resultsChanged.connect(self._on_results_changed)
        session.activeScenarioChanged.connect(lambda _: self._on_results_changed())
        self._update_heading()
        if runs_in_background(session.document):
            self._pending = True      # started when the tab is first shown
        else:
            self.run()

    # -- public --------------------------------------------------------------------
    @property
    def last_sensitivity(self) -> Sensitivity | None:
        """The last computed Sensitivity (check ``is_stale`` before trusting it)."""
        return self.model.sensitivity

    @property
    def is_stale(self) -> bool:
        return self._snapshot.is_stale(self.session.document)

    @property
    def is_running(self) -> bool:
        return self._task is not None

    def run(self) -> None:
        """Compute for the active scenario: here when small, in the worker when big."""
        self._pending = False
        doc, scenario = self.session.document, self.session.active_scenario
        if self._task is not None:
            self._task.cancel()       # its answer is dropped when it arrives
            self._task = None
        if not runs_in_background(doc):
            try:
                self._show(doc, sensitivity(doc, scenario))
            except Exception as exc:  # noqa: BLE001 - shown, never raised into Qt
                self._fail(exc)
            return
        task = run_task(_sensitivity, doc, scenario, title=self.tr("Sensitivity"))
        self._task = task
        task.finished.connect(lambda s, t=task: t is self._task and self._show(doc, s))
        task.failed.connect(lambda e, t=task: t is self._task and self._fail(e))
        task.done.connect(lambda t=task: self._task_done(t))
        self.status.setText(self.tr("Computing…"))
        self.taskStarted.emit(task)

    # -- internals -------------------------------------------------------------------
    def _show(self, doc: Document, s: Sensitivity) -> None:
        self._snapshot.take(doc, s.scenario)
        self.session.record_analysis("sensitivity", doc, s)
        self.model.set_sensitivity(s)
        self.status.setText("")
        self._draw()
        self.finished.emit(s)

    def _fail(self, exc: object) -> None:
        self.status.setText(arg(self.tr("Sensitivity failed: %1"), exc))
        self.failed.emit(str(exc))

    def _task_done(self, task: Task) -> None:
        if task is self._task:
            self._task = None

    def _draw(self) -> None:
        self.chart.update_sensitivity(self.model.sensitivity, self.limit.currentData())
        self._update_heading()

    def _update_heading(self) -> None:
        s, res = self.session.document.settings, self.session.active_result
        self.heading.setText(arg(
            self.tr("Sensitivity of output in %1 for “%2”: %3 now, target %4 (gap %5)"),
            s.target_year, self.session.active_scenario, fmt.yi(res.value_at_target_year),
            fmt.yi(s.target_value, 0), fmt.signed_yi(-res.gap_at_target_year)))
        self.banner.update_for(self._snapshot, self.session.document,
                               self.session.active_scenario)

    def _on_results_changed(self) -> None:
        self._update_heading()
        if self.auto.isChecked():
            self._schedule()

    def _schedule(self) -> None:
        """One recomputation per burst of edits, and only while the panel is shown."""
        if not self.isVisible():
            self._pending = True
            return
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._run_if_pending)

    def _run_if_pending(self) -> None:
        if self._pending:
            self.run()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._pending and self.auto.isChecked():
            QTimer.singleShot(0, self._run_if_pending)
