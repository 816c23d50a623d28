"""Long writes in a child process, so the window's Python thread keeps the GIL to itself.

A save of the 2,000-project plan is seconds of pure-Python work; in a thread it takes the
interpreter lock from the GUI half of the time and every edit made meanwhile gets slower.
Here one saving process (``spawn`` start method, started at the first job and then reused)
runs the jobs one after another. It gets a picklable function of module level (see
ui.save_jobs), the immutable Document and the path; progress comes back through a queue and
reaches the same :class:`ui.worker.Task` handle a thread task has, so the TaskBar, the file
controller and the autosave do not know the difference.

Cancel is cooperative first (the job's progress callback returns False, the write stops and
``atomic_write`` removes its temporary file, the target untouched); a job that does not stop
within ``GRACE_S`` is ended by terminating the process, which a new job starts again. Files
are written atomically either way: the target is replaced only by a complete file.

    task = run_in_process(write_workbook, doc, path, lang, progress_kw="progress",
                          title="Saving …")
"""
from __future__ import annotations

import contextlib
import itertools
import os
import multiprocessing as mp
import pickle
import queue
import sys
import time
import types
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from ui.worker import Task, _live

POLL_MS = 25          # how often the window looks for news from the process
GRACE_S = 3.0         # a cancelled job that has not stopped by then is terminated
SHUTDOWN_WAIT_S = 120.0   # at exit, how long the jobs asked for may take to finish
CHILD_THROTTLE = 0.05  # the process sends progress at most this often
NICENESS = 5           # the saving process gives way to the window on a busy machine (POSIX)
PARENT_CHECK_S = 1.0   # how often an idle saving process checks that the window's is alive


class ProcessError(Exception):
    """An error of the saving process that could not travel back as itself."""


# -- the child -----------------------------------------------------------------------
def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling whole (type and message), else its text."""
    try:
        back = pickle.loads(pickle.dumps(exc))
        if type(back) is type(exc) and str(back) == str(exc):
            return exc
    except Exception:  # noqa: BLE001 - any failure means: send the words instead
        pass
    return ProcessError(str(exc) or type(exc).__name__)


def _serve(requests, replies, cancel) -> None:
    """The saving process: run jobs until told to stop (``None``). It runs at a lower
    priority: on a busy machine the window's edits come first, the save a little later."""
    if hasattr(os, "nice"):
        try:
            os.nice(NICENESS)
        except OSError:
            pass
    try:
        from ui.save_jobs import warm_up
        warm_up()
    except Exception:  # noqa: BLE001 - a job will report the real import error
        pass
    replies.put(("ready", 0, None))
    parent = mp.parent_process()
    while True:
        try:
            job = requests.get(timeout=PARENT_CHECK_S)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                return          # the window's process ended without saying so (killed)
            continue
        if job is None:
            return
        number, fn, args, kwargs, progress_kw = job
        last = [0.0]

        def progress(fraction: float, number=number, last=last) -> bool:
            now = time.monotonic()
            if now - last[0] >= CHILD_THROTTLE or fraction >= 1.0:
                last[0] = now
                replies.put(("progress", number, float(fraction)))
            return not cancel.is_set()

        try:
            if progress_kw:
                result = fn(*args, **{**kwargs, progress_kw: progress})
            else:
                result = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - reported to the window
            if cancel.is_set():
                replies.put(("cancelled", number, None))
            else:
                replies.put(("failed", number, _portable(exc)))
        else:
            replies.put(("cancelled", number, None) if cancel.is_set()
                        else ("finished", number, result))


# -- the window's side ---------------------------------------------------------------
@contextlib.contextmanager
def _bare_main():
    """Start the process without it importing this program's ``__main__`` again (spawn
    does, as ``__mp_main__``): the saving process needs only ui.process_worker and
    ui.save_jobs, and a main script without a ``__name__`` guard would run twice."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main
@dataclass
class _Job:
    number: int
    task: Task
    fn: Callable[..., Any]
    args: tuple
    kwargs: dict
    progress_kw: str | None
    cancelled_at: float | None = field(default=None)


class ProcessRunner(QObject):
    """The one saving process of this application and its queue of jobs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = mp.get_context("spawn")
        self._process = None
        self._requests = self._replies = self._cancel = None
        self._waiting: deque[_Job] = deque()
        self._current: _Job | None = None
        self._numbers = itertools.count(1)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.started_processes = 0
        self.ready = False            # the process has imported the writers

    # -- public ----------------------------------------------------------------------
    def submit(self, task: Task, fn: Callable[..., Any], args: tuple, kwargs: dict,
               progress_kw: str | None) -> None:
        self._waiting.append(_Job(next(self._numbers), task, fn, args, kwargs, progress_kw))
        self._next()
        self.timer.start()

    def warm(self) -> None:
        """Start the process now (it imports the writers) so a first save starts at once."""
        self._ensure_process()
        self.timer.start()

    @property
    def busy(self) -> bool:
        return self._current is not None or bool(self._waiting)

    def shutdown(self, wait_s: float = None) -> None:
        """At exit: the jobs already asked for still finish (a save started just before
        quitting is written), then the process ends; one still running after ``wait_s``
        seconds, or a job cancelled, is terminated (atomic writes: the target untouched)."""
        wait_s = SHUTDOWN_WAIT_S if wait_s is None else wait_s
        self.timer.stop()
        process, current = self._process, self._current
        keep = [j for j in self._waiting if not j.task.progress.cancelled]
        self._waiting.clear()
        self._current, self._process = None, None
        if process is None:
            return
        if current is not None and current.task.progress.cancelled:
            process.terminate()
        else:
            self._cancel.clear()
            for job in keep:
                self._requests.put((job.number, job.fn, job.args, job.kwargs,
                                    job.progress_kw))
            self._requests.put(None)
            process.join(wait_s)
            if process.is_alive():
                process.terminate()
        process.join(2)

    # -- internals -------------------------------------------------------------------
    def _ensure_process(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        ctx = self._context
        self._requests, self._replies, self._cancel = ctx.Queue(), ctx.Queue(), ctx.Event()
        self._process = ctx.Process(target=_serve, name="qianyi-save",
                                    args=(self._requests, self._replies, self._cancel),
                                    daemon=True)
        with _bare_main():
            self._process.start()
        self.started_processes += 1
        self.ready = False

    def _next(self) -> None:
        while self._current is None and self._waiting:
            job = self._waiting.popleft()
            if job.task.progress.cancelled:
                self._finish(job, "cancelled", None)
                continue
            self._ensure_process()
            self._cancel.clear()
            self._requests.put((job.number, job.fn, job.args, job.kwargs, job.progress_kw))
            self._current = job

    def _poll(self) -> None:
        job = self._current
        while True:
            try:
                kind, number, value = self._replies.get_nowait() if self._replies else (
                    None, None, None)
            except queue.Empty:
                break
            except (OSError, EOFError, ValueError):
                break
            if kind is None:
                break
            if kind == "ready":
                self.ready = True
                continue
            if job is None or number != job.number:
                continue          # from a job already given up on
            if kind == "progress":
                job.task.progress(value)
                continue
            self._current = None
            self._finish(job, kind, value)
            job = None
        if job is not None:
            self._watch(job)
        for waiting in [j for j in self._waiting if j.task.progress.cancelled]:
            self._waiting.remove(waiting)
            self._finish(waiting, "cancelled", None)
        self._next()
        if not self.busy and (self.ready or self._process is None):
            self.timer.stop()

    def _watch(self, job: _Job) -> None:
        """The running job: pass a cancel on; end a process that died or will not stop."""
        if job.task.progress.cancelled and job.cancelled_at is None:
            job.cancelled_at = time.monotonic()
            self._cancel.set()
        overdue = job.cancelled_at is not None and time.monotonic() - job.cancelled_at > GRACE_S
        dead = not self._process.is_alive()
        if dead or overdue:
            if overdue and not dead:
                self._process.terminate()
                self._process.join(2)
            self._process = None
            self._current = None
            if job.task.progress.cancelled:
                self._finish(job, "cancelled", None)
            else:
                self._finish(job, "failed", ProcessError(
                    "the saving process stopped unexpectedly; nothing was changed on disk"))

    @staticmethod
    def _finish(job: _Job, kind: str, value: object) -> None:
        job.task._raw_outcome.emit(kind, value)


_runner: ProcessRunner | None = None


def runner() -> ProcessRunner:
    """The application's saving process (created at first use, ended at exit)."""
    global _runner
    if _runner is None:
        app = QCoreApplication.instance()
        _runner = ProcessRunner(app)
        if app is not None:
            app.aboutToQuit.connect(_runner.shutdown)
    return _runner


def run_in_process(fn: Callable[..., Any], *args: Any, title: str = "",
                   progress_kw: str | None = None, **kwargs: Any) -> Task:
    """Run ``fn(*args, **kwargs)`` in the saving process and return its :class:`Task`
    (signals in the GUI thread, as :func:`ui.worker.run_task`). ``fn`` must be a function
    of module level and its arguments picklable; the Progress goes in as keyword
    ``progress_kw`` when given."""
    task = Task(title)
    _live.add(task)
    task.done.connect(lambda: _live.discard(task))
    runner().submit(task, fn, args, kwargs, progress_kw)
    return task
