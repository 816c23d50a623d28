"""The qianyi CLI: JSON shape, exit codes, messages."""
import json
import subprocess
import sys

import pytest

from planner.cli import main
from tests.test_golden import GOLDEN_6DP


@pytest.fixture
def sample(v1_workbook) -> str:
    """The v1 sample workbook: these tests check v1 numbers (tests/test_golden.py)."""
    return str(v1_workbook)


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_json_shape_and_golden_values(capsys, sample):
    code, out, err = run_cli(capsys, "run", sample, "--json")
    assert code == 0
    data = json.loads(out)
    assert {"park", "metric", "unit", "base_year", "target", "warnings", "scenarios"} <= set(data)
    assert data["unit"] == "亿元" and data["target"] == {"value": 1000.0, "year": 2027}
    by_name = {s["name"]: s for s in data["scenarios"]}
    assert list(by_name) == ["基准", "加速突破", "压力情景", "三大优势产业"]
    for name, text in GOLDEN_6DP.items():
        expected = [float(x) for x in text.split()]
        assert by_name[name]["total"] == pytest.approx(expected, abs=1e-6)
    s = by_name["基准"]
    keys = {"name", "parent", "description", "years", "total", "chains", "value_added",
            "investment", "target_year", "value_at_target_year", "gap_at_target_year",
            "required_cagr", "implied_cagr"}
    assert keys <= set(s)
    assert set(s["chains"]["晶硅光伏"]) >= {"base", "projects", "pipeline", "incubation", "total"}
    assert by_name["压力情景"]["target_year"] == 2028 and by_name["加速突破"]["parent"] == "基准"


def test_run_text_and_scenario_selection(capsys, sample):
    code, out, _ = run_cli(capsys, "run", sample, "--scenario", "压力情景")
    assert code == 0 and "压力情景" in out and "2028 年达到" in out and "加速突破" not in out


def test_unknown_scenario_is_exit_2_with_message(capsys, sample):
    code, out, err = run_cli(capsys, "run", sample, "--scenario", "没有")
    assert code == 2 and out == "" and "unknown scenario" in err and sample in err


def test_missing_file_is_exit_2_without_traceback(capsys, tmp_path):
    code, out, err = run_cli(capsys, "run", str(tmp_path / "nope.xlsx"))
    assert code == 2 and out == "" and "Traceback" not in err and "nope.xlsx" in err


def test_unexpected_error_is_exit_1_without_traceback(capsys, monkeypatch, sample):
    import planner.model.evaluate
    monkeypatch.setattr(planner.model.evaluate, "project", lambda *a: 1 / 0)
    code, out, err = run_cli(capsys, "run", sample)
    assert code == 1 and "Traceback" not in err and "--debug" in err


def test_analysis_commands_json(capsys, sample):
    code, out, _ = run_cli(capsys, "goalseek", sample, "--scenario", "压力情景",
                           "--lever", "growth", "--json")
    g = json.loads(out)
    assert code == 0 and g["feasible"] and g["value_at_target_year_after"] == pytest.approx(1000, abs=1e-6)
    assert {"scenario", "lever", "feasible", "value", "value_at_target_year_after", "message"} <= set(g)
    code, out, _ = run_cli(capsys, "sensitivity", sample, "--json")
    s = json.loads(out)
    assert code == 0 and s["levers"][0]["swing"] >= s["levers"][-1]["swing"]
    code, out, _ = run_cli(capsys, "montecarlo", sample, "--draws", "300", "--seed", "5", "--json")
    m = json.loads(out)
    assert code == 0 and m["draws"] == 300 and m["seed"] == 5
    assert set(m["quantiles"]) == {"p5", "p10", "p25", "p50", "p75", "p90", "p95"}
    assert "none" in m["first_year"] and 0 <= m["prob_target"] <= 1
    code, out2, _ = run_cli(capsys, "montecarlo", sample, "--draws", "300", "--seed", "5", "--json")
    assert out2 == out


def test_bad_mix_is_exit_2(capsys, sample):
    code, out, err = run_cli(capsys, "goalseek", sample, "--lever", "investment", "--mix", "x")
    assert code == 2 and "--mix" in err


def test_console_script_runs(sample):
    out = subprocess.run([sys.executable, "-m", "planner.cli", "run", sample, "--json"],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["scenarios"][0]["target_year"] == 2027


def test_unwritable_template_target_is_exit_2(capsys, tmp_path):
    target = tmp_path / "missing" / "t.xlsx"
    code, out, err = run_cli(capsys, "template", "-o", str(target))
    assert code == 2 and "cannot write" in err and "Traceback" not in err
