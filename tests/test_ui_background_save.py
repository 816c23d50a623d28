"""Saves in the saving process: the window keeps working, an edit made meanwhile is kept,
the file is complete and holds the snapshot taken when the save started."""
from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from planner.io.atomic import WriteError, atomic_write
from planner.io.reader import read_workbook
from tests.ui_support import session, ui_env, window  # noqa: F401
from ui import prompts, process_worker
from ui.main_window import MainWindow
from ui.process_worker import run_in_process, runner
from ui.session import Session

WAIT = 60_000


def edited(doc, growth: float = 0.123):
    return doc.replace(chains=(replace(doc.chains[0], growth=growth),) + doc.chains[1:])


# -- job functions (module level: the saving process imports them) -------------------
def write_slowly(path: str, progress=None) -> str:
    """Writes a little and reports progress until told to stop."""
    def write(tmp: Path) -> None:
        tmp.write_bytes(b"partial")
        while progress(0.5):
            time.sleep(0.005)            # the simulated work of one step
        raise process_worker.ProcessError("stopped")
    atomic_write(path, write)
    return path


def never_stops(path: str, progress=None) -> None:
    while True:
        time.sleep(0.01)                 # ignores cancel: only terminating ends it


def refuses_to_write(path: str) -> None:
    raise WriteError(path, "the file is locked or read-only")


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".tmp" in p.name]


# -- tests ---------------------------------------------------------------------------
def test_jobs_run_in_another_process(ui_env, qtbot):
    task = run_in_process(os.getpid)
    with qtbot.waitSignal(task.finished, timeout=WAIT) as got:
        pass
    assert got.args[0] != os.getpid()
    again = run_in_process(os.getpid)            # the same process, reused
    with qtbot.waitSignal(again.finished, timeout=WAIT) as second:
        pass
    assert second.args[0] == got.args[0]


def test_an_edit_during_a_save_is_kept_and_the_file_holds_the_snapshot(
        window, session, monkeypatch, qtbot, tmp_path):
    session.apply(edited(session.document), "edit")
    snapshot = session.document
    target = tmp_path / "plan.xlsx"
    task = window.files.save_to(str(target))
    # the outcome of the save can only arrive through the event loop: this edit is made
    # while it runs, and the window answers at once
    assert session.apply(edited(session.document, 0.2), "edit during the save") == []
    later = session.document
    assert window.overview.kpis.shown_result is session.active_result
    with qtbot.waitSignal(task.done, timeout=WAIT):
        pass
    assert session.document is later                     # the edit is kept
    assert session.is_modified and window.isWindowModified()   # and not marked saved
    assert session.path == str(target)
    assert read_workbook(target).document == snapshot    # complete, the snapshot
    assert leftovers(tmp_path) == []
    session.undo_stack.undo()      # back to what the file holds; an undo stack can mark
    assert session.document is snapshot   # only its current step clean, so the window errs
    assert session.is_modified            # on the safe side: it still asks before closing


def test_a_save_without_edits_marks_the_window_saved(window, session, qtbot, tmp_path):
    session.apply(edited(session.document), "edit")
    target = tmp_path / "clean.xlsx"
    with qtbot.waitSignal(window.files.saved, timeout=WAIT):
        window.files.save_to(str(target))
    assert not session.is_modified and not window.isWindowModified()
    assert read_workbook(target).document == session.document


def test_cancel_stops_the_write_and_leaves_the_target_untouched(ui_env, qtbot, tmp_path):
    target = tmp_path / "kept.xlsx"
    target.write_bytes(b"the earlier file")
    task = run_in_process(write_slowly, str(target), progress_kw="progress")
    qtbot.waitUntil(lambda: task.fraction > 0, timeout=WAIT)   # it is writing
    with qtbot.waitSignal(task.cancelled, timeout=WAIT):
        task.cancel()
    assert target.read_bytes() == b"the earlier file"
    assert leftovers(tmp_path) == []                # the temporary file was removed


def test_a_job_that_ignores_cancel_is_terminated(ui_env, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(process_worker, "GRACE_S", 0.2)
    task = run_in_process(never_stops, str(tmp_path / "x.xlsx"), progress_kw="progress")
    qtbot.waitUntil(lambda: runner()._current is not None, timeout=WAIT)
    started = runner().started_processes
    with qtbot.waitSignal(task.cancelled, timeout=WAIT):
        task.cancel()
    after = run_in_process(os.getpid)               # a new process takes the next job
    with qtbot.waitSignal(after.finished, timeout=WAIT):
        pass
    assert runner().started_processes == started + 1


def test_a_failed_write_is_reported_in_words(window, session, monkeypatch, qtbot, tmp_path):
    shown = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, title, text: shown.append(text))
    session.apply(edited(session.document), "edit")
    target = tmp_path / "missing" / "growth.xlsx"     # a field name in the file name
    with qtbot.waitSignal(window.files.saveFailed, timeout=WAIT) as got:
        window.files.save_to(str(target))
    # in the interface language (Chinese here), the path exactly as given
    assert got.args[0] == f"无法写入 {target}：文件夹 {target.parent} 不存在"
    assert shown == [got.args[0]]
    assert "Traceback" not in got.args[0] and session.is_modified
    task = run_in_process(refuses_to_write, "x.xlsx")       # the error comes back whole
    with qtbot.waitSignal(task.failed, timeout=WAIT) as failed:
        pass
    assert isinstance(failed.args[0], WriteError)
    assert (str(failed.args[0].path), failed.args[0].reason) == \
        ("x.xlsx", "the file is locked or read-only")


def test_two_windows_save_at_once(ui_env, qtbot, tmp_path):
    from sample_data.leshan import leshan_document_v1
    windows = [MainWindow(Session(leshan_document_v1()), autosave=False) for _ in range(2)]
    try:
        for n, w in enumerate(windows):
            w.session.apply(edited(w.session.document, 0.1 + n / 10), "edit")
        tasks = [w.files.save_to(str(tmp_path / f"w{n}.xlsx"))
                 for n, w in enumerate(windows)]
        for task in tasks:
            if task.running:
                with qtbot.waitSignal(task.done, timeout=WAIT):
                    pass
        for n, w in enumerate(windows):
            assert not w.session.is_modified
            assert read_workbook(tmp_path / f"w{n}.xlsx").document == w.session.document
    finally:
        for w in windows:
            w._closing = True
            w.close()
            w.deleteLater()


@pytest.mark.parametrize("mode", ["thread", "process"])
def test_saving_modes_write_the_same_workbook(window, session, qtbot, tmp_path, monkeypatch,
                                              mode):
    from ui import file_actions
    monkeypatch.setattr(file_actions, "SAVE_IN_PROCESS", mode == "process")
    session.apply(edited(session.document), "edit")
    with qtbot.waitSignal(window.files.saved, timeout=WAIT):
        window.files.save_to(str(tmp_path / f"{mode}.xlsx"))
    assert read_workbook(tmp_path / f"{mode}.xlsx").document == session.document


def test_quitting_during_a_save_still_writes_it(ui_env, tmp_path):
    from sample_data.leshan import leshan_document_v1
    from ui.save_jobs import write_workbook
    doc = edited(leshan_document_v1())
    target = tmp_path / "quit.xlsx"
    run_in_process(write_workbook, doc, str(target), "zh", progress_kw="progress")
    runner().shutdown()              # what quitting does: the save asked for is finished
    assert read_workbook(target).document == doc
    assert leftovers(tmp_path) == []


def test_closing_the_overview_cancels_its_live_run(ui_env, qtbot):
    from sample_data.leshan import leshan_document_v1
    from ui.overview.overview import OverviewTab
    tab = OverviewTab(Session(leshan_document_v1()))
    tab.live.timer.timeout.emit()                 # start the run now
    task = tab.live.task
    assert task is not None
    tab.deleteLater()
    qtbot.waitUntil(lambda: task.progress.cancelled, timeout=WAIT)


def test_the_saving_process_ends_when_the_window_process_is_killed():
    """A window process that dies without saying so (killed, crashed) leaves no saving
    process behind: the idle saver sees its parent gone and ends."""
    import signal
    import subprocess
    import sys
    code = (
        "import os, time\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from ui.process_worker import runner\n"
        "r = runner(); r.warm()\n"
        "deadline = time.monotonic() + 120\n"
        "while not r.ready and time.monotonic() < deadline:\n"
        "    app.processEvents(); time.sleep(0.01)\n"
        "print(r._process.pid, flush=True)\n"
        "os.kill(os.getpid(), 9)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=180, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == -signal.SIGKILL
    child = int(done.stdout.split()[-1])

    def alive() -> bool:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return False
        return Path(f"/proc/{child}").exists() and "zombie" not in Path(
            f"/proc/{child}/status").read_text().lower()

    deadline = time.monotonic() + 30 * process_worker.PARENT_CHECK_S
    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)      # polling another process; ends as soon as it is gone
    assert not alive()
