"""A workbook fit to hand on (issue 13 items 5–8): sheet order, page set-up, number
formats, the surplus shown as such, readable charts, every stage in the 阶段 sheet."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from models import StageRow, labels
from planner.analysis.montecarlo import MonteCarloParams, run_montecarlo
from planner.analysis.sensitivity import sensitivity
from planner.io.export import export_workbook, is_result_sheet
from planner.io.reader import read_workbook
from sample_data.leshan import leshan_document
from tests.export_checks import rich_document


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    doc = leshan_document()
    name = doc.scenario_names[0]
    path = tmp_path_factory.mktemp("print") / "sample.xlsx"
    export_workbook(doc, path, sensitivity=sensitivity(doc, name),
                    montecarlo=run_montecarlo(doc, name, MonteCarloParams(200, 3, 0.03, 0.1, 0.0, 2.0)))
    return path


def _xml(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(member).decode()


def _sheet_xml(path: Path) -> dict[str, str]:
    """Sheet name -> its worksheet XML."""
    wb = openpyxl.load_workbook(path, read_only=True)
    names = wb.sheetnames
    wb.close()
    return {n: _xml(path, f"xl/worksheets/sheet{i}.xml") for i, n in enumerate(names, 1)}


def test_summary_is_first_and_selected(exported):
    wb = openpyxl.load_workbook(exported)
    assert wb.sheetnames[0] == "汇总"
    assert wb.active.title == "汇总"
    workbook_xml = _xml(exported, "xl/workbook.xml")
    assert 'activeTab="0"' in workbook_xml or "activeTab" not in workbook_xml
    assert 'tabSelected="1"' in _sheet_xml(exported)["汇总"]


def test_every_sheet_prints_landscape_one_page_wide_with_titles_and_page_numbers(exported):
    wb = openpyxl.load_workbook(exported)
    for name, xml in _sheet_xml(exported).items():
        ws = wb[name]
        # result sheets landscape; the narrow input tables print in portrait
        assert ws.page_setup.orientation == ("landscape" if is_result_sheet(name)
                                             else "portrait"), name
        assert ws.page_setup.paperSize == 9, name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert ws.page_setup.fitToWidth in (None, 1), name     # 1 is the default
        assert ws.page_setup.fitToHeight in (0, 1, 2, 3, None), name
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text, name
        assert ws.print_area, name
        assert ws.print_title_rows, name     # the header row repeats on every page
    for name in wb.sheetnames:
        if is_result_sheet(name) and name != "汇总" or name.startswith("计算_"):
            assert wb[name].print_title_cols, name


def test_every_money_figure_has_thousands_separators(exported):
    wb = openpyxl.load_workbook(exported)
    summary = wb["汇总"]
    assert summary["N2"].number_format == "#,##0.00"          # 2035 output of 基准
    calc = wb["计算_基准"]
    amounts = [c.number_format for row in calc.iter_rows() for c in row
               if c.data_type == "f" and c.number_format not in ("0.0%", "0.00", "0", "General")]
    assert amounts and all(f == "#,##0.00" for f in amounts), set(amounts)
    chains = wb["产业链"]
    assert chains["C2"].number_format == "#,##0.00"
    charts = "".join(_xml(exported, n) for n in zipfile.ZipFile(exported).namelist()
                     if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
    assert 'formatCode="0"' not in charts and 'formatCode="#,##0"' in charts


def test_surplus_is_shown_as_surplus_not_a_negative_gap(exported):
    wb = openpyxl.load_workbook(exported)
    ws = wb["汇总"]
    header = [c.value for c in ws[1]]
    col = header.index("目标年缺口/超出(亿元)") + 1
    values = openpyxl.load_workbook(exported, data_only=True)["汇总"]
    fmt = ws.cell(2, col).number_format
    assert fmt == '"缺口 "#,##0.00;"超出 "#,##0.00;0.00'
    gaps = {ws.cell(r, 1).value: values.cell(r, col).value for r in range(2, 6)}
    assert gaps["加速突破"] < 0 and gaps["压力情景"] > 0   # 1,048.51 and 804.94 against 1,000


def test_tornado_shows_every_lever_label_beside_its_bars(exported):
    wb = openpyxl.load_workbook(exported, read_only=True)
    names = wb.sheetnames
    wb.close()
    charts = [_xml(exported, n) for n in zipfile.ZipFile(exported).namelist()
              if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    tornado = next(c for c in charts if "<c:barDir val=\"bar\"/>" in c)
    assert '<c:overlap val="100"/>' in tornado                # low and high on one row
    assert '<c:tickLblPos val="low"/>' in tornado             # labels beside, not across
    assert '<c:tickLblSkip val="1"/>' in tornado              # none skipped
    assert '<c:orientation val="maxMin"/>' in tornado         # largest swing on top
    assert "敏感性分析" in names
    for chart in charts:                                       # no legend over the plot
        assert '<c:overlay val="1"/>' not in chart
        if "<c:legend>" in chart:
            assert '<c:legendPos val="b"/>' in chart


def test_gap_chart_labels_clear_of_the_axis_labels(exported):
    charts = [_xml(exported, n) for n in zipfile.ZipFile(exported).namelist()
              if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    gap = next(c for c in charts if "目标年缺口" in c and '<c:barDir val="col"/>' in c)
    # labels outside the bar ends (the default for columns), category names at the bottom
    assert "<c:dLblPos" not in gap or '<c:dLblPos val="outEnd"/>' in gap
    assert '<c:tickLblPos val="low"/>' in gap
    assert "超出" in gap                                        # labels say surplus


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_stage_sheet_lists_every_stage_in_effect_and_reads_back_the_same(tmp_path, lang):
    doc = rich_document()            # one given stage row (signed 0.5), four defaults
    assert [s.stage for s in doc.stages] == ["signed"]
    out = export_workbook(doc, tmp_path / "x.xlsx", lang=lang)
    ws = openpyxl.load_workbook(out, data_only=True)[labels.sheet_label("stages", lang)]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=8, min_col=4,
                                                         max_col=6)]
    shown = {labels.stage_label(k, "zh") if lang == "zh" else k: k for k in labels.STAGES}
    got = {shown[r[0]]: (r[1], r[2]) for r in rows}
    given, default = ("设定", "默认") if lang == "zh" else ("given", "default")
    expect = {k: (p, default) for k, p in labels.DEFAULT_STAGE_PROBABILITY.items()}
    expect["signed"] = (0.5, given)
    assert got == expect
    assert all(ws.cell(1, c).value is None for c in range(4, 8))   # no header in row 1
    read = read_workbook(out)
    assert read.document.stages == doc.stages and read.issues == ()


def test_document_with_all_stages_given_reads_back_the_same(tmp_path):
    doc = leshan_document()
    doc = doc.replace(stages=tuple(StageRow(k, 0.5) for k in labels.STAGES))
    out = export_workbook(doc, tmp_path / "all.xlsx")
    assert read_workbook(out).document == doc
