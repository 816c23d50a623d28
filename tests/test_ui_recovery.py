"""Autosave with several windows: one locked slot each, orphans offered newest first."""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import replace

from ui import app as ui_app
from ui import prompts
from ui.autosave import Autosave, orphaned_recoveries
from ui.session import Session
from sample_data.leshan import leshan_document
from tests.ui_support import ui_env  # noqa: F401


def edited(session: Session) -> None:
    doc = session.document
    session.apply(doc.replace(chains=(replace(doc.chains[0], base_output=1.5),
                                      *doc.chains[1:])), "edit")


def autosaved(qtbot, autosave: Autosave) -> None:
    with qtbot.waitSignal(autosave.written, timeout=20_000):
        autosave.autosave_now()


def test_two_windows_keep_their_own_recovery_files(ui_env, qtbot, tmp_path):
    folder = tmp_path / "slots"
    first, second = Session(leshan_document(), "/plans/a.xlsx"), Session(leshan_document(),
                                                                          "/plans/a.xlsx")
    a, b = Autosave(first, folder), Autosave(second, folder)
    edited(first)
    autosaved(qtbot, a)
    edited(second)
    autosaved(qtbot, b)
    assert a.book != b.book and a.book.exists() and b.book.exists()
    b.clear()                          # the second window closes
    assert a.book.exists() and not b.book.exists()
    assert orphaned_recoveries(folder) == []   # the first one still runs
    a.stop()
    b.stop()


def test_every_orphan_is_offered_newest_first(ui_env, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "slots"
    monkeypatch.setattr("ui.autosave.recovery_folder", lambda: folder)
    sessions = [Session(leshan_document(), f"/plans/{n}.xlsx") for n in "xy"]
    saves = [Autosave(s, folder) for s in sessions]
    for i, (s, save) in enumerate(zip(sessions, saves)):
        edited(s)
        autosaved(qtbot, save)
        os.utime(save.book, (time.time() - 100 + i, time.time() - 100 + i))
        save._lock.unlock()            # both windows crashed
        save._lock = None
        save.stop()
    orphans = orphaned_recoveries(folder)
    assert [o["path"] for o in orphans] == ["/plans/y.xlsx", "/plans/x.xlsx"]
    asked = []
    monkeypatch.setattr(prompts, "ask_recover", lambda w, path, when: asked.append(path)
                        or False)

    class Window:
        autosave = None

        def update_title(self):
            pass
    ui_app._offer_recovery(Session(leshan_document()), Window())
    assert asked == ["/plans/y.xlsx", "/plans/x.xlsx"]
    assert orphaned_recoveries(folder) == []   # declined ones are removed


def test_legacy_single_slot_is_still_offered(ui_env, tmp_path):
    folder = tmp_path / "slots"
    folder.mkdir()
    from planner.io.template import write_document
    write_document(folder / "recovery.xlsx", leshan_document())
    (folder / "recovery.json").write_text('{"path": "/old.xlsx"}', encoding="utf-8")
    assert [o["path"] for o in orphaned_recoveries(folder)] == ["/old.xlsx"]
    shutil.rmtree(folder)


def test_opening_a_workbook_with_unknown_names_shows_notices(ui_env, qtbot, tmp_path,
                                                             monkeypatch):
    from tests.ui_support import window as _w  # noqa: F401
    from tests.workbooks import base, write
    from ui import error_dialog
    from ui.file_actions import FileController
    from ui.task_bar import TaskBar
    from PySide6.QtWidgets import QWidget
    sheets = base()
    sheets["情景调整表"] = sheets.pop("Overrides")
    path = write(tmp_path / "n.xlsx", sheets)
    shown = []
    monkeypatch.setattr(error_dialog, "show_notices",
                        lambda parent, title, summary, issues: shown.append(issues))
    host = QWidget()
    qtbot.addWidget(host)
    files = FileController(Session(leshan_document()), host, TaskBar(host))
    with qtbot.waitSignal(files.opened, timeout=20_000):
        files.read(str(path))
    assert shown and any("did you mean 情景调整?" in str(i) for i in shown[0])


def test_an_autosave_that_cannot_be_written_says_why_in_the_status_bar(ui_env, qtbot, tmp_path):
    from ui.main_window import MainWindow
    blocker = tmp_path / "slots"
    blocker.write_text("a file where the recovery folder should be")
    session = Session(leshan_document(), "/plans/a.xlsx")
    autosave = Autosave(session, blocker)
    edited(session)
    with qtbot.waitSignal(autosave.failed, timeout=5_000) as failed:
        assert autosave.autosave_now() is None       # refused, no exception in the slot
    assert failed.args[0].startswith(f"无法写入 {blocker}：")
    autosave.stop()
    window = MainWindow(Session(leshan_document()), autosave=True, remember_size=False)
    qtbot.addWidget(window)
    window.autosave.failed.emit("无法写入 /x：磁盘空间不足")
    assert window.statusBar().currentMessage() == "自动保存失败：无法写入 /x：磁盘空间不足"
    window.autosave.stop()
    window._closing = True
