"""Workbook export: Summary layout, cached values equal to the engine, safe formulas."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from planner.cli import main
from planner.model.engine import project
from planner.io.export import (Cancelled, calc_sheet_names, export_workbook,
                               result_sheet_names)
from planner.io.export.calc_history import history_blocks
from planner.model.evaluate import evaluate
from planner.io.export.layout import CalcLayout
from planner.io.export.naming import sheet_name
from planner.io.export.values import calc_values, reforecast_inputs
from sample_data.leshan import leshan_document, leshan_document_v1
from tests.export_checks import (HOSTILE, forbidden_in, formula_cells, hostile_document,
                                 rich_document, summary_rows)

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "leshan_2023.xlsx"


@pytest.fixture(scope="module")
def exported(tmp_path_factory, v1_workbook) -> Path:
    """The v1 sample exported: the summary is checked against v1 golden values."""
    out = tmp_path_factory.mktemp("export") / "out.xlsx"
    assert main(["export", str(v1_workbook), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def run_json(tmp_path_factory, v1_workbook) -> dict:
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["run", str(v1_workbook), "--json"]) == 0
    return json.loads(buf.getvalue())


def test_summary_headers_are_years_as_numbers(exported):
    ws = openpyxl.load_workbook(exported)["汇总"]
    header = [c.value for c in ws[1]]
    assert header[0] == "情景"
    years = header[1:14]
    assert years == list(range(2023, 2036))
    assert all(type(y) is int for y in years)
    assert header[14:19] == ["达到目标年份", "目标年产值(亿元)", "目标年缺口/超出(亿元)",
                             "所需年均增速", "预测年均增速"]


def test_summary_row_per_scenario_with_engine_totals(exported, run_json):
    rows = summary_rows(exported, "汇总")
    wb = openpyxl.load_workbook(exported)
    ws = wb["汇总"]
    names = [s["name"] for s in run_json["scenarios"]]
    assert [ws.cell(r, 1).value for r in range(2, 2 + len(names))] == names
    assert all(ws.cell(r, 1).data_type == "s" for r in range(2, 2 + len(names)))
    for i, sc in enumerate(run_json["scenarios"], start=2):
        values = rows[sc["name"]]
        assert values[:13] == pytest.approx(sc["total"], rel=0, abs=1e-6)
        reached, yn, gap, req, imp = values[13:18]
        assert reached == sc["target_year"]
        assert yn == pytest.approx(sc["value_at_target_year"], abs=1e-6)
        assert gap == pytest.approx(sc["gap_at_target_year"], abs=1e-6)
        assert req == pytest.approx(sc["required_cagr"], abs=1e-12)
        assert imp == pytest.approx(sc["implied_cagr"], abs=1e-12)
        # the totals are live links to the scenario's calculation sheet
        assert ws.cell(i, 2).value == f"='计算_{sc['name']}'!C6"
    golden = [560.00, 461.58, 561.72, 796.09, 1019.22, 1186.21, 1306.44, 1410.17, 1519.36,
              1630.02, 1735.30, 1835.35, 1936.81]
    assert rows["基准"][:13] == pytest.approx(golden, abs=0.005)


def test_every_formula_has_a_cached_value(exported):
    cached = openpyxl.load_workbook(exported, data_only=True)
    cells = list(formula_cells(exported))
    assert len(cells) > 4000
    missing = [f"{s}!{c}" for s, c, _ in cells if cached[s][c].value is None]
    assert missing == []


def test_no_forbidden_or_volatile_function(exported):
    offenders = [(s, c, f) for s, c, f in formula_cells(exported) if forbidden_in(f)]
    assert offenders == []
    assert forbidden_in("=SUM(A1)+NOW()") == ["NOW"]
    assert forbidden_in("='计算_FILTER(x)'!A1&\"OFFSET(\"") == []


def test_calc_sheet_cached_values_are_the_engines(tmp_path):
    doc = rich_document()
    out = export_workbook(doc, tmp_path / "rich.xlsx")
    evaluation = evaluate(doc)
    wb = openpyxl.load_workbook(out, data_only=True)
    for name, sheet in zip(doc.scenario_names, calc_sheet_names(doc)):
        inputs = reforecast_inputs(evaluation, name)
        res = evaluation.results[name]
        v = calc_values(inputs, evaluation.history, res)
        lay = CalcLayout(len(inputs.chains), len(inputs.years), len(inputs.projects), v.width,
                         history_blocks(evaluation.history, doc))
        ws = wb[sheet]

        def row(r: int) -> list[float]:
            return [ws.cell(r + 1, lay.year_col(j) + 1).value for j in range(len(inputs.years))]

        assert row(lay.total_row) == pytest.approx(res.total.tolist(), rel=1e-12)
        assert row(lay.value_added_row) == pytest.approx(res.value_added.tolist(), rel=1e-12)
        assert row(lay.investment_row) == pytest.approx(res.investment.tolist(), rel=1e-12)
        for c in range(len(inputs.chains)):
            assert row(lay.chain_row("chain_output", c)) == pytest.approx(
                res.chain_total[c].tolist(), rel=1e-12)
        for i in range(len(inputs.projects)):
            price = inputs.price[inputs.projects.chain_index[i]]
            assert [x * p for x, p in zip(row(lay.rows["projects"] + i), price)] == \
                pytest.approx(res.project_output[i].tolist(), rel=1e-12, abs=1e-12)


def test_user_strings_stay_text(tmp_path):
    doc = hostile_document(leshan_document())
    out = export_workbook(doc, tmp_path / "hostile.xlsx")
    wb = openpyxl.load_workbook(out)
    seen = {h: 0 for h in HOSTILE}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value in seen:
                    assert c.data_type == "s", f"{ws.title}!{c.coordinate}"
                    seen[c.value] += 1
                if c.data_type == "f":
                    assert "HYPERLINK" not in str(c.value)
    # names on the project input sheet and on every calculation sheet; notes on input
    assert all(n >= 5 for n in seen.values()), seen


def test_english_export(tmp_path):
    out = tmp_path / "en.xlsx"
    assert main(["export", str(SAMPLE), "-o", str(out), "--lang", "en",
                 "--scenario", "压力情景", "--scenario", "基准"]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:6] == ["Summary", "Target breakdown", "Attribution", "Actual vs plan",
                                 "Monthly progress", "Settings"]
    assert wb.sheetnames[-2:] == ["Calc_压力情景", "Calc_基准"]
    assert wb["Summary"]["A1"].value == "Scenario"
    assert [wb["Summary"].cell(r, 1).value for r in (2, 3)] == ["压力情景", "基准"]
    with zipfile.ZipFile(out) as z:
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        text = "".join(z.read(n).decode() for n in charts)
    assert len(charts) == 5  # totals, gap, waterfall, one per calculation sheet (two)
    assert "Total output and target" in text and "Output by chain" in text


def test_native_charts_zh(exported):
    with zipfile.ZipFile(exported) as z:
        charts = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        text = "".join(z.read(n).decode() for n in charts)
    assert len(charts) == 2 + 1 + 4          # totals, gap, waterfall, calculation sheets
    assert "总产值与目标" in text and "目标年缺口" in text and "各产业链产值" in text
    assert "产值来源" in text
    assert text.count("<c:lineChart>") == 1 + 4 and "<c:barChart>" in text
    assert 'grouping val="stacked"' in text


def test_sheet_names_are_valid_and_unique():
    taken = {"设置", "汇总"}
    names = [sheet_name("计算_", n, taken) for n in
             ["a/b", "a:b", "[x]*?", "a" * 40, "a" * 40, "A" * 40, "x'", "汇总", "History"]]
    assert names[:3] == ["计算_a_b", "计算_a_b~2", "计算__x___"]
    assert all(len(n) <= 31 for n in names)
    assert len({n.casefold() for n in names}) == len(names)
    assert not any(n.endswith("'") for n in names)
    assert sheet_name("", "History", set()) != "History"


def test_progress_and_cancel(tmp_path):
    doc = leshan_document()
    seen: list[float] = []
    export_workbook(doc, tmp_path / "ok.xlsx", progress=lambda f: seen.append(f) or True)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen) and len(seen) > 5

    target = tmp_path / "keep.xlsx"
    target.write_bytes(b"old")
    calls = []

    def stop_soon(f: float) -> bool:
        calls.append(f)
        return len(calls) < 4

    with pytest.raises(Cancelled):
        export_workbook(doc, target, progress=stop_soon)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.xlsx", "ok.xlsx"]


def test_unknown_scenario_is_an_error(tmp_path, capsys):
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "x.xlsx"),
                 "--scenario", "无此情景"]) == 2
    assert "无此情景" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_result_sheets_are_recognised(exported):
    from planner.io.export import is_result_sheet
    names = openpyxl.load_workbook(exported, read_only=True).sheetnames
    assert [n for n in names if is_result_sheet(n)] == result_sheet_names(leshan_document_v1())
    assert not any(is_result_sheet(n) for n in ("设置", "Projects", "计划"))
    assert is_result_sheet("Calc_基准") and is_result_sheet(" summary ")
