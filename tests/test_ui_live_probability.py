"""The live 达标概率 card: debounced, in a worker, cancelled by the next edit, never stale."""
import threading
from dataclasses import replace

import pytest

from planner.analysis import montecarlo as montecarlo_module
from planner.analysis.montecarlo import MonteCarloParams, run_montecarlo
from sample_data.leshan import leshan_document_v1
from tests.ui_support import ui_env  # noqa: F401
from ui.overview.kpis import probability_text
from ui.overview.live_probability import FAILED, FRESH, UPDATING, Job, Outcome
from ui.overview.overview import OverviewTab
from ui.session import Session

WAIT = 30000   # ms; a shared 2-core machine can be slow, the waits end as soon as it is done


def small_document(draws: int = 400):
    doc = leshan_document_v1()
    return doc.replace(settings=replace(doc.settings, mc_draws=draws))


def with_growth(doc, growth: float):
    first = doc.chains[0]
    return doc.replace(chains=(replace(first, growth=growth),) + doc.chains[1:])


def expected(doc, scenario: str) -> float:
    return run_montecarlo(doc, scenario, MonteCarloParams.from_settings(doc)).prob_target


@pytest.fixture
def session(ui_env):
    return Session(small_document())


@pytest.fixture
def overview(session, qtbot):
    tab = OverviewTab(session)
    qtbot.addWidget(tab)
    shown = []   # every state the card took, with what was on screen then
    tab.live.changed.connect(lambda: shown.append(
        (tab.live.state, session.document, session.active_scenario)))
    tab.shown = shown
    yield tab
    tab.live.stop()


def settle(qtbot, overview):
    qtbot.waitUntil(lambda: overview.live.state.status == FRESH
                    and not overview.live.is_pending, timeout=WAIT)


def card(overview):
    c = overview.kpis.cards["probability"]
    return c.value.text(), c.detail.text()


def assert_never_stale(overview):
    """Every value the card showed as current was the true result for what was on screen."""
    for state, doc, scenario in overview.shown:
        if state.status == FRESH:
            assert state.probability == expected(doc, scenario)


def test_card_shows_the_simulated_probability_by_itself(session, overview, qtbot):
    assert overview.live.state.status == UPDATING and card(overview)[0] == "—"
    settle(qtbot, overview)
    p = expected(session.document, session.active_scenario)
    assert overview.live.current == p
    assert card(overview)[0] == probability_text(p)
    assert "400" in overview.kpis.cards["probability"].toolTip()
    assert overview.live.runs == 1


def test_quick_edits_run_once(session, overview, qtbot):
    settle(qtbot, overview)
    runs = overview.live.runs
    for i in range(5):     # no event loop between them: the pause timer restarts each time
        assert session.apply(with_growth(session.document, 0.10 + i / 100), f"edit {i}") == []
        assert overview.live.state.status == UPDATING
    settle(qtbot, overview)
    assert overview.live.runs == runs + 1
    assert overview.live.current == expected(session.document, session.active_scenario)
    assert_never_stale(overview)


def test_an_edit_marks_the_card_updating_at_once(session, overview, qtbot):
    settle(qtbot, overview)
    before = card(overview)[0]
    session.apply(with_growth(session.document, 0.2), "edit")
    # synchronously, before any event: the old figure greyed, never shown as current
    assert card(overview) == (before, "计算中…")
    assert "9AA5B1" in overview.kpis.cards["probability"].value.styleSheet()
    assert overview.live.current is None
    settle(qtbot, overview)
    assert card(overview)[1] != "计算中…"
    assert overview.live.current == expected(session.document, session.active_scenario)


def test_an_edit_cancels_the_running_simulation(session, overview, qtbot, monkeypatch):
    settle(qtbot, overview)
    started, release = threading.Event(), threading.Event()
    real = run_montecarlo
    calls = []

    def held_then_real(doc, scenario, params, progress=None):
        calls.append(doc)
        if len(calls) == 1:          # the first run ends only when the test says so
            started.set()
            release.wait(WAIT / 1000)
            result = real(doc, scenario, params)
            return replace(result, totals=result.totals * 0 + 1e9)   # P = 1: unmistakable
        return real(doc, scenario, params, progress=progress)

    monkeypatch.setattr(montecarlo_module, "run_montecarlo", held_then_real)
    first = with_growth(session.document, 0.15)
    session.apply(first, "first")
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    task = overview.live.task
    assert task is not None and task.running
    session.apply(with_growth(session.document, 0.16), "second")
    assert task.progress.cancelled            # the edit cancelled the run in flight
    with qtbot.waitSignal(task.done, timeout=WAIT):
        release.set()
    assert overview.live.state.status == UPDATING     # its result was dropped
    assert card(overview)[0] != ">99.9%"
    settle(qtbot, overview)
    assert overview.live.current == expected(session.document, session.active_scenario)
    assert overview.live.known(first, session.active_scenario) is None
    assert_never_stale(overview)


def test_a_result_for_another_document_is_never_shown(session, overview, qtbot):
    settle(qtbot, overview)
    old = session.document
    session.apply(with_growth(old, 0.3), "edit")
    job = Job(old, session.active_scenario, MonteCarloParams.from_settings(old))
    overview.live._on_finished(Outcome(job, 0.987))       # a late result of the old one
    assert overview.live.state.status == UPDATING
    assert card(overview)[0] != "98.7%"
    settle(qtbot, overview)
    assert_never_stale(overview)


def test_scenario_switch_and_back(session, overview, qtbot):
    settle(qtbot, overview)
    first = session.active_scenario
    p_first = overview.live.current
    other = session.document.scenario_names[2]
    session.set_active_scenario(other)
    assert overview.live.state.status == UPDATING and card(overview)[0] == "—"
    settle(qtbot, overview)
    assert overview.live.current == expected(session.document, other)
    runs = overview.live.runs
    session.set_active_scenario(first)        # known: shown at once, nothing run again
    assert overview.live.state.status == FRESH and overview.live.current == p_first
    assert overview.live.runs == runs and not overview.live.is_pending
    session.set_active_scenario(other)
    assert overview.live.state.probability == expected(session.document, other)
    assert_never_stale(overview)


def test_undo_shows_the_earlier_result_at_once(session, overview, qtbot):
    settle(qtbot, overview)
    p = overview.live.current
    session.apply(with_growth(session.document, 0.2), "edit")
    settle(qtbot, overview)
    runs = overview.live.runs
    session.undo_stack.undo()
    assert overview.live.state == replace(overview.live.state, probability=p, status=FRESH)
    assert overview.live.runs == runs


def test_a_failed_simulation_says_so(session, overview, qtbot, monkeypatch):
    settle(qtbot, overview)

    def broken(doc, scenario, params, progress=None):
        raise ValueError("need 0 ≤ delay_mode ≤ delay_max")

    monkeypatch.setattr(montecarlo_module, "run_montecarlo", broken)
    session.apply(with_growth(session.document, 0.2), "edit")
    qtbot.waitUntil(lambda: overview.live.state.status == FAILED, timeout=WAIT)
    value, detail = card(overview)
    assert value == "—" and detail == "模拟未能完成"
    assert "Traceback" not in overview.kpis.cards["probability"].toolTip()


def test_monte_carlo_tab_and_card_agree(ui_env, qtbot):
    """A default run of the Monte Carlo tab gives the card's number (same parameters and
    seed); a run with other parameters stays on its tab."""
    from ui.analysis.montecarlo_panel import MonteCarloPanel
    from ui.main_window import MainWindow
    session = Session(small_document())
    w = MainWindow(session, autosave=False)
    w.show()
    try:
        live = w.overview.live
        qtbot.waitUntil(lambda: live.state.status == FRESH and not live.is_pending,
                        timeout=WAIT)
        panel = next(w.page(i) for i in range(w.tabs.count())
                     if isinstance(w.page(i), MonteCarloPanel))
        with qtbot.waitSignal(panel.finished, timeout=WAIT) as got:
            panel.run()
        assert got.args[0].prob_target == live.current
        runs = live.runs
        session.apply(with_growth(session.document, 0.2), "edit")
        with qtbot.waitSignal(panel.finished, timeout=WAIT) as got:
            panel.run()          # the tab's default run takes the card's place
        assert live.state.status == FRESH and live.current == got.args[0].prob_target
        qtbot.waitUntil(lambda: not live.is_pending, timeout=WAIT)
        assert live.runs <= runs + 1
        shown = live.current
        with qtbot.waitSignal(panel.finished, timeout=WAIT):
            panel.run(MonteCarloParams(50, 9, 0.5, 0.5, 0.0, 1.0))
        assert live.current == shown       # other parameters: not the card's number
        w.set_language("en")               # the card keeps its result over a rebuild
        assert w.overview.live.current == shown
        qtbot.waitUntil(lambda: w.overview.kpis.cards["probability"].detail.text()
                        .startswith("share of simulations"), timeout=WAIT)
    finally:
        w._closing = True
        w.close()
        w.deleteLater()


def test_another_file_shows_no_earlier_figure(session, overview, qtbot):
    settle(qtbot, overview)
    session.replace_document(small_document(300), "")
    assert overview.live.state.status == UPDATING and card(overview)[0] == "—"
    settle(qtbot, overview)
    assert overview.live.current == expected(session.document, session.active_scenario)


def test_the_first_run_waits_for_the_event_loop(session, qtbot):
    """The card is built with the window; its first run is scheduled from the event loop,
    so no simulation competes with building and drawing the window."""
    tab = OverviewTab(session)
    qtbot.addWidget(tab)
    live = tab.live
    assert live.is_pending and not live.timer.isActive() and live.runs == 0
    assert live.state.status == UPDATING
    qtbot.waitUntil(lambda: live.state.status == FRESH and not live.is_pending, timeout=WAIT)
    assert live.runs == 1
    live.stop()


def test_a_change_before_the_event_loop_schedules_once(session, qtbot):
    tab = OverviewTab(session)
    qtbot.addWidget(tab)
    live = tab.live
    session.set_active_scenario(session.document.scenarios[-1].name)   # before the loop ran
    assert live.timer.isActive()
    qtbot.waitUntil(lambda: live.state.status == FRESH and not live.is_pending, timeout=WAIT)
    assert live.runs == 1
    live.stop()
