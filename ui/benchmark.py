"""Offscreen timings for benchmarks/run.py: edit → update latency and start-up."""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from models import Document
from ui.app import application
from ui.editors.grids import YearGridModel
from ui.main_window import MainWindow
from ui.session import Session


def _growth_model(window: MainWindow) -> YearGridModel:
    for i in range(window.tabs.count()):
        for model in getattr(window.page(i), "models", ()):
            if isinstance(model, YearGridModel) and model.table == "growth":
                return model
    raise LookupError("no growth grid in the main window")


class _PaintWatch(QObject):
    """Counts the Paint events the application delivers, and which widgets got them."""

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


def edit_timings(doc: Document, edits: int = 50) -> tuple[list[float], list[float]]:
    """Seconds per edit on the full main window showing the overview, for ``edits`` edits
    of a growth cell set through the item model: (until the overview's KPIs and charts hold
    the new result, until the window has repainted: the output chart has been painted
    with it and a further pass of the event loop has nothing left to paint)."""
    app = QApplication.instance() or application()
    window = MainWindow(Session(doc), autosave=False, remember_size=False)
    window.resize(1480, 940)
    window.show()
    app.processEvents()
    model = _growth_model(window)
    overview = window.overview
    overview.live.wait(120)   # the opening Monte Carlo of the live card has finished
    chart = id(overview.chain_chart.viewport())
    watch = _PaintWatch()
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
    """What a user waits for: application, sample read, main window shown and drawn."""
    from ui.app import sample_document
    app = application()
    doc, path = sample_document()
    window = MainWindow(Session(doc, path), autosave=False)
    window.show()
    app.processEvents()
    return window

