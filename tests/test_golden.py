"""The v1 golden values of sample-data.md, on the v1 document (leshan_document_v1)."""
import numpy as np
import pytest

from planner.model.engine import project
from planner.model.resolve import resolve_all
from sample_data.leshan import leshan_document_v1

GOLDEN_2DP = {
    "基准": (2027, "560.00 461.58 561.72 796.09 1019.22 1186.21 1306.44 1410.17 1519.36 1630.02 1735.30 1835.35 1936.81"),
    "加速突破": (2027, "560.00 474.00 728.27 987.77 1260.02 1501.91 1695.69 1874.14 2065.02 2260.77 2450.92 2637.08 2831.40"),
    "压力情景": (2028, "560.00 447.90 473.83 605.68 792.39 1022.29 1168.98 1276.01 1371.08 1469.19 1565.56 1660.50 1759.11"),
    "三大优势产业": (2027, "560.00 465.43 570.36 812.43 1050.61 1237.25 1377.89 1500.77 1631.91 1767.89 1900.73 2030.79 2166.26"),
}
GOLDEN_6DP = {
    "基准": "560.000000 461.580000 561.718400 796.086672 1019.223694 1186.206811 1306.441200 1410.174885 1519.358023 1630.019283 1735.296243 1835.345251 1936.810646",
    "压力情景": "560.000000 447.900000 473.828400 605.683772 792.391746 1022.291922 1168.980022 1276.013078 1371.082521 1469.192759 1565.564550 1660.495037 1759.112985",
}


@pytest.fixture(scope="module")
def results():
    doc = leshan_document_v1()
    return {n: project(r) for n, r in resolve_all(doc).items()}


@pytest.mark.parametrize("name", list(GOLDEN_2DP))
def test_totals_to_two_decimals(results, name):
    year, text = GOLDEN_2DP[name]
    expected = np.array([float(x) for x in text.split()])
    assert np.all(np.abs(results[name].total - expected) <= 0.005 + 1e-9)
    assert results[name].target_year == year


@pytest.mark.parametrize("name", list(GOLDEN_6DP))
def test_totals_to_six_decimals(results, name):
    expected = np.array([float(x) for x in GOLDEN_6DP[name].split()])
    np.testing.assert_allclose(results[name].total, expected, atol=1e-6, rtol=0)


def test_baseline_indicators(results):
    r = results["基准"]
    np.testing.assert_allclose(r.value_added[:5], [129.01, 104.87, 123.77, 172.20, 219.63],
                               atol=0.005)
    np.testing.assert_allclose(r.investment[:5], [33.25, 238.275, 146.75, 59.01, 33.00],
                               atol=0.006)
    assert r.required_cagr == pytest.approx(0.1560, abs=5e-5)
    assert r.implied_cagr == pytest.approx(0.1615, abs=5e-5)
    assert r.gap_at_target_year == pytest.approx(1000 - 1019.223694, abs=1e-6)


def test_components_add_up(results):
    for r in results.values():
        parts = r.base + r.projects + r.pipeline + r.incubation
        np.testing.assert_allclose(parts, r.chain_total, atol=1e-9)
        np.testing.assert_allclose(r.chain_total.sum(axis=0), r.total, atol=1e-9)
