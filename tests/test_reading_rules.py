"""Reading rules made precise (workbook.md v2): formulas, units, notices, damage, bounds."""
from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from models.issues import DocumentError
from planner.io.reader import read_workbook
from tests.workbooks import base, edit, write


def errors(path: Path) -> str:
    with pytest.raises(DocumentError) as info:
        read_workbook(path)
    return str(info.value)


def notes(result) -> str:
    return "\n".join(str(i) for i in result.notes)


# --- 1. formulas without a saved result -------------------------------------------------

def test_openpyxl_formula_without_result_is_refused_with_its_cell(tmp_path):
    sheets = edit(base(), {("Chains", "C2"): "=200+50"})
    text = errors(write(tmp_path / "f.xlsx", sheets))
    assert re.search(r"Chains!C2: .*公式没有保存的计算结果", text), text
    assert "Excel" in text and "WPS" in text and "=200+50" in text
    assert "base_output is required" not in text  # one message per cell


def test_exclusion_by_formula_zero_is_not_read_as_blank(tmp_path):
    sheets = edit(base(), {("Projects", "K2"): "=0"})
    assert "Projects!K2" in errors(write(tmp_path / "f.xlsx", sheets))


def _xlsxwriter_book(path: Path, formulas: dict[tuple[str, int, int], tuple[str, float]]
                     ) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    for name, rows in base().items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if (name, r, c) in formulas:
                    formula, cached = formulas[(name, r, c)]
                    if cached is None:
                        ws.write_formula(r, c, formula)
                    else:
                        ws.write_formula(r, c, formula, None, cached)
                elif value is not None:
                    ws.write(r, c, value)
    wb.close()
    return path


def test_xlsxwriter_formulas_all_cached_zero_are_refused(tmp_path):
    path = _xlsxwriter_book(tmp_path / "x.xlsx", {("Settings", 5, 1): ("=400*2", None),
                                                   ("Chains", 1, 2): ("=200+50", None)})
    text = errors(path)
    assert "Chains!C2" in text and "公式没有保存的计算结果" in text


def test_xlsxwriter_formulas_with_real_results_are_read(tmp_path):
    path = _xlsxwriter_book(tmp_path / "x.xlsx", {("Chains", 1, 2): ("=200+50", 250)})
    doc = read_workbook(path).document
    assert doc.chains[0].base_output == 250


def test_formula_with_saved_result_reads_the_result(tmp_path):
    # what Excel writes: the formula and its value
    path = write(tmp_path / "plain.xlsx", base())
    _rewrite_part(path, "xl/worksheets/sheet2.xml",
                  lambda x: re.sub(r'<c r="C2"([^>]*)><v>100</v></c>',
                                   r'<c r="C2"\1><f>200+50</f><v>250</v></c>', x))
    assert read_workbook(path).document.chains[0].base_output == 250


# --- 2. units in headers ------------------------------------------------------------------

@pytest.mark.parametrize("header, cell, expected", [
    ("投资额(万元)", 100_000, 10.0), ("investment【万元】", 100_000, 10.0),
    ("投资额（千元）", 1_000_000, 10.0), ("投资额[百万元]", 1000, 10.0),
    ("投资额(元)", 1_000_000_000, 10.0), ("投资额(亿元)", 10, 10.0), ("投资额", 10, 10.0),
])
def test_money_units_convert(tmp_path, header, cell, expected):
    sheets = edit(base(), {("Projects", "D1"): header, ("Projects", "D2"): cell})
    result = read_workbook(write(tmp_path / "u.xlsx", sheets))
    assert result.document.projects[0].investment == pytest.approx(expected, rel=1e-15)
    if cell != expected:
        assert "converted to 亿元" in notes(result) and "Projects!D1" in notes(result)


def test_base_output_in_wan_yuan(tmp_path):
    sheets = edit(base(), {("Chains", "C1"): "基期产值【万元】", ("Chains", "C2"): 1_000_000,
                           ("Chains", "C3"): 500_000})
    doc = read_workbook(write(tmp_path / "u.xlsx", sheets)).document
    assert [c.base_output for c in doc.chains] == [100.0, 50.0]


def test_unknown_money_unit_is_an_error(tmp_path):
    sheets = edit(base(), {("Projects", "D1"): "投资额(美元)"})
    assert "Projects!D1" in errors(write(tmp_path / "u.xlsx", sheets))


def test_percent_header_means_percentages(tmp_path):
    path = tmp_path / "p.xlsx"
    sheets = edit(base(), {("Chains", "D1"): "年增长率(%)", ("Chains", "D2"): 6,
                           ("Chains", "F1"): "增加值率（％）", ("Chains", "F2"): "25%"})
    write(path, sheets)
    wb = openpyxl.load_workbook(path)
    wb["Chains"]["D3"] = 0.07
    wb["Chains"]["D3"].number_format = "0.0%"  # shows 7.0%, holds 0.07
    wb.save(path)
    chains = read_workbook(path).document.chains
    assert chains[0].growth == pytest.approx(0.06) and chains[1].growth == pytest.approx(0.07)
    assert chains[0].value_added_rate == pytest.approx(0.25)


def test_year_and_numeric_text_cells(tmp_path):
    sheets = edit(base(), {("Projects", "F2"): "2026年", ("Settings", "B3"): "2023年",
                           ("Chains", "C2"): "１００", ("Projects", "D3"): "2,0.0"})
    sheets = edit(sheets, {("Projects", "D3"): "1,234.5",
                           ("Overrides", "E2"): "2026年-2030年"})
    doc = read_workbook(write(tmp_path / "y.xlsx", sheets)).document
    assert doc.projects[0].production_year == 2026 and doc.settings.base_year == 2023
    assert doc.chains[0].base_output == 100 and doc.projects[1].investment == 1234.5
    assert doc.overrides[0].years == "2026-2030"


# --- 3. unknown names are notices with the closest known name -------------------------------

def test_misnamed_sheet_column_and_setting_are_named(tmp_path):
    sheets = base()
    sheets["情景调整表"] = sheets.pop("Overrides")
    sheets = edit(sheets, {("Projects", "I1"): "概率", ("Projects", "K1"): "是否纳入",
                           ("Projects", "J1"): "延迟年数"})
    sheets["Settings"].append(["目标产值", 800])
    result = read_workbook(write(tmp_path / "n.xlsx", sheets))
    text = notes(result)
    assert "情景调整表: unknown sheet, ignored (did you mean 情景调整?)" in text
    assert "Projects!I1: unknown column '概率', ignored (did you mean 实现概率?)" in text
    assert "did you mean 纳入?" in text and "did you mean 延期年数?" in text
    assert "unknown setting '目标产值', ignored (did you mean 目标值?)" in text


def test_own_export_sheets_pass_quietly(tmp_path):
    from planner.io.export import export_workbook
    doc = read_workbook(write(tmp_path / "a.xlsx", base())).document
    export_workbook(doc, tmp_path / "out.xlsx", doc.scenario_names)
    assert not read_workbook(tmp_path / "out.xlsx").notes


# --- 4. damaged packages --------------------------------------------------------------------

def _rewrite_part(path: Path, part: str, change, drop: bool = False) -> None:
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == part:
                if drop:
                    continue
                data = change(data.decode()).encode()
            z.writestr(info.filename, data)


def test_sheet_without_its_part_is_an_error(tmp_path):
    path = write(tmp_path / "d.xlsx", base())
    _rewrite_part(path, "xl/worksheets/sheet3.xml", None, drop=True)
    text = errors(path)
    assert "Projects" in text and "missing" in text and "damaged" in text


def test_broken_shared_string_index_names_the_cell(tmp_path):
    path = _xlsxwriter_book(tmp_path / "d.xlsx", {})
    _rewrite_part(path, "xl/worksheets/sheet2.xml",
                  lambda x: x.replace('<c r="A2" t="s"><v>', '<c r="A2" t="s"><v>99999', 1))
    text = errors(path)
    assert "Chains!A2" in text and "Error" not in text


# --- 6. bounded work -------------------------------------------------------------------------

def test_stray_far_cell_does_not_make_a_sheet_too_large(tmp_path):
    path = tmp_path / "stray.xlsx"
    write(path, base())
    wb = openpyxl.load_workbook(path)
    wb["Chains"]["Z150000"] = "x"  # an unmapped column: ignored
    for r in range(20, 200):
        wb["Projects"].cell(r, 1).number_format = "0.00"  # formatting only
    wb.save(path)
    assert len(read_workbook(path).document.chains) == 2


def test_real_overflow_names_the_cell(tmp_path, monkeypatch):
    from planner.io import sheets
    monkeypatch.setattr(sheets, "ROW_CAP", 5)
    rows = base()
    rows["Growth"] += [["光伏", 2026 + i, 0.01] for i in range(4)]
    text = errors(write(tmp_path / "big.xlsx", rows))
    assert "Growth!A6: the sheet is too large" in text


def _sibling_flood(path: Path, megabytes: int) -> Path:
    """A valid workbook whose Projects sheet carries a flood of empty sibling elements."""
    write(path, base())
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, data in items:
            if name != "xl/worksheets/sheet3.xml":
                z.writestr(name, data)
                continue
            head, sep, tail = data.decode().partition("</sheetData>")
            with z.open(name, "w", force_zip64=True) as f:
                f.write(head.encode())
                written, row = 0, 10
                while written < megabytes * 2**20:
                    chunk = "".join(f'<row r="{r}"><c r="B{r}" s="0"/></row>'
                                    for r in range(row, row + 20_000)).encode()
                    f.write(chunk)
                    written += len(chunk)
                    row = 10 + (row + 20_000) % 1_000_000
                f.write((sep + tail).encode())
    return path


def test_150_mb_of_xml_siblings_is_refused_quickly(tmp_path):
    path = _sibling_flood(tmp_path / "flood.xlsx", 150)
    assert path.stat().st_size < 20 * 2**20
    start = time.perf_counter()
    text = errors(path)
    assert time.perf_counter() - start < 20
    assert "too large" in text and "Projects" in text


def test_shared_string_flood_is_refused(tmp_path, monkeypatch):
    from planner.io import package
    monkeypatch.setattr(package, "MAX_SHARED_STRINGS", 10)
    text = errors(_xlsxwriter_book(tmp_path / "s.xlsx", {}))
    assert "shared strings" in text and "more than 10" in text


def test_units_apply_to_the_v2_sheets_too(tmp_path):
    sheets = base()
    sheets["实绩"] = [["产业链", "年份", "产值(万元)"], ["光伏", "2024年", 1_050_000],
                     ["电子信息", 2024, "520,000"]]
    result = read_workbook(write(tmp_path / "a.xlsx", sheets))
    assert [r.output for r in result.document.actuals] == [105.0, 52.0]
    assert "converted to 亿元" in notes(result)
