"""Goal seek: which growth uplift or extra investment gives Y(N) = T, and a scenario from it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QRadioButton, QTableView, QVBoxLayout, QWidget)

from models import Document
from models.labels import OPS, SHEETS, SHEET_EN
from models.scenario_edits import new_child, unique_name
from planner.analysis.goalseek import (GoalSeekResult, overrides_for, seek_growth,
                                       seek_investment)
from ui import formatting as fmt
from ui import messages
from ui.analysis.common import Snapshot, StaleBanner, arg, bold, lang
from ui.analysis.mix_model import MixModel
from ui.session import Session
from ui.worker import Task, run_task

GROWTH, INVESTMENT = "growth", "investment"


def _seek(progress, doc: Document, scenario: str, lever: str, mix: dict[str, float] | None):
    """Runs in the worker; goal seek has no progress steps of its own."""
    if lever == GROWTH:
        return seek_growth(doc, scenario)
    return seek_investment(doc, scenario, mix)


class GoalSeekPanel(QWidget):
    finished = Signal(object)         # GoalSeekResult
    failed = Signal(str)
    scenarioCreated = Signal(str)     # the new child scenario's name
    taskStarted = Signal(object)      # ui.worker.Task, for a status-bar TaskBar

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._result: GoalSeekResult | None = None
        self._snapshot = Snapshot()
        self._task: Task | None = None
        self._created = ""       # the scenario already made from this answer

        self.heading = QLabel(self)
        self.heading.setFont(bold(self, 1.2))
        self.heading.setWordWrap(True)

        lever_box = QGroupBox(self.tr("Lever"), self)
        self.growth_button = QRadioButton(
            self.tr("Uniform growth uplift: add the same percentage points to every chain's "
                    "growth in every year"), lever_box)
        self.investment_button = QRadioButton(lever_box)
        self.growth_button.setChecked(True)
        self.levers = QButtonGroup(self)
        self.levers.addButton(self.growth_button)
        self.levers.addButton(self.investment_button)
        self.mix_model = MixModel(self)
        self.mix_view = QTableView(lever_box)
        self.mix_view.setModel(self.mix_model)
        self.mix_view.verticalHeader().hide()
        self.mix_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mix_view.horizontalHeader().setStretchLastSection(True)
        self.mix_label = QLabel(self.tr("Mix of the extra investment over chains (edit the "
                                        "weights; shares are normalized):"), lever_box)
        self.mix_reset = QPushButton(self.tr("Shares by base output"), lever_box)
        self.mix_reset.clicked.connect(
            lambda: self.mix_model.reset_to_default(self.session.document))
        box = QVBoxLayout(lever_box)
        box.addWidget(self.growth_button)
        box.addWidget(self.investment_button)
        mix_head = QHBoxLayout()
        mix_head.addWidget(self.mix_label, 1)
        mix_head.addWidget(self.mix_reset)
        box.addLayout(mix_head)
        box.addWidget(self.mix_view, 1)

        self.run_button = QPushButton(self.tr("Solve"), self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.status = QLabel(self)

        self.banner = StaleBanner(self)
        answer = QGroupBox(self.tr("Answer"), self)
        self.before_after = QLabel(answer)
        self.before_after.setFont(bold(self, 1.35))
        self.before_after.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value_label = QLabel(answer)
        self.value_label.setFont(bold(self, 1.1))
        self.message = QLabel(answer)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows_label = QLabel(answer)
        self.rows_label.setWordWrap(True)
        self.rows_label.setStyleSheet("color: #555;")
        self.create_button = QPushButton(self.tr("Create a scenario from this"), answer)
        self.create_button.clicked.connect(self.create_scenario)
        self.create_button.setEnabled(False)
        a = QVBoxLayout(answer)
        a.addWidget(self.before_after)
        a.addWidget(self.value_label)
        a.addWidget(self.message)
        a.addWidget(self.rows_label)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addStretch(1)
        a.addLayout(row)
        a.addStretch(1)

        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.status, 1)
        left = QVBoxLayout()
        left.addWidget(lever_box, 1)
        left.addLayout(run_row)
        right = QVBoxLayout()
        right.addWidget(self.banner)
        right.addWidget(answer, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)

        self.levers.buttonToggled.connect(lambda *_: self._lever_changed())
        session.documentChanged.connect(self._document_changed)
        session.documentReplaced.connect(self._document_replaced)
        session.activeScenarioChanged.connect(lambda _: self._refresh())
        self.mix_model.reset_to_default(session.document)
        self._lever_changed()
        self._refresh()

    # -- public --------------------------------------------------------------------
    @property
    def result(self) -> GoalSeekResult | None:
        return self._result

    @property
    def lever(self) -> str:
        return GROWTH if self.growth_button.isChecked() else INVESTMENT

    def set_lever(self, lever: str) -> None:
        (self.growth_button if lever == GROWTH else self.investment_button).setChecked(True)

    def run(self) -> Task | None:
        """Solve for the active scenario in the worker."""
        if self.lever == INVESTMENT and self.mix_model.problem():
            self.status.setText(self.tr("The investment mix needs at least one weight above 0."))
            return None
        if self._task is not None:
            self._task.cancel()
        doc, scenario = self.session.document, self.session.active_scenario
        mix = self.mix_model.mix() if self.lever == INVESTMENT else None
        task = run_task(_seek, doc, scenario, self.lever, mix, title=self.tr("Goal seek"))
        self._task = task
        task.finished.connect(lambda r, t=task: self._on_finished(t, doc, r))
        task.failed.connect(lambda e, t=task: self._on_failed(t, e))
        task.done.connect(lambda t=task: self._on_done(t))
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Solving…"))
        self.taskStarted.emit(task)
        return task

    def create_scenario(self) -> str | None:
        """Add a child of the solved scenario holding the answer's override rows, as one
        undoable step, and make it active. Returns its name (None if refused)."""
        r, doc = self._result, self.session.document
        if r is None or not r.feasible or not self._snapshot.is_current(doc):
            return None
        base = arg(self.tr("%1 · goal seek (growth)") if r.lever == GROWTH
                   else self.tr("%1 · goal seek (investment)"), r.scenario)
        name = unique_name(doc, base)
        after = new_child(doc, r.scenario, name, self._message(r))
        after = after.replace(overrides=after.overrides + overrides_for(r, name, doc))
        issues = self.session.apply(after, arg(self.tr("Create scenario “%1”"), name),
                                    active=name)
        if issues:
            self.status.setText(messages.issue_text(issues[0], lang()))
            return None
        # adding a child leaves the solved scenario as it was: the answer still holds
        self._snapshot.also(self.session.document)
        self._created = name
        self.status.setText(arg(self.tr("Created scenario “%1”; it is now the active "
                                        "scenario."), name))
        self._refresh()
        self.scenarioCreated.emit(name)
        return name

    # -- internals -------------------------------------------------------------------
    def _lever_changed(self) -> None:
        investment = self.lever == INVESTMENT
        for w in (self.mix_view, self.mix_label, self.mix_reset):
            w.setEnabled(investment)

    def _document_changed(self) -> None:
        self.mix_model.set_document(self.session.document)
        self._refresh()

    def _document_replaced(self) -> None:
        self.mix_model.reset_to_default(self.session.document)
        self._result = None
        self._created = ""
        self._snapshot.clear()
        self._refresh()

    def _on_finished(self, task: Task, doc: Document, result: GoalSeekResult) -> None:
        if task is not self._task:
            return
        self._result = result
        self._created = ""
        self._snapshot.take(doc, result.scenario)
        self.status.setText("")
        self._refresh()
        self.finished.emit(result)

    def _on_failed(self, task: Task, error: object) -> None:
        if task is self._task:
            self.status.setText(arg(self.tr("Goal seek failed: %1"), error))
            self.failed.emit(str(error))

    def _on_done(self, task: Task) -> None:
        if task is self._task:
            self._task = None
            self.run_button.setEnabled(True)

    @staticmethod
    def _message(r: GoalSeekResult) -> str:
        return r.message_zh if lang() == "zh" else r.message

    def _refresh(self) -> None:
        doc, s = self.session.document, self.session.document.settings
        self.heading.setText(arg(self.tr("Goal seek for “%1”: what reaches %2 in %3?"),
                                 self.session.active_scenario, fmt.yi(s.target_value, 0),
                                 s.target_year))
        self.investment_button.setText(arg(
            self.tr("Extra pipeline investment: the same amount signed every year %1–%2, "
                    "spread over chains by the mix"), s.base_year + 1, s.target_year))
        stale = self.banner.update_for(self._snapshot, doc, self.session.active_scenario)
        r = self._result
        self.create_button.setEnabled(bool(r and r.feasible and r.value and not stale
                                           and self._created not in doc.scenario_names))
        if r is None:
            self.before_after.setText("")
            self.value_label.setText("")
            self.message.setText(self.tr("Choose a lever and press Solve."))
            self.rows_label.setText("")
            return
        y = arg(self.tr("Output in %1"), r.target_year)
        if r.feasible:
            self.before_after.setText(f"{y}: {fmt.yi(r.value_at_target_year_before)}  →  "
                                      f"{fmt.yi(r.value_at_target_year_after)}")
            self.value_label.setText(self._value_text(r))
        else:
            self.before_after.setText(arg(self.tr("%1: %2  →  target not reachable"), y,
                                          fmt.yi(r.value_at_target_year_before)))
            self.value_label.setText(self.tr("No answer with this lever."))
        self.message.setText(self._message(r))
        self.rows_label.setText(self._rows_text(r, doc))

    def _value_text(self, r: GoalSeekResult) -> str:
        if r.value is not None and r.value < 0 and r.lever == GROWTH:
            return arg(self.tr("Already above target: growth could be %1 percentage points a "
                               "year lower and still reach it"), f"{-r.value * 100:.2f}")
        if r.value is not None and r.value < 0:
            return self.tr("Already above target: no extra investment is needed")
        if r.lever == GROWTH:
            pp = (r.value or 0.0) * 100
            return arg(self.tr("Growth uplift: %1 percentage points a year"), f"{pp:+.2f}")
        return arg(self.tr("Extra investment: %1 a year, %2–%3"), fmt.yi(r.value),
                   r.first_year, r.target_year)

    def _rows_text(self, r: GoalSeekResult, doc: Document) -> str:
        rows = overrides_for(r, "·", doc)
        if not rows or not r.value:
            return ""
        zh = lang() == "zh"
        lines = []
        for o in rows:
            table = SHEETS[o.table] if zh else SHEET_EN[o.table]
            op = OPS[o.op] if zh else o.op
            value = fmt.percent(o.value) if o.table == "growth" else fmt.yi(o.value)
            years = o.years or self.tr("all years")
            lines.append(f"  {table} · {o.key} · {years} · {op} {value}")
        return self.tr("The new scenario will hold these override rows:") + "\n" + "\n".join(lines)
