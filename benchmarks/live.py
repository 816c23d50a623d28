"""Benchmarks of work that runs beside editing: the live 达标概率 card and background saves.

    mc_live_sample_ms               an edit on the sample until the card shows the fresh
                                    result of a 10,000-draw Monte Carlo (median; the pause
                                    before the run, ui.overview.live_probability.DEBOUNCE_MS,
                                    included)
    save_edit_latency_2000_ms_p95   edit latency (a growth cell set through the item model
                                    until the overview refreshed) while the 2,000-project
                                    plan is being saved
    edit_latency_2000_ms_p95        the same edits without a save, in the same run (the ratio
                                    of the two, save_edit_latency_ratio, is what the save
                                    costs an edit)
    save_edit_latency_thread_2000_ms_p95  the same while the save runs in a thread of the
                                    window's process, as saves did before (for comparison)

The card runs the document's own Monte Carlo settings (as the Monte Carlo tab); the sample
asks for 5,000 draws, so the measurement sets 10,000 in its Settings. Waits sleep in a Qt
event loop (never a busy loop that would take the GIL from the worker thread).
"""
from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from models import Document

LIVE_DRAWS = 10_000


def _app():
    from ui.app import application
    return QApplication.instance() or application()


def _window(doc: Document):
    from ui.main_window import MainWindow
    from ui.session import Session
    _app()
    window = MainWindow(Session(doc), autosave=False)
    window.resize(1366, 768)
    window.show()
    _app().processEvents()
    return window


def _close(window) -> None:
    window.overview.live.stop()
    window._closing = True
    window.close()
    window.deleteLater()
    _app().processEvents()


def wait_for(condition, signal, timeout_s: float = 120) -> None:
    """Sleep in an event loop until ``condition()`` holds, checked at every ``signal``."""
    if condition():
        return
    loop = QEventLoop()

    def check(*_args) -> None:
        if condition():
            loop.quit()

    signal.connect(check)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout_s * 1000))
    loop.exec()
    signal.disconnect(check)
    if not condition():
        raise RuntimeError("timed out")


def _cell_edit(model, i: int) -> tuple:
    index = model.index(i % model.rowCount(), (i * 7) % model.columnCount())
    return index, f"{21.37 + i * 0.01:.2f}%"


def live_probability_latencies(doc: Document, edits: int = 15) -> list[float]:
    """Seconds from a growth cell set until the 达标概率 card shows the fresh result for
    the edited document, for ``edits`` edits, each once the previous result is shown."""
    from ui.benchmark import _growth_model
    from ui.overview.live_probability import FRESH
    doc = doc.replace(settings=replace(doc.settings, mc_draws=LIVE_DRAWS))
    window = _window(doc)
    live = window.overview.live
    fresh = lambda: (live.state.status == FRESH  # noqa: E731
                     and live.current is not None and not live.is_pending)
    wait_for(fresh, live.changed)
    model = _growth_model(window)
    times = []
    try:
        for i in range(edits):
            index, value = _cell_edit(model, i)
            start = time.perf_counter()
            if not model.setData(index, value, Qt.ItemDataRole.EditRole):
                raise RuntimeError(f"edit {i} refused")
            wait_for(fresh, live.changed)
            times.append(time.perf_counter() - start)
            if live.state.draws != LIVE_DRAWS:
                raise RuntimeError("the card did not run 10,000 draws")
    finally:
        _close(window)
    return times


def _edit_once(window, model, i: int) -> float:
    overview = window.overview
    index, value = _cell_edit(model, i)
    before = overview.refresh_count
    start = time.perf_counter()
    if not model.setData(index, value, Qt.ItemDataRole.EditRole):
        raise RuntimeError(f"edit {i} refused")
    app = _app()
    while overview.refresh_count == before:
        app.processEvents()
    return time.perf_counter() - start


def _pause(ms: int) -> None:
    """Typing pace: the event loop runs (task outcomes, progress) between edits, shorter
    than the live card's pause so that no simulation starts."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save_edit_latencies(doc: Document, saves: int = 2, gap_ms: int = 30,
                        baseline_edits: int = 30) -> dict[str, list[float]]:
    """Edit latencies (seconds) with no save running ("alone"), while ``doc`` is saved
    ``saves`` times in the saving process ("process", what the app does) and, for
    comparison, in a thread ("thread", as before). The full main window; the live card
    settled and the saving process started first."""
    from ui import file_actions
    from ui.benchmark import _growth_model
    from ui.overview.live_probability import FRESH
    from ui.process_worker import runner
    window = _window(doc)
    live = window.overview.live
    wait_for(lambda: live.state.status == FRESH and not live.is_pending, live.changed)
    saver = runner()
    saver.warm()
    wait_for(lambda: saver.ready, saver.timer.timeout)
    model = _growth_model(window)
    out: dict[str, list[float]] = {"alone": [], "thread": [], "process": []}
    i = 0
    default = file_actions.SAVE_IN_PROCESS
    try:
        for _ in range(baseline_edits):
            out["alone"].append(_edit_once(window, model, i))
            i += 1
            _pause(gap_ms)
        with tempfile.TemporaryDirectory() as tmp:
            for n in range(saves):
                for mode in ("thread", "process"):
                    file_actions.SAVE_IN_PROCESS = mode == "process"
                    task = window.files.save_to(str(Path(tmp) / f"large{n}.xlsx"))
                    failures: list = []
                    task.failed.connect(failures.append)
                    _pause(gap_ms)
                    while task.running:
                        out[mode].append(_edit_once(window, model, i))
                        i += 1
                        _pause(gap_ms)
                    if failures:
                        raise RuntimeError(f"the save failed: {failures[0]}")
    finally:
        file_actions.SAVE_IN_PROCESS = default
        live.stop()
        _close(window)
    return out


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[18] if len(times) > 1 else times[0]


def run_live(sample: Document, large: Document, quick: bool = False) -> dict[str, float]:
    out: dict[str, float] = {}
    out["mc_live_sample_ms"] = statistics.median(
        live_probability_latencies(sample, 7 if quick else 15)) * 1000
    times = save_edit_latencies(large, 1)
    out["edit_latency_2000_ms_p95"] = p95(times["alone"]) * 1000
    out["save_edit_latency_2000_ms_p95"] = p95(times["process"]) * 1000
    out["save_edit_latency_ratio"] = out["save_edit_latency_2000_ms_p95"] / \
        out["edit_latency_2000_ms_p95"]
    out["save_edit_latency_thread_2000_ms_p95"] = p95(times["thread"]) * 1000
    return out
