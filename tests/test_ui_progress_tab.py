"""The 进度 tab: YTD against the decomposed target, time progress, the seasonal
expectation, ahead/behind in points (green/red), the estimate and the chart."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from sample_data.leshan import leshan_document, leshan_document_v1
from ui.progress.common import BAD, GOOD
from ui.progress.progress_tab import PARK, ProgressTabWidget
from ui.session import Session
from tests.ui_support import ui_env  # noqa: F401


@pytest.fixture
def tab(ui_env, qtbot):  # noqa: F811
    w = ProgressTabWidget(Session(leshan_document()))
    qtbot.addWidget(w)
    return w


def _cell(model, row: str, column: int):
    rows = [model.row_header(r) for r in range(model.rowCount())]
    return model.index(rows.index(row), column)


def test_park_row_matches_the_v2_golden_values(tab):
    m = tab.model
    assert m.data(_cell(m, "园区合计", 0)) == "540.24"       # YTD
    assert m.data(_cell(m, "园区合计", 1)) == "870.00"       # target 2026
    assert m.data(_cell(m, "园区合计", 2)) == "62.1%"        # completion
    assert m.data(_cell(m, "园区合计", 3)) == "83.3%"        # time progress
    assert m.data(_cell(m, "园区合计", 4)) == "−21.2 个百分点"
    assert m.data(_cell(m, "园区合计", 5)) == "691.66"       # seasonal expectation
    assert m.data(_cell(m, "园区合计", 6)) == "−17.4 个百分点"
    assert m.data(_cell(m, "园区合计", 7)) == "679.53"       # estimate
    assert m.data(_cell(m, "园区合计", 4), Qt.ItemDataRole.ForegroundRole).color() == BAD
    assert "2026年1-10月" in tab.heading.text() and "62.1%" in tab.heading.text()
    assert not tab.notice.isVisibleTo(tab)


def test_a_chain_ahead_is_green(tab):
    s = tab.session
    p = s.evaluation.progress
    m = tab.model
    for c, chain in enumerate(p.chains):
        expected = GOOD if p.ahead_pp[c] >= 0 else BAD
        assert m.data(_cell(m, chain, 4), Qt.ItemDataRole.ForegroundRole).color() == expected


def test_edit_moves_the_progress(tab):
    s = tab.session
    before = tab.refresh_count
    doc = s.document
    from models.actuals_edits import set_monthly
    assert s.apply(set_monthly(doc, "晶硅光伏", 2026, 10, 24.5), "edit") == []
    assert tab.refresh_count > before
    assert tab.model.data(_cell(tab.model, "园区合计", 0)) == "550.24"
    s.undo_stack.undo()
    assert tab.model.data(_cell(tab.model, "园区合计", 0)) == "540.24"


def test_chart_shows_cumulative_actual_and_target_months(tab):
    chart = tab.chart
    actual = [p.y() for p in chart.actual.points()]
    assert len(actual) == 11 and actual[0] == 0.0
    assert actual[-1] == pytest.approx(540.24)
    target = [p.y() for p in chart.target.points()]
    assert len(target) == 13 and target[-1] == pytest.approx(870.0)
    est = [p.y() for p in chart.estimate.points()]
    assert est[-1] == pytest.approx(679.5345, abs=1e-3)


def test_clicking_a_chain_draws_its_chart(tab):
    tab._on_row(_cell(tab.model, "晶硅光伏", 0))
    assert "晶硅光伏" in tab.chart.chart().title()
    assert tab.chart.target.points()[-1].y() == pytest.approx(190.0)
    tab._on_row(_cell(tab.model, "园区合计", 0))
    assert tab.chart_chain == PARK


def test_no_monthly_data_is_said_plainly(ui_env, qtbot):  # noqa: F811
    doc = leshan_document()
    doc = doc.replace(monthly=tuple(r for r in doc.monthly if r.year != 2026))
    w = ProgressTabWidget(Session(doc))
    qtbot.addWidget(w)
    assert w.notice.isVisibleTo(w)
    assert "尚无月度数据" in w.notice.text()
    assert not w.view.isVisibleTo(w)
    assert not w.chart.actual.isVisible()


def test_v1_document_without_actuals_renders(ui_env, qtbot):  # noqa: F811
    w = ProgressTabWidget(Session(leshan_document_v1()))
    qtbot.addWidget(w)
    assert "尚无月度数据" in w.notice.text()
    assert np.isfinite(w.chart.axis_y.max())


def test_a_hidden_tab_redraws_when_shown_not_on_every_edit(ui_env, qtbot):  # noqa: F811
    """In a shown window the progress tabs behind another tab skip edits and redraw with
    the current results when the planner turns to them."""
    from models.actuals_edits import set_monthly
    from ui.main_window import MainWindow
    s = Session(leshan_document())
    window = MainWindow(s, autosave=False, remember_size=False)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.show_tab("overview")
        tab = next(p for p in window.pages.values() if isinstance(p, ProgressTabWidget))
        before = tab.refresh_count
        for value in (24.5, 25.5, 26.5):
            assert s.apply(set_monthly(s.document, "晶硅光伏", 2026, 10, value), "edit") == []
        assert tab.refresh_count == before            # not drawn while hidden
        key = next(k for k, p in window.pages.items() if p is tab)
        window.show_tab(key)
        qtbot.waitUntil(lambda: tab.refresh_count == before + 1, timeout=3000)
        assert tab.model.data(_cell(tab.model, "园区合计", 0)) == "552.24"
        s.undo_stack.undo()                           # shown: drawn at once
        assert tab.model.data(_cell(tab.model, "园区合计", 0)) == "551.24"
    finally:
        window._closing = True
        window.close()
