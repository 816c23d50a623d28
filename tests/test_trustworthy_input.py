"""Issue 9: no silent wrong numbers, clean exits, full precision (CLI and analysis)."""
from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

import numpy as np
import pytest

from models import Chain, Document, Project, Scenario
from planner.analysis.goalseek import seek_growth
from planner.analysis.montecarlo import MAX_DRAWS
from planner.analysis.sensitivity import sensitivity
from planner.cli import main
from planner.io.reader import read_workbook
from planner.model.engine import incubation_volume
from tests.builders import chain, doc, proj, run, settings
from tests.workbooks import base, edit, write


def cli(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def book(tmp_path) -> Path:
    return write(tmp_path / "plan.xlsx", base())


# --- 3. notices on stderr; 8. capped lists ----------------------------------------------------

def test_cli_prints_notices_for_unknown_names(tmp_path, capsys):
    sheets = base()
    sheets["情景调整表"] = sheets.pop("Overrides")
    path = write(tmp_path / "n.xlsx", sheets)
    code, out, err = cli(capsys, "run", path, "--json")
    assert code == 0 and json.loads(out)
    assert "note: " in err and "did you mean 情景调整?" in err


def test_cli_caps_the_problem_list(tmp_path, capsys):
    sheets = base()
    sheets["Growth"] += [["没有", 2025, 0.1]] * 300
    code, out, err = cli(capsys, "run", write(tmp_path / "m.xlsx", sheets))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 51 and lines[-1].startswith("…and ") and "more" in lines[-1]


# --- 5. non-finite results ---------------------------------------------------------------------

def test_huge_base_output_is_refused_not_printed_as_infinity(tmp_path, capsys):
    path = write(tmp_path / "big.xlsx", edit(base(), {("Chains", "C2"): 1e308,
                                                      ("Chains", "D2"): 0.5}))
    for args in (("run", path, "--json"), ("run", path)):
        code, out, err = cli(capsys, *args)
        assert code == 2 and "Infinity" not in out and "NaN" not in out
        assert "not finite" in err


@pytest.mark.parametrize("args", [
    ("goalseek", "--lever", "investment", "--mix", "光伏=inf"),
    ("goalseek", "--lever", "investment", "--mix", "光伏=0.5,光伏=0.5"),
    ("montecarlo", "--growth-sd", "inf"), ("montecarlo", "--seed", "-1"),
    ("montecarlo", "--draws", str(10**9)), ("montecarlo", "--draws", str(10**12)),
])
def test_bad_analysis_arguments_exit_2(book, capsys, args):
    code, out, err = cli(capsys, args[0], book, *args[1:])
    assert code == 2, err
    assert "Error" not in err and "Traceback" not in err and err.strip()


def test_max_draws_is_documented():
    guide = (Path(__file__).parents[1] / "docs" / "user-guide.en.md").read_text("utf-8")
    assert f"{MAX_DRAWS:,}" in guide


# --- 7. exit 2 for file problems --------------------------------------------------------------

def test_zip_feature_not_supported_is_exit_2(book, tmp_path, capsys):
    data = bytearray(book.read_bytes())
    # "version needed to extract" 11.8 → zipfile raises NotImplementedError on open
    i = data.find(b"PK\x03\x04")
    while i != -1:
        data[i + 4:i + 6] = (118).to_bytes(2, "little")
        i = data.find(b"PK\x03\x04", i + 4)
    j = data.find(b"PK\x01\x02")
    while j != -1:
        data[j + 6:j + 8] = (118).to_bytes(2, "little")
        j = data.find(b"PK\x01\x02", j + 4)
    bad = tmp_path / "v118.xlsx"
    bad.write_bytes(bytes(data))
    code, out, err = cli(capsys, "run", bad)
    assert code == 2 and "NotImplementedError" not in err and "damaged" in err


def test_full_disk_while_exporting_is_exit_2(book, tmp_path, capsys, monkeypatch):
    import xlsxwriter.workbook
    from xlsxwriter.exceptions import FileCreateError

    def full(self, *a, **k):
        raise FileCreateError(OSError(28, "No space left on device"))
    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "_store_workbook", full)
    code, out, err = cli(capsys, "export", book, "-o", tmp_path / "out.xlsx")
    assert code == 2 and "cannot write" in err and "FileCreateError" not in err
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]


# --- 11. CLI consistency ---------------------------------------------------------------------

def test_scenario_name_is_trimmed_and_fullwidth_equals(book, capsys):
    code, out, err = cli(capsys, "run", book, "--scenario", " 基准 ", "--json")
    assert code == 0 and json.loads(out)["scenarios"][0]["name"] == "基准"
    code, out, err = cli(capsys, "goalseek", book, "--lever", "investment",
                         "--mix", "光伏＝1", "--json")
    assert code == 0 and json.loads(out)["mix"] == {"光伏": 1.0}


def test_export_refuses_a_non_xlsx_output(book, tmp_path, capsys):
    code, out, err = cli(capsys, "export", book, "-o", tmp_path / "out.csv")
    assert code == 2 and ".xlsx" in err and not (tmp_path / "out.csv").exists()


# --- 12. ramps at full precision; 13. lossless numeric text -----------------------------------

def test_ramps_keep_full_precision_through_read_and_export(tmp_path):
    sheets = edit(base(), {("Chains", "G2"): "0.1000004999,1"})
    sheets["Settings"].append(["default_ramp", "0.2999999999,0.7000000001,1"])
    sheets["Overrides"].append(["乐观", "chains", "光伏", "ramp", None, "set", "0.1234567891,1"])
    doc1 = read_workbook(write(tmp_path / "r.xlsx", sheets)).document
    assert doc1.chains[0].ramp == (0.1000004999, 1.0)
    assert doc1.overrides[-1].value == "0.1234567891,1"
    from planner.io.export import export_workbook
    export_workbook(doc1, tmp_path / "out.xlsx", doc1.scenario_names)
    doc2 = read_workbook(tmp_path / "out.xlsx").document
    assert doc2 == doc1


def test_seventeen_digit_floats_survive_a_save(tmp_path):
    from planner.io.template import write_document
    d = read_workbook(write(tmp_path / "a.xlsx", base())).document
    value = 0.1 + 0.2  # 0.30000000000000004
    d = d.replace(chains=(d.chains[0].__class__(**{**d.chains[0].__dict__,
                                                    "base_output": 1 / 3 + value}),
                          *d.chains[1:]))
    write_document(tmp_path / "b.xlsx", d)
    assert read_workbook(tmp_path / "b.xlsx").document.chains[0].base_output == 1 / 3 + value


def test_numeric_ids_are_kept_losslessly(tmp_path):
    sheets = edit(base(), {("Projects", "A2"): 1000000.5, ("Projects", "A3"): 1000000.25,
                           ("Overrides", "C3"): 1000000.5})
    d = read_workbook(write(tmp_path / "ids.xlsx", sheets)).document
    assert [p.id for p in d.projects] == ["1000000.5", "1000000.25"]


# --- 14. incubation without 0/0 ----------------------------------------------------------------

def test_incubation_with_underflowing_index_is_finite():
    d = doc([chain("A", 100.0, growth=-0.9999999)], settings=settings(end_year=2073,
                                                                       target_year=2030))
    r = run(d)
    assert np.all(np.isfinite(r.total)) and np.all(np.isfinite(r.incubation))


def test_incubation_matches_the_cohort_sum_with_batch_axes():
    rng = np.random.default_rng(3)
    grads, rev = rng.random((4, 2, 9)), rng.random((4, 2, 9))
    growth = rng.uniform(-0.5, 0.5, (4, 2, 9))
    growth[..., 0] = 0
    index = np.cumprod(1 + growth, axis=-1)
    expected = np.zeros_like(grads)
    for y in range(9):
        for v in range(y + 1):
            expected[..., y] += grads[..., v] * rev[..., v] * index[..., y] / index[..., v]
    assert np.allclose(incubation_volume(grads, rev, index), expected, rtol=1e-12)


# --- 15. goal seek on non-finite values ---------------------------------------------------------

def test_growth_goal_seek_is_infeasible_not_nan():
    d = doc([chain("A", 2000.0, growth=0.6), chain("B", 10.0, growth=-0.5)],
            settings=settings(end_year=2063, target_year=2063))
    r = seek_growth(d, d.scenarios[0].name)
    assert not r.feasible and r.value is None
    assert r.value_at_target_year_after is None or math.isfinite(r.value_at_target_year_after)


# --- 16. sensitivity levers clamped ------------------------------------------------------------

def test_sensitivity_with_delay_20_and_growth_minus_98():
    d = doc([chain("A", 100.0, growth=-0.98), chain("B", 50.0, growth=0.05)],
            [proj("P1", "A", delay=20), proj("P2", "B", delay=1)])
    s = sensitivity(d, d.scenarios[0].name)
    names = [r.lever.name for r in s.levers]
    assert any("clamped" in n for n in names)
    assert any("already at 20" in n for n in names)
    growth_a = next(r for r in s.levers if r.lever.name.startswith("growth A"))
    assert growth_a.low.value <= s.base_value
    assert all(math.isfinite(r.low.value) and math.isfinite(r.high.value) for r in s.levers)
