"""Recalculation in headless LibreOffice: every formula of an export, recomputed by an
independent spreadsheet engine, equals the cached (engine) value; edits move results."""
from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, given, settings

from models import Override
from planner.io.export import export_workbook, result_sheet_names
from planner.io.export.cells import put_formula
from planner.io.export.layout import CalcLayout
from planner.io.export.calc_history import history_blocks
from planner.io.export.values import calc_values, reforecast_inputs
from planner.model.evaluate import evaluate
from planner.io.template import new_workbook

from sample_data.leshan import leshan_document
from tests.export_checks import compare_recalculated, rich_document, summary_rows
from tests.lo_recalc import recalculate, require_soffice
from tests.strategies import documents

pytestmark = pytest.mark.usefixtures("soffice")


@pytest.fixture(scope="module")
def soffice():
    return require_soffice()


def check_export(doc, folder: Path, lang: str = "zh") -> int:
    """Export, recalculate, compare every formula and the Summary; formulas checked."""
    src = export_workbook(doc, folder / "export.xlsx", lang=lang)
    fresh = recalculate(src, folder / "lo")
    checked, bad = compare_recalculated(src, fresh)
    assert bad == [], "\n".join(bad[:20])
    summary = result_sheet_names(doc, lang=lang)[0]
    rows = summary_rows(fresh, summary)
    for name, res in evaluate(doc).results.items():
        assert rows[name][:len(res.years)] == pytest.approx(res.total.tolist(), rel=1e-9,
                                                            abs=1e-6)
        reached = rows[name][len(res.years)]
        assert reached == (res.target_year if res.target_year is not None else
                           ("未达到" if lang == "zh" else "not reached"))
    return checked


def test_libreoffice_really_recalculates(tmp_path):
    """A formula cached with a wrong value must come back right, or the checks below
    would pass on stale cached values."""
    src = tmp_path / "wrong.xlsx"
    wb = new_workbook(src)
    ws = wb.add_worksheet("计算_x'y")
    put_formula(ws, 0, 0, "=1+1", None, 5.0)
    ws.write_number(0, 1, 3)
    put_formula(ws, 0, 2, "=B1*2", None, -1.0)
    wb.close()
    assert openpyxl.load_workbook(src, data_only=True).active["A1"].value == 5
    out = openpyxl.load_workbook(recalculate(src, tmp_path / "lo"), data_only=True).active
    assert out["A1"].value == 2
    assert out["C1"].value == 6


def test_sample_recalculates_to_the_cached_values(tmp_path):
    checked = check_export(leshan_document(), tmp_path)
    assert checked > 4000


def test_rich_document_recalculates_in_english(tmp_path):
    assert check_export(rich_document(), tmp_path, lang="en") > 1000


def test_document_without_chains_recalculates(tmp_path):
    from planner.io.template import template_document
    assert check_export(template_document(), tmp_path) > 0


@settings(max_examples=3, deadline=None, derandomize=True, phases=[Phase.generate],
          suppress_health_check=list(HealthCheck))
@given(documents(max_projects=6).filter(
    lambda d: len(d.projects) >= 3 and (d.pipeline or d.incubation) and d.overrides))
def test_generated_documents_recalculate(doc):
    with tempfile.TemporaryDirectory() as tmp:
        assert check_export(doc, Path(tmp)) > 0


def test_editing_resolved_inputs_moves_results(tmp_path):
    """Raise a growth cell (after the anchor year) on 基准's sheet and the signed-stage
    probability on 压力情景's; LibreOffice's Summary must follow the engine run on the
    same changed inputs."""
    doc = leshan_document()
    src = export_workbook(doc, tmp_path / "export.xlsx")
    before = summary_rows(src, "汇总")
    wb = openpyxl.load_workbook(src)
    evaluation = evaluate(doc)
    evaluator = evaluation.evaluator
    parts = history_blocks(evaluation.history, doc)

    base = reforecast_inputs(evaluation, "基准")
    v = calc_values(base, evaluation.history, evaluation.results["基准"])
    lay = CalcLayout(len(base.chains), len(base.years), len(base.projects), v.width, parts)
    c, j = base.chains.index("晶硅光伏"), v.anchor_index + 2
    cell = wb["计算_基准"].cell(lay.chain_row("growth", c) + 1, lay.year_col(j) + 1)
    assert cell.value == pytest.approx(base.growth[c, j])
    cell.value = 0.25
    plan = evaluator.resolver.resolve("基准")
    growth = plan.growth.copy()
    growth[c, j] = 0.25
    expect_base = evaluator.run_inputs(replace(plan, growth=growth)).total

    stress = reforecast_inputs(evaluation, "压力情景")
    lay_s = CalcLayout(len(stress.chains), len(stress.years), len(stress.projects),
                       calc_values(stress, evaluation.history,
                                   evaluation.results["压力情景"]).width, parts)
    cell = wb["计算_压力情景"].cell(lay_s.stage_row("signed") + 1, 2)
    assert cell.value == pytest.approx(0.4)
    cell.value = 0.9
    expect_stress = evaluator.run("压力情景", extra=(
        Override("压力情景", "stages", "signed", "probability", 0.9),)).total
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)

    rows = summary_rows(recalculate(edited, tmp_path / "lo"), "汇总")
    n = len(base.years)
    assert rows["基准"][:n] == pytest.approx(expect_base.tolist(), rel=1e-9)
    assert rows["压力情景"][:n] == pytest.approx(expect_stress.tolist(), rel=1e-9)
    assert rows["基准"][j] > before["基准"][j] + 1
    assert rows["压力情景"][n - 1] > before["压力情景"][n - 1] + 1
    assert rows["加速突破"][:n] == pytest.approx(before["加速突破"][:n], rel=1e-9)
