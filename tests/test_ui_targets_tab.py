"""The 目标分解 tab: typing locks a cell (a Targets row, undoable), 解锁 removes it, the
method and reference scenario are Settings, gaps against the re-forecast are coloured."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.document import TOTAL_KEY
from sample_data.leshan import leshan_document
from ui.progress.common import BAD_TINT, GOOD_TINT
from ui.progress.grid import KeyRole
from ui.progress.targets_tab import TargetsTab
from ui.session import Session
from tests.ui_support import ui_env  # noqa: F401


@pytest.fixture
def tab(ui_env, qtbot):  # noqa: F811
    w = TargetsTab(Session(leshan_document()))
    qtbot.addWidget(w)
    return w


def _index(model, row: str, column: str):
    rows = [model.row_header(r) for r in range(model.rowCount())]
    cols = [model.column_header(c) for c in range(model.columnCount())]
    return model.index(rows.index(row), cols.index(column))


def _given(doc) -> dict:
    return {(r.year, r.chain): r.target for r in doc.targets}


def test_sample_targets_with_the_given_cells_locked(tab):
    m = tab.model
    cell = _index(m, "晶硅光伏", "2026")
    assert m.data(cell) == "190.00"
    assert m.data(cell, Qt.ItemDataRole.DecorationRole) is not None   # the padlock
    assert m.data(_index(m, "园区合计", "2026")) == "870.00"
    assert m.data(_index(m, "园区合计", "2027")) == "1,000.00"
    assert m.data(_index(m, "电子信息", "2026")) == "161.00"
    assert m.data(_index(m, "电子信息", "2026"), Qt.ItemDataRole.DecorationRole) is None
    # the history years show the targets given then
    assert m.data(_index(m, "园区合计", "2025年（已完成）")) == "750.00（完成 69.7%）"


def test_typing_a_value_locks_the_cell_and_undo_unlocks(tab):
    s = tab.session
    m = tab.model
    assert m.setData(_index(m, "电子信息", "2027"), "200")
    assert _given(s.document)[(2027, "电子信息")] == 200.0
    assert m.data(_index(m, "电子信息", "2027")) == "200.00"
    assert m.data(_index(m, "电子信息", "2027"), KeyRole)[3] is True
    t = s.evaluation.targets
    assert t.by_chain[:, 1].sum() + t.unallocated[1] == pytest.approx(1000.0)
    s.undo_stack.undo()
    assert (2027, "电子信息") not in _given(s.document)
    assert m.data(_index(m, "电子信息", "2027"), KeyRole)[3] is False


def test_locking_the_park_total_is_a_total_row(tab):
    s = tab.session
    assert tab.model.setData(_index(tab.model, "园区合计", "2027"), "950")
    assert _given(s.document)[(2027, TOTAL_KEY)] == 950.0
    assert float(s.evaluation.targets.total[1]) == pytest.approx(950.0)


def test_unlock_removes_the_given_value(tab):
    s = tab.session
    cell = _index(tab.model, "晶硅光伏", "2026")
    tab.view.setCurrentIndex(cell)
    tab.view.selectionModel().select(cell, tab.view.selectionModel().SelectionFlag.Select)
    assert tab.unlock_selected()
    assert (2026, "晶硅光伏") not in _given(s.document)
    assert tab.model.data(_index(tab.model, "晶硅光伏", "2026")) != "190.00"
    s.undo_stack.undo()
    assert _given(s.document)[(2026, "晶硅光伏")] == 190.0


def test_unlocking_a_computed_cell_does_nothing(tab):
    assert not tab._unlock([_index(tab.model, "电子信息", "2027")])
    assert tab.session.undo_stack.count() == 0


def test_method_and_reference_scenario_are_undoable_settings(tab):
    s = tab.session
    assert not tab.scenario_box.isEnabled()
    tab.method_box.setCurrentIndex(tab.method_box.findData("scenario"))
    tab.method_box.activated.emit(tab.method_box.currentIndex())
    assert s.document.settings.target_method == "scenario"
    assert s.evaluation.targets.method == "scenario"
    assert tab.scenario_box.isEnabled()
    tab.scenario_box.setCurrentIndex(tab.scenario_box.findData("加速突破"))
    tab.scenario_box.activated.emit(tab.scenario_box.currentIndex())
    assert s.document.settings.target_scenario == "加速突破"
    assert s.evaluation.targets.reference_scenario == "加速突破"
    s.undo_stack.undo()
    s.undo_stack.undo()
    assert s.document.settings.target_method == "even"
    assert tab.method_box.currentData() == "even"


def test_comparison_with_the_reforecast_is_coloured(tab):
    s = tab.session
    m = tab.compare_model
    t, r = s.evaluation.targets, s.active_result
    y0 = r.base_year
    cell = _index(m, "园区合计", "2027")
    gap = float(r.total[2027 - y0] - t.total[1])
    assert m.data(cell, Qt.ItemDataRole.UserRole + 12) == pytest.approx(gap)
    colour = m.data(cell, Qt.ItemDataRole.BackgroundRole).color()
    assert colour == (GOOD_TINT if gap >= 0 else BAD_TINT)
    assert "“基准”" in tab.compare_title.text()


def test_months_and_quarters_of_this_year(tab):
    m = tab.months_model
    assert m.data(_index(m, "园区合计", "1月")) == "54.38"
    assert m.data(_index(m, "园区合计", "12月")) == "101.77"
    assert m.data(_index(m, "园区合计", "全年")) == "870.00"
    assert "2026年" in tab.months_title.text()


def test_all_chains_locked_shows_unallocated(tab):
    s = tab.session
    doc = s.document
    from models.actuals_edits import set_target
    for c in doc.chain_names:
        doc = set_target(doc, 2027, c, 100.0)
    assert s.apply(doc, "lock all") == []
    rows = [tab.model.row_header(r) for r in range(tab.model.rowCount())]
    assert "未分配" in rows
    assert tab.model.data(_index(tab.model, "未分配", "2027")) == "100.00"
    assert tab.warning.isVisibleTo(tab) and tab.warning.text()
