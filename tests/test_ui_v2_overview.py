"""The v2 overview and app wiring: history marks, the plan path, "截至2026年10月", the gap
from the anchor, slipped projects flagged and noticed, the fan chart's actual points, the
four new tabs registered for ``qianyi gui --tab``."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from sample_data.leshan import leshan_document, leshan_document_v1
from ui import tab_registry
from ui.editors.projects import ProjectsModel
from ui.main_window import MainWindow
from ui.session import Session
from tests.ui_support import ui_env  # noqa: F401

NEW_TABS = ("actuals", "progress", "targets", "attribution")


@pytest.fixture
def session(ui_env):  # noqa: F811
    """The v2 sample (November 2026: actuals to 2025, Jan–Oct 2026, targets)."""
    return Session(leshan_document())


@pytest.fixture
def window(session, qtbot):
    w = MainWindow(session)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w._closing = True
    w.close()
    w.deleteLater()


def test_session_exposes_the_evaluation(session):  # noqa: F811
    ev = session.evaluation
    assert ev.document is session.document
    assert ev.history.actual_year == 2025 and ev.history.months == 10
    assert session.results is ev.results
    assert session.active_result.anchor_year == 2026


def test_kpi_cards_say_where_the_year_stands(window):  # noqa: F811
    card = window.overview.kpis.cards["base"]
    assert card.title.text() == "截至2026年10月"
    assert card.value.text() == "540.24 亿元"
    assert "679.53 亿元" in card.detail.text()


def test_gap_from_the_anchor_is_shown(window):  # noqa: F811
    text = window.overview.anchor_line.text()
    assert text.startswith("从2026年预计值出发，2027年需增长 47.2%")
    assert "36.2%" in text


def test_chart_draws_actual_years_plan_path_and_reforecast(window):  # noqa: F811
    chart = window.overview.chain_chart
    r = window.session.active_result
    assert [p.y() for p in chart.actual.points()] == pytest.approx([471.5, 522.6])
    assert [p.y() for p in chart.estimate.points()] == pytest.approx([r.total[3]])
    assert chart.plan.isVisible()
    assert chart.plan.pen().style() == Qt.PenStyle.DashLine
    assert [p.y() for p in chart.plan.points()] == pytest.approx(list(r.plan_total))
    assert [p.y() for p in chart.total.points()] == pytest.approx(list(r.total))
    assert len(window.overview.scenario_chart.actual.points()) == 2


def test_a_huge_value_redraws_the_charts_with_a_few_ticks(window):  # noqa: F811
    """A mistyped 10,000,000-fold base output: the charts follow at once with round
    ticks (the window used to freeze making hundreds of millions of them)."""
    from models.edits import set_value
    session = window.session
    doc = session.document
    first = doc.chains[0]
    edited = set_value(doc, doc.scenario_names[0], "chains", doc.chain_names[0], "base_output",
                       first.base_output * 1e7)
    assert session.apply(edited, "edit") == []
    ov = window.overview
    peak = max(float(r.total.max()) for r in session.results.values())
    for axis in (ov.chain_chart.axis_y, ov.scenario_chart.axis_y):
        assert axis.max() >= float(session.active_result.total.max())
        assert axis.max() / axis.tickInterval() <= 10
    assert ov.scenario_chart.axis_y.max() >= peak


def _legend_fits(view):
    legend = view.chart().legend()
    bottom = legend.mapRectToScene(legend.boundingRect()).bottom()
    rows = view.legend_entries()
    return len(rows) == len(legend.markers()) and max(r.bottom() for r in rows) <= bottom + 0.5


def test_every_legend_entry_is_in_sight_on_a_small_screen(window, qtbot):  # noqa: F811
    """At 1366×768 the output chart is too short for its legend at the normal size: the
    legend's font shrinks until the last chain is in sight, and grows back with room."""
    from ui.overview.charts import LEGEND_MIN_POINTS
    chart = window.overview.chain_chart
    legend = chart.chart().legend()
    base = legend.font().pointSizeF()
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: _legend_fits(chart) and not chart._legend_fit.isActive())
    assert LEGEND_MIN_POINTS <= legend.font().pointSizeF() < base
    assert len(chart.legend_entries()) == len(legend.markers()) >= 15
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: legend.font().pointSizeF() == base and _legend_fits(chart))
    scenarios = window.overview.scenario_chart
    assert _legend_fits(scenarios)


def test_v1_document_has_no_history_marks(ui_env, qtbot):  # noqa: F811
    from ui.overview import OverviewTab
    w = OverviewTab(Session(leshan_document_v1()))
    qtbot.addWidget(w)
    assert not w.chain_chart.actual.points() and not w.chain_chart.plan.isVisible()
    assert w.kpis.cards["base"].title.text() == "2023年产值"
    assert not w.anchor_line.text()


def test_slipped_project_is_flagged_with_a_reason(session, qtbot):  # noqa: F811
    model = ProjectsModel(session)
    row = [model.row_key(r) for r in range(model.rowCount())].index("P08")
    col = [model.column_key(c) for c in range(model.columnCount())].index("id")
    index = model.index(row, col)
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "2026" in tip and "在建" in tip
    other = model.index(0, col)
    assert model.data(other, Qt.ItemDataRole.DecorationRole) is None
    # producing it removes the flag; undo brings it back
    from models.edits import set_project_field
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append(a.row()))
    assert session.apply(set_project_field(session.document, "P08", "stage", "production"),
                         "stage") == []
    assert row in changed
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None
    session.undo_stack.undo()
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None


def test_notice_lists_slipped_projects_when_a_document_opens(window):  # noqa: F811
    assert "P08" in window.last_notice
    assert "P08" in window.statusBar().currentMessage()
    v2 = window.session.document
    window.session.replace_document(leshan_document_v1())
    assert "P08" not in window.last_notice
    assert "P08" not in window.statusBar().currentMessage()
    window.session.replace_document(v2)
    assert "P08" in window.statusBar().currentMessage()


def test_new_tabs_are_registered_and_shown(window, qtbot):  # noqa: F811
    for key in NEW_TABS:
        assert key in tab_registry.keys()
        window.show_tab(key)
        assert window.tabs.currentWidget() is not None
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for title in ("实绩", "进度", "目标分解", "产值来源"):
        assert title in titles


def test_fan_chart_shows_actual_years_as_points(session, qtbot):  # noqa: F811
    from planner.analysis.montecarlo import MonteCarloParams, run_montecarlo
    from ui.analysis.montecarlo_panel import MonteCarloPanel
    w = MonteCarloPanel(session)
    qtbot.addWidget(w)
    params = MonteCarloParams.from_settings(session.document)
    import dataclasses
    params = dataclasses.replace(params, draws=200)
    result = run_montecarlo(session.document, session.active_scenario, params)
    w._snapshot.take(session.document, session.active_scenario)
    w._show(result)
    assert [p.x() for p in w.fan.actual.points()] == [2024.0, 2025.0]
    assert w.fan.actual.isVisible()


@pytest.mark.parametrize("key", NEW_TABS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_gui_tab_screenshot(tmp_path, key, lang):
    out = tmp_path / f"{key}_{lang}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "planner.cli", "gui", "--lang", lang,
                           "--tab", key, "--size", "1366x768", "--screenshot", str(out)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
