"""Monte Carlo: parameters, a background run with progress and Cancel, P(target) and charts."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from models import Document
from planner.analysis.montecarlo import MonteCarloParams, MonteCarloResult, run_montecarlo
from ui import formatting as fmt
from ui.analysis.common import Snapshot, StaleBanner, arg, bold
from ui.analysis.fan_chart import FanChart, FirstYearChart
from ui.analysis.montecarlo_params import ParamsForm
from ui.session import Session
from ui.worker import Task, run_task


class MonteCarloPanel(QWidget):
    probabilityComputed = Signal(str, float)   # scenario, Pr[Y(N) ≥ T]
    finished = Signal(object)                  # MonteCarloResult
    cancelled = Signal()
    failed = Signal(str)
    taskStarted = Signal(object)               # ui.worker.Task, for a status-bar TaskBar

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._result: MonteCarloResult | None = None
        self._snapshot = Snapshot()
        self._task: Task | None = None

        self.heading = QLabel(self)
        self.heading.setFont(bold(self, 1.2))
        self.heading.setWordWrap(True)

        params_box = QGroupBox(self.tr("Parameters"), self)
        self.form = ParamsForm(params_box)
        self.defaults_button = QPushButton(self.tr("Defaults from Settings"), params_box)
        self.defaults_button.clicked.connect(lambda: self.form.load(self.session.document))
        p = QVBoxLayout(params_box)
        p.addWidget(self.form)
        p.addWidget(self.defaults_button)

        self.run_button = QPushButton(self.tr("Run simulation"), self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        result_box = QGroupBox(self.tr("Chance of reaching the target"), self)
        self.probability = QLabel("—", result_box)
        self.probability.setFont(bold(self, 2.4))
        self.probability.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.probability_caption = QLabel(result_box)
        self.probability_caption.setWordWrap(True)
        self.probability_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = QLabel(result_box)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        r = QVBoxLayout(result_box)
        r.addWidget(self.probability)
        r.addWidget(self.probability_caption)
        r.addWidget(self.summary)
        self.banner = StaleBanner(self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        left = QVBoxLayout()
        left.addWidget(params_box)
        left.addLayout(buttons)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        left.addWidget(self.banner)
        left.addWidget(result_box)
        self.method_note = QLabel(self.tr(
            "Each draw varies growth and prices and lets every project that is not yet in "
            "production succeed or fail with its probability and slip by a random delay "
            "(triangular from 0 to the maximum, peaking at the mode; on average "
            "(mode + maximum) / 3 years). Because delays only push output later, the median "
            "path can lie below the projection without uncertainty."), self)
        self.method_note.setWordWrap(True)
        self.method_note.setObjectName("methodNote")
        self.method_note.setStyleSheet("color: #595959;")
        left.addWidget(self.method_note)
        left.addStretch(1)
        left_widget = QWidget(self)
        left_widget.setLayout(left)
        left_widget.setMaximumWidth(360)

        self.fan = FanChart(self)
        self.fan.set_labels(outer=self.tr("P5–P95"), inner=self.tr("P25–P75"),
                            median=self.tr("Median"),
                            deterministic=self.tr("Without uncertainty"),
                            target=self.tr("Target %1"), year=self.tr("Target year %1"),
                            title=self.tr("Range of total output — “%1”, %2 draws"),
                            axis=self.tr("100m CNY (亿元)"), actual=self.tr("Actual"))
        self.first_year = FirstYearChart(self)
        self.first_year.set_labels(on_time=self.tr("By %1"), late=self.tr("Later"),
                                   never=self.tr("Not reached"),
                                   title=self.tr("First year the target is reached"),
                                   axis=self.tr("% of draws"))
        charts = QSplitter(Qt.Orientation.Vertical, self)
        charts.addWidget(self.fan)
        charts.addWidget(self.first_year)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        charts.setChildrenCollapsible(False)
        body = QHBoxLayout()
        body.addWidget(left_widget)
        body.addWidget(charts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)

        session.documentChanged.connect(self._on_document_changed)
        session.documentReplaced.connect(self._on_document_replaced)
        session.activeScenarioChanged.connect(lambda _: self._refresh())
        self.form.load(session.document)
        prior = session.analysis("montecarlo")   # e.g. the panel rebuilt for a language
        if prior is not None:
            self._snapshot.take(session.document, prior.scenario)
        self._show(prior)

    # -- public --------------------------------------------------------------------
    @property
    def last_montecarlo(self) -> MonteCarloResult | None:
        """The last finished run (check ``is_stale`` before trusting it)."""
        return self._result

    @property
    def is_stale(self) -> bool:
        return self._snapshot.is_stale(self.session.document)

    @property
    def is_running(self) -> bool:
        return self._task is not None

    def run(self, params: MonteCarloParams | None = None) -> Task | None:
        """Simulate the active scenario in the worker (``params`` default: the form)."""
        params = params or self.form.params()
        problems = params.problems()
        if problems:
            self.status.setText("; ".join(problems))
            return None
        if self._task is not None:
            self._task.cancel()
        doc, scenario = self.session.document, self.session.active_scenario
        task = run_task(run_montecarlo, doc, scenario, params, progress_kw="progress",
                        title=arg(self.tr("Monte Carlo: %1"), scenario))
        self._task = task
        task.progressed.connect(lambda f, t=task: t is self._task and self._on_progress(f))
        task.finished.connect(lambda r, t=task: self._on_finished(t, doc, r))
        task.failed.connect(lambda e, t=task: self._on_failed(t, e))
        task.cancelled.connect(lambda t=task: self._on_cancelled(t))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(arg(self.tr("Simulating %1 draws…"), fmt.number(params.draws, 0)))
        self.taskStarted.emit(task)
        return task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    # -- task outcomes ------------------------------------------------------------------
    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 1000))

    def _end(self, task: Task) -> bool:
        """Tidy up after ``task``; False when a newer run replaced it."""
        if task is not self._task:
            return False
        self._task = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()
        return True

    def _on_finished(self, task: Task, doc: Document, result: MonteCarloResult) -> None:
        if not self._end(task):
            return
        self._snapshot.take(doc, result.scenario)
        self.session.record_analysis("montecarlo", doc, result)
        self.status.setText("")
        self._show(result)
        self.finished.emit(result)
        self.probabilityComputed.emit(result.scenario, result.prob_target)

    def _on_failed(self, task: Task, error: object) -> None:
        if self._end(task):
            self.status.setText(arg(self.tr("The simulation failed: %1"), error))
            self.failed.emit(str(error))

    def _on_cancelled(self, task: Task) -> None:
        if self._end(task):
            self.status.setText(self.tr("Cancelled; the previous result (if any) is kept."))
            self.cancelled.emit()

    # -- showing ---------------------------------------------------------------------
    def _on_document_changed(self) -> None:
        self.form.load(self.session.document, force=False)
        self._refresh()

    def _on_document_replaced(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self.form.load(self.session.document)
        self._snapshot.clear()
        self._show(None)

    def _show(self, result: MonteCarloResult | None) -> None:
        self._result = result
        deterministic = actual = None
        if result is not None and result.scenario in self.session.results and not self.is_stale:
            engine = self.session.results[result.scenario]
            deterministic = engine.total
            y0 = int(engine.years[0])
            actual = [(y, float(engine.total[y - y0]))
                      for y in range(y0 + 1, int(engine.actual_year) + 1)]
        self.fan.update_result(result, deterministic, actual)
        self.first_year.update_result(result)
        waiting = "" if result is not None else self.tr(
            "Press Run simulation: the range of outcomes appears here.")
        self.fan.set_placeholder(waiting)
        self.first_year.set_placeholder(waiting and self.tr(
            "The year each simulation first reaches the target appears here."))
        self._refresh()

    def _refresh(self) -> None:
        s = self.session.document.settings
        self.heading.setText(arg(self.tr("Monte Carlo simulation for “%1”"),
                                 self.session.active_scenario))
        stale = self.banner.update_for(self._snapshot, self.session.document,
                                       self.session.active_scenario)
        r = self._result
        if r is None:
            self.probability.setText("—")
            self.probability_caption.setText(arg(
                self.tr("Chance that output in %1 reaches %2: run the simulation"), s.target_year,
                fmt.yi(s.target_value, 0)))
            self.summary.setText("")
            return
        p = r.prob_target
        # a rare success must not read as "0.0%"
        self.probability.setText(fmt.percent(p, 2 if 0 < p < 0.01 else 1))
        self.probability.setStyleSheet("color: #9E9E9E;" if stale else "color: #1F4E79;")
        self.probability_caption.setText(arg(
            self.tr("Chance that output in %1 reaches %2 for “%3”, %4 draws"), r.target_year,
            fmt.yi(r.target_value, 0), r.scenario, fmt.number(r.params.draws, 0))
            + (self.tr(" — out of date") if stale else ""))
        q = r.quantiles()
        col = r.target_year - int(r.years[0])
        self.summary.setText(arg(
            self.tr("Output in %1: median %2, 90% range %3 – %4, mean %5."),
            r.target_year, fmt.yi(float(q["p50"][col])), fmt.yi(float(q["p5"][col])),
            fmt.yi(float(q["p95"][col])), fmt.yi(float(r.mean[col]))))
