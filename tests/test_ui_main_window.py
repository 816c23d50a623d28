"""The main window: sample, overview updates with undo, refusals, language switch."""
from dataclasses import replace

import pytest

from models import Chain
from planner.io.reader import read_workbook
from sample_data.leshan import leshan_document
from tests.ui_support import session, ui_env, wait_refresh, window  # noqa: F401
from ui import app as ui_app
from ui.main_window import MainWindow
from ui.session import Session


def snapshot(w):
    o = w.overview
    return {
        "kpis": {k: (c.title.text(), c.value.text(), c.detail.text())
                 for k, c in o.kpis.cards.items()},
        "bars": [(s.label(), [s.at(i) for i in range(s.count())])
                 for s in o.chain_chart.bars.barSets()],
        "total": [(p.x(), p.y()) for p in o.chain_chart.total.points()],
        "scenarios": [(s.name(), [(p.x(), p.y()) for p in s.points()])
                      for s in o.scenario_chart.lines],
    }


def faster_pv(doc):
    pv = doc.chains[0]
    return doc.replace(chains=(replace(pv, growth=0.12),) + doc.chains[1:])


def test_window_opens_the_sample(ui_env, qtbot):
    doc, path = ui_app.sample_document()
    assert doc == leshan_document()
    assert doc.scenario_names == ["基准", "加速突破", "压力情景", "三大优势产业"]
    w = MainWindow(Session(doc, path))
    w.show()
    assert "乐山高新区" in w.windowTitle() and "千亿情景规划" in w.windowTitle()
    assert "leshan_2023.xlsx" in w.windowTitle()
    assert w.tabs.tabText(0) == "总览" and w.tabs.currentIndex() == 0
    w._closing = True
    w.close()
    w.deleteLater()


def test_window_shows_the_v1_sample_numbers(ui_env, qtbot, v1_workbook):
    """The KPI cards on the v1 sample (v1 golden values, tests/test_golden.py)."""
    w = MainWindow(Session(read_workbook(v1_workbook).document, str(v1_workbook)))
    w.show()
    kpi = w.overview.kpis.cards
    assert kpi["base"].value.text() == "560.00 亿元"
    assert kpi["value_n"].value.text() == "1,019.22 亿元"
    assert kpi["reached"].value.text() == "2027年"
    assert kpi["probability"].value.text() == "—"
    assert len(w.overview.chain_chart.bars.barSets()) == 9
    assert len(w.overview.scenario_chart.lines) == 4
    assert w.overview.chain_chart.target.points()[0].y() == 1000
    w._closing = True
    w.close()
    w.deleteLater()


def test_edit_updates_in_place_and_undo_restores_exactly(window, session, qtbot):
    chart = window.overview.chain_chart
    series = (chart.chart(), chart.bars, chart.total, *chart.bars.barSets())
    before = snapshot(window)
    count = window.overview.refresh_count
    assert session.apply(faster_pv(session.document), "growth") == []
    wait_refresh(qtbot, window, count)
    qtbot.wait(20)   # let any second, unwanted refresh happen before counting
    assert window.overview.refresh_count == count + 1   # one redraw per edit
    after = snapshot(window)
    assert after["kpis"]["value_n"] != before["kpis"]["value_n"]
    assert after["bars"][0] != before["bars"][0]
    assert after["bars"][1] == before["bars"][1]          # other chains unchanged
    assert after["total"] != before["total"]
    assert after["scenarios"] != before["scenarios"]
    # the same chart and series objects: updated in place, not rebuilt
    assert (chart.chart(), chart.bars, chart.total, *chart.bars.barSets()) == series
    assert window.isWindowModified()

    count = window.overview.refresh_count
    session.undo_stack.undo()
    wait_refresh(qtbot, window, count)
    assert snapshot(window) == before
    assert not window.isWindowModified()


def test_not_reached_is_said_in_words(window, session, qtbot):
    doc = session.document
    slow = doc.replace(chains=tuple(replace(c, growth=0.0) for c in doc.chains),
                       pipeline=(), incubation=())
    count = window.overview.refresh_count
    assert session.apply(slow, "slow") == []
    wait_refresh(qtbot, window, count)
    cards = window.overview.kpis.cards
    assert cards["reached"].value.text() == "预测期内未达到"
    assert "缺口" in cards["gap"].title.text()


def test_active_scenario_changes_overview(window, session, qtbot):
    count = window.overview.refresh_count
    session.set_active_scenario("压力情景")
    wait_refresh(qtbot, window, count)
    cards = window.overview.kpis.cards
    assert cards["reached"].value.text() == "2028年"
    assert cards["value_n"].value.text() == "792.39 亿元"
    assert "压力情景" in window.overview.chain_chart.chart().title()


def test_probability_card(window, session, qtbot):
    window.overview.set_probability(0.62)
    assert window.overview.kpis.cards["probability"].value.text() == "62.0%"
    window.overview.set_probability(0.0)
    assert window.overview.kpis.cards["probability"].value.text() == "<0.1%"
    window.overview.set_probability(None)
    assert window.overview.kpis.cards["probability"].value.text() == "—"
    window.overview.set_probability(0.3)
    count = window.overview.refresh_count
    session.set_active_scenario("加速突破")    # another scenario: the number is stale
    wait_refresh(qtbot, window, count)
    assert window.overview.kpis.cards["probability"].value.text() == "—"
    count = window.overview.refresh_count
    session.set_active_scenario("基准")        # back again: its last result is shown
    wait_refresh(qtbot, window, count)
    assert window.overview.kpis.cards["probability"].value.text() == "30.0%"
    count = window.overview.refresh_count
    session.apply(faster_pv(session.document), "growth")   # an edit: out of date
    wait_refresh(qtbot, window, count)
    assert window.overview.kpis.cards["probability"].value.text() == "—"


def test_refused_edit_is_shown_in_status_bar(window, session):
    bad = session.document.replace(chains=(Chain("坏链", base_output=-5.0),)
                                   + session.document.chains)
    issues = session.apply(bad, "add chain")
    assert issues
    assert "add chain" in window.statusBar().currentMessage()
    assert session.undo_stack.count() == 0


def test_language_switch_keeps_session(window, session, qtbot):
    session.apply(faster_pv(session.document), "growth")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "文件(&F)"
    window.set_language("en")
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File", "&Edit", "&Scenario", "&View", "&Help"]
    assert window.tabs.tabText(0) == "Overview"
    assert window.scenario_dock.windowTitle() == "Scenarios"
    assert window.overview.kpis.cards["base"].title.text() == "Output in 2023"
    assert "Qianyi Scenario Planner" in window.windowTitle()
    assert window.session is session and session.undo_stack.count() == 1
    assert window.overview.kpis.cards["value_n"].value.text() != "1,019.22 亿元"
    window.set_language("zh")
    assert window.tabs.tabText(0) == "总览"
    assert [a.text() for a in window.menuBar().actions()][0] == "文件(&F)"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_pages(lang):
    from ui import help as h
    assert "示意" in h.about_html("zh") and "illustrative" in h.about_html("en")
    assert "197.3" in h.about_html(lang)          # the article's facts are listed
    assert h.version()
    assert "亿元" in h.model_html(lang)


def test_language_switch_keeps_the_monte_carlo_result(window, session):
    from planner.analysis.montecarlo import MonteCarloParams, run_montecarlo
    from ui.analysis.montecarlo_panel import MonteCarloPanel
    result = run_montecarlo(session.document, session.active_scenario,
                            MonteCarloParams(200, 3, 0.03, 0.1, 0.0, 2.0))
    session.record_analysis("montecarlo", session.document, result)
    window.set_language("en")
    panel = next(window.page(i) for i in range(window.tabs.count())
                 if isinstance(window.page(i), MonteCarloPanel))
    assert panel.last_montecarlo is result and not panel.is_stale


def test_overview_behind_another_tab_redraws_when_shown(window, session, qtbot):
    """Typing in a grid does not redraw the hidden overview on every edit; turning back to
    it shows the current result."""
    overview = window.overview
    window.show_tab("growth")
    count = overview.refresh_count
    assert session.apply(faster_pv(session.document), "growth") == []
    assert overview.refresh_count == count
    assert overview.kpis.shown_result is not session.active_result
    window.show_tab("overview")
    qtbot.waitUntil(lambda: overview.refresh_count == count + 1, timeout=3000)
    assert overview.kpis.shown_result is session.active_result
