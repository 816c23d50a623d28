"""Edits of actuals, monthly rows and targets (models.actuals_edits), and the paste
parser for a statistics table (planner.io.paste_actuals)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from models.actuals_edits import (clear_target, latest_actual_year, monthly_years,
                                  remove_actual, remove_monthly, set_actual, set_monthly,
                                  set_monthly_rows, set_target)
from models.document import TOTAL_KEY, ActualRow, MonthlyRow, TargetRow
from models.edits import EditError
from planner.checks.validate import validate_document
from planner.io.paste_actuals import (PasteActualsError, parse_statistics_table,
                                      paste_monthly, read_month_header)
from tests.builders import chain, doc, settings

D = doc(chains=(chain("A"), chain("B")))  # 2023–2030, target 2027


def test_set_actual_adds_updates_and_removes():
    d = set_actual(D, "A", 2024, "output", 110)
    assert d.actuals == (ActualRow("A", 2024, 110.0),)
    d = set_actual(d, "A", 2024, "value_added", 20)
    d = set_actual(d, "A", 2024, "output", 111)
    assert d.actuals == (ActualRow("A", 2024, 111.0, value_added=20.0),)
    assert set_actual(d, "A", 2024, "value_added", None).actuals[0].value_added is None
    assert set_actual(d, "A", 2024, "output", None).actuals == ()
    assert remove_actual(d, "A", 2024).actuals == ()


@pytest.mark.parametrize("args,message", [
    (("X", 2024, "output", 1), "unknown chain 'X'"),
    (("A", 2023, "output", 1), "year must be from 2024 to 2030"),
    (("A", 2031, "output", 1), "year must be from 2024 to 2030"),
    (("A", 2024, "output", -1), "output must not be negative"),
    (("A", 2024, "output", float("nan")), "output must be a number"),
    (("A", 2024, "output", True), "output must be a number"),
    (("A", 2024, "growth", 1), "unknown actuals field 'growth'"),
    (("A", 2024, "investment", 5), "enter the output of 'A' in 2024 before its investment"),
])
def test_set_actual_errors(args, message):
    with pytest.raises(EditError, match=message):
        set_actual(D, *args)


def test_monthly_years_follow_the_actuals():
    assert list(monthly_years(D)) == [2024]
    d = set_actual(set_actual(D, "A", 2024, "output", 1), "B", 2024, "output", 1)
    assert latest_actual_year(d) == 2024 and list(monthly_years(d)) == [2024, 2025]
    with pytest.raises(EditError, match="year must be 2024"):
        set_monthly(D, "A", 2025, 1, 5)


def test_set_monthly_and_the_combined_release():
    d = set_monthly(D, "A", 2024, 2, 20, combined=True)
    assert d.monthly == (MonthlyRow("A", 2024, 2, 20.0, True),)
    d = set_monthly(d, "A", 2024, 2, 21)  # correcting the 1-2月 figure keeps it combined
    assert d.monthly == (MonthlyRow("A", 2024, 2, 21.0, True),)
    with pytest.raises(EditError, match="January is inside it"):
        set_monthly(d, "A", 2024, 1, 5)
    d = set_monthly(d, "A", 2024, 3, 9)
    assert remove_monthly(d, "A", 2024, 2).monthly == (MonthlyRow("A", 2024, 3, 9.0),)
    assert set_monthly(d, "A", 2024, 3, None).monthly == (MonthlyRow("A", 2024, 2, 21.0, True),)
    with pytest.raises(EditError, match="has a row for 1月"):
        set_monthly(set_monthly(D, "A", 2024, 1, 5), "A", 2024, 2, 9, combined=True)
    with pytest.raises(EditError, match="only month 2"):
        set_monthly(D, "A", 2024, 3, 9, combined=True)
    with pytest.raises(EditError, match="month must be from 1 to 12"):
        set_monthly(D, "A", 2024, 13, 9)
    with pytest.raises(EditError, match="must not be negative"):
        set_monthly(D, "A", 2024, 4, -9)


def test_set_target_total_and_chain():
    d = set_target(D, 2026, TOTAL_KEY, 870)
    d = set_target(d, 2026, "A", 190)
    d = set_target(d, 2026, "A", 195)
    assert d.targets == (TargetRow(2026, TOTAL_KEY, 870.0), TargetRow(2026, "A", 195.0))
    assert clear_target(d, 2026, "A").targets == (TargetRow(2026, TOTAL_KEY, 870.0),)
    assert set_target(d, 2026, TOTAL_KEY, None).targets == (TargetRow(2026, "A", 195.0),)
    with pytest.raises(EditError, match="year must be from 2024 to 2027"):
        set_target(D, 2028, "A", 1)
    with pytest.raises(EditError, match="unknown chain"):
        set_target(D, 2026, "X", 1)
    with pytest.raises(EditError, match="must not be negative"):
        set_target(D, 2026, "A", -1)


@given(st.lists(st.tuples(st.sampled_from(["A", "B"]), st.integers(2024, 2030),
                          st.floats(0, 1e6)), max_size=12))
def test_edited_actuals_never_break_a_row_rule(edits):
    """Whatever sequence of valid edits, the document has no row-level error (only the
    complete-years rule may ask for more rows)."""
    d = D
    for chain_, year, value in edits:
        d = set_actual(d, chain_, year, "output", value)
    problems = [str(i) for i in validate_document(d) if i.is_error]
    assert all("missing the actual output" in p for p in problems), problems


def test_edited_documents_get_the_document_checks():
    d = D.replace(settings=settings(nowcast_anchor=2, target_method="fast",
                                    target_scenario="无"))
    messages = [i.message for i in validate_document(d)]
    assert any("nowcast_anchor must be 1 or 0" in m for m in messages)
    assert any("target_method must be one of" in m for m in messages)
    assert any("target_scenario '无' is not a scenario" in m for m in messages)


# -- paste --------------------------------------------------------------------------------
MONTHLY_TABLE = "产业链\t1-2月\t3月\t4月\nA\t21.42\t15.15\t13.98\nB\t14.44\t10.21\t\n合计\t35.86\t25.36\t\n"
YTD_TABLE = "产业链\t1-2月\t1-3月\t1-4月累计\nA\t21.42\t36.57\t50.55\nB\t14.44\t24.65\t-\n"


def test_paste_monthly_columns():
    rows = parse_statistics_table(MONTHLY_TABLE, 2024, ["A", "B"])
    assert rows == (MonthlyRow("A", 2024, 2, 21.42, True), MonthlyRow("A", 2024, 3, 15.15),
                    MonthlyRow("A", 2024, 4, 13.98), MonthlyRow("B", 2024, 2, 14.44, True),
                    MonthlyRow("B", 2024, 3, 10.21))


def test_paste_ytd_columns_are_differenced():
    rows = parse_statistics_table(YTD_TABLE, 2024, ["A", "B"])
    got = [(r.chain, r.month, round(r.output, 6), r.combined) for r in rows]
    assert got == [("A", 2, 21.42, True), ("A", 3, 15.15, False), ("A", 4, 13.98, False),
                   ("B", 2, 14.44, True), ("B", 3, 10.21, False)]


def test_paste_mode_forces_ytd():
    table = [["", "1月", "2月", "3月"], ["A", 10, 19, 30]]
    rows = parse_statistics_table(table, 2024, ["A"], mode="ytd")
    assert [r.output for r in rows] == [10, 9, 11]


def test_paste_replaces_the_year_of_the_pasted_chains():
    d = set_monthly(D, "A", 2024, 5, 99)
    d = set_monthly(d, "B", 2024, 5, 77)
    d = paste_monthly(d, "\t1-2月\t3月\nA\t20\t11\n", 2024)
    assert [(r.chain, r.month) for r in d.monthly] == [("B", 5), ("A", 2), ("A", 3)]
    assert d.monthly[1].combined


@pytest.mark.parametrize("table,message", [
    ("产业链\t1-2月\nX\t1\n", "row 2: unknown chain 'X'"),
    ("产业链\t一季度\nA\t1\n", "column 2: '一季度' is not a month"),
    ("产业链\t3月\t1-4月\nA\t1\t2\n", "mixes monthly and 累计"),
    ("产业链\t1月\t1-2月\nA\t1\t2\n", "both 1月 and 1-2月"),
    ("产业链\t3月\t3月\nA\t1\t2\n", "3月 appears in more than one column"),
    ("产业链\t3月\nA\tabc\n", "row 2, column 2 (3月): expected a number"),
    ("产业链\t3月\nA\t-4\n", "must not be negative"),
    ("产业链\t1-2月\t1-4月\nA\t1\t2\n", "3月 missing"),
    ("产业链\t1-2月\t1-3月\nA\t5\t4\n", "falls from 5 to 4 in 3月"),
    ("产业链\t3月\nA\t1\nA\t2\n", "appears twice"),
    ("产业链\t3月\n", "a header row of months and a row per chain"),
])
def test_paste_errors(table, message):
    with pytest.raises(PasteActualsError, match=re.escape(message)):
        parse_statistics_table(table, 2024, ["A", "B"])


@pytest.mark.parametrize("text,month,ytd,combined", [
    ("1-2月", 2, False, True), ("1–2月", 2, False, True), ("3月", 3, False, False),
    ("1-10月", 10, True, False), ("10月累计", 10, True, False), ("累计 10月", 10, True, False),
    ("10月当月", 10, False, False), ("2026年1-5月", 5, True, False), ("10月(亿元)", 10, False, False),
])
def test_month_headers(text, month, ytd, combined):
    col = read_month_header(text)
    assert (col.month, col.ytd, col.combined) == (month, ytd, combined)


def test_paste_errors_are_edit_errors():
    assert issubclass(PasteActualsError, EditError)


def test_renaming_and_deleting_a_chain_carry_its_v2_rows():
    from models.edits import delete_chain, rename_chain
    d = set_target(set_monthly(set_actual(D, "A", 2024, "output", 5), "A", 2025, 1, 1),
                   2026, "A", 9)
    r = rename_chain(d, "A", "A2")
    assert [x.chain for x in r.actuals + r.monthly + r.targets] == ["A2", "A2", "A2"]
    gone = delete_chain(d, "A")
    assert gone.actuals == gone.monthly == gone.targets == ()


def test_target_scenario_follows_scenario_rename_and_delete():
    from dataclasses import replace
    from models import scenario_edits as se
    from models.document import Scenario
    d = D.replace(scenarios=(Scenario("基准"), Scenario("乐观", "基准")),
                  settings=replace(D.settings, target_scenario="乐观"))
    assert se.rename(d, "乐观", "积极").settings.target_scenario == "积极"
    assert se.delete(d, "乐观").settings.target_scenario == ""
    assert se.delete(d, "乐观", se.REATTACH_CHILDREN).settings.target_scenario == ""


@given(st.lists(st.floats(0, 1e4, allow_nan=False), min_size=1, max_size=11),
       st.booleans())
def test_ytd_paste_recovers_the_monthly_table(values, combined):
    """Pasting the running sums of a monthly table gives back each month's output."""
    first = 2 if combined else 1
    months = list(range(first, first + len(values)))
    header = ["产业链"] + [("1-2月" if combined and m == 2 else f"{m}月") for m in months]
    running, total = [], 0.0
    for v in values:
        total += v
        running.append(total)
    monthly = parse_statistics_table([header, ["A"] + values], 2024, ["A"])
    ytd = parse_statistics_table([header, ["A"] + running], 2024, ["A"], mode="ytd")
    assert [r.month for r in ytd] == [r.month for r in monthly] == months
    assert [r.combined for r in ytd] == [combined and m == 2 for m in months]
    for a, b in zip(ytd, monthly):
        assert a.output == pytest.approx(b.output, abs=1e-6)
