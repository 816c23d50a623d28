"""Long work off the GUI thread: a QRunnable around a plain function.

The function receives a :class:`Progress` — a plain callable ``progress(fraction) ->
bool`` (False means "stop") — so planner/ code stays Qt-free. Progress reaches the GUI
through queued signals, at most every ``THROTTLE`` seconds; cancel is cooperative.

    task = run_task(export_workbook, doc, path, progress_kw="progress")
    task.finished.connect(...); task.failed.connect(...); task.cancel()
"""
from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Qt, Signal, Slot

THROTTLE = 0.05
EXIT_WAIT_MS = 30_000   # at exit, how long a cancelled task may take to stop


class Cancelled(Exception):
    """Raised by a task function (or on its behalf) when the user cancelled."""


class Progress:
    """Thread-safe fraction-done and cancel flag, handed to the work function."""

    def __init__(self, report: Callable[[float], None] | None = None,
                 throttle: float = THROTTLE) -> None:
        self._cancel = threading.Event()
        self._report = report
        self._throttle = throttle
        self._last = -1.0
        self.fraction = 0.0

    def __call__(self, fraction: float) -> bool:
        self.fraction = min(max(float(fraction), 0.0), 1.0)
        now = time.monotonic()
        if self._report is not None and (now - self._last >= self._throttle
                                         or self.fraction >= 1.0):
            self._last = now
            self._report(self.fraction)
        return not self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()


class Task(QObject):
    """The GUI-side handle of one running function.

    Public signals are emitted in the GUI thread (the worker's raw signals are queued
    to it first), so any slot, lambdas included, runs there.
    """

    progressed = Signal(float)
    finished = Signal(object)     # the function's return value
    failed = Signal(object)       # the exception
    cancelled = Signal()
    done = Signal()               # after any of the three above

    _raw_progress = Signal(float)
    _raw_outcome = Signal(str, object)

    def __init__(self, title: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.progress = Progress(self._raw_progress.emit)
        self.running = True
        self.fraction = 0.0
        self._raw_progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._raw_outcome.connect(self._on_outcome, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        self.progress.cancel()

    @Slot(float)
    def _on_progress(self, fraction: float) -> None:
        if self.running:
            self.fraction = fraction
            self.progressed.emit(fraction)

    @Slot(str, object)
    def _on_outcome(self, kind: str, value: object) -> None:
        self.running = False
        if kind == "finished":
            self.finished.emit(value)
        elif kind == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.done.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple, kwargs: dict,
                 progress_kw: str | None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task, self._fn, self._args, self._kwargs = task, fn, args, kwargs
        self._progress_kw = progress_kw

    def run(self) -> None:
        task = self._task
        try:
            if self._progress_kw:
                result = self._fn(*self._args, **{**self._kwargs,
                                                  self._progress_kw: task.progress})
            else:
                result = self._fn(task.progress, *self._args, **self._kwargs)
        except Cancelled:
            kind, value = "cancelled", None
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI, not lost
            kind, value = ("cancelled", None) if task.progress.cancelled else ("failed", exc)
        else:
            kind, value = ("cancelled", None) if task.progress.cancelled else ("finished",
                                                                               result)
        task._raw_outcome.emit(kind, value)


_live: set[Task] = set()
_threaded: set[Task] = set()       # the tasks of run_task still running in a thread
_pools: list[QThreadPool] = []     # every pool a task ran in (few: global, live card)


def _stop_at_exit() -> None:
    """At interpreter exit: cancel every task still running and wait for the threads.

    PySide deletes the QObjects Python owns (every Task) in its own exit handler, and a
    pool's thread still working then would emit on a deleted Task. This handler is
    registered after QtCore was imported, so it runs first (atexit is last in, first
    out); a cancelled task stops at its next progress call."""
    for task in list(_threaded):
        task.cancel()
    for pool in _pools:
        if shiboken6.isValid(pool):
            pool.waitForDone(EXIT_WAIT_MS)


atexit.register(_stop_at_exit)


def run_task(fn: Callable[..., Any], *args: Any, title: str = "",
             progress_kw: str | None = None, pool: QThreadPool | None = None,
             **kwargs: Any) -> Task:
    """Run ``fn`` in the thread pool and return its :class:`Task`.

    ``fn`` gets the Progress as first argument, or as keyword ``progress_kw`` when
    given (for planner functions with a ``progress=None`` parameter).
    """
    task = Task(title)
    _live.add(task)
    _threaded.add(task)
    task.done.connect(lambda: (_live.discard(task), _threaded.discard(task)))
    pool = pool or QThreadPool.globalInstance()
    if pool not in _pools:
        _pools.append(pool)
    pool.start(_Runnable(task, fn, args, kwargs, progress_kw))
    return task
