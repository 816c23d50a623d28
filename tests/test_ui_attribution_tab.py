"""The 产值来源 tab: computed on demand, a waterfall that adds up, the per-chain table,
and for a child scenario one bar per override row in words."""
from __future__ import annotations

import pytest

from models.document import Override
from sample_data.leshan import leshan_document, leshan_document_v1
from ui import language
from ui.progress import attribution_tab
from ui.progress.attribution_tab import AttributionTab
from ui.progress.override_words import describe_effect
from ui.session import Session
from tests.ui_support import ui_env  # noqa: F401


@pytest.fixture
def tab(ui_env, qtbot):  # noqa: F811
    w = AttributionTab(Session(leshan_document()))
    qtbot.addWidget(w)
    return w


def test_not_computed_until_shown(tab, qtbot):
    assert tab.compute_count == 0
    with qtbot.waitSignal(tab.computed):
        tab.show()
    assert tab.compute_count == 1
    # an edit while visible recomputes once; the same state is not computed again
    tab.update_now()
    assert tab.compute_count == 1


def test_waterfall_adds_up_to_the_target_year_output(tab, qtbot):
    with qtbot.waitSignal(tab.computed):
        tab.show()
    steps = tab.waterfall.steps[::-1]      # drawn bottom-up
    r = tab.session.active_result
    assert steps[0].kind == "total" and steps[0].label == "2026年预计"
    assert steps[0].value == pytest.approx(679.5345, abs=1e-3)
    end = next(s for s in steps if s.kind == "total" and s is not steps[0])
    assert end.value == pytest.approx(r.value_at_target_year)
    moves = [s.value for s in steps[1:steps.index(end)]]
    assert steps[0].value + sum(moves) == pytest.approx(end.value)
    if r.gap_at_target_year > 0:
        assert steps[-1].kind == "gap"
        assert steps[-1].value == pytest.approx(r.gap_at_target_year)
    labels = [s.label for s in steps]
    assert "存量增长：晶硅光伏" in labels and "项目：投产" in labels


def test_per_chain_table_has_the_park_total(tab, qtbot):
    with qtbot.waitSignal(tab.computed):
        tab.show()
    m = tab.model
    last = m.rowCount() - 1
    assert m.row_header(last) == "园区合计"
    cols = [m.column_header(c) for c in range(m.columnCount())]
    assert m.data(m.index(last, cols.index("起点"))) == "679.53"


def test_child_scenario_explains_each_override_row(tab, qtbot):
    s = tab.session
    s.set_active_scenario("加速突破")
    with qtbot.waitSignal(tab.computed):
        tab.show()
    assert tab.effects_chart.isVisibleTo(tab)
    steps = tab.effects_chart.steps[::-1]
    own = s.document.overrides_of("加速突破")
    assert len(steps) == len(own) + 2
    parent, child = s.results["基准"], s.results["加速突破"]
    assert steps[0].value == pytest.approx(parent.value_at_target_year)
    assert steps[-1].value == pytest.approx(child.value_at_target_year)
    assert steps[0].value + sum(x.value for x in steps[1:-1]) == pytest.approx(steps[-1].value)
    assert all("：" in x.label and "亿元" in x.label for x in steps[1:-1])


def test_root_scenario_has_no_override_waterfall(tab, qtbot):
    with qtbot.waitSignal(tab.computed):
        tab.show()
    assert not tab.effects_chart.isVisibleTo(tab)


def test_override_row_in_words(ui_env):  # noqa: F811
    o = Override("加速突破", "prices", "晶硅光伏", "index", 0.85, "2025-", "set")
    assert describe_effect(o, 89.5061) == "晶硅光伏价格指数 2025年起设定为 0.85：+89.5亿元"
    language.install("en")
    assert describe_effect(o, -4.26) == "晶硅光伏 price index from 2025 set to 0.85: −4.3 亿元"
    g = Override("x", "growth", "*", "growth", 0.02, "2026-2030", "add")
    assert describe_effect(g, 0) == "every chain growth 2026–2030 plus 2 pp: 0.0 亿元"
    language.install("zh")
    assert describe_effect(g, 12.34) == "所有产业链增长率 2026–2030年增加 2 个百分点：+12.3亿元"


def test_big_documents_are_computed_in_a_worker(tab, qtbot, monkeypatch):
    monkeypatch.setattr(attribution_tab, "BACKGROUND_WORK", 0)
    with qtbot.waitSignal(tab.computed, timeout=10000):
        tab.show()
    assert tab.compute_count == 1
    assert tab.waterfall.steps


def test_target_year_at_the_anchor_is_said_plainly(ui_env, qtbot):  # noqa: F811
    doc = leshan_document()
    from models.edits import set_setting
    doc = set_setting(doc, "target_year", 2026)
    doc = doc.replace(targets=tuple(t for t in doc.targets if t.year <= 2026))
    w = AttributionTab(Session(doc))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.computed):
        w.show()
    assert "没有可分解的增量" in w.heading.text()


def test_v1_document_renders(ui_env, qtbot):  # noqa: F811
    w = AttributionTab(Session(leshan_document_v1()))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.computed):
        w.show()
    assert w.waterfall.steps[-1].kind in ("total", "gap")
