"""Autosave of unsaved work to a recovery file, and recovery at start.

Every running window has its own recovery slot in the app-data folder, named by the
document and the process (``recovery-<document>-<pid>-<n>.xlsx`` with a ``.json``
sidecar naming the original file) and guarded by a lock file the window holds while it
runs. Every ``INTERVAL_MS`` the modified document is written there (atomically, in the
saving process of ui.process_worker, so the window never waits for it); a failure is said
in the status bar. A clean save or a deliberate close removes the window's own slot and
never another's. At start, every slot whose lock nobody holds (its window crashed) is offered
for recovery, newest first.
"""
from __future__ import annotations

import itertools
import json
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

from models import Document
from planner.io.atomic import WriteError
from ui.save_jobs import write_recovery
from ui.session import Session
from ui.worker import Task

INTERVAL_MS = 2 * 60 * 1000
LOCK_HELD = "another window holds its lock"
PREFIX = "recovery"
LEGACY = ("recovery.xlsx", "recovery.json")  # the single slot of earlier versions
_numbers = itertools.count(1)


def recovery_folder() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation))


def document_key(path: str) -> str:
    """A short, file-name-safe key for the document a slot belongs to."""
    if not path:
        return "untitled"
    import hashlib    # (OpenSSL's start-up is not paid before a file has a name)
    return hashlib.sha1(os.path.abspath(path).encode("utf-8")).hexdigest()[:10]


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
    return lock


def orphaned_recoveries(folder: Path | None = None) -> list[dict]:
    """Sidecars of autosaves whose window is gone (their lock is free), newest first.

    Each dict is the sidecar plus ``workbook`` (the recovery file) and ``sidecar``."""
    folder = folder or recovery_folder()
    found: list[tuple[float, dict]] = []
    try:
        sidecars = sorted(folder.glob(f"{PREFIX}*.json"))
    except OSError:
        return []
    for sidecar in sidecars:
        book = sidecar.with_suffix(".xlsx")
        if not book.is_file():
            continue
        if sidecar.name != LEGACY[1]:
            lock = _lock(sidecar.with_suffix(".lock"))
            if not lock.tryLock(0):
                continue  # its window is still running
            lock.unlock()
        try:
            info = json.loads(sidecar.read_text(encoding="utf-8"))
            mtime = book.stat().st_mtime
        except (OSError, ValueError):
            continue
        if not isinstance(info, dict):
            continue
        info["workbook"], info["sidecar"] = str(book), str(sidecar)
        found.append((mtime, info))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [info for _, info in found]


def pending_recovery(folder: Path | None = None) -> dict | None:
    """The newest orphaned autosave, if any."""
    orphans = orphaned_recoveries(folder)
    return orphans[0] if orphans else None


def discard_recovery(info: dict) -> None:
    """Delete one orphaned autosave (after it was recovered or declined)."""
    sidecar = Path(info["sidecar"])
    for path in (Path(info["workbook"]), sidecar, sidecar.with_suffix(".lock")):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


class Autosave(QObject):
    """Writes ``session.document`` when it has unsaved changes; clears on a clean state."""

    written = Signal(str)
    failed = Signal(str)          # why an autosave was not written (interface language)

    def __init__(self, session: Session, folder: Path | None = None,
                 interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.folder = folder or recovery_folder()
        self.instance = f"{os.getpid()}-{next(_numbers)}"
        self._lock: QLockFile | None = None
        self._stem: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()
        self.task: Task | None = None
        self._saved_doc: Document | None = None
        session.undo_stack.cleanChanged.connect(self._on_clean_changed)

    @property
    def book(self) -> Path:
        """This window's recovery file for the current document."""
        return self.folder / f"{PREFIX}-{document_key(self.session.path)}-{self.instance}.xlsx"

    @property
    def sidecar(self) -> Path:
        return self.book.with_suffix(".json")

    def autosave_now(self) -> Task | None:
        """Start writing the recovery file if there is unsaved work not yet autosaved."""
        s = self.session
        if not s.is_modified or s.document is self._saved_doc:
            return None
        if self.task is not None and self.task.running:
            return None
        book = self.book
        if self._stem != book.stem:  # a new slot (first write, or another document)
            self._remove_own()
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self._fail(WriteError(self.folder, exc.strerror or str(exc)))
                return None
            self._lock = _lock(book.with_suffix(".lock"))
            if not self._lock.tryLock(0):
                self._lock = None
                self._fail(WriteError(book, LOCK_HELD))
                return None
            self._stem = book.stem
        info = {"path": s.path, "saved_at": datetime.now().isoformat(timespec="seconds"),
                "scenario": s.active_scenario, "pid": os.getpid()}
        doc = s.document
        from ui.process_worker import run_in_process   # not at start-up (multiprocessing)
        self.task = run_in_process(write_recovery, doc, book, info, title="autosave")
        self.task.finished.connect(lambda path: self._on_written(doc, path))
        self.task.failed.connect(self._fail)
        return self.task

    def _fail(self, exc: BaseException) -> None:
        """Say why (in the interface language); the next interval tries again."""
        from ui import messages
        from ui.language import current_language
        self.failed.emit(messages.error_text(exc, current_language()))

    def clear(self) -> None:
        """Remove this window's own recovery slot (never another window's)."""
        self._saved_doc = None
        self._remove_own()

    def _remove_own(self) -> None:
        if self._stem is not None:
            for suffix in (".xlsx", ".json"):
                try:
                    (self.folder / f"{self._stem}{suffix}").unlink(missing_ok=True)
                except OSError:
                    pass
        if self._lock is not None:
            self._lock.unlock()  # removes the lock file
            self._lock = None
        self._stem = None

    def stop(self) -> None:
        self.timer.stop()

    def _on_written(self, doc: Document, path: Path) -> None:
        self._saved_doc = doc
        if not self.session.is_modified:   # saved meanwhile: the copy is stale
            self.clear()
            return
        self.written.emit(str(path))

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.clear()
