"""The live 达标概率 card: Pr[Y(N) ≥ T] of the active scenario, kept current by itself.

After every edit, undo or scenario switch the card is marked as updating at once (the
previous value greyed, "计算中…"), and after a short pause (``DEBOUNCE_MS``, restarted by
every further change) one Monte Carlo run of the active scenario starts in a worker
thread. The next change cancels it (cooperatively, between chunks of draws). A result is
shown only when it belongs to the document and scenario on screen now; anything else is
dropped, so a stale number is never shown as current.

The run uses the document's own Monte Carlo settings (``MonteCarloParams.from_settings``:
its draws, seed, volatilities and delays) — what the Monte Carlo tab runs by default — so
the card and a default run of the tab show the same number for the same document, and a
result the tab computed with those parameters is taken over without running again.
"""
from __future__ import annotations

import functools
import time
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import (QCoreApplication, QEventLoop, QObject, QThreadPool, QTimer,
                            Signal)

from typing import TYPE_CHECKING

from models import Document
from ui.session import Session
from ui.worker import Progress, Task, run_task

if TYPE_CHECKING:   # the simulation code is imported at the first run, not at start-up
    from planner.analysis.montecarlo import MonteCarloParams

DEBOUNCE_MS = 100
REMEMBERED = 16          # (document, scenario) results kept, so undo shows one at once

FRESH, UPDATING, FAILED = "fresh", "updating", "failed"


@dataclass(frozen=True, eq=False)
class Job:
    """One requested run; compared by identity."""
    document: Document
    scenario: str
    params: MonteCarloParams


@dataclass(frozen=True)
class Outcome:
    job: Job
    probability: float | None
    error: str = ""


@dataclass(frozen=True)
class CardState:
    """What the card shows: a value (None for "—") and whether it is current."""
    probability: float | None
    status: str                  # FRESH, UPDATING or FAILED
    draws: int = 0
    error: str = ""


def live_params(doc: Document) -> MonteCarloParams:
    """The parameters of the live run: the document's Settings, as the Monte Carlo tab's
    defaults."""
    from planner.analysis.montecarlo import MonteCarloParams
    return MonteCarloParams.from_settings(doc)


def simulate(progress: Progress, job: Job) -> Outcome:
    """The worker's function: the probability, or the reason there is none."""
    problems = job.params.problems()
    if problems:
        return Outcome(job, None, "; ".join(problems))
    try:
        from planner.analysis.montecarlo import run_montecarlo
        result = run_montecarlo(job.document, job.scenario, job.params, progress=progress)
    except Exception as exc:  # noqa: BLE001 - a cancel or a model error, reported below
        if progress.cancelled:
            raise
        return Outcome(job, None, str(exc) or type(exc).__name__)
    return Outcome(job, result.prob_target)


_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """One thread for every window's live runs: a cancelled run still finishing its chunk
    delays the next one instead of running beside it. It belongs to the application,
    which waits for it when it ends."""
    global _pool
    if _pool is None:
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(1)
    return _pool


def _cancel_all(tasks: list) -> None:
    for task in tasks:
        task.cancel()


class LiveProbability(QObject):
    """Keeps the probability of the session's active scenario current; ``changed`` says
    that :attr:`state` is new."""

    changed = Signal()
    started = Signal(object)     # the Task of a run that began
    computed = Signal(str, float)   # scenario, probability: a fresh result arrived

    def __init__(self, session: Session, parent: QObject | None = None,
                 debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.session = session
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self._start)
        self.task: Task | None = None
        self._job: Job | None = None
        self._running: list[Task] = []   # the run in flight, cancelled if this card goes
        self.destroyed.connect(functools.partial(_cancel_all, self._running))
        self._results: OrderedDict[tuple[int, str], tuple[Document, float]] = OrderedDict()
        self._last: dict[str, float] = {}          # scenario -> last value computed
        self._errors: dict[tuple[int, str], tuple[Document, str]] = {}
        self.runs = 0                                # runs started (for tests, benchmarks)
        self.state = CardState(None, UPDATING)
        session.documentReplaced.connect(self._forget)
        session.resultsChanged.connect(self.schedule)
        session.activeScenarioChanged.connect(self.schedule)
        # The first run is scheduled from the event loop, so the pause starts when the
        # window is up: a run begun while the window is still being built and drawn
        # would take the interpreter lock from the first paint.
        self._before_loop = True
        QTimer.singleShot(0, self, self._schedule_first)

    # -- reading ---------------------------------------------------------------------
    def known(self, doc: Document, scenario: str) -> float | None:
        """The probability computed for exactly this document and scenario, if any."""
        got = self._results.get((id(doc), scenario))
        return got[1] if got is not None and got[0] is doc else None

    @property
    def current(self) -> float | None:
        """The probability of what is on screen now, or None while it is not known."""
        return self.known(self.session.document, self.session.active_scenario)

    @property
    def is_running(self) -> bool:
        return self.task is not None

    @property
    def is_pending(self) -> bool:
        """A run is waiting for the pause or running."""
        return self._before_loop or self.timer.isActive() or self.task is not None

    # -- changes -----------------------------------------------------------------------
    def _schedule_first(self) -> None:
        if self._before_loop:      # (else a change has scheduled already)
            self.schedule()

    def schedule(self, *_args) -> None:
        """The document or scenario changed: cancel a run in flight; show what is known
        now; start a run after the pause unless the result is known already."""
        self._before_loop = False
        self._cancel_task()
        s = self.session
        doc, scenario = s.document, s.active_scenario
        p = self.known(doc, scenario)
        if p is not None:
            self.timer.stop()
            self._set_state(CardState(p, FRESH, live_params(doc).draws))
            return
        error = self._errors.get((id(doc), scenario))
        if error is not None and error[0] is doc:
            self.timer.stop()
            self._set_state(CardState(None, FAILED, error=error[1]))
            return
        self._set_state(CardState(self._last.get(scenario), UPDATING))
        self.timer.start()

    def take_result(self, doc: Document, scenario: str, params: MonteCarloParams,
                    p: float) -> bool:
        """A result computed elsewhere (the Monte Carlo tab). Taken when it was run with
        the live parameters (then it is the number the live run would give); True if so."""
        if params != live_params(doc):
            return False
        self._store(doc, scenario, p)
        if doc is self.session.document and scenario == self.session.active_scenario:
            self.timer.stop()
            self._cancel_task()
            self._set_state(CardState(p, FRESH, params.draws))
        return True

    def memory(self) -> dict:
        """The results kept, to hand to another card (a language switch rebuilds it)."""
        return {"results": OrderedDict(self._results), "last": dict(self._last)}

    def restore(self, memory: dict) -> None:
        """Take over the results of :meth:`memory` and show what they know now."""
        self._results = OrderedDict(memory.get("results", {}))
        self._last = dict(memory.get("last", {}))
        self.schedule()

    def wait(self, timeout_s: float) -> bool:
        """Run the event loop until the card is settled (no run pending); True if so.
        For a screenshot or a script, never inside a slot."""
        deadline = time.monotonic() + timeout_s
        while self.is_pending and time.monotonic() < deadline:
            loop, timer = QEventLoop(), QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            self.changed.connect(loop.quit)
            timer.start(max(1, int((deadline - time.monotonic()) * 1000)))
            loop.exec()
            self.changed.disconnect(loop.quit)
        return not self.is_pending

    def stop(self) -> None:
        """No more runs (the window closes)."""
        self._before_loop = False
        self.timer.stop()
        self._cancel_task()

    # -- internals ---------------------------------------------------------------------
    def _start(self) -> None:
        s = self.session
        doc, scenario = s.document, s.active_scenario
        if self.known(doc, scenario) is not None:
            return
        self._cancel_task()
        job = Job(doc, scenario, live_params(doc))
        self._job = job
        self.task = run_task(simulate, job, pool=pool())
        self._running[:] = [self.task]
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self.runs += 1
        self.started.emit(self.task)

    def _cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.task, self._job = None, None
        self._running.clear()

    def _on_finished(self, outcome: Outcome) -> None:
        job = outcome.job
        if job is self._job:
            self.task, self._job = None, None
        if outcome.probability is None:
            self._errors = {(id(job.document), job.scenario): (job.document, outcome.error)}
        else:
            self._store(job.document, job.scenario, outcome.probability)
        s = self.session
        if job.document is not s.document or job.scenario != s.active_scenario:
            return                         # the document moved on: never shown as current
        if outcome.probability is None:
            self._set_state(CardState(None, FAILED, error=outcome.error))
        else:
            self._set_state(CardState(outcome.probability, FRESH, job.params.draws))
            self.computed.emit(job.scenario, outcome.probability)

    def _on_failed(self, error: object) -> None:
        # simulate() reports model errors itself, so this is an unexpected error of the
        # current run (a cancelled run reports "cancelled", never "failed")
        if self.task is None or self.task.running:
            return
        self.task, self._job = None, None
        self._set_state(CardState(None, FAILED, error=str(error)))

    def _forget(self) -> None:
        """Another file: no earlier figure is worth showing, even greyed."""
        self._results.clear()
        self._last.clear()
        self._errors = {}

    def _store(self, doc: Document, scenario: str, p: float) -> None:
        key = (id(doc), scenario)
        self._results[key] = (doc, p)
        self._results.move_to_end(key)
        while len(self._results) > REMEMBERED:
            self._results.popitem(last=False)
        self._last[scenario] = p

    def _set_state(self, state: CardState) -> None:
        if state != self.state:
            self.state = state
            self.changed.emit()
