"""Start-up without garbage collection (ui.quiet_start) and the `qianyi` entry point."""
import gc
import subprocess
import sys
import textwrap

import pytest

from planner import entry
from ui import quiet_start


@pytest.fixture
def collection_on():
    was = gc.isenabled()
    gc.enable()
    yield
    quiet_start.resume()
    gc.unfreeze()
    if not was:
        gc.disable()


def test_pause_and_resume(collection_on):
    quiet_start.pause()
    assert not gc.isenabled() and quiet_start.paused()
    made = [[] for _ in range(100)]           # objects made during start-up
    quiet_start.resume()
    assert gc.isenabled() and not quiet_start.paused()
    assert gc.get_freeze_count() > len(made)  # start-up's objects are left out of collections
    quiet_start.resume()                      # a second resume changes nothing
    assert gc.isenabled()


def test_resume_does_not_turn_on_what_the_caller_turned_off(collection_on):
    gc.disable()
    quiet_start.pause()          # collection was off already: not ours to turn on
    quiet_start.resume()
    assert not gc.isenabled()
    gc.enable()


@pytest.mark.parametrize("argv, paused", [
    (["gui", "--screenshot", "x.png"], True),
    (["--debug", "gui"], True),
    (["run", "book.xlsx", "--json"], False),
    (["--debug", "run", "gui.xlsx"], False),
])
def test_only_the_gui_starts_without_collection(monkeypatch, collection_on, argv, paused):
    seen = []
    import planner.cli
    monkeypatch.setattr(planner.cli, "main", lambda a=None: seen.append(gc.isenabled()) or 0)
    assert entry.main(argv) == 0
    assert seen == [not paused]


def test_the_app_collects_again_once_its_window_is_up(tmp_path):
    """A whole `qianyi gui --screenshot` run: collection paused at the start, on again
    when it ends (ui.app.run resumes it once the window is up, whatever happens)."""
    code = textwrap.dedent(f"""
        import gc, sys
        from planner import entry
        import ui.app
        seen = {{}}
        real = ui.app._run
        def spy(*args):
            seen["during"] = gc.isenabled()
            return real(*args)
        ui.app._run = spy
        code = entry.main(["gui", "--screenshot", {str(tmp_path / "shot.png")!r},
                           "--size", "800x600"])
        print(code, seen["during"], gc.isenabled())
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, env={**__import__("os").environ,
                                            "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-3:] == ["0", "False", "True"]
    assert (tmp_path / "shot.png").stat().st_size > 0
