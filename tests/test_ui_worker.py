"""The QThreadPool runner: results, errors, throttled progress, cooperative cancel."""
import threading

from ui.task_bar import TaskBar
from ui.worker import Cancelled, Progress, run_task


def test_result_and_progress_arrive_in_gui_thread(qtbot):
    seen = []
    main = threading.get_ident()

    def work(progress, n):
        for i in range(n + 1):
            progress(i / n)
        return n * 2

    task = run_task(work, 1000, title="work")
    task.progressed.connect(lambda f: seen.append((f, threading.get_ident())))
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [2000]
    qtbot.waitUntil(lambda: not task.running)
    assert seen and all(t == main for _, t in seen)
    assert len(seen) < 100            # throttled, not one signal per step
    assert seen[-1][0] == 1.0


def test_failure_is_reported(qtbot):
    def work(progress):
        raise ValueError("boom")

    task = run_task(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)


def test_cancel_is_cooperative(qtbot):
    started = threading.Event()

    def work(progress):
        started.set()
        while progress(0.5):
            pass                      # a real job does a chunk of work per call
        raise Cancelled()

    bar = TaskBar()
    qtbot.addWidget(bar)
    task = run_task(work, title="long")
    bar.watch(task)
    assert bar.isVisibleTo(None) or not bar.isHidden()
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        bar.cancel_button.click()
    qtbot.waitUntil(lambda: bar.isHidden())


def test_progress_keyword_for_planner_functions(qtbot):
    def export(doc, path, progress=None):
        progress(1.0)
        return (doc, path)

    task = run_task(export, "d", "p", progress_kw="progress")
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [("d", "p")]


def test_progress_object_is_plain():
    reports = []
    p = Progress(reports.append, throttle=0)
    assert p(0.25) is True and reports == [0.25]
    p.cancel()
    assert p(2.0) is False and p.fraction == 1.0


def test_exit_cancels_running_tasks_before_pyside_deletes_them():
    """A task still running when the interpreter ends is cancelled and waited for before
    PySide deletes the Task objects, so its thread never emits on a deleted Task and the
    process ends at once instead of when the work would have finished."""
    import os
    import subprocess
    import sys
    import time
    code = (
        "import threading\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from ui.worker import run_task\n"
        "started = threading.Event()\n"
        "def work(progress):\n"
        "    started.set()\n"
        "    for _ in range(6000):          # a minute unless cancelled\n"
        "        progress.check()\n"
        "        threading.Event().wait(0.01)\n"
        "task = run_task(work)\n"
        "started.wait(30)\n"
        "print('running', flush=True)\n")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "running"
    assert "deleted" not in done.stderr and "Error calling Python override" not in done.stderr
    assert time.perf_counter() - start < 30
