"""One focused test per rule of model.md §2–§3."""
import numpy as np
import pytest

from models import GrowthRow, IncubationRow, PipelineRow, PriceRow, StageRow
from tests.builders import Y0, chain, doc, proj, run


def at(result, year, what="total"):
    return getattr(result, what)[..., year - Y0]


def test_ramp_indexing_and_hold_last_share():
    d = doc([chain(base=0, output_ratio=2.0)],
            [proj(investment=10, year=2025, ramp=(0.2, 0.5, 0.9))])
    r = run(d)
    # τ = 0 is the first production year; after the profile the last share holds.
    assert list(r.total) == pytest.approx([0, 0, 4, 10, 18, 18, 18, 18])


def test_delay_applies_except_in_production():
    kw = dict(investment=10, year=2025, ramp=(1.0,), delay=2)
    producing = run(doc([chain(base=0)], [proj(stage="production", **kw)]))
    building = run(doc([chain(base=0)], [proj(stage="construction", probability=1.0, **kw)]))
    assert at(producing, 2025) == pytest.approx(10)
    assert at(building, 2026) == 0 and at(building, 2027) == pytest.approx(10)


def test_output_already_in_base_year_is_not_counted_twice():
    # producing since 2022 with ramp 0.5,1: r(y0−S') = r(1) = 1 → nothing new
    old = run(doc([chain(base=0)], [proj(year=2022, ramp=(0.5, 1.0))]))
    assert np.all(old.total == 0)
    # first output in y0: r(0)=0.5 is already in B; the increment is the other half
    new = run(doc([chain(base=0)], [proj(year=Y0, ramp=(0.5, 1.0))]))
    assert at(new, Y0) == 0 and at(new, 2024) == pytest.approx(5)


def test_price_level_carries_forward_and_scales_components():
    d = doc([chain(base=100)],
            prices=(PriceRow("A", 2025, 0.5), PriceRow("A", 2027, 2.0)))
    r = run(d)
    assert list(r.total) == pytest.approx([100, 100, 50, 50, 200, 200, 200, 200])
    assert list(r.base[0]) == pytest.approx(list(r.total))


def test_price_point_in_base_year_scales_base_year():
    r = run(doc([chain(base=100)], prices=(PriceRow("A", Y0, 0.8),)))
    assert at(r, Y0) == pytest.approx(80) and at(r, 2030) == pytest.approx(80)


def test_growth_rows_override_default_growth_per_year():
    d = doc([chain(base=100, growth=0.1)], growth=(GrowthRow("A", 2025, 0.0),))
    r = run(d)
    assert list(r.total[:4]) == pytest.approx([100, 110, 110, 121])


def test_incubation_cohorts_grow_with_chain():
    d = doc([chain(base=0, growth=0.1)],
            incubation=(IncubationRow(2024, "A", 2, 0.5), IncubationRow(2026, "A", 1, 1.0)))
    r = run(d)
    assert at(r, 2024) == pytest.approx(1.0)
    assert at(r, 2025) == pytest.approx(1.1)
    assert at(r, 2026) == pytest.approx(1.21 + 1.0)


def test_pipeline_lag_ramp_and_signed_probability():
    d = doc([chain(base=0, output_ratio=2.0, ramp=(0.5, 1.0), build_years=2)],
            pipeline=(PipelineRow(2024, "A", 10.0),),
            stages=(StageRow("signed", 0.5),))
    r = run(d)
    # cohort of 2024 produces from 2026 at half capacity: 10 · 2 · 0.5 · 0.5
    assert list(r.total) == pytest.approx([0, 0, 0, 5, 10, 10, 10, 10])


def test_investment_spread_over_build_years():
    d = doc([chain(base=0, build_years=2)],
            [proj(investment=12, stage="signed", probability=0.5, year=2027),
             proj(pid="P2", investment=6, stage="signed", probability=1.0, year=2026,
                  build_years=0)])
    r = run(d)
    assert list(r.investment) == pytest.approx([0, 0, 3, 3 + 6, 0, 0, 0, 0])


def test_investment_before_base_year_is_history():
    r = run(doc([chain(base=0, build_years=3)], [proj(investment=9, year=2025)]))
    assert list(r.investment[:2]) == pytest.approx([3, 3])  # 2022's third is not shown


def test_pipeline_investment_spending_including_zero_build_years():
    d = doc([chain("A", 0, build_years=2), chain("B", 0, build_years=0)],
            pipeline=(PipelineRow(2024, "A", 10.0), PipelineRow(2025, "B", 4.0)),
            stages=(StageRow("signed", 1.0),))
    r = run(d)
    assert list(r.investment[:4]) == pytest.approx([0, 5, 5 + 4, 0])


def test_include_flag_removes_project_everywhere():
    d = doc([chain(base=0)], [proj(investment=10, year=2025, include=False)])
    r = run(d)
    assert np.all(r.total == 0) and np.all(r.investment == 0)


def test_project_probability_defaults_to_stage():
    d = doc([chain(base=0)], [proj(stage="signed", ramp=(1.0,), year=2024)],
            stages=(StageRow("signed", 0.4),))
    assert at(run(d), 2024) == pytest.approx(4.0)


def test_value_added_and_target_indicators():
    d = doc([chain("A", 500, growth=0.5, value_added_rate=0.2),
             chain("B", 100, value_added_rate=0.5)])
    r = run(d)
    assert at(r, Y0, "value_added") == pytest.approx(0.2 * 500 + 0.5 * 100)
    assert r.target_year == 2025  # 600, 850, 1225
    assert r.value_at_target_year == pytest.approx(500 * 1.5 ** 4 + 100)
    assert r.required_cagr == pytest.approx((1000 / 600) ** 0.25 - 1)


def test_zero_base_year_output_gives_null_cagr_and_not_reached():
    r = run(doc([chain(base=0)]))
    assert r.required_cagr is None and r.implied_cagr is None and r.target_year is None
