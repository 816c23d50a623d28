"""Scenario inheritance and override rows (model.md §4)."""
import numpy as np
import pytest

from models import DocumentError, GrowthRow, PriceRow, Scenario
from planner.model.resolve import resolve
from tests.builders import Y0, chain, doc, ov, proj, run, with_child

BASE = doc([chain("A", 100, growth=0.1), chain("B", 50)],
           [proj("P1", "A", 10, "signed", 2025, ramp=(1.0,)),
            proj("P2", "B", 20, "construction", 2026, ramp=(1.0,))],
           growth=(GrowthRow("A", 2026, 0.2),))


def growth(d, scenario="S"):
    return resolve(d, scenario).growth


@pytest.mark.parametrize("op,value,expected", [("set", 0.05, 0.05), ("add", 0.02, None),
                                               ("mul", 2.0, None)])
def test_growth_ops_act_on_resolved_cells(op, value, expected):
    g = growth(with_child(BASE, ov("growth", "A", "growth", value, op=op)))
    parent = resolve(BASE, BASE.scenarios[0].name).growth
    want = {"set": np.full(7, 0.05), "add": parent[0, 1:] + 0.02,
            "mul": parent[0, 1:] * 2}[op]
    np.testing.assert_allclose(g[0, 1:], want)
    np.testing.assert_allclose(g[1], parent[1])  # other chain untouched
    assert g[0, 0] == 0  # the base year is never overridden


@pytest.mark.parametrize("years,cols", [("", range(2024, 2031)), ("2026", [2026]),
                                        ("2025-2027", [2025, 2026, 2027]),
                                        ("2028-", [2028, 2029, 2030])])
def test_years_forms(years, cols):
    g = growth(with_child(BASE, ov("growth", "*", "growth", 0.5, years=years)))
    for y in range(Y0 + 1, 2031):
        hit = g[:, y - Y0] == 0.5
        assert hit.all() if y in cols else not hit.any()


def test_wildcard_add_includes_explicit_growth_rows():
    g = growth(with_child(BASE, ov("growth", "*", "growth", 0.01, op="add")))
    assert g[0, 2026 - Y0] == pytest.approx(0.21) and g[1, 2024 - Y0] == pytest.approx(0.01)


def test_price_override_holds_a_level_from_a_year_on():
    d = BASE.replace(prices=(PriceRow("A", 2025, 0.5), PriceRow("A", 2028, 0.9)))
    p = resolve(with_child(d, ov("prices", "A", "index", 0.45, years="2024-")), "S").price
    assert list(p[0]) == pytest.approx([1.0] + [0.45] * 7)
    one = resolve(with_child(d, ov("prices", "A", "index", 0.7, years="2026")), "S").price
    assert list(one[0]) == pytest.approx([1, 1, 0.5, 0.7, 0.5, 0.9, 0.9, 0.9])


@pytest.mark.parametrize("year", ["2023", "2031", "2030-2031", "2027-2025", "soon"])
def test_years_outside_horizon_or_malformed_are_errors(year):
    with pytest.raises(DocumentError, match="years"):
        resolve(with_child(BASE, ov("growth", "A", "growth", 0.1, years=year)), "S")


def test_years_on_a_table_without_years_is_an_error():
    with pytest.raises(DocumentError, match="no years"):
        resolve(with_child(BASE, ov("chains", "A", "base_output", 1, years="2025")), "S")


def test_project_add_starts_from_chain_value_then_holds_its_own():
    d = with_child(BASE, ov("projects", "P1", "output_ratio", 0.5, op="add"),
                   ov("chains", "A", "output_ratio", 3.0))
    r = resolve(d, "S")
    assert r.projects.output_ratio[0] == pytest.approx(1.5)  # 1.0 (chain) + 0.5
    assert r.output_ratio[0] == pytest.approx(3.0)


def test_project_probability_mul_starts_from_stage_probability():
    r = resolve(with_child(BASE, ov("projects", "*", "probability", 0.5, op="mul")), "S")
    assert list(r.projects.probability) == pytest.approx([0.275, 0.475])


def test_setting_stage_keeps_projects_own_probability():
    d = BASE.replace(projects=(proj("P1", "A", 10, "signed", 2025, probability=0.2),))
    r = resolve(with_child(d, ov("projects", "P1", "stage", "production")), "S")
    assert r.projects.stage[0] == "production" and r.projects.probability[0] == 0.2
    r2 = resolve(with_child(BASE, ov("projects", "P1", "stage", "投产")), "S")
    assert r2.projects.probability[0] == 1.0


def test_stages_wildcard_includes_production():
    r = resolve(with_child(BASE, ov("stages", "*", "probability", 0.5)), "S")
    assert set(r.stage_probability.values()) == {0.5}


def test_delay_add_and_include_toggle():
    d = BASE.replace(projects=BASE.projects + (proj("P3", "B", 5, "signed", 2025,
                                                      include=False),))
    r = resolve(with_child(d, ov("projects", "*", "delay", 1, op="add"),
                           ov("projects", "P3", "include", 1)), "S")
    assert list(r.projects.delay) == [1, 1, 1] and r.projects.include.all()


def test_chain_fields_and_ramp_override():
    r = resolve(with_child(BASE, ov("chains", "*", "base_output", 2, op="mul"),
                           ov("chains", "B", "ramp", "0.2,1"),
                           ov("chains", "A", "build_years", 0)), "S")
    assert list(r.base_output) == [200, 100] and r.ramps[1] == (0.2, 1.0)
    assert r.build_years[0] == 0


def test_inheritance_of_any_depth_applies_ancestors_in_order():
    d = with_child(BASE, ov("growth", "A", "growth", 0.3, scenario="S"))
    d = with_child(d, ov("growth", "A", "growth", 0.1, op="add", scenario="T"),
                   name="T", parent="S")
    d = with_child(d, ov("growth", "A", "growth", 2.0, op="mul", scenario="U"),
                   name="U", parent="T")
    assert growth(d, "U")[0, 1] == pytest.approx((0.3 + 0.1) * 2)
    assert growth(d, "S")[0, 1] == pytest.approx(0.3)


def test_scenario_without_overrides_equals_parent():
    d = with_child(BASE, ov("growth", "A", "growth", 0.3), name="S")
    d = d.replace(scenarios=d.scenarios + (Scenario("S2", "S"),))
    np.testing.assert_array_equal(run(d, "S2").total, run(d, "S").total)


def test_override_that_breaks_a_rule_names_its_row():
    bad = ov("growth", "A", "growth", -1.5, op="add").__class__(
        scenario="S", table="growth", key="A", field="growth", value=-1.5, op="add", row=7)
    with pytest.raises(DocumentError) as info:
        resolve(with_child(BASE, bad), "S")
    text = str(info.value.issues[0])
    assert "!row 7" in text and "growth" in text


@pytest.mark.parametrize("o,msg", [
    (ov("stages", "signed", "probability", 0.6, op="add"), "between 0 and 1"),
    (ov("chains", "A", "build_years", 30), "whole number"),
    (ov("projects", "P1", "stage", "x", op="add"), "text"),
    (ov("projects", "P9", "delay", 1), "unknown project"),
    (ov("prices", "A", "index", -1, op="mul"), "index"),
])
def test_invalid_overrides(o, msg):
    with pytest.raises(DocumentError, match=msg):
        resolve(with_child(BASE, o), "S")


def test_cycle_is_an_error():
    d = BASE.replace(scenarios=(Scenario("X", "Y"), Scenario("Y", "X")))
    with pytest.raises(DocumentError, match="cycle"):
        resolve(d, "X")
