"""Autosave of unsaved work to a recovery file, and recovery at start.

Every ``INTERVAL_MS`` the modified document is written (atomically, in a worker) to
``recovery.xlsx`` in the app-data folder, with ``recovery.json`` beside it naming the
original file. A clean save or a deliberate close removes both.
"""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from models import Document
from planner.io.atomic import atomic_write
from planner.io.template import write_document
from ui.session import Session
from ui.worker import Task, run_task

INTERVAL_MS = 2 * 60 * 1000
RECOVERY_XLSX = "recovery.xlsx"
RECOVERY_JSON = "recovery.json"


def recovery_folder() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation))


def pending_recovery(folder: Path | None = None) -> dict | None:
    """The sidecar of an autosave left by a session that did not close, if any."""
    folder = folder or recovery_folder()
    sidecar, book = folder / RECOVERY_JSON, folder / RECOVERY_XLSX
    if not (sidecar.is_file() and book.is_file()):
        return None
    try:
        info = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    info["workbook"] = str(book)
    return info


def clear_recovery(folder: Path | None = None) -> None:
    folder = folder or recovery_folder()
    for name in (RECOVERY_XLSX, RECOVERY_JSON):
        (folder / name).unlink(missing_ok=True)


def _write(doc: Document, folder: Path, info: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_document(folder / RECOVERY_XLSX, doc, lang="zh")
    data = json.dumps(info, ensure_ascii=False, indent=1)
    atomic_write(folder / RECOVERY_JSON, lambda tmp: tmp.write_text(data, encoding="utf-8"))
    return folder / RECOVERY_XLSX


class Autosave(QObject):
    """Writes ``session.document`` when it has unsaved changes; clears on a clean state."""

    written = Signal(str)
    failed = Signal(str)

    def __init__(self, session: Session, folder: Path | None = None,
                 interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.folder = folder or recovery_folder()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()
        self.task: Task | None = None
        self._saved_doc: Document | None = None
        session.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def autosave_now(self) -> Task | None:
        """Start writing the recovery file if there is unsaved work not yet autosaved."""
        s = self.session
        if not s.is_modified or s.document is self._saved_doc:
            return None
        if self.task is not None and self.task.running:
            return None
        info = {"path": s.path, "saved_at": datetime.now().isoformat(timespec="seconds"),
                "scenario": s.active_scenario}
        doc = s.document
        self.task = run_task(lambda _p: _write(doc, self.folder, info), title="autosave")
        self.task.finished.connect(lambda path: self._on_written(doc, path))
        self.task.failed.connect(lambda exc: self.failed.emit(str(exc)))
        return self.task

    def clear(self) -> None:
        self._saved_doc = None
        clear_recovery(self.folder)

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
