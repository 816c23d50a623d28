"""文件 → 生成汇报材料: the leadership report of the active scenario, written in the
background with its progress in the status bar, then an offer to open the file."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from models import DocumentError
from ui import messages, prompts
from ui.language import current_language
from ui.worker import Task, run_task

if TYPE_CHECKING:
    from planner.report.make import Written

CONTEXT = "ReportAction"
LAST_DIR_KEY = "report/lastDir"
DOCX_FILTER = "Word (*.docx)"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def ask_open(parent: QWidget | None, path: str) -> bool:
    """The report is written: open it now?"""
    box = QMessageBox(QMessageBox.Icon.Information, tr("Report written"),
                      tr("The report was written to %1.").replace("%1", path),
                      QMessageBox.StandardButton.Close, parent)
    open_button = box.addButton(tr("Open the file"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(open_button)
    box.exec()
    return box.clickedButton() is open_button


def open_file(path: str) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def _suggested_path(window) -> str:
    s = window.session
    folder = str(QSettings().value(LAST_DIR_KEY, "") or
                 (os.path.dirname(s.path) if s.path else "") or Path.home())
    park = s.document.settings.park_name or tr("report")
    return os.path.join(folder, f"{park}{tr('_report')}_{s.active_scenario}.docx")


def generate_report(window, path: str | None = None) -> Task | None:
    """Ask for a .docx path (unless given) and write the report of the active scenario."""
    path = path or prompts.get_save_path(window, _suggested_path(window), DOCX_FILTER,
                                         tr("Generate report"))
    if not path:
        return None
    if not path.lower().endswith(".docx"):
        path += ".docx"
    QSettings().setValue(LAST_DIR_KEY, os.path.dirname(os.path.abspath(path)))
    s = window.session
    # imported here: the report's code (openpyxl, python-docx, matplotlib) is not start-up's
    from planner.report.make import write_report
    from planner.report.notes import read_notes
    notes = read_notes(s.path) if s.path and s.path.lower().endswith(".xlsx") else []
    task = run_task(write_report, s.document, path, s.active_scenario, current_language(),
                    notes, progress_kw="progress",
                    title=tr("Writing report %1…").replace("%1", Path(path).name))
    task.finished.connect(lambda written: _on_written(window, written))
    task.failed.connect(lambda exc: _on_failed(window, exc))
    window.task_bar.watch(task)
    return task


def _on_written(window, written: Written) -> None:
    path = str(written.docx)
    window.show_message(tr("Report written to %1").replace("%1", path))
    if ask_open(window, path):
        open_file(path)


def _on_failed(window, exc: BaseException) -> None:
    lang = current_language()
    if isinstance(exc, DocumentError):
        text = messages.issues_text(exc.issues, lang)
    else:
        text = messages.error_text(exc, lang)
    prompts.show_error(window, tr("Cannot write the report"), text)
    window.show_message(tr("Report not written: %1").replace("%1", text))


def add_to_menu(window: QMainWindow) -> QAction:
    """The 文件 menu's 生成汇报材料… entry, added where the menu is being built."""
    action = QAction(tr("Generate &report…"), window)
    action.setObjectName("generateReport")
    action.triggered.connect(lambda _checked=False: generate_report(window))
    window.file_menu.addAction(action)
    return action
