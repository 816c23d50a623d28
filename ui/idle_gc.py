"""Full garbage collections when the planner pauses, not in the middle of an edit.

CPython's automatic full (generation 2) collection walks every tracked object; with a
plan and its results in memory that is a 30–40 ms pause that lands on whichever edit
happens to trigger it. The young generations stay automatic (a few ms at most); the full
collection runs once the window has been idle for ``IDLE_MS`` after a change, and at
least every ``MAX_INTERVAL_MS`` while the app runs. The objects start-up froze
(ui.quiet_start) join the first of these collections, so none stays uncollectable.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

IDLE_MS = 1500
MAX_INTERVAL_MS = 60_000
NO_AUTOMATIC_FULL = 1_000_000   # generation-2 threshold: never reached in practice

_collector: "IdleCollector | None" = None


class IdleCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.collections = 0
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_MS)
        self.idle.timeout.connect(self.collect)
        self.fallback = QTimer(self)
        self.fallback.setInterval(MAX_INTERVAL_MS)
        self.fallback.timeout.connect(self.collect)
        self.fallback.start()
        gen0, gen1, _ = gc.get_threshold()
        gc.set_threshold(gen0, gen1, NO_AUTOMATIC_FULL)

    def changed(self, *_args) -> None:
        """Something changed: collect once the window has been quiet for a while."""
        self.idle.start()

    def collect(self) -> None:
        self.idle.stop()
        gc.unfreeze()    # what start-up froze (ui.quiet_start) is looked at again, once
        gc.collect()
        self.collections += 1


def idle_collector(app: QObject) -> IdleCollector:
    """The application's one collector (created on first use)."""
    global _collector
    if _collector is None:
        _collector = IdleCollector(app)
    return _collector
