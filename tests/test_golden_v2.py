"""Golden values of the November-2026 sample (sample-data.md, "The sample, v2")."""
from __future__ import annotations

import json

import numpy as np
import pytest

from planner.cli import main
from planner.model.attribution import attribution_of, override_effects_of
from planner.model.evaluate import evaluate
from sample_data import SAMPLE_WORKBOOK
from sample_data.leshan import leshan_document

REFORECAST = {
    "基准": "560.00 471.50 522.60 679.53 925.86 1142.13 1330.87 1458.75 1590.36 1726.44 1860.61 1993.59 2132.66",
    "加速突破": "560.00 471.50 522.60 679.53 1048.51 1316.81 1567.56 1766.67 1980.58 2203.29 2425.05 2648.37 2886.46",
    "压力情景": "560.00 471.50 522.60 679.53 804.94 1022.16 1205.04 1359.03 1480.70 1604.08 1729.19 1856.87 1992.93",
    "三大优势产业": "560.00 471.50 522.60 679.53 931.26 1157.82 1361.40 1507.15 1657.04 1814.06 1970.59 2127.36 2293.02",
}
PLAN = {
    "基准": "560.00 462.30 566.55 806.84 1051.02 1243.13 1388.65 1496.71 1605.89 1716.55 1821.83 1921.88 2023.35",
    "加速突破": "560.00 474.72 733.94 992.58 1275.77 1535.16 1752.25 1935.03 2125.90 2321.66 2511.80 2697.97 2892.28",
    "压力情景": "560.00 462.30 548.83 717.70 876.90 1084.77 1250.21 1384.50 1483.90 1582.01 1678.38 1773.31 1871.93",
    "三大优势产业": "560.00 466.15 575.19 823.18 1078.80 1289.37 1456.49 1587.30 1718.44 1854.42 1987.26 2117.32 2252.79",
}
REACHES = {"基准": 2028, "加速突破": 2027, "压力情景": 2028, "三大优势产业": 2028}
BASE_6DP = ("560.000000 471.500000 522.600000 679.534541 925.857385 1142.129645 1330.870532 "
            "1458.754226 1590.358247 1726.440013 1860.610992 1993.585168 2132.664004")
PLAN_6DP = ("560.000000 462.300000 566.545400 806.838672 1051.023294 1243.132111 1388.650800 "
            "1496.709885 1605.893023 1716.554283 1821.831243 1921.880251 2023.345646")
EFFECTS = {"加速突破": [20.8608, 89.5061, 12.2850, 0.0],
           "压力情景": [-69.7058, 0.0, -42.3750, -8.8380],
           "三大优势产业": [2.9071, 2.4906, 0.0, 0.0]}
CHAINS_2026 = {"晶硅光伏": 190.0, "电子信息": 160.9967, "大数据": 21.0614, "正极材料": 130.2336,
               "负极材料": 119.5681, "新型储能": 71.6468, "新能源智能制造": 96.2994,
               "生物医药": 36.3055, "其他产业": 43.8887}
CHAINS_2027 = {"晶硅光伏": 234.4420, "电子信息": 179.9373, "大数据": 24.5031, "正极材料": 155.2901,
               "负极材料": 136.2176, "新型储能": 91.1511, "新能源智能制造": 104.8025,
               "生物医药": 36.6320, "其他产业": 37.0242}
MONTHS_2026 = ("54.3805 54.3805 73.9385 69.5976 71.3465 78.2913 69.5976 71.3465 76.5672 "
               "72.2174 76.5672 101.7692")
ESTIMATE = {"晶硅光伏": 174.0849, "电子信息": 117.3620, "大数据": 19.6241, "正极材料": 76.4915,
            "负极材料": 89.7909, "新型储能": 53.3834, "新能源智能制造": 83.0189,
            "生物医药": 29.0706, "其他产业": 36.7083}


def nums(text: str) -> list[float]:
    return [float(x) for x in text.split()]


@pytest.fixture(scope="module")
def evaluation():
    return evaluate(leshan_document())


@pytest.mark.parametrize("name", list(REFORECAST))
def test_reforecast_and_plan_path(evaluation, name):
    r = evaluation.results[name]
    assert r.total == pytest.approx(nums(REFORECAST[name]), abs=0.005)
    assert r.plan_total == pytest.approx(nums(PLAN[name]), abs=0.005)
    assert r.target_year == REACHES[name]
    assert (r.actual_year, r.anchor_year) == (2025, 2026)


def test_base_to_six_decimals(evaluation):
    r = evaluation.results["基准"]
    assert r.total == pytest.approx(nums(BASE_6DP), abs=1e-6)
    assert r.plan_total == pytest.approx(nums(PLAN_6DP), abs=1e-6)


def test_base_value_added_investment_cagrs_and_slipped(evaluation):
    r = evaluation.results["基准"]
    assert r.value_added[:5] == pytest.approx([129.01, 107.92, 110.70, 148.96, 198.57], abs=0.005)
    assert r.investment[:5] == pytest.approx([35.00, 238.42, 139.50, 135.75, 37.01], abs=0.0051)
    assert r.required_cagr_from_anchor == pytest.approx(0.471596, abs=1e-6)
    assert r.implied_cagr_from_anchor == pytest.approx(0.362488, abs=1e-6)
    assert r.slipped_projects == ("P08",)
    assert any("P08" in n and "2026" in n for n in evaluation.notices)


def test_base_attribution(evaluation):
    a = attribution_of(evaluation, "基准")
    assert (a.from_year, a.to_year) == (2026, 2027)
    assert a.start == pytest.approx(679.5345, abs=1e-4)
    assert a.base_growth == pytest.approx(58.3724, abs=1e-4)
    assert a.projects == pytest.approx({"production": 68.5, "construction": 29.925,
                                        "started": 27.54, "signed": 10.56, "reserve": 0.0},
                                       abs=1e-4)
    assert a.pipeline == pytest.approx(33.0990, abs=1e-4)
    assert a.incubation == pytest.approx(0.9, abs=1e-4)
    assert a.price == pytest.approx(17.4265, abs=1e-4)
    assert a.end == pytest.approx(925.8574, abs=1e-4)
    assert a.gap == pytest.approx(74.1426, abs=1e-4)


@pytest.mark.parametrize("name", list(EFFECTS))
def test_override_effects(evaluation, name):
    effects = [e.effect for e in override_effects_of(evaluation, name)]
    assert effects == pytest.approx(EFFECTS[name], abs=1e-4)


def test_targets(evaluation):
    t = evaluation.targets
    assert t.method == "even" and t.reference_scenario == "基准" and t.anchor_year == 2025
    assert t.years == (2026, 2027)
    assert t.total == pytest.approx([870.0, 1000.0], abs=1e-9)
    for i, expected in enumerate((CHAINS_2026, CHAINS_2027)):
        got = dict(zip(t.chains, t.by_chain[:, i]))
        assert got == pytest.approx(expected, abs=1e-4)
    assert t.locked[t.chains.index("晶硅光伏"), 0] and t.locked.sum() == 1
    assert t.months_total == pytest.approx(nums(MONTHS_2026), abs=1e-4)
    assert t.history_target_total == pytest.approx([650.0, 750.0])


def test_progress(evaluation):
    p = evaluation.progress
    assert (p.year, p.months) == (2026, 10)
    assert p.ytd_total == pytest.approx(540.24, abs=1e-4)
    assert p.estimate_total == pytest.approx(679.5345, abs=1e-4)
    assert p.completion_total == pytest.approx(0.620966, abs=1e-6)
    assert p.ahead_pp_total == pytest.approx(-21.2368, abs=1e-4)
    assert p.expected_ytd_total == pytest.approx(691.6636, abs=1e-4)
    assert p.ahead_seasonal_pp_total == pytest.approx(-17.4050, abs=1e-4)
    assert dict(zip(p.chains, p.estimate)) == pytest.approx(ESTIMATE, abs=1e-4)


def test_run_json_of_the_sample_workbook(capsys):
    assert main(["run", str(SAMPLE_WORKBOOK), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["actual_year"], data["anchor_year"]) == (2025, 2026)
    by_name = {s["name"]: s for s in data["scenarios"]}
    assert by_name["基准"]["total"] == pytest.approx(nums(BASE_6DP), abs=1e-6)
    assert by_name["基准"]["plan_total"] == pytest.approx(nums(PLAN_6DP), abs=1e-6)
    assert by_name["基准"]["slipped_projects"] == ["P08"]
    p = data["progress"]
    assert p["ytd"]["total"] == pytest.approx(540.24) and p["target"]["total"] == 870.0
    assert p["completion"]["total"] == pytest.approx(0.620966, abs=1e-6)
    t = data["targets"]
    assert t["chains"]["电子信息"] == pytest.approx([160.9967, 179.9373], abs=1e-4)
    assert t["locked"]["晶硅光伏"] == [True, False]
    assert len(t["months"]["total"]) == 12 and len(t["quarters"]["total"]) == 4
    effects = [e["effect"] for e in by_name["加速突破"]["override_effects"]]
    assert effects == pytest.approx(EFFECTS["加速突破"], abs=1e-4)
    att = by_name["基准"]["attribution"]
    assert att["projects"]["construction"] == pytest.approx(29.925, abs=1e-4)
    dev = by_name["基准"]["deviation"]
    assert dev["years"] == [2024, 2025]
    assert dev["total"] == pytest.approx([471.5 - 462.3, 522.6 - 566.5454], abs=1e-4)
    assert np.isfinite(by_name["基准"]["chains"]["晶硅光伏"]["actual"]).all()
