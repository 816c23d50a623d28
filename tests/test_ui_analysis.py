"""The analysis panels: goal seek, sensitivity, Monte Carlo, comparison (pytest-qt, offscreen)."""
import ast
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCharts import QAreaSeries
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from models.scenario_edits import new_child
from planner.analysis.compare import compare_scenarios
from planner.analysis.montecarlo import MonteCarloParams
from sample_data.leshan import leshan_document_v1
from tests.builders import chain, doc
from ui.analysis import (ComparePanel, GoalSeekPanel, MonteCarloPanel, SensitivityPanel,
                         analysis_tabs)
from ui.analysis import sensitivity_panel
from ui.analysis.sensitivity_model import SWING, SortRole
from ui.session import Session

ROOT, FAST, STRESS, THREE = leshan_document_v1().scenario_names
UI_ANALYSIS = Path(__file__).parents[1] / "ui" / "analysis"
TSV = Path(__file__).parents[1] / "ui" / "i18n" / "analysis_zh.tsv"


@pytest.fixture
def session(qtbot):
    return Session(leshan_document_v1())


def panel(qtbot, cls, session, show=False):
    w = cls(session)
    qtbot.addWidget(w)
    if show:
        w.resize(1100, 750)
        w.show()
    return w


def edit_target(session, value=1100.0):
    d = session.document
    return session.apply(d.replace(settings=replace(d.settings, target_value=value)), "edit")


# -- the tab list ------------------------------------------------------------------------
def test_analysis_tabs_in_order(session, qtbot):
    tabs = analysis_tabs(session)
    for _, w in tabs:
        qtbot.addWidget(w)
    assert [t for t, _ in tabs] == ["Goal seek", "Sensitivity", "Monte Carlo", "Compare"]
    assert [type(w) for _, w in tabs] == [GoalSeekPanel, SensitivityPanel, MonteCarloPanel,
                                          ComparePanel]
    assert hasattr(tabs[2][1], "probabilityComputed")


# -- goal seek -----------------------------------------------------------------------------
@pytest.mark.parametrize("lever", ["growth", "investment"])
def test_goal_seek_creates_child_reaching_target_as_one_undo_step(session, qtbot, lever):
    session.set_active_scenario(STRESS)
    w = panel(qtbot, GoalSeekPanel, session)
    w.set_lever(lever)
    with qtbot.waitSignal(w.finished, timeout=10000) as blocker:
        w.run()
    result = blocker.args[0]
    assert result.feasible and result.scenario == STRESS and result.value > 0
    assert "→" in w.before_after.text() and "1,000.00" in w.before_after.text()
    assert w.message.text() == result.message_zh     # the language is Chinese by default
    assert w.create_button.isEnabled()
    steps, names = session.undo_stack.count(), session.document.scenario_names

    with qtbot.waitSignal(w.scenarioCreated) as created:
        qtbot.mouseClick(w.create_button, Qt.MouseButton.LeftButton)
    child = created.args[0]
    assert session.undo_stack.count() == steps + 1
    assert session.document.scenario(child).parent == STRESS
    assert session.active_scenario == child
    assert session.results[child].value_at_target_year == pytest.approx(1000, abs=1e-6)
    assert len(session.document.overrides_of(child)) >= 1
    assert not w.create_button.isEnabled()              # no second copy of the same answer

    session.undo_stack.undo()
    assert session.document.scenario_names == names
    assert session.active_scenario == STRESS
    assert w.create_button.isEnabled()                  # the answer holds again


def test_goal_seek_speaks_english_in_the_english_interface(session, qtbot, monkeypatch):
    monkeypatch.setattr("ui.analysis.common.current_language", lambda: "en")
    w = panel(qtbot, GoalSeekPanel, session)
    with qtbot.waitSignal(w.finished, timeout=10000) as blocker:
        w.run()
    assert w.message.text() == blocker.args[0].message
    assert "percentage points" in w.value_label.text()


def test_investment_mix_weights_are_edited_in_the_model(session, qtbot):
    w = panel(qtbot, GoalSeekPanel, session)
    m = w.mix_model
    assert sum(m.mix().values()) == pytest.approx(1.0)       # default: by base output
    for row in range(m.rowCount()):
        assert m.setData(m.index(row, 2), "0")
    w.set_lever("investment")
    assert m.problem() and w.run() is None                    # all weights zero: refused
    assert m.setData(m.index(1, 2), "50")
    assert m.mix() == {session.document.chain_names[1]: 0.5}
    assert m.index(1, 3).data() == "100.0%"
    with qtbot.waitSignal(w.finished, timeout=10000) as blocker:
        w.run()
    assert blocker.args[0].mix == {session.document.chain_names[1]: 1.0}


def test_goal_seek_infeasible_answer_shows_no_number(qtbot):
    s = Session(doc([chain("A", 100, build_years=5)]))
    w = panel(qtbot, GoalSeekPanel, s)
    w.set_lever("investment")
    with qtbot.waitSignal(w.finished, timeout=10000) as blocker:
        w.run()
    assert not blocker.args[0].feasible
    assert "target not reachable" in w.before_after.text()
    assert w.value_label.text() == "No answer with this lever."
    assert not w.create_button.isEnabled()
    assert w.create_scenario() is None


def test_goal_seek_result_goes_stale_when_the_document_changes(session, qtbot):
    w = panel(qtbot, GoalSeekPanel, session, show=True)
    with qtbot.waitSignal(w.finished, timeout=10000):
        w.run()
    assert not w.banner.isVisible()
    assert edit_target(session) == []
    assert w.banner.isVisible() and not w.create_button.isEnabled()
    session.undo_stack.undo()
    assert not w.banner.isVisible() and w.create_button.isEnabled()


# -- sensitivity -------------------------------------------------------------------------
def test_tornado_table_sorted_by_swing_and_one_bar_per_lever(session, qtbot):
    w = panel(qtbot, SensitivityPanel, session)
    s = w.last_sensitivity
    assert s is not None and s.scenario == ROOT
    swings = [w.model.index(r, SWING).data(SortRole) for r in range(w.model.rowCount())]
    assert len(swings) == len(s.levers) and swings == sorted(swings, reverse=True)
    w.limit.setCurrentIndex(w.limit.findData(None))           # all levers
    assert w.chart.low_set.count() == w.chart.high_set.count() == len(s.levers)
    assert w.chart.bar_count == len(s.levers)
    labels = w.chart.axis_y.categories()
    assert len(labels) == len(s.levers)
    assert labels[-1] == s.levers[0].lever.name_zh            # largest swing on top
    w.limit.setCurrentIndex(0)
    assert w.chart.bar_count == 10


def test_sensitivity_recomputes_after_an_edit_when_auto(session, qtbot):
    w = panel(qtbot, SensitivityPanel, session, show=True)
    first = w.last_sensitivity
    with qtbot.waitSignal(w.finished, timeout=5000):
        edit_target(session, 900.0)
    assert w.last_sensitivity is not first and w.last_sensitivity.target_value == 900.0
    assert not w.banner.isVisible()
    w.auto.setChecked(False)
    edit_target(session, 950.0)
    qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=3000)
    assert w.is_stale


def test_sensitivity_of_a_big_document_runs_in_the_worker(session, qtbot, monkeypatch):
    monkeypatch.setattr(sensitivity_panel, "BACKGROUND_CELLS", 0)
    w = panel(qtbot, SensitivityPanel, session)
    assert w.last_sensitivity is None and not w.is_running    # nothing until it is shown
    with qtbot.waitSignal(w.finished, timeout=10000) as blocker:
        w.show()
        qtbot.waitUntil(lambda: w.is_running, timeout=3000)
    assert blocker.args[0].scenario == ROOT and not w.is_running
    assert w.chart.bar_count == 15


# -- Monte Carlo -----------------------------------------------------------------------------
def test_monte_carlo_runs_in_the_worker_and_emits_probability(session, qtbot):
    w = panel(qtbot, MonteCarloPanel, session, show=True)
    assert w.form.params() == MonteCarloParams.from_settings(session.document)
    w.form.draws.setValue(20000)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    progress, emitted = [], []
    w.probabilityComputed.connect(lambda *a: emitted.append(a))
    with qtbot.waitSignals([w.finished, w.probabilityComputed], timeout=30000):
        task = w.run()
        task.progressed.connect(progress.append)
        assert w.is_running and not w.run_button.isEnabled()
    timer.stop()
    assert ticks, "the GUI thread kept processing events while the worker ran"
    assert progress and progress[-1] == 1.0
    [(scenario, p)] = emitted
    r = w.last_montecarlo
    assert scenario == ROOT and p == r.prob_target and r.params.draws == 20000
    assert w.probability.text().endswith("%")
    series = w.fan.chart().series()
    assert sum(isinstance(s, QAreaSeries) for s in series) == 2
    assert w.fan.median.count() == len(r.years) and w.fan.target.count() == 2
    assert w.first_year.categories[-1] == "Not reached"
    total = sum(sum(s.at(i) for i in range(s.count())) for s in w.first_year.sets.values())
    assert total == pytest.approx(100.0)
    assert not w.is_stale and not w.banner.isVisible()
    edit_target(session)
    assert w.is_stale and w.banner.isVisible()
    assert w.last_montecarlo is r                             # kept, marked out of date


def test_monte_carlo_cancel_stops_without_a_result(session, qtbot):
    w = panel(qtbot, MonteCarloPanel, session)
    task = w.run(MonteCarloParams.from_settings(session.document, draws=1_000_000))
    with qtbot.waitSignal(task.progressed, timeout=10000):
        pass
    with qtbot.assertNotEmitted(w.finished), qtbot.assertNotEmitted(w.probabilityComputed):
        with qtbot.waitSignal(w.cancelled, timeout=10000):
            qtbot.mouseClick(w.cancel_button, Qt.MouseButton.LeftButton)
    assert w.last_montecarlo is None and not w.is_running
    assert w.run_button.isEnabled() and not w.cancel_button.isEnabled()


def test_monte_carlo_refuses_bad_parameters(session, qtbot):
    w = panel(qtbot, MonteCarloPanel, session)
    w.form.delay_mode.setValue(3)
    w.form.delay_max.setValue(1)
    assert w.run() is None and "delay_mode" in w.status.text()


# -- comparison --------------------------------------------------------------------------------
def test_comparison_shows_inherited_differences_of_a_child(session, qtbot):
    session.apply(new_child(session.document, STRESS, "child"), "add child", active="child")
    w = panel(qtbot, ComparePanel, session)
    qtbot.waitUntil(lambda: w.detail.findText("child") >= 0, timeout=3000)
    w.set_reference(ROOT)
    w.set_detail("child")
    expected = compare_scenarios(session.document, STRESS, ROOT)
    assert expected and w.assumptions_model.differences == expected
    rows = {(w.assumptions_model.index(r, 0).data(), w.assumptions_model.index(r, 1).data())
            for r in range(w.assumptions_model.rowCount())}
    assert ("阶段", "签约") in rows                         # labels from models.labels
    m = w.frame_model
    assert m.rowCount() == len(session.document.chains) + 1
    assert m.headerData(m.rowCount() - 1, Qt.Orientation.Vertical) == "Total"
    total_2027 = m.index(m.rowCount() - 1, m.frame.columns.get_loc(2027)).data(
        Qt.ItemDataRole.UserRole)
    res = session.results
    assert total_2027 == pytest.approx(res["child"].total[4] - res[ROOT].total[4])
    assert set(w.chart.lines) == set(session.document.scenario_names)
    w.set_checked([ROOT, "child"])
    assert set(w.chart.lines) == {ROOT, "child"}
    w.set_detail(ROOT)
    assert w.assumptions_model.rowCount() == 0


def test_comparison_follows_new_scenarios(session, qtbot):
    w = panel(qtbot, ComparePanel, session)
    w.show()
    with qtbot.waitSignal(w.refreshed, timeout=3000):
        session.apply(new_child(session.document, FAST, "more"), "add")
    assert "more" in w.checked() and "more" in w.chart.lines


def test_hidden_comparison_waits_until_shown(session, qtbot):
    w = panel(qtbot, ComparePanel, session)
    w.hide()
    refreshed = []
    w.refreshed.connect(lambda: refreshed.append(1))
    session.apply(new_child(session.document, FAST, "later"), "add")
    QApplication.processEvents()          # a scheduled refresh would run here
    assert refreshed == []
    with qtbot.waitSignal(w.refreshed, timeout=3000):
        w.show()
    assert "later" in w.checked()


# -- rendering and translations ------------------------------------------------------------------
def test_every_panel_renders(session, qtbot, tmp_path):
    for title, w in analysis_tabs(session):
        qtbot.addWidget(w)
        w.resize(1100, 750)
        w.show()
        image = w.grab()
        assert not image.isNull()
        assert image.save(str(tmp_path / f"{title}.png"))


def _tr_sources() -> set[str]:
    out = set()
    for path in UI_ANALYSIS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
                arg = node.args[0]
                if name == "tr" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    out.add(arg.value)
    return out


def test_every_string_has_a_chinese_translation():
    rows = [line.split("\t") for line in TSV.read_text(encoding="utf-8").splitlines()]
    assert all(len(r) == 2 and r[1].strip() for r in rows)
    table = dict(rows)
    missing = _tr_sources() - set(table)
    assert not missing
    for source, zh in table.items():   # placeholders survive translation
        assert {p for p in ("%1", "%2", "%3", "%4", "%5") if p in source} == \
               {p for p in ("%1", "%2", "%3", "%4", "%5") if p in zh}
