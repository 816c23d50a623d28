"""The export's sensitivity and Monte Carlo sheets (issue: analysis → export)."""
import zipfile

import openpyxl
import pytest

from planner.analysis.montecarlo import MonteCarloParams, run_montecarlo
from planner.analysis.sensitivity import sensitivity
from planner.cli import main
from planner.io.export import export_workbook
from planner.io.reader import read_workbook
from sample_data import SAMPLE_WORKBOOK
from sample_data.leshan import leshan_document


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    doc = leshan_document()
    sens = sensitivity(doc, "压力情景")
    mc = run_montecarlo(doc, "压力情景", MonteCarloParams(800, 11, 0.03, 0.1, 0.0, 2.0))
    path = tmp_path_factory.mktemp("x") / "with_analysis.xlsx"
    export_workbook(doc, path, sensitivity=sens, montecarlo=mc)
    return doc, sens, mc, path


def _rows(ws):
    return list(ws.iter_rows(values_only=True))


def test_sensitivity_sheet_holds_sorted_levers_and_parameters(exported):
    doc, sens, _, path = exported
    ws = openpyxl.load_workbook(path)["敏感性分析"]
    rows = _rows(ws)
    assert "压力情景" in rows[0][0]
    facts = {r[0]: r[1] for r in rows[3:7]}
    assert facts["目标值(亿元)"] == 1000 and facts["基准值 Y(N)"] == pytest.approx(sens.base_value)
    header = rows.index(next(r for r in rows if r[0] == "因素"))
    table = rows[header + 1: header + 1 + len(sens.levers)]
    assert [r[0] for r in table] == [lv.lever.name_zh for lv in sens.levers]
    assert [r[5] for r in table] == pytest.approx([lv.swing for lv in sens.levers])


def test_montecarlo_sheet_is_labelled_with_seed_and_matches_result(exported):
    _, _, mc, path = exported
    rows = _rows(openpyxl.load_workbook(path)["蒙特卡洛模拟"])
    facts = {r[0]: r[1] for r in rows[3:12]}
    assert facts["模拟次数"] == 800 and facts["随机种子"] == 11
    assert facts["达标概率 P(Y(N)≥T)"] == pytest.approx(mc.prob_target)
    header = next(i for i, r in enumerate(rows) if r[0] == "年份")
    p50 = [r[3 + 3] for r in rows[header + 1: header + 1 + len(mc.years)]]
    assert p50 == pytest.approx(mc.quantiles()["p50"].tolist())


def test_analysis_sheets_have_native_charts_and_read_back_quietly(exported):
    doc, _, _, path = exported
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    # summary (2) + waterfall + one per calc sheet (4) + tornado + fan + first-year
    assert len(charts) == 2 + 1 + len(doc.scenarios) + 3
    read = read_workbook(path)
    assert read.document == doc and read.issues == ()


def test_cli_export_with_analysis_sheets(tmp_path, capsys):
    out = tmp_path / "cli.xlsx"
    code = main(["export", str(SAMPLE_WORKBOOK), "-o", str(out), "--lang", "en",
                 "--sensitivity", "--montecarlo"])
    assert code == 0
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert "Sensitivity" in names and "Monte Carlo" in names
