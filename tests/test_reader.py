"""Reading valid workbooks: language variants, defaults, coercion, notes, warnings."""
from __future__ import annotations

from pathlib import Path

import pytest

from models import labels
from models.document import DEFAULT_SCENARIO, Document, Project, Settings
from models.issues import NOTE, WARNING, Location
from planner.io.reader import ReadResult, read_workbook
from planner.checks.validate import validate_document
from sample_data.leshan import leshan_document
from tests.workbooks import DELETE, base, chinese, document_sheets, edit, write


def read(tmp_path: Path, sheets, name: str = "plan.xlsx") -> ReadResult:
    return read_workbook(write(tmp_path / name, sheets))


def test_base_workbook_reads(tmp_path):
    result = read(tmp_path, base())
    doc = result.document
    assert result.issues == ()
    assert doc.settings == Settings(base_year=2023, end_year=2030, target_year=2027,
                                    park_name="测试园区")
    assert doc.chain_names == ["光伏", "电子信息"]
    assert doc.chains[1].growth is None and doc.chains[1].ramp is None
    assert doc.projects[1] == Project(id="P2", name="二号项目", chain="电子信息",
                                      investment=20.0, stage="construction",
                                      production_year=2025, output_ratio=1.2,
                                      ramp=(0.3, 1.0), probability=0.9, delay=1,
                                      include=True, build_years=2, note="备注")
    assert doc.projects[1].row == 3
    assert doc.overrides[0].years == "2026-" and doc.overrides[0].value == 0.02


@pytest.mark.parametrize("units", [True, False])
def test_chinese_names_read_the_same_document(tmp_path, units):
    english = read(tmp_path, base(), "en.xlsx").document
    assert read(tmp_path, chinese(base(), units), "zh.xlsx").document == english


def test_headers_ignore_case_spaces_and_units(tmp_path):
    sheets = edit(base(), {("Chains", "A1"): "  CHAIN ", ("Chains", "C1"): "基期产值（亿元）",
                           ("Chains", "D1"): "Growth [%]", ("Chains", "D2"): 5,
                           ("Chains", "E1"): "投入产出比【倍】",
                           ("Projects", "D1"): "investment (100m CNY)"})
    sheets = {name.upper() if name == "Chains" else name.lower(): rows
              for name, rows in sheets.items()}
    assert read(tmp_path, sheets).document == read(tmp_path, base(), "b.xlsx").document


def test_percent_text_in_rate_columns(tmp_path):
    doc = read(tmp_path, edit(base(), {("Chains", "D2"): "8%", ("Chains", "F2"): "25 %",
                                       ("Projects", "I3"): "９０％",
                                       ("Growth", "C2"): "-2.5%"})).document
    assert doc.chains[0].growth == pytest.approx(0.08)
    assert doc.chains[0].value_added_rate == pytest.approx(0.25)
    assert doc.projects[1].probability == pytest.approx(0.9)
    assert doc.growth[0].growth == pytest.approx(-0.025)


def test_numeric_text_and_whole_numbers(tmp_path):
    doc = read(tmp_path, edit(base(), {("Chains", "C2"): "1,234.5", ("Projects", "F2"): 2026.0,
                                       ("Projects", "A2"): 1, ("Overrides", "C3"): 1.0,
                                       ("Projects", "D2"): " 10 ",
                                       ("Growth", "B2"): "2025"})).document
    assert doc.chains[0].base_output == 1234.5
    assert doc.projects[0].production_year == 2026
    assert isinstance(doc.projects[0].production_year, int)
    assert doc.projects[0].id == "1"
    assert doc.projects[0].investment == 10.0
    assert doc.growth[0].year == 2025


@pytest.mark.parametrize("cell, expected", [
    ("是", True), ("否", False), ("TRUE", True), ("false", False), (True, True), (0, False),
    (1, True), (None, None)])
def test_include_values(tmp_path, cell, expected):
    doc = read(tmp_path, edit(base(), {("Projects", "K3"): cell})).document
    assert doc.projects[1].include is expected


def test_stage_in_either_language(tmp_path):
    doc = read(tmp_path, edit(base(), {("Projects", "E2"): "签约", ("Projects", "E3"): "在建",
                                       ("Stages", "A2"): "Signed"})).document
    assert [p.stage for p in doc.projects] == ["signed", "construction"]
    assert doc.stages[0].stage == "signed"


def test_defaults_for_a_minimal_workbook(tmp_path):
    sheets = {"设置": [["参数", "值"], ["基期年份", 2023], ["预测终止年份", 2030],
                     ["目标年份", 2027]],
              "产业链": [["产业链", "基期产值(亿元)"], ["光伏", 100]]}
    doc = read(tmp_path, sheets).document
    assert doc.settings == Settings(2023, 2030, 2027)
    assert doc.settings.default_ramp == (0.3, 0.7, 1.0)
    assert doc.settings.mc_draws == labels.SETTINGS["mc_draws"][1]
    assert doc.scenario_names == [DEFAULT_SCENARIO]
    assert doc.projects == doc.stages == doc.growth == doc.overrides == ()


def test_overrides_for_the_default_scenario_without_scenarios_sheet(tmp_path):
    sheets = edit(base(), {("Scenarios", None): DELETE, ("Overrides", "A2"): "基准",
                           ("Overrides", "A3"): "基准"})
    doc = read(tmp_path, sheets).document
    assert doc.scenario_names == ["基准"]
    assert len(doc.overrides_of("基准")) == 2


def test_unknown_columns_sheets_and_settings_are_notes(tmp_path):
    sheets = edit(base(), {("Chains", "J1"): "comment", ("Chains", "J2"): "x",
                           ("Results", None): [["year", "output"], [2024, 1]],
                           ("Settings", "A6"): "colour", ("Settings", "B6"): "red"})
    result = read(tmp_path, sheets)
    assert result.document == read(tmp_path, base(), "b.xlsx").document
    notes = [str(n) for n in result.notes]
    assert len(notes) == 3 and result.issues == result.notes
    assert any("Chains!J1" in n and "comment" in n for n in notes)
    assert any("Results" in n and "unknown sheet" in n for n in notes)
    assert any("Settings!A6" in n and "colour" in n for n in notes)
    assert all(n.startswith(str(tmp_path / "plan.xlsx")) for n in notes)


def test_empty_rows_are_skipped(tmp_path):
    sheets = base()
    sheets["Projects"].insert(2, [None] * 5)
    sheets["Projects"].insert(2, ["  ", None, ""])
    doc = read(tmp_path, sheets).document
    assert [p.id for p in doc.projects] == ["P1", "P2"]
    assert doc.projects[1].row == 5


@pytest.mark.parametrize("years, canonical", [
    (2026, "2026"), ("2026", "2026"), ("2026-2028", "2026-2028"), ("2026–2028", "2026-2028"),
    ("2026 — 2028", "2026-2028"), ("2026－2028", "2026-2028"), ("2026~2028", "2026-2028"),
    ("2026～", "2026-"), ("2026至2030", "2026-2030"), ("2026-", "2026-"), (None, ""),
    ("2027-2027", "2027")])
def test_override_years_are_normalized(tmp_path, years, canonical):
    doc = read(tmp_path, edit(base(), {("Overrides", "E2"): years})).document
    assert doc.overrides[0].years == canonical


def test_override_names_in_chinese(tmp_path):
    sheets = edit(base(), {("Overrides", "B2"): "增长率", ("Overrides", "D2"): "增长率",
                           ("Overrides", "F2"): "增加", ("Overrides", "B3"): "项目",
                           ("Overrides", "D3"): "阶段", ("Overrides", "F3"): None,
                           ("Overrides", "G3"): "在建",
                           ("Overrides", None): None})
    sheets["Overrides"] = base()["Overrides"][:1] + [
        ["乐观", "增长率", "*", "增长率", "2026-", "增加", "2%"],
        ["乐观", "项目", "P1", "阶段", None, None, "在建"],
        ["乐观", "阶段", "签约", "实现概率", None, "乘以", 1.1],
        ["乐观", "项目", "P2", "纳入", None, "设定", "否"],
        ["乐观", "产业链", "光伏", "爬坡曲线", None, "set", "0.2，0.6，1"]]
    o = read(tmp_path, sheets).document.overrides
    assert [(x.table, x.key, x.field, x.op, x.value) for x in o] == [
        ("growth", "*", "growth", "add", pytest.approx(0.02)),
        ("projects", "P1", "stage", "set", "construction"),
        ("stages", "signed", "probability", "mul", 1.1),
        ("projects", "P2", "include", "set", 0.0),
        ("chains", "光伏", "ramp", "set", "0.2,0.6,1")]


def test_suspicious_values_are_located_warnings(tmp_path):
    result = read(tmp_path, edit(base(), {("Chains", "D2"): 1.5, ("Prices", "C2"): 6}))
    warnings = [str(w) for w in result.warnings]
    assert all(w.severity == WARNING for w in result.warnings)
    assert len(warnings) == 2
    assert "Chains!D2" in warnings[0] and "Prices!C2" in warnings[1]


def test_leshan_sample_round_trip(tmp_path):
    doc = leshan_document()
    result = read(tmp_path, document_sheets(doc), "leshan.xlsx")
    assert result.document == doc
    assert result.issues == ()


def test_validate_document_locates_by_sheet_and_row():
    doc = leshan_document()
    bad = doc.replace(projects=doc.projects + (
        Project(id="P01", chain="氢能", investment=-1.0, stage="x", production_year=2026,
                row=14),))
    issues = validate_document(bad)
    text = [str(i) for i in issues]
    assert "Projects!row 14: unknown chain '氢能' (not on the Chains sheet)" in text
    assert any("Projects!row 14: investment must not be negative (found -1)" == t
               for t in text)
    assert any("duplicate project id 'P01'" in t for t in text)
    assert any("unknown stage 'x'" in t for t in text)
    assert validate_document(doc) == []


def test_validate_document_with_custom_locate():
    doc = leshan_document()
    bad = doc.replace(settings=Settings(2023, 2020, 2027))
    issues = validate_document(bad, lambda s, r, f: Location("f.xlsx", s, r, None))
    assert [i.message for i in issues] == [
        "end_year must be after base_year 2023 (found 2020)"]
    assert issues[0].location.sheet == "settings"


@pytest.mark.parametrize("value, field, expected", [
    (3, "investment", 3.0), ("1,234", "investment", 1234.0), ("１２", "investment", 12.0),
    ("8%", "growth", 0.08), (" -0.5 ", "growth", -0.5), ("1e3", "base_output", 1000.0),
    (None, "growth", None), ("  ", "growth", None)])
def test_to_number_reads(value, field, expected):
    from planner.io.cells import to_number
    result = to_number(value, field)
    assert result == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize("value, field", [
    (float("nan"), "growth"), (float("inf"), "investment"), (10**400, "investment"),
    ("nan", "growth"), ("infinity", "growth"), ("8%", "investment"), ("1_000", "investment"),
    (True, "investment"), ("1,2", "investment"), ("abc", "growth")])
def test_to_number_refuses(value, field):
    from planner.io.cells import Invalid, to_number
    assert isinstance(to_number(value, field), Invalid)


def test_to_whole():
    from planner.io.cells import Invalid, to_whole
    assert to_whole(2026.0) == 2026 and isinstance(to_whole(2026.0), int)
    assert isinstance(to_whole(2026.5), Invalid)


def test_headers_with_spaces_or_hyphens_match_keys(tmp_path):
    """'Base output [亿元]' and 'production-year' are base_output and production_year."""
    import openpyxl
    from planner.io.reader import read_workbook
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Settings"
    for row in (("key", "value"), ("base year", 2023), ("End-Year", 2030),
                ("target_year", 2027)):
        ws.append(row)
    ws = wb.create_sheet("Chains")
    ws.append(["Chain", "Base output [亿元]", "Value added rate"])
    ws.append(["A", 100, 0.3])
    ws = wb.create_sheet("Projects")
    ws.append(["ID", "Chain", "Investment", "Stage", "production-year"])
    ws.append(["P1", "A", 5, "Under construction", 2025])
    path = tmp_path / "spaced.xlsx"
    wb.save(path)
    doc = read_workbook(path).document
    assert doc.settings.end_year == 2030 and doc.chains[0].base_output == 100
    assert doc.chains[0].value_added_rate == 0.3
    assert doc.projects[0].production_year == 2025 and doc.projects[0].stage == "construction"
