"""The v2 sheets Actuals/实绩, MonthlyActuals/月度实绩 and Targets/目标分解: every reading
rule of workbook.md "Schema v2 additions", each error located to a cell."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from models.document import TOTAL_KEY, ActualRow, MonthlyRow, TargetRow
from models.issues import DocumentError
from planner.io.reader import read_workbook
from tests.workbooks import Sheets, base, chinese, edit, write

CHAINS = ("光伏", "电子信息")


def v2(monthly: list[list] | None = None, ytd: bool = False, actuals=None,
       targets=None) -> Sheets:
    """BASE (2023–2030, target 2027) with actuals for 2024 and monthly 2025 Jan–Mar."""
    sheets = base()
    sheets["Actuals"] = actuals if actuals is not None else [
        ["chain", "year", "output", "value_added", "investment"],
        ["光伏", 2024, 120, 30, None],
        ["电子信息", 2024, 55, None, 8]]
    amount = "ytd" if ytd else "output"
    sheets["MonthlyActuals"] = [["chain", "year", "month", amount]] + (
        monthly if monthly is not None else
        [["光伏", 2025, "1-2月", 20], ["光伏", 2025, 3, 11],
         ["电子信息", 2025, "1-2月", 9], ["电子信息", 2025, "3月", 5]])
    sheets["Targets"] = targets if targets is not None else [
        ["year", "chain", "target"], [2025, "合计", 200], [2025, "光伏", 130]]
    return sheets


def read(tmp_path: Path, sheets: Sheets):
    return read_workbook(write(tmp_path / "v2.xlsx", sheets))


def errors(tmp_path: Path, sheets: Sheets) -> list[str]:
    with pytest.raises(DocumentError) as e:
        read(tmp_path, sheets)
    return [str(i) for i in e.value.issues if i.is_error]


def has(messages: list[str], where: str, what: str) -> bool:
    return any(where in m and what in m for m in messages)


def test_reads_the_three_sheets(tmp_path):
    doc = read(tmp_path, v2()).document
    assert doc.actuals == (ActualRow("光伏", 2024, 120.0, 30.0, None),
                           ActualRow("电子信息", 2024, 55.0, None, 8.0))
    assert doc.monthly == (MonthlyRow("光伏", 2025, 2, 20.0, True),
                           MonthlyRow("光伏", 2025, 3, 11.0),
                           MonthlyRow("电子信息", 2025, 2, 9.0, True),
                           MonthlyRow("电子信息", 2025, 3, 5.0))
    assert doc.targets == (TargetRow(2025, TOTAL_KEY, 200.0), TargetRow(2025, "光伏", 130.0))
    assert [r.row for r in doc.monthly] == [2, 3, 4, 5]


def test_chinese_sheets_and_headers(tmp_path):
    sheets = chinese(v2())
    assert {"实绩", "月度实绩", "目标分解"} <= set(sheets)
    assert sheets["月度实绩"][0] == ["产业链", "年份", "月份", "当月产值(亿元)"]
    doc = read(tmp_path, sheets).document
    assert doc == read(tmp_path, v2()).document


def test_ytd_column_is_differenced(tmp_path):
    monthly = [["光伏", 2025, 1, 10], ["光伏", 2025, 2, 19.5], ["光伏", 2025, 3, 30],
               ["电子信息", 2025, "1-2月", 9], ["电子信息", 2025, 3, 14]]
    doc = read(tmp_path, v2(monthly, ytd=True)).document
    got = {(r.chain, r.month): (r.output, r.combined) for r in doc.monthly}
    assert got == {("光伏", 1): (10, False), ("光伏", 2): (9.5, False),
                   ("光伏", 3): (10.5, False), ("电子信息", 2): (9, True),
                   ("电子信息", 3): (5, False)}


def test_ytd_chinese_header_and_unordered_rows(tmp_path):
    monthly = [["光伏", 2025, 3, 30], ["光伏", 2025, "1-2月", 20],
               ["电子信息", 2025, "1-2月", 9], ["电子信息", 2025, 3, 14]]
    sheets = chinese(v2(monthly, ytd=True))
    assert sheets["月度实绩"][0][3] == "累计产值(亿元)"
    doc = read(tmp_path, sheets).document
    assert [(r.month, r.output, r.combined) for r in doc.monthly if r.chain == "光伏"] == [
        (3, 10.0, False), (2, 20.0, True)]


def test_rows_starting_at_month_two_are_the_combined_release(tmp_path):
    monthly = [["光伏", 2025, 2, 20], ["光伏", 2025, 3, 11],
               ["电子信息", 2025, "2月", 9], ["电子信息", 2025, 3, 5]]
    doc = read(tmp_path, v2(monthly)).document
    assert [r.combined for r in doc.monthly] == [True, False, True, False]
    ytd = read(tmp_path, v2([["光伏", 2025, 2, 20], ["光伏", 2025, 3, 31],
                             ["电子信息", 2025, 2, 9], ["电子信息", 2025, 3, 14]],
                            ytd=True)).document
    assert [(r.output, r.combined) for r in ytd.monthly] == [
        (20, True), (11, False), (9, True), (5, False)]


@pytest.mark.parametrize("cell", ["1–2月", "1-2", "１-２月", "1~2月"])
def test_combined_month_spellings(tmp_path, cell):
    sheets = edit(v2(), {("MonthlyActuals", "C2"): cell})
    assert read(tmp_path, sheets).document.monthly[0] == MonthlyRow("光伏", 2025, 2, 20, True)


def test_year_and_month_cells_with_units(tmp_path):
    sheets = edit(v2(), {("Actuals", "B2"): "2024年", ("MonthlyActuals", "B3"): "2025年",
                         ("MonthlyActuals", "C3"): "3月", ("Targets", "A2"): "2025年"})
    doc = read(tmp_path, sheets).document
    assert doc.actuals[0].year == 2024 and doc.monthly[1].year == 2025
    assert doc.monthly[1].month == 3 and doc.targets[0].year == 2025


@pytest.mark.parametrize("word", ["合计", "total", "TOTAL", " Total ", "*", "合 计"])
def test_total_words(tmp_path, word):
    doc = read(tmp_path, edit(v2(), {("Targets", "B2"): word})).document
    assert doc.targets[0].chain == TOTAL_KEY


def test_no_v2_sheets_reads_as_before(tmp_path):
    doc = read(tmp_path, base()).document
    assert doc.actuals == doc.monthly == doc.targets == ()


# (id, edits, where, what): an error whose text contains both.
CASES = [
    ("actual-negative", {("Actuals", "C2"): -1}, "Actuals!C2", "output must not be negative"),
    ("actual-text", {("Actuals", "C2"): "n/a"}, "Actuals!C2", "expected a number"),
    ("actual-blank-output", {("Actuals", "C2"): None}, "Actuals!C2", "output is required"),
    ("actual-value-added-negative", {("Actuals", "D2"): -3}, "Actuals!D2",
     "value_added must not be negative"),
    ("actual-investment-text", {("Actuals", "E3"): "x"}, "Actuals!E3", "expected a number"),
    ("actual-unknown-chain", {("Actuals", "A3"): "钢铁"}, "Actuals!A3", "unknown chain '钢铁'"),
    ("actual-year-base", {("Actuals", "B3"): 2023}, "Actuals!B3", "from 2024 to 2030"),
    ("actual-year-text", {("Actuals", "B3"): "明年"}, "Actuals!B3", "year must be a year"),
    ("actual-duplicate", {("Actuals", "A3"): "光伏"}, "Actuals!B3",
     "duplicate row for chain '光伏' and year 2024"),
    ("monthly-negative", {("MonthlyActuals", "D3"): -2}, "MonthlyActuals!D3",
     "output must not be negative"),
    ("monthly-text", {("MonthlyActuals", "D3"): "abc"}, "MonthlyActuals!D3",
     "expected a number"),
    ("monthly-unknown-chain", {("MonthlyActuals", "A3"): "钢铁"}, "MonthlyActuals!A3",
     "unknown chain"),
    ("monthly-month-13", {("MonthlyActuals", "C3"): 13}, "MonthlyActuals!C3",
     "month must be a whole number from 1 to 12"),
    ("monthly-month-text", {("MonthlyActuals", "C3"): "三月"}, "MonthlyActuals!C3",
     "month must be a month 1–12"),
    ("monthly-duplicate", {("MonthlyActuals", "C3"): "1-2月"}, "MonthlyActuals!C3",
     "duplicate row for chain '光伏', year 2025 and 2月"),
    ("monthly-year-after-a-plus-1", {("MonthlyActuals", "B3"): 2026}, "MonthlyActuals!B3",
     "year must be from 2024 to 2025"),
    ("monthly-month-1-and-combined", {("MonthlyActuals", None): [
        ["chain", "year", "month", "output"], ["光伏", 2025, "1-2月", 20],
        ["光伏", 2025, 1, 8], ["电子信息", 2025, "1-2月", 9]]},
     "MonthlyActuals!C3", "has both 1月 and the combined 1-2月"),
    ("target-negative", {("Targets", "C2"): -1}, "Targets!C2", "target must not be negative"),
    ("target-text", {("Targets", "C3"): "多"}, "Targets!C3", "expected a number"),
    ("target-year-after-target-year", {("Targets", "A3"): 2028}, "Targets!A3",
     "from 2024 to 2027"),
    ("target-unknown-chain", {("Targets", "B3"): "钢铁"}, "Targets!B3", "unknown chain"),
    ("target-duplicate-total", {("Targets", "B3"): "Total"}, "Targets!B3",
     "duplicate target for the park total in 2025"),
    ("nowcast-anchor", {("Settings", "A6"): "nowcast_anchor", ("Settings", "B6"): 2},
     "Settings!B6", "nowcast_anchor expected 1 or 0"),
    ("nowcast-anchor-text", {("Settings", "A6"): "以月度推算为基数", ("Settings", "B6"): "maybe"},
     "Settings!B6", "expected 1 or 0"),
    ("target-method", {("Settings", "A6"): "target_method", ("Settings", "B6"): "fast"},
     "Settings!B6", "target_method must be one of even/等速, scenario/按情景"),
    ("target-scenario", {("Settings", "A6"): "目标参考情景", ("Settings", "B6"): "悲观"},
     "Settings!B6", "target_scenario '悲观' is not a scenario"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_invalid_cell(tmp_path, case):
    _, changes, where, what = case
    messages = errors(tmp_path, edit(v2(), changes))
    assert has(messages, where, what), messages


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_invalid_cell_chinese(tmp_path, case):
    """The same errors on Chinese sheets name the Chinese sheet and the same cell."""
    _, changes, where, what = case
    sheet, cell = where.split("!")
    zh = {"Actuals": "实绩", "MonthlyActuals": "月度实绩", "Targets": "目标分解",
          "Settings": "设置"}[sheet]
    messages = errors(tmp_path, chinese(edit(v2(), changes)))
    assert has(messages, f"{zh}!{cell}", what), messages


def test_errors_name_the_file(tmp_path):
    messages = errors(tmp_path, edit(v2(), {("Actuals", "C2"): -1}))
    assert any(m.startswith(str(tmp_path / "v2.xlsx") + ": Actuals!C2: ") for m in messages)


def test_all_problems_are_collected(tmp_path):
    messages = errors(tmp_path, edit(v2(), {("Actuals", "C2"): -1, ("MonthlyActuals", "D3"): "x",
                                            ("Targets", "C2"): -5}))
    assert len(messages) == 3


def test_incomplete_years_name_chain_and_year(tmp_path):
    actuals = [["chain", "year", "output"], ["光伏", 2024, 120], ["电子信息", 2024, 55],
               ["光伏", 2025, 130]]
    messages = errors(tmp_path, v2(actuals=actuals, monthly=[]))
    assert has(messages, "Actuals", "missing the actual output of chain '电子信息' in 2025")
    assert len(messages) == 1


def test_monthly_years_follow_the_latest_actual_year(tmp_path):
    actuals = [["chain", "year", "output"]] + [[c, y, 50] for y in (2024, 2025) for c in CHAINS]
    monthly = [[c, 2026, m, 5] for c in CHAINS for m in (1, 2, 3)] + [["光伏", 2024, 5, 4]]
    doc = read(tmp_path, v2(monthly, actuals=actuals)).document
    assert len(doc.monthly) == 7  # a partial earlier year is fine
    messages = errors(tmp_path, v2([["光伏", 2027, 1, 5], ["电子信息", 2027, 1, 5]],
                                   actuals=actuals))
    assert has(messages, "MonthlyActuals!B2", "from 2024 to 2026")


def test_monthly_years_without_actuals_are_the_year_after_base(tmp_path):
    monthly = [[c, 2024, 1, 5] for c in CHAINS]
    doc = read(tmp_path, v2(monthly, actuals=[["chain", "year", "output"]])).document
    assert {r.year for r in doc.monthly} == {2024}
    messages = errors(tmp_path, v2([[c, 2025, 1, 5] for c in CHAINS],
                                   actuals=[["chain", "year", "output"]]))
    assert has(messages, "MonthlyActuals!B2", "year must be 2024")


def test_monthly_years_stop_at_the_end_year(tmp_path):
    actuals = [["chain", "year", "output"]] + [[c, y, 50] for y in range(2024, 2031)
                                              for c in CHAINS]
    ok = read(tmp_path, v2([[c, 2030, 1, 5] for c in CHAINS], actuals=actuals))
    assert len(ok.document.monthly) == 2


def test_current_year_needs_the_same_months_for_every_chain(tmp_path):
    monthly = [["光伏", 2025, "1-2月", 20], ["光伏", 2025, 3, 11], ["光伏", 2025, 4, 11],
               ["电子信息", 2025, "1-2月", 9], ["电子信息", 2025, 3, 5]]
    messages = errors(tmp_path, v2(monthly))
    assert has(messages, "MonthlyActuals!C6", "chain '电子信息' has no 2025 figure for 4月")
    gap = [["光伏", 2025, 1, 9], ["光伏", 2025, 3, 11], ["电子信息", 2025, 1, 9],
           ["电子信息", 2025, 2, 5], ["电子信息", 2025, 3, 5]]
    assert has(errors(tmp_path, v2(gap)), "MonthlyActuals!C3", "'光伏' has no 2025 figure for 2月")
    absent = [["光伏", 2025, 1, 9]]
    assert has(errors(tmp_path, v2(absent)), "MonthlyActuals:", "'电子信息' has no 2025 figure "
               "for 1月")


def test_earlier_years_may_be_partial_with_monthly_figures(tmp_path):
    actuals = [["chain", "year", "output"]] + [[c, y, 50] for y in (2024, 2025) for c in CHAINS]
    monthly = [["光伏", 2024, 1, 4], ["光伏", 2024, 7, 4]]
    assert len(read(tmp_path, v2(monthly, actuals=actuals)).document.monthly) == 2


def test_ytd_gap_is_an_error(tmp_path):
    monthly = [["光伏", 2025, 1, 10], ["光伏", 2025, 3, 30],
               ["电子信息", 2025, 1, 5], ["电子信息", 2025, 2, 9], ["电子信息", 2025, 3, 14]]
    messages = errors(tmp_path, v2(monthly, ytd=True))
    assert has(messages, "MonthlyActuals!C3", "must run without gaps from 1月 (or 1-2月): 2月 "
               "missing before 3月"), messages
    assert len(messages) == 1


def test_ytd_must_start_at_month_one_or_the_combined_release(tmp_path):
    actuals = [["chain", "year", "output"]] + [[c, y, 50] for y in (2024, 2025) for c in CHAINS]
    monthly = [["光伏", 2024, 4, 30], ["光伏", 2024, 5, 40]]
    messages = errors(tmp_path, v2(monthly, ytd=True, actuals=actuals))
    assert has(messages, "MonthlyActuals!C2", "1月–3月 missing before 4月"), messages


def test_falling_ytd_is_an_error(tmp_path):
    monthly = [["光伏", 2025, "1-2月", 20], ["光伏", 2025, 3, 18],
               ["电子信息", 2025, "1-2月", 9], ["电子信息", 2025, 3, 14]]
    messages = errors(tmp_path, v2(monthly, ytd=True))
    assert has(messages, "MonthlyActuals!D3", "falls from 20 (1-2月) to 18 (3月)"), messages
    assert len(messages) == 1


def test_both_amount_columns_is_an_error(tmp_path):
    sheets = v2()
    sheets["MonthlyActuals"][0].append("ytd")
    messages = errors(tmp_path, sheets)
    assert has(messages, "MonthlyActuals!E1", "both a monthly column output (当月产值) and a "
               "year-to-date column ytd (累计产值)")


def test_no_amount_column_is_an_error(tmp_path):
    sheets = v2()
    sheets["MonthlyActuals"] = [r[:3] for r in sheets["MonthlyActuals"]]
    assert has(errors(tmp_path, sheets), "MonthlyActuals", "missing the amount column")


def _complete_year(total_pv: float) -> Sheets:
    actuals = [["chain", "year", "output"]] + [[c, y, 120] for y in (2024, 2025)
                                              for c in CHAINS]
    monthly = [[c, 2025, "1-2月", 20] for c in CHAINS] + [
        [c, 2025, m, 10] for c in CHAINS for m in range(3, 13)]
    sheets = v2(monthly, actuals=actuals)
    sheets["MonthlyActuals"][1][3] = total_pv - 100  # 光伏's 1-2月
    return sheets


def test_twelve_months_off_the_annual_by_more_than_two_percent_warn(tmp_path):
    result = read(tmp_path, _complete_year(124))
    warnings = [str(w) for w in result.warnings]
    assert any("Actuals!C4" in w and "'光伏' 2025" in w and "sum to 124.00" in w
               and "+3.3%" in w for w in warnings), warnings
    assert not any("电子信息" in w for w in warnings)
    quiet = read(tmp_path, _complete_year(122))
    assert not [w for w in quiet.warnings if "sum to" in str(w)]


@pytest.mark.parametrize("value,expected", [(0, 0), ("否", 0), ("FALSE", 0), ("是", 1),
                                            (True, 1), ("1", 1)])
def test_nowcast_anchor_values(tmp_path, value, expected):
    sheets = edit(v2(), {("Settings", "A6"): "nowcast_anchor", ("Settings", "B6"): value})
    assert read(tmp_path, sheets).document.settings.nowcast_anchor == expected


@pytest.mark.parametrize("value,expected", [("等速", "even"), ("Even", "even"),
                                            ("按情景", "scenario"), (" SCENARIO ", "scenario")])
def test_target_method_values(tmp_path, value, expected):
    sheets = edit(v2(), {("Settings", "A6"): "目标分解方式", ("Settings", "B6"): value})
    assert read(tmp_path, sheets).document.settings.target_method == expected


def test_target_scenario_names_a_scenario(tmp_path):
    sheets = edit(v2(), {("Settings", "A6"): "target_scenario", ("Settings", "B6"): "乐观"})
    assert read(tmp_path, sheets).document.settings.target_scenario == "乐观"


def test_defaults_of_the_new_settings(tmp_path):
    s = read(tmp_path, v2()).document.settings
    assert (s.nowcast_anchor, s.target_method, s.target_scenario) == (1, "even", "")


def test_nan_never_reaches_a_document(tmp_path):
    doc = read(tmp_path, v2([["光伏", 2025, 1, 10], ["电子信息", 2025, 1, 9]], ytd=True)).document
    assert all(math.isfinite(r.output) for r in doc.monthly)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_messages_read_in_chinese(tmp_path, case):
    from ui.messages import translate
    _, changes, _, _ = case
    with pytest.raises(DocumentError) as e:
        read(tmp_path, edit(v2(), changes))
    for issue in e.value.issues:
        text = translate(issue.message, "zh")
        for english in ("must", "missing", "duplicate", "unknown", "expected", "falls"):
            assert english not in text, text


def test_rule_messages_read_in_chinese(tmp_path):
    from ui.messages import translate
    sheets = [
        v2(actuals=[["chain", "year", "output"], ["光伏", 2024, 120], ["电子信息", 2024, 55],
                    ["光伏", 2025, 130]], monthly=[]),
        v2([["光伏", 2025, 1, 10], ["光伏", 2025, 3, 30], ["电子信息", 2025, 1, 5]], ytd=True),
        v2([["光伏", 2025, "1-2月", 20], ["光伏", 2025, 3, 18], ["电子信息", 2025, "1-2月", 9],
            ["电子信息", 2025, 3, 14]], ytd=True),
        v2([["光伏", 2025, "1-2月", 20], ["光伏", 2025, 3, 11], ["电子信息", 2025, "1-2月", 9]]),
    ]
    for s in sheets:
        with pytest.raises(DocumentError) as e:
            read(tmp_path, s)
        for issue in e.value.issues:
            text = translate(issue.message, "zh")
            assert not any(w in text for w in ("must", "missing", "falls", "needs")), text
    warning = read(tmp_path, _complete_year(124)).warnings
    text = translate(str(warning[0].message), "zh")
    assert "以全年实绩为准" in text and "used" not in text, text


def test_template_has_the_three_sheets(tmp_path):
    from planner.io.template import write_template
    import openpyxl
    for lang, names, header in (("zh", ["实绩", "月度实绩", "目标分解"], "累计产值"),
                                ("en", ["Actuals", "MonthlyActuals", "Targets"], "ytd")):
        path = write_template(tmp_path / f"t_{lang}.xlsx", lang=lang)
        wb = openpyxl.load_workbook(path)
        assert all(n in wb.sheetnames for n in names)
        monthly = [c.value for c in wb[names[1]][1]]
        assert header not in monthly  # the template offers the monthly column
        readme = " ".join(str(c.value) for row in wb.worksheets[-1].iter_rows() for c in row)
        assert ("月度实绩" in readme) if lang == "zh" else ("MonthlyActuals" in readme)
        doc = read_workbook(path).document
        assert doc.actuals == doc.monthly == doc.targets == ()


def test_written_documents_read_back(tmp_path):
    from planner.io.template import write_document
    from sample_data.leshan import leshan_document
    doc = leshan_document()
    for lang in ("zh", "en"):
        path = write_document(tmp_path / f"s_{lang}.xlsx", doc, lang=lang)
        assert read_workbook(path).document == doc
