"""Offscreen timings for benchmarks/run.py: edit → update latency and start-up.

Imports are inside the functions: the start-up probes run in a fresh process each, and
the bare window probe must load nothing of the app.
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models import Document
    from ui.editors.grids import YearGridModel
    from ui.main_window import MainWindow


def _growth_model(window: MainWindow) -> YearGridModel:
    """The growth grid's model; only the growth tab is built for it (tabs are built when
    first shown or asked for), as when a planner has opened that tab."""
    from ui.editors.grids import YearGridModel
    for model in getattr(window.pages["growth"], "models", ()):
        if isinstance(model, YearGridModel) and model.table == "growth":
            return model
    raise LookupError("no growth grid in the main window")


def _paint_watch():
    """An object counting the Paint events the application delivers, and which widgets
    got them (the class is made here: this module's import must stay free of Qt work)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class PaintWatch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0
            self.painted: set[int] = set()
            QApplication.instance().installEventFilter(self)

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                self.count += 1
                self.painted.add(id(obj))
            return False

        def clear(self) -> None:
            self.painted.clear()

        def close(self) -> None:
            QApplication.instance().removeEventFilter(self)

    return PaintWatch()


def _start_saver(app, timeout_s: float = 120) -> None:
    """Start the saving process and wait until it is ready (the app starts it at the first
    unsaved change; its start-up would otherwise be timed with the first edits)."""
    from ui.process_worker import runner
    saver = runner()
    saver.warm()
    deadline = time.perf_counter() + timeout_s
    while not saver.ready and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)


def edit_timings(doc: Document, edits: int = 50) -> tuple[list[float], list[float]]:
    """Seconds per edit on the full main window showing the overview, for ``edits`` edits
    of a growth cell set through the item model: (until the overview's KPIs and charts hold
    the new result, until the window has repainted: the output chart has been painted
    with it and a further pass of the event loop has nothing left to paint)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.app import application
    from ui.main_window import MainWindow
    from ui.session import Session
    app = QApplication.instance() or application()
    window = MainWindow(Session(doc), autosave=False, remember_size=False)
    window.resize(1480, 940)
    window.show()
    app.processEvents()
    model = _growth_model(window)
    overview = window.overview
    overview.live.wait(120)   # the opening Monte Carlo of the live card has finished
    _start_saver(app)         # as after the first unsaved change: steady-state editing
    chart = id(overview.chain_chart.viewport())
    watch = _paint_watch()
    updates, repaints = [], []
    for i in range(edits):
        index = model.index(i % model.rowCount(), (i * 7) % model.columnCount())
        value = f"{21.37 + i * 0.01:.2f}%"   # a new value every time: every edit changes
        before = overview.refresh_count
        app.processEvents()                  # nothing left over from the last edit
        start = time.perf_counter()
        if not model.setData(index, value, Qt.ItemDataRole.EditRole):
            raise RuntimeError(f"edit {i} refused")
        deadline = start + 30
        updated = None
        while True:
            if updated is None and overview.refresh_count != before:
                updated = time.perf_counter()
                watch.clear()                # paints of the old result do not count
            count = watch.count
            app.processEvents()
            if updated is not None and chart in watch.painted and watch.count == count:
                break
            if time.perf_counter() > deadline:
                raise RuntimeError(f"edit {i}: the overview did not update and repaint")
        repainted = time.perf_counter()
        updates.append(updated - start)
        repaints.append(repainted - start)
        if window.session.active_result is not overview.kpis.shown_result:
            raise RuntimeError("the KPIs do not hold the new result")
    watch.close()
    window._closing = True
    window.close()
    return updates, repaints


def edit_latencies(doc: Document, edits: int = 50) -> list[float]:
    """Seconds from a growth cell set until the overview's KPIs and charts show the new
    result (see :func:`edit_timings`)."""
    return edit_timings(doc, edits)[0]


def startup_probe() -> MainWindow:
    """What a user waits for: application, sample read, main window shown and drawn.
    Garbage collection is paused and resumed as ``qianyi gui`` does (planner.entry)."""
    from ui import quiet_start
    quiet_start.pause()
    from ui.app import application, sample_document
    from ui.main_window import MainWindow
    from ui.session import Session
    app = application()
    doc, path = sample_document()
    window = MainWindow(Session(doc, path), autosave=False)
    window.show()
    app.processEvents()
    quiet_start.resume()
    return window


def bare_window_probe():
    """The floor startup_probe is compared with: a bare QMainWindow, QtCharts imported
    (the app's charts need it), shown and drawn, in a fresh process."""
    import sys

    from PySide6 import QtCharts  # noqa: F401  (the import is what is measured)
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()
    app.processEvents()
    return window
