"""Deferred refresh for views that are not on screen.

A view in a tab the planner is not looking at does not redraw on every edit: it notes
that it is stale and redraws when it is shown again (napari and Orange3 do the same
with their hidden layer/widget views). Outside a shown window (a view on its own, as
in tests, or while the window is being built) views redraw at once.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


def offscreen(widget: QWidget) -> bool:
    """True when ``widget`` sits in a shown window but is itself hidden (another tab)."""
    window = widget.window()
    return window is not widget and window.isVisible() and not widget.isVisible()


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
