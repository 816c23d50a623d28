"""Full garbage collections wait for a pause in editing (ui/idle_gc.py)."""
import gc
from dataclasses import replace

from tests.ui_support import session, ui_env, window  # noqa: F401
from ui import idle_gc


def test_an_edit_schedules_one_full_collection_when_idle(window, session, qtbot,  # noqa: F811
                                                         monkeypatch):
    collector = idle_gc.idle_collector(None)
    assert gc.get_threshold()[2] == idle_gc.NO_AUTOMATIC_FULL   # no automatic full GC
    full = []   # the suite's heap is large: count the collections instead of making them
    monkeypatch.setattr(idle_gc.gc, "collect", lambda *a: full.append(a) or 0)
    doc = session.document
    edited = doc.replace(chains=(replace(doc.chains[0], base_output=99.0), *doc.chains[1:]))
    assert session.apply(edited, "edit") == []
    assert collector.idle.isActive() and full == []          # not during the edit
    qtbot.waitUntil(lambda: len(full) >= 1, timeout=idle_gc.IDLE_MS + 3000)
    assert not collector.idle.isActive()
