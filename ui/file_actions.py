"""New, Open, Save, Save As, chart export and recent files for one main window.

Reading runs in the thread pool (ui.worker); writing runs in the saving process
(ui.process_worker), so a long save never takes the interpreter from the window. The
document is immutable, so a save writes the snapshot taken when it started while the
planner keeps editing; only that snapshot is marked saved.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QSize, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from models import Chain, Document, DocumentError, ValidationIssue
from planner.io.atomic import atomic_write
from planner.io.reader import read_workbook
from sample_data import SAMPLE_WORKBOOK
from ui import error_dialog, prompts
from ui.language import current_language
from ui.save_jobs import write_workbook
from ui.session import Session
from ui.task_bar import TaskBar
from ui.worker import Task, run_task

RECENT_KEY = "files/recent"
ANALYSES_KEY = "files/saveAnalyses"   # include the current analysis sheets when saving
LAST_DIR_KEY = "files/lastDir"
MAX_RECENT = 8
SAVE_IN_PROCESS = True   # False: save in a thread as before (benchmarks/live.py compares)


def recent_files() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])]


def add_recent(path: str) -> None:
    path = os.path.abspath(path)
    files = [path] + [f for f in recent_files() if f != path]
    settings = QSettings()
    settings.setValue(RECENT_KEY, files[:MAX_RECENT])
    settings.setValue(LAST_DIR_KEY, os.path.dirname(path))


def new_document(lang: str = "zh") -> Document:
    """The template's settings and stages plus one example chain, so the app works."""
    from planner.io.template import template_document  # not at start-up: brings xlsxwriter
    doc = template_document()
    name = "示例产业链" if lang == "zh" else "Example chain"
    return doc.replace(chains=(Chain(chain=name, base_output=100.0, growth=0.08,
                                     output_ratio=1.0, value_added_rate=0.25),))


def saves_analyses() -> bool:
    """Whether a save includes the current sensitivity and Monte Carlo sheets (the
    choice last made in the save dialog; yes until a planner says otherwise)."""
    value = QSettings().value(ANALYSES_KEY, True)
    return value not in (False, "false", "0", 0)


save_workbook = write_workbook   # inputs, results as formulas and charts, analyses


def _warm_saver() -> None:
    """Start the saving process at the first unsaved change (imported then: start-up
    does not need multiprocessing)."""
    from ui.process_worker import runner
    runner().warm()


def is_sample(path: str) -> bool:
    """The bundled sample is read-only for Save: it goes through Save As."""
    try:
        return bool(path) and Path(path).resolve() == SAMPLE_WORKBOOK.resolve()
    except OSError:
        return False


class FileController(QObject):
    opened = Signal(str)
    openFailed = Signal(list)        # the issues shown
    saved = Signal(str)
    saveFailed = Signal(str)
    message = Signal(str)

    def __init__(self, session: Session, window: QWidget, task_bar: TaskBar) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.task_bar = task_bar
        self.busy: Task | None = None
        # the saving process starts with the first unsaved change, so a save starts at once
        session.undo_stack.cleanChanged.connect(lambda clean: clean or _warm_saver())

    # -- unsaved changes -----------------------------------------------------------
    def display_name(self) -> str:
        path = self.session.path
        return Path(path).name if path else self.tr("Untitled")

    def guard(self, then: Callable[[], object]) -> bool:
        """Run ``then`` unless unsaved changes should stop it.

        Returns True when ``then`` ran now; with "Save" it runs after the save
        succeeds (and False is returned).
        """
        if not self.session.is_modified:
            then()
            return True
        answer = prompts.ask_save_changes(self.window, self.display_name())
        if answer == prompts.DISCARD:
            then()
            return True
        if answer == prompts.SAVE:
            self.save(then=then)
        return False

    # -- new / open -----------------------------------------------------------------
    def new(self) -> None:
        self.guard(lambda: self._replace(new_document(current_language()), ""))

    def open(self, path: str | None = None) -> None:
        def go() -> None:
            target = path or prompts.get_open_path(self.window, self._last_dir())
            if target:
                self.read(target)
        self.guard(go)

    def read(self, path: str) -> Task:
        """Read ``path`` in the background; on success it replaces the document."""
        task = run_task(lambda _p: read_workbook(path),
                        title=self.tr("Opening %1…").replace("%1", Path(path).name))
        task.finished.connect(lambda read: self._on_read(path, read))
        task.failed.connect(lambda exc: self._on_read_failed(path, exc))
        self.task_bar.watch(task)
        return task

    def _on_read(self, path: str, read) -> None:
        self._replace(read.document, path)
        add_recent(path)
        warnings = [i for i in read.issues if i.severity == "warning"]
        if warnings:
            self.message.emit(self.tr("Opened %1 with %2 warning(s): %3")
                              .replace("%1", Path(path).name)
                              .replace("%2", str(len(warnings))).replace("%3", str(warnings[0])))
        else:
            self.message.emit(self.tr("Opened %1").replace("%1", Path(path).name))
        self.show_notices(path, read.issues)
        self.opened.emit(path)

    def show_notices(self, path: str, issues) -> None:
        """Warnings and notices of a workbook just opened, in a non-blocking dialog."""
        listed = [i if i.location.file else i.with_file(path) for i in issues]
        if not listed:
            return
        self.notices = error_dialog.show_notices(
            self.window, self.tr("Notices about the workbook"),
            self.tr("%1 was opened. Please check these %2 notice(s): names the planner "
                    "did not recognise were ignored, and units were converted.")
            .replace("%1", Path(path).name).replace("%2", str(len(listed))), listed)

    def _on_read_failed(self, path: str, exc: BaseException) -> None:
        if isinstance(exc, DocumentError):
            issues = [i if i.location.file else i.with_file(path) for i in exc.issues]
        else:
            issues = [ValidationIssue(str(exc) or self.tr("the file could not be read"))
                      .with_file(path)]
        errors = [i for i in issues if i.is_error] or issues
        error_dialog.show_issues(
            self.window, self.tr("Cannot open workbook"),
            self.tr("%1 has %2 problem(s). Nothing was changed; fix them in the workbook "
                    "and open it again.").replace("%1", Path(path).name)
            .replace("%2", str(len(errors))), issues)
        self.message.emit(self.tr("Could not open %1").replace("%1", Path(path).name))
        self.openFailed.emit(issues)

    def _replace(self, doc: Document, path: str) -> None:
        self.session.replace_document(doc, path)

    # -- save -----------------------------------------------------------------------
    def save(self, then: Callable[[], object] | None = None) -> None:
        path = self.session.path
        if not path or is_sample(path) or not path.lower().endswith(".xlsx"):
            self.save_as(then=then)
        else:
            self.save_to(path, then=then)

    def save_as(self, then: Callable[[], object] | None = None) -> None:
        current = self.session.path
        folder = (current if current and not is_sample(current)
                  else os.path.join(self._last_dir(), self._suggested_name()))
        if self._current_analyses():     # the choice shows only when there is one
            plain = self.tr("Excel workbook (*.xlsx)")
            full = self.tr("Excel workbook with the sensitivity and Monte Carlo sheets (*.xlsx)")
            chosen = [full if saves_analyses() else plain]
            path = prompts.get_save_path(self.window, folder, f"{full};;{plain}",
                                         selected=chosen)
            if path:
                QSettings().setValue(ANALYSES_KEY, chosen[0] == full)
        else:
            path = prompts.get_save_path(self.window, folder)
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.save_to(path, then=then)

    def save_to(self, path: str, then: Callable[[], object] | None = None) -> Task:
        """Write the current document to ``path`` in the background."""
        s = self.session
        doc, lang = s.document, current_language()
        analyses = self._current_analyses() if saves_analyses() else {}
        from ui.process_worker import run_in_process   # not at start-up (multiprocessing)
        run = run_in_process if SAVE_IN_PROCESS else run_task
        task = run(write_workbook, doc, path, lang, analyses, progress_kw="progress",
                   title=self.tr("Saving %1…").replace("%1", Path(path).name))
        task.finished.connect(lambda _r: self._on_saved(path, doc, then))
        task.failed.connect(lambda exc: self._on_save_failed(path, exc))
        self.task_bar.watch(task)
        self.busy = task
        return task

    def _on_saved(self, path: str, doc: Document, then) -> None:
        s = self.session
        if s.document is doc:
            s.mark_saved(path)
        else:   # edited while saving: the file holds the earlier state, the window
            s.set_path(path)   # stays modified
        add_recent(path)
        self.message.emit(self.tr("Saved %1").replace("%1", path))
        self.saved.emit(path)
        if then is not None:
            then()

    def _on_save_failed(self, path: str, exc: BaseException) -> None:
        from ui import messages
        text = messages.error_text(exc, current_language())
        prompts.show_error(self.window, self.tr("Cannot save"), text)
        self.message.emit(self.tr("Not saved: %1").replace("%1", text))
        self.saveFailed.emit(text)

    def _current_analyses(self) -> dict:
        return {kind: result for kind in ("sensitivity", "montecarlo")
                if (result := self.session.analysis(kind)) is not None}

    def _suggested_name(self) -> str:
        park = self.session.document.settings.park_name or self.tr("plan")
        return f"{park}.xlsx"

    @staticmethod
    def _last_dir() -> str:
        return str(QSettings().value(LAST_DIR_KEY, "") or Path.home())

    # -- charts ---------------------------------------------------------------------
    def export_chart(self, view: QWidget, name: str = "chart") -> str:
        """Ask for a .png or .svg path and write the chart view there."""
        folder = os.path.join(self._last_dir(), f"{name}.png")
        path = prompts.get_save_path(self.window, folder, "PNG (*.png);;SVG (*.svg)",
                                     self.tr("Export chart"))
        if not path:
            return ""
        if not path.lower().endswith((".png", ".svg")):
            path += ".png"
        try:
            write_chart(view, path)
        except OSError as exc:
            from ui import messages
            prompts.show_error(self.window, self.tr("Cannot export chart"),
                               messages.error_text(exc, current_language()))
            return ""
        self.message.emit(self.tr("Chart exported to %1").replace("%1", path))
        return path


def write_chart(view: QWidget, path: str) -> Path:
    """A widget (chart view) as PNG or SVG, written atomically."""
    if path.lower().endswith(".svg"):
        from PySide6.QtSvg import QSvgGenerator

        def write(tmp: Path) -> None:
            gen = QSvgGenerator()
            gen.setFileName(str(tmp))
            gen.setSize(QSize(view.width(), view.height()))
            gen.setViewBox(view.rect())
            gen.setTitle(view.window().windowTitle())
            painter = QPainter(gen)
            view.render(painter)
            painter.end()
    else:
        def write(tmp: Path) -> None:
            if not view.grab().save(str(tmp), "PNG"):
                raise OSError(f"cannot write {path}")
    return atomic_write(path, write)
