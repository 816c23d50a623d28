"""The export of a document with actuals, monthly figures and targets (issues 11 item 6,
12 item 5): the re-forecast as live formulas, the report sheets, every formula
recalculated by LibreOffice to the engine's number, corrections moving later years."""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from models import ActualRow
from planner.io.export import calc_sheet_names, export_workbook, is_result_sheet
from planner.io.export.layout import CalcLayout
from planner.io.export.calc_history import history_blocks
from planner.io.export.values import calc_values, reforecast_inputs
from planner.io.reader import read_workbook
from planner.model.attribution import attribution_of
from planner.model.evaluate import evaluate
from sample_data.leshan import leshan_document
from tests.export_checks import (compare_recalculated, rich_document, summary_rows,
                                 with_history)
from tests.lo_recalc import recalculate, require_soffice

REPORT_ZH = ["年度目标分解", "产值来源", "实绩对比", "月度进度"]
REPORT_EN = ["Target breakdown", "Attribution", "Actual vs plan", "Monthly progress"]


@pytest.fixture(scope="module")
def v2_doc():
    return with_history(leshan_document())


@pytest.fixture(scope="module")
def exported(v2_doc, tmp_path_factory) -> Path:
    return export_workbook(v2_doc, tmp_path_factory.mktemp("v2") / "v2.xlsx")


def _layout(doc, evaluation, name):
    inputs = reforecast_inputs(evaluation, name)
    v = calc_values(inputs, evaluation.history, evaluation.results[name])
    return inputs, CalcLayout(len(inputs.chains), len(inputs.years), len(inputs.projects),
                              v.width, history_blocks(evaluation.history, doc))


def test_report_sheets_follow_the_summary_and_read_back_quietly(v2_doc, exported, tmp_path):
    names = openpyxl.load_workbook(exported, read_only=True).sheetnames
    assert names[:5] == ["汇总", *REPORT_ZH]
    assert all(is_result_sheet(n) for n in REPORT_ZH + REPORT_EN)
    assert not is_result_sheet("目标分解") and not is_result_sheet("实绩")
    read = read_workbook(exported)
    assert read.issues == ()
    en = export_workbook(v2_doc, tmp_path / "en.xlsx", lang="en")
    assert openpyxl.load_workbook(en, read_only=True).sheetnames[:5] == ["Summary", *REPORT_EN]
    assert read_workbook(en).issues == ()


def test_reopened_export_is_the_same_document(v2_doc, exported):
    from tests.test_export_roundtrip import canonical
    assert read_workbook(exported).document == canonical(v2_doc)


def test_cached_values_are_the_engines(v2_doc, exported):
    ev = evaluate(v2_doc)
    wb = openpyxl.load_workbook(exported, data_only=True)
    for name, sheet in zip(v2_doc.scenario_names, calc_sheet_names(v2_doc)):
        inputs, lay = _layout(v2_doc, ev, name)
        res = ev.results[name]
        ws = wb[sheet]

        def row(r: int) -> list[float]:
            return [ws.cell(r + 1, lay.year_col(j) + 1).value for j in range(len(inputs.years))]

        assert row(lay.total_row) == pytest.approx(res.total.tolist(), rel=1e-12)
        assert row(lay.value_added_row) == pytest.approx(res.value_added.tolist(), rel=1e-12)
        assert row(lay.investment_row) == pytest.approx(res.investment.tolist(), rel=1e-12)
        for c in range(len(inputs.chains)):
            assert row(lay.chain_row("chain_output", c)) == pytest.approx(
                res.chain_total[c].tolist(), rel=1e-12)
        # the anchor: a* = 2026 from the Jan–Oct nowcast, a = 2025
        key = [ws.cell(lay.rows["key_years"] + i + 1, lay.year_col(0) + 1).value
               for i in range(3)]
        assert key == [2025, 2026, 10]
    targets = ev.targets
    ws = wb["年度目标分解"]
    found: dict = {}
    for r in range(1, 40):        # the first table; the reference scenario's Z follows it
        y = ws.cell(r, 1).value
        if y in targets.years and y not in found:
            found[y] = [ws.cell(r, 3 + c).value for c in range(len(targets.chains))]
            assert ws.cell(r, 2).value == pytest.approx(targets.total[targets.years.index(y)])
    for i, y in enumerate(targets.years):
        assert found[y] == pytest.approx(targets.by_chain[:, i].tolist(), rel=1e-12)
    att = attribution_of(ev, "基准")
    ws = wb["产值来源"]
    items = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(5, 20)}
    assert items["终点 Y(N)"] == pytest.approx(att.end, rel=1e-12)
    assert items["起点 Y(a*)"] == pytest.approx(att.start, rel=1e-12)
    assert items["项目(投产)"] == pytest.approx(att.projects["production"], rel=1e-12)
    ws = wb["月度进度"]
    total = next(r for r in range(1, 30) if ws.cell(r, 1).value == "合计")
    estimate = ws.cell(total, 13 + 1 + 2).value
    assert estimate == pytest.approx(ev.progress.estimate_total, rel=1e-12)


@pytest.fixture(scope="module")
def soffice():
    return require_soffice()


def check(doc, folder: Path, lang: str = "zh") -> int:
    src = export_workbook(doc, folder / "x.xlsx", lang=lang)
    checked, bad = compare_recalculated(src, recalculate(src, folder / "lo"))
    assert bad == [], "\n".join(bad[:20])
    return checked


@pytest.mark.parametrize("make, lang", [
    (lambda: with_history(leshan_document()), "zh"),
    (lambda: with_history(rich_document()), "en"),
    (lambda: with_history(leshan_document(), nowcast=False), "zh"),
    (lambda: with_history(leshan_document(), months_done=0), "en"),
])
def test_history_exports_recalculate_to_the_engines_numbers(soffice, make, lang, tmp_path):
    assert check(make(), tmp_path, lang) > 1000


@settings(max_examples=3, deadline=None, derandomize=True, phases=[Phase.generate],
          suppress_health_check=list(HealthCheck))
@given(st.integers(1, 12), st.booleans())
def test_any_month_count_recalculates(soffice, months, nowcast):
    doc = with_history(leshan_document(), months_done=months, nowcast=nowcast)
    with tempfile.TemporaryDirectory() as tmp:
        assert check(doc, Path(tmp)) > 1000


def _cell_of(ws, *match) -> openpyxl.cell.Cell:
    for row in ws.iter_rows(min_row=2):
        if tuple(c.value for c in row[:len(match)]) == match:
            return row
    raise KeyError(match)


def test_correcting_an_actual_moves_every_later_year(soffice, v2_doc, exported, tmp_path):
    """Raise 晶硅光伏's 2025 actual and a 2026 monthly figure in the input sheets; after
    LibreOffice recalculates, every scenario's Summary row equals the engine run on the
    corrected document, and the later years moved."""
    before = summary_rows(exported, "汇总")
    wb = openpyxl.load_workbook(exported)
    row = _cell_of(wb["实绩"], "晶硅光伏", 2025)
    row[2].value = row[2].value + 40.0
    month = _cell_of(wb["月度实绩"], "电子信息", 2026, 5)
    month[3].value = month[3].value + 6.0
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    doc = v2_doc.replace(
        actuals=tuple(ActualRow(r.chain, r.year, r.output + 40.0, r.value_added, r.investment)
                      if (r.chain, r.year) == ("晶硅光伏", 2025) else r for r in v2_doc.actuals),
        monthly=tuple(type(r)(r.chain, r.year, r.month, r.output + 6.0, r.combined)
                      if (r.chain, r.year, r.month) == ("电子信息", 2026, 5) else r
                      for r in v2_doc.monthly))
    expect = evaluate(doc)
    rows = summary_rows(recalculate(edited, tmp_path / "lo"), "汇总")
    n = len(expect.results["基准"].years)
    for name, res in expect.results.items():
        assert rows[name][:n] == pytest.approx(res.total.tolist(), rel=1e-9)
        assert all(after > old + 1 for after, old in zip(rows[name][3:n], before[name][3:n]))
    # the reader only warns that 2025's months no longer add up to the corrected actual
    assert not any(i.is_error for i in read_workbook(edited).issues)
