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
    from ui.editors.grids import YearGridModel
    for i in range(window.tabs.count()):
        for model in getattr(window.page(i), "models", ()):
            if isinstance(model, YearGridModel) and model.table == "growth":
                return model
    raise LookupError("no growth grid in the main window")


def edit_latencies(doc: Document, edits: int = 50) -> list[float]:
    """Seconds from a growth cell set through the item model until the overview's KPIs
    and charts show the new result, for ``edits`` edits on the full main window."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.app import application
    from ui.main_window import MainWindow
    from ui.session import Session
    app = QApplication.instance() or application()
    window = MainWindow(Session(doc), autosave=False)
    window.resize(1480, 940)
    window.show()
    app.processEvents()
    model = _growth_model(window)
    overview = window.overview
    times = []
    for i in range(edits):
        index = model.index(i % model.rowCount(), (i * 7) % model.columnCount())
        value = f"{21.37 + i * 0.01:.2f}%"   # a new value every time: every edit changes
        before = overview.refresh_count
        start = time.perf_counter()
        if not model.setData(index, value, Qt.ItemDataRole.EditRole):
            raise RuntimeError(f"edit {i} refused")
        deadline = start + 30
        while overview.refresh_count == before:
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError(f"edit {i}: the overview did not update")
        times.append(time.perf_counter() - start)
        if window.session.active_result is not overview.kpis.shown_result:
            raise RuntimeError("the KPIs do not hold the new result")
    window._closing = True
    window.close()
    return times


def startup_probe() -> MainWindow:
    """What a user waits for: application, sample read, main window shown and drawn."""
    from ui.app import application, sample_document
    from ui.main_window import MainWindow
    from ui.session import Session
    app = application()
    doc, path = sample_document()
    window = MainWindow(Session(doc, path), autosave=False)
    window.show()
    app.processEvents()
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
