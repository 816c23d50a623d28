"""Start-up stays light (issue 14): `qianyi run` and the app's first window import no
pandas, matplotlib, openpyxl or analysis code, and the tabs are built when first shown."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sample_data import SAMPLE_WORKBOOK
from tests.ui_support import session, ui_env, window  # noqa: F401  (fixtures)
from ui import tab_registry

ROOT = Path(__file__).resolve().parents[1]

# Never needed to project a workbook or to show the first window.
HEAVY = ("pandas", "matplotlib", "openpyxl", "xlsxwriter", "docx", "lxml")
ANALYSIS = ("planner.analysis.montecarlo", "planner.analysis.sensitivity",
            "planner.analysis.goalseek", "planner.analysis.compare", "planner.report.make",
            "planner.report.charts", "planner.io.export", "planner.io.template")
TAB_MODULES = ("ui.analysis.goalseek_panel", "ui.analysis.sensitivity_panel",
               "ui.analysis.montecarlo_panel", "ui.analysis.compare_panel", "ui.editors.tabs",
               "ui.progress.progress_tab", "ui.progress.targets_tab",
               "ui.progress.attribution_tab", "ui.progress.actuals_tab", "ui.import_wizard",
               "ui.help")


def _loaded_after(code: str) -> tuple[set[str], str]:
    """Run ``code`` in a fresh interpreter; the modules it loaded, and its stdout."""
    probe = (f"{code}\nimport sys, json\n"
             "sys.stderr.write('MODULES' + json.dumps(sorted(sys.modules)))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    modules = json.loads(done.stderr.rpartition("MODULES")[2])
    return set(modules), done.stdout


def _offending(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_cli_run_imports_no_pandas_matplotlib_openpyxl_or_analysis_code():
    modules, out = _loaded_after(
        "from planner.cli import main\n"
        f"assert main(['run', {str(SAMPLE_WORKBOOK)!r}, '--json']) == 0")
    assert json.loads(out)["scenarios"]            # it did run and print the projection
    assert "numpy" in modules and "planner.model.evaluate" in modules
    assert _offending(modules, HEAVY + ANALYSIS) == []


def test_app_start_up_imports_no_pandas_matplotlib_or_other_tabs():
    modules, out = _loaded_after(
        "from ui.benchmark import startup_probe\n"
        "window = startup_probe()\n"
        "print(list(window.pages.built()))")
    assert json.loads(out.strip().replace("'", '"')) == ["overview"]
    assert "ui.overview.overview" in modules and "PySide6.QtCharts" in modules
    assert _offending(modules, HEAVY + ANALYSIS + TAB_MODULES) == []


def test_bare_window_probe_loads_nothing_of_the_app():
    modules, _ = _loaded_after("from ui.benchmark import bare_window_probe\n"
                               "bare_window_probe()")
    assert "PySide6.QtCharts" in modules and "PySide6.QtWidgets" in modules
    assert _offending(modules, ("numpy", "models", "planner", "ui.app", "ui.main_window")) == []


def test_skeleton_probe_draws_its_window_with_numpy_and_nothing_of_the_app():
    """The floor under startup_ratio: the app's make-up, none of its code."""
    modules, out = _loaded_after("from benchmarks.skeleton_window import skeleton_probe\n"
                                 "w = skeleton_probe()\n"
                                 "charts = w.centralWidget().widget(0).findChildren("
                                 "__import__('PySide6.QtCharts').QtCharts.QChartView)\n"
                                 "print(w.isVisible(), w.centralWidget().count(), "
                                 "[len(c.chart().series()) for c in charts])")
    assert out.split() == ["True", "17", "[7,", "8]"]
    assert "numpy" in modules and "PySide6.QtCharts" in modules
    assert _offending(modules, ("models", "planner", "ui", "pandas", "matplotlib")) == []


# -- lazy tabs -----------------------------------------------------------------------------
def _shown(window, key: str):
    """The widget inside the scroll area of tab ``key``, or None while it is unbuilt."""
    return window.tabs.widget(window.tab_keys.index(key)).widget()


def test_only_the_overview_is_built_at_start(window):
    assert list(window.pages.built()) == ["overview"]
    assert window.overview is window.pages["overview"]
    assert list(window.pages) == window.tab_keys == tab_registry.keys()
    assert len(window.pages) == len(window.tab_keys) and "growth" in window.pages
    assert all(_shown(window, k) is None for k in window.tab_keys if k != "overview")


def test_a_tab_is_built_when_first_shown_and_then_kept(window):
    window.show_tab("growth")
    panel = window.pages.built()["growth"]
    assert _shown(window, "growth") is panel and window.tabs.currentIndex() == \
        window.tab_keys.index("growth")
    assert panel.isVisible() and panel.models[0].rowCount() > 0
    window.show_tab("overview")
    window.show_tab("growth")
    assert window.pages["growth"] is panel          # built once


def test_reading_pages_builds_without_switching(window):
    current = window.tabs.currentIndex()
    panel = window.pages["sensitivity"]
    assert window.pages.is_built("sensitivity") and _shown(window, "sensitivity") is panel
    assert window.tabs.currentIndex() == current
    assert window.page(window.tab_keys.index("sensitivity")) is panel
    with pytest.raises(KeyError):
        window.pages["no such tab"]


def test_next_tab_key_builds_the_tab_it_moves_to(window, qtbot):
    from PySide6.QtCore import Qt
    window.show_tab("overview")
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    key = window.tab_keys[1]
    assert window.tabs.currentIndex() == 1 and _shown(window, key) is window.pages[key]


def test_a_lazily_built_tab_is_wired_to_the_window(window):
    panel = window.pages["montecarlo"]
    heard = []
    window.overview.remember_probability = lambda scenario, p: heard.append((scenario, p))
    panel.probabilityComputed.emit(window.session.active_scenario, 0.625)
    assert heard == [(window.session.active_scenario, pytest.approx(0.625))]
    watched = []
    window.task_bar.watch = watched.append    # read when the tab is wired, i.e. built
    task = object()
    window.pages["goalseek"].taskStarted.emit(task)
    assert watched == [task]
    growth = window.pages["growth"]
    growth.editRefused.emit("refused in a lazy tab")
    assert window.statusBar().currentMessage() == "refused in a lazy tab"


def test_language_switch_rebuilds_only_the_overview_and_the_shown_tab(window):
    window.pages["projects"]
    window.show_tab("targets")
    window.set_language("en")
    assert window.tab_keys[window.tabs.currentIndex()] == "targets"
    assert list(window.pages.built()) == ["overview", "targets"]
    assert window.tabs.tabText(0) == "Overview"
    window.set_language("zh")


def test_screenshot_of_a_lazy_tab_shows_that_tab(tmp_path):
    from PySide6.QtGui import QImage
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    images = {}
    for key in ("overview", "growth", "montecarlo"):
        out = tmp_path / f"{key}.png"
        done = subprocess.run([sys.executable, "-m", "planner.cli", "gui", "--lang", "en",
                               "--tab", key, "--size", "1366x768", "--screenshot", str(out)],
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        images[key] = QImage(str(out))
        assert (images[key].width(), images[key].height()) == (1366, 768)
    # the area right of the scenario dock differs from tab to tab and is not blank
    crops = {k: im.copy(400, 120, 900, 560).scaled(90, 56) for k, im in images.items()}
    pixels = {k: [c.pixel(x, y) for x in range(90) for y in range(56)] for k, c in crops.items()}
    assert len(set(pixels["growth"])) > 5 and len(set(pixels["montecarlo"])) > 5
    assert pixels["growth"] != pixels["overview"] != pixels["montecarlo"]


def test_whole_process_probes_time_both_windows_the_same_way():
    sys.path.insert(0, str(ROOT))
    from benchmarks import processes
    app, bare = (processes.probe_command(p) for p in ("startup_probe", "bare_window_probe"))
    assert app[:2] == bare[:2] == [sys.executable, "-c"]
    assert app[2].replace("startup_probe", "P") == bare[2].replace("bare_window_probe", "P")
    out = processes.startup_and_bare(1)
    assert set(out) == {"startup_to_window_s", "bare_qt_window_s", "startup_ratio",
                        "startup_process_s", "bare_qt_process_s", "skeleton_window_s",
                        "skeleton_ratio"}
    assert 0 < out["bare_qt_window_s"] <= out["bare_qt_process_s"]
    assert 0 < out["startup_to_window_s"] <= out["startup_process_s"]
    assert out["startup_ratio"] == pytest.approx(out["startup_to_window_s"]
                                                 / out["bare_qt_window_s"])
    assert out["skeleton_ratio"] == pytest.approx(out["skeleton_window_s"]
                                                  / out["bare_qt_window_s"])
    skeleton = processes.probe_command("skeleton_probe")
    assert skeleton[2].replace("benchmarks.skeleton_window", "ui.benchmark").replace(
        "skeleton_probe", "P") == app[2].replace("startup_probe", "P")


def test_a_window_probe_that_fails_is_reported_not_timed(monkeypatch):
    sys.path.insert(0, str(ROOT))
    from benchmarks import processes
    monkeypatch.setattr(processes, "probe_command",
                        lambda probe: [sys.executable, "-c", "raise SystemExit(3)"])
    with pytest.raises(RuntimeError, match="exit 3"):
        processes.window_times("startup_probe")
    assert "PYTHONDONTWRITEBYTECODE" not in processes._environment()
    assert processes.cli_run_command()[-3:] == ["run", str(processes.SAMPLE), "--json"]


def test_status_bar_tooltip_lists_the_notices_when_hovered(window):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication
    bar = window.statusBar()
    from sample_data.leshan import leshan_document
    window.session.replace_document(leshan_document(), "")     # the v2 sample: P08 slipped
    expected = window.notice_tooltip()
    assert "P08" in expected and expected == "\n".join(window.notice_texts())
    assert "P08" in window.last_notice
    event = QHelpEvent(QHelpEvent.Type.ToolTip, QPoint(5, 5), bar.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(bar, event)
    assert bar.toolTip() == expected


def test_the_app_imports_numpy_and_the_model_before_pyside():
    """PySide's import hook reads the source of every module imported after PySide6:
    the app imports its Qt-free modules first, so NumPy's and the model's are not read."""
    _, out = _loaded_after(
        "from ui.benchmark import startup_probe\n"
        "window = startup_probe()\n"
        "import sys\n"
        "seen = sys.modules['shibokensupport.feature'].pyside_feature_dict\n"
        "print(len([m for m in seen if m.startswith('numpy')]))")
    # a module named in a `from X import` after PySide6 is still looked at (a few); before
    # the order was changed, all of NumPy's ~70 were read
    assert int(out.split()[-1]) <= 3


def test_the_command_line_parser_imports_no_command_code():
    modules, _ = _loaded_after("from planner.cli import build_parser\nbuild_parser()")
    assert "numpy" not in modules
    assert _offending(modules, ("planner.io.foreign", "planner.output",
                                "planner.analysis.montecarlo")) == []
