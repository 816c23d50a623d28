"""Deferred refresh for views that are not on screen.

A view in a tab the planner is not looking at does not redraw on every edit: it notes
that it is stale and redraws when it is shown again. Outside a shown window (a view on
its own, as in tests, or while the window is being built) views redraw at once.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget


def offscreen(widget: QWidget) -> bool:
    """True when ``widget`` sits in a shown window under a page that was hidden on purpose
    (a tab behind another). A widget still being built (not yet shown) is not offscreen."""
    window = widget.window()
    if window is widget or not window.isVisible():
        return False
    w = widget
    while w is not None and w is not window:
        if w.isHidden() and w.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
            return True
        w = w.parentWidget()
    return False


class StaleTracker:
    """Remembers that a hidden view missed a refresh; ``take()`` says whether to redraw
    on show (and clears the mark)."""

    def __init__(self) -> None:
        self.stale = False

    def defer(self, widget: QWidget) -> bool:
        """True (and marked stale) when ``widget`` should not redraw now."""
        if offscreen(widget):
            self.stale = True
            return True
        self.stale = False
        return False

    def take(self) -> bool:
        stale, self.stale = self.stale, False
        return stale


class RedrawsWithSession:
    """Mixin for a QWidget that draws the Session's results (the overview, the progress
    tabs): new results redraw at once; a scenario switch alone waits for the event loop,
    so a switch that comes with new results draws once; a view behind another tab redraws
    when shown. The widget defines ``redraw()``; ``refresh_count`` counts redraws."""

    def follow(self, session) -> None:
        self.refresh_count = 0
        self._pending = False
        self._stale = StaleTracker()
        session.resultsChanged.connect(self.refresh)
        session.activeScenarioChanged.connect(self.schedule_refresh)

    def redraw(self) -> None:
        raise NotImplementedError

    def schedule_refresh(self, *_args) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._refresh_if_pending)

    def _refresh_if_pending(self) -> None:
        if self._pending:
            self.refresh()

    def refresh(self, *_args) -> None:
        """Redraw now, or when shown again if the view is hidden behind another tab."""
        self._pending = False
        if self._stale.defer(self):
            return
        self.redraw()
        self.refresh_count += 1

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale.take():
            self.refresh()
