"""No garbage collection while the app starts.

Starting the app imports NumPy, Qt and the app's modules, reads the workbook and builds
the window: hundreds of thousands of objects, nearly all kept for the whole session, so
CPython's automatic collections during that time walk them again and again and free
almost nothing (about a tenth of the start-up). :func:`pause` turns automatic collection
off at the very start of ``qianyi gui``; :func:`resume`, once the first window is up,
freezes what start-up made (moved to the permanent generation, so the first young
collection after it does not walk them all) and turns collection on again; the first
full collection when the window is idle unfreezes them (ui.idle_gc).

Qt-free on purpose: it runs before PySide6 is imported.
"""
from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Start-up begins: no automatic collection until :func:`resume` (a no-op when
    collection is off already, e.g. turned off by the caller)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Start-up is over: keep what it made out of later collections and collect as
    usual again. Only undoes :func:`pause`; calling it again does nothing."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def paused() -> bool:
    return _paused
