"""Fixtures for the app-shell tests: isolated settings, app data and language."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from sample_data.leshan import leshan_document_v1
from ui import autosave, error_dialog, language, prompts
from ui.main_window import MainWindow
from ui.session import Session


def _unexpected(name: str):
    def fail(*args, **kwargs):
        raise AssertionError(f"unexpected modal dialog: {name}{args[1:]}")
    return fail


@pytest.fixture
def ui_env(qapp, tmp_path, monkeypatch):
    """Settings and recovery files in tmp_path; Chinese interface; restored afterwards."""
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("qianyi-test")
    QCoreApplication.setApplicationName("qianyi-test")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    recovery = tmp_path / "recovery"
    monkeypatch.setattr(autosave, "recovery_folder", lambda: recovery)
    # A modal dialog would hang a test: every one must be patched by the test using it.
    for name in ("ask_save_changes", "ask_recover", "ask_delete_children", "confirm",
                 "get_text", "get_multiline", "get_open_path", "get_save_path", "show_error"):
        monkeypatch.setattr(prompts, name, _unexpected(name))
    monkeypatch.setattr(error_dialog, "show_issues", _unexpected("show_issues"))
    language.install("zh")
    yield tmp_path
    language.uninstall()


@pytest.fixture
def session(ui_env):
    """The v1 sample: the UI tests check v1 numbers (1,019.22 亿元 etc.)."""
    return Session(leshan_document_v1())


@pytest.fixture
def window(session, qtbot):
    w = MainWindow(session)   # not qtbot.addWidget: its teardown close would prompt
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w._closing = True   # no unsaved-changes prompt at teardown
    w.close()
    w.deleteLater()


def wait_refresh(qtbot, window, before: int) -> None:
    """Wait until the overview has redrawn after an edit."""
    qtbot.waitUntil(lambda: window.overview.refresh_count > before, timeout=3000)
