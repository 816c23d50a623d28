"""`qianyi run` text, `qianyi progress` and `qianyi targets` on the November-2026 sample."""
import json

import pytest

from planner.cli import main
from sample_data import SAMPLE_WORKBOOK

SAMPLE = str(SAMPLE_WORKBOOK)


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_text_leads_with_the_year_and_marks_actual_years(capsys):
    code, out, err = run_cli(capsys, "run", SAMPLE, "--scenario", "基准")
    assert code == 0
    first_lines = out.splitlines()[:2]
    assert "2026年1-10月累计 540.24 亿元，全年预计 679.53 亿元" in first_lines[1]
    assert "2024        471.50" in out and "◀ 实绩" in out and "◀ 预计" in out
    assert "P08" in err and "notice:" in err


def test_progress_table_and_json(capsys):
    code, out, _ = run_cli(capsys, "progress", SAMPLE)
    assert code == 0 and "完成率 62.1%" in out and "174.08" in out
    code, out, _ = run_cli(capsys, "progress", SAMPLE, "--json")
    data = json.loads(out)
    assert data["progress"]["estimate"]["total"] == pytest.approx(679.534541, abs=1e-6)
    assert data["monthly"]["晶硅光伏"][0] == pytest.approx(10.71)   # 1–2月 21.42 halved
    assert data["monthly"]["晶硅光伏"][11] is None


def test_targets_table_and_json(capsys):
    code, out, _ = run_cli(capsys, "targets", SAMPLE)
    assert code == 0 and "190.00*" in out and "1,000.00" in out and "分季度目标" in out
    code, out, _ = run_cli(capsys, "targets", SAMPLE, "--json")
    data = json.loads(out)
    assert data["years"] == [2026, 2027] and data["total"] == pytest.approx([870, 1000])
    assert sum(data["months"]["total"]) == pytest.approx(870)
