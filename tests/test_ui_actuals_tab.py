"""The 实绩 tab: edits and pastes are undoable Session steps that move the results;
the reader's checks refuse what a workbook could not hold."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sample_data.leshan import leshan_document, leshan_document_v1
from ui.progress.actuals_tab import ActualsTab
from ui.progress.grid import KeyRole
from ui.session import Session
from tests.ui_support import ui_env  # noqa: F401


@pytest.fixture
def tab(ui_env, qtbot):  # noqa: F811
    session = Session(leshan_document())
    w = ActualsTab(session)
    qtbot.addWidget(w)
    return w


def _index(model, row_name: str, column: int):
    rows = [model.row_header(r) for r in range(model.rowCount())]
    return model.index(rows.index(row_name), column)


def _column(model, text: str) -> int:
    return [model.column_header(c) for c in range(model.columnCount())].index(text)


def test_annual_grid_shows_the_sample_actuals_and_park_total(tab):
    m = tab.annual_model
    assert [m.column_header(c) for c in range(m.columnCount())] == \
        ["2024年实绩", "2025年实绩", "2026年（新增）"]
    assert m.data(_index(m, "晶硅光伏", 0)) == "151.20"
    assert m.data(_index(m, "园区合计", 1)) == "522.60"
    assert not m.flags(_index(m, "园区合计", 1)) & Qt.ItemFlag.ItemIsEditable


def test_editing_an_actual_is_undoable_and_moves_the_reforecast(tab):
    s = tab.session
    m = tab.annual_model
    before = s.active_result.total.copy()
    y0 = s.document.settings.base_year
    assert m.setData(_index(m, "晶硅光伏", 1), "150")
    assert [r.output for r in s.document.actuals
            if r.chain == "晶硅光伏" and r.year == 2025] == [150.0]
    assert s.active_result.total[2025 - y0] == pytest.approx(before[2025 - y0] + 11.6)
    assert m.data(_index(m, "晶硅光伏", 1)) == "150.00"
    assert s.undo_stack.count() == 1
    s.undo_stack.undo()
    assert s.active_result.total[2025 - y0] == pytest.approx(before[2025 - y0])
    assert m.data(_index(m, "晶硅光伏", 1)) == "138.40"


def test_a_bad_number_is_refused_with_a_message(tab, qtbot):
    m = tab.annual_model
    with qtbot.waitSignal(tab.editRefused) as got:
        assert not m.setData(_index(m, "晶硅光伏", 1), "abc")
    assert "修改未生效" in got.args[0]
    assert tab.session.undo_stack.count() == 0


def test_one_chain_alone_in_a_new_year_is_refused_by_the_readers_check(tab, qtbot):
    """Every chain needs a row for every year up to the latest (workbook.md)."""
    m = tab.annual_model
    with qtbot.waitSignal(tab.editRefused):
        assert not m.setData(_index(m, "晶硅光伏", 2), "160")
    assert tab.session.undo_stack.count() == 0


def test_monthly_edit_moves_the_nowcast_and_undoes(tab):
    s = tab.session
    assert tab.year == 2026
    m = tab.monthly_model
    ytd = float(s.evaluation.history.ytd.sum())
    column = _column(m, "10月")
    assert m.setData(_index(m, "大数据", column), "2.63")
    assert float(s.evaluation.history.ytd.sum()) == pytest.approx(ytd + 1.0)
    s.undo_stack.undo()
    assert float(s.evaluation.history.ytd.sum()) == pytest.approx(ytd)


def test_combined_january_is_shown_and_not_editable(tab):
    m = tab.monthly_model
    jan = _index(m, "晶硅光伏", 0)
    assert m.data(jan) == "并入2月"
    assert not m.flags(jan) & Qt.ItemFlag.ItemIsEditable
    feb = _index(m, "晶硅光伏", 1)
    assert m.data(feb) == "21.42"
    assert "1-2月" in m.data(feb, Qt.ItemDataRole.ToolTipRole)


def test_cumulative_mode_shows_year_to_date_read_only(tab):
    tab.mode_box.setCurrentIndex(1)
    m = tab.monthly_model
    cell = _index(m, "晶硅光伏", _column(m, "3月"))
    assert m.data(cell) == "36.57"
    assert not m.flags(cell) & Qt.ItemFlag.ItemIsEditable


def test_paste_of_a_statistics_table_is_one_undo_step(tab):
    s = tab.session
    text = ("产业链\t1-2月\t3月\n"
            "晶硅光伏\t20\t10\n"
            "电子信息\t12\t9\n")
    # the 2025 year keeps its twelve months for the other chains; a pasted chain's year
    # is replaced by the pasted months
    tab.year_box.setCurrentIndex(tab.year_box.findData(2025))
    profile_before = s.evaluation.history.profile_year
    assert tab.paste_monthly(text)
    rows = [r for r in s.document.monthly if r.chain == "晶硅光伏" and r.year == 2025]
    assert [(r.month, r.output, r.combined) for r in rows] == [(2, 20.0, True), (3, 10.0, False)]
    assert s.undo_stack.count() == 1
    # 晶硅光伏 2025 is no longer a complete year: its profile falls back to k/12
    assert s.evaluation.history.profile_year[0] is None
    assert profile_before[0] == 2025
    s.undo_stack.undo()
    assert s.evaluation.history.profile_year == profile_before


def test_paste_of_a_ytd_table_is_differenced(tab):
    s = tab.session
    m = tab.monthly_model
    tab.year_box.setCurrentIndex(tab.year_box.findData(2025))
    text = "产业链\t1-2月\t1-3月累计\n大数据\t2.5\t4.0\n"
    assert tab.paste_monthly(text)
    got = {r.month: r.output for r in s.document.monthly
           if r.chain == "大数据" and r.year == 2025}
    assert got == {2: 2.5, 3: pytest.approx(1.5)}
    assert m.data(_index(m, "大数据", _column(m, "3月"))) == "1.50"


def test_a_paste_that_breaks_the_current_years_months_is_refused(tab, qtbot):
    """In the current year every chain must have the same months (workbook.md)."""
    with qtbot.waitSignal(tab.editRefused):
        assert not tab.paste_monthly("产业链\t1-2月\t3月\n大数据\t2.5\t1.5\n")
    assert tab.session.undo_stack.count() == 0


def test_a_bad_paste_is_refused_and_changes_nothing(tab, qtbot):
    with qtbot.waitSignal(tab.editRefused) as got:
        assert not tab.paste_monthly("产业链\t3月\n不存在\t1\n")
    assert "不存在" in got.args[0]
    assert tab.session.undo_stack.count() == 0


def test_plain_numbers_paste_at_the_current_cell(tab):
    s = tab.session
    m = tab.annual_model
    start = _index(m, "大数据", 0)
    assert tab.paste_annual("13.5\t15.5\n29\t48\n", start)
    got = {(r.chain, r.year): r.output for r in s.document.actuals}
    assert got[("大数据", 2024)] == 13.5 and got[("大数据", 2025)] == 15.5
    assert got[("正极材料", 2024)] == 29 and got[("正极材料", 2025)] == 48
    assert s.undo_stack.count() == 1


def test_annual_table_paste_adds_a_whole_year(tab):
    s = tab.session
    names = s.document.chain_names
    text = "产业链\t2026年\n" + "".join(f"{c}\t{100 + i}\n" for i, c in enumerate(names))
    assert tab.paste_annual(text)
    h = s.evaluation.history
    assert h.actual_year == 2026
    assert s.active_result.actual_year == 2026
    m = tab.annual_model
    assert [m.column_header(c) for c in range(m.columnCount())][-1] == \
        "2027年（新增）"


def test_value_added_field_is_edited_in_its_own_column(tab):
    tab.field_box.setCurrentIndex(tab.field_box.findData("value_added"))
    m = tab.annual_model
    assert m.data(_index(m, "晶硅光伏", 1)) == "30.10"
    assert m.setData(_index(m, "晶硅光伏", 1), "31")
    assert [r.value_added for r in tab.session.document.actuals
            if r.chain == "晶硅光伏" and r.year == 2025] == [31.0]


def test_clear_removes_cells_in_one_step(tab):
    m = tab.monthly_model
    cells = [_index(m, "大数据", _column(m, "10月"))]
    # clearing one chain's last month breaks "the same months in the current year"
    assert not tab._clear(cells)
    assert tab.session.undo_stack.count() == 0
    keys = [m.index(r, _column(m, "10月")) for r in range(m.rowCount() - 1)]
    assert tab._clear(keys)
    assert tab.session.evaluation.history.months == 9
    assert all(k.data(KeyRole) for k in keys)


def test_document_without_actuals_says_so(ui_env, qtbot):  # noqa: F811
    w = ActualsTab(Session(leshan_document_v1()))
    qtbot.addWidget(w)
    assert "尚无实绩" in w.hint.text()
    assert w.annual_model.columnCount() == 1     # the first year to enter
