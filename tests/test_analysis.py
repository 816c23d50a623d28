"""Goal seek, sensitivity, Monte Carlo and comparison (model.md §5)."""
import json

import numpy as np
import pytest

from models import Scenario
from planner.analysis.compare import compare_scenarios, difference_frame
from planner.analysis.goalseek import overrides_for, seek_growth, seek_investment
from planner.analysis.montecarlo import MonteCarloParams, run_montecarlo
from planner.analysis.progress import Cancelled
from planner.analysis.sensitivity import sensitivity
from planner.model.engine import project
from planner.model.evaluate import Evaluator
from planner.model.resolve import resolve
from sample_data.leshan import leshan_document, leshan_document_v1
from tests.builders import chain, doc, proj

SAMPLE = leshan_document()


def _realize(d, scenario, result, child="goal"):
    rows = overrides_for(result, child, d)
    d2 = d.replace(scenarios=d.scenarios + (Scenario(child, scenario),),
                   overrides=d.overrides + rows)
    return Evaluator(d2).run(child)


@pytest.mark.parametrize("scenario", SAMPLE.scenario_names)
def test_growth_goal_seek_fed_back_as_override_reproduces_target(scenario):
    r = seek_growth(SAMPLE, scenario)
    assert r.feasible
    assert _realize(SAMPLE, scenario, r).value_at_target_year == pytest.approx(1000, abs=1e-6)


def test_investment_goal_seek_fed_back_reproduces_target():
    v1 = leshan_document_v1()     # from 2023 there is time for new cohorts to produce
    r = seek_investment(v1, "压力情景", {"晶硅光伏": 1, "电子信息": 1})
    assert r.feasible and r.value > 0 and set(r.mix) == {"晶硅光伏", "电子信息"}
    assert _realize(v1, "压力情景", r).value_at_target_year == pytest.approx(1000, abs=1e-6)


def test_investment_goal_seek_from_the_anchor_is_infeasible_when_lags_exceed_2027():
    # November 2026: cohorts signed from 2027 produce after build years (≥ 1): too late
    r = seek_investment(SAMPLE, "压力情景", {"晶硅光伏": 1, "电子信息": 1})
    assert not r.feasible and r.first_year == 2027 and "2027" in r.message


def test_investment_goal_seek_infeasible_when_lags_exceed_horizon():
    d = doc([chain("A", 100, build_years=5)])
    r = seek_investment(d, d.scenarios[0].name)
    assert not r.feasible and r.value is None and "lag" in r.message


def test_growth_goal_seek_infeasible_without_base_output():
    d = doc([chain("A", 0)], [proj(investment=10, year=2025)])
    r = seek_growth(d, d.scenarios[0].name)
    assert not r.feasible and r.value is None


def test_growth_goal_seek_negative_uplift_below_minus_100_is_infeasible():
    d = doc([chain("A", 5000)])
    r = seek_growth(d, d.scenarios[0].name)
    assert r.feasible and r.value < 0  # shrinking 5000 to 1000 in 4 years is possible
    from planner.model.engine import project as run_engine
    d2 = doc([chain("A", 100)], [proj(investment=2000, year=2024, ramp=(1.0,))])
    r2 = seek_growth(d2, d2.scenarios[0].name)  # projects alone exceed T
    assert not r2.feasible and "−100%" in r2.message
    assert run_engine(resolve(d2, d2.scenarios[0].name)).value_at_target_year > 1000


def test_sensitivity_sorted_and_each_lever_is_a_plain_projection():
    s = sensitivity(SAMPLE, "基准")
    swings = [r.swing for r in s.levers]
    assert swings == sorted(swings, reverse=True)
    assert len(s.levers) == 3 * len(SAMPLE.chains) + 3
    for r in s.levers:
        for rows, out in ((r.lever.low, r.low), (r.lever.high, r.high)):
            plain = Evaluator(SAMPLE).run("基准", rows)
            assert out.value == plain.value_at_target_year
            assert out.target_year == plain.target_year
    data = json.loads(json.dumps(s.to_dict()))
    assert data["levers"][0]["swing"] == max(swings)


def test_sensitivity_clamps_probabilities():
    d = doc([chain("A", 100)], [proj(stage="signed")])
    s = sensitivity(d, d.scenarios[0].name)
    lever = next(r for r in s.levers if "stage" in r.lever.name)
    high = {o.key: o.value for o in lever.lever.high}
    assert high["production"] == 1.0 and all(0 <= v <= 1 for v in high.values())


def _params(**kw):
    base = dict(draws=500, seed=7, growth_sd=0.03, price_sd=0.1, delay_mode=0.0, delay_max=2.0)
    base.update(kw)
    return MonteCarloParams(**base)


def test_montecarlo_zero_noise_with_certain_projects_equals_deterministic():
    stages = [("reserve", 0.0), ("signed", 1.0), ("started", 1.0), ("construction", 0.0),
              ("production", 1.0)]
    from models import StageRow
    d = SAMPLE.replace(stages=tuple(StageRow(s, p) for s, p in stages))
    r = run_montecarlo(d, "基准", _params(growth_sd=0, price_sd=0, delay_max=0, draws=50))
    det = Evaluator(d).run("基准").total
    np.testing.assert_allclose(r.totals, np.broadcast_to(det, r.totals.shape), atol=1e-9)


def test_montecarlo_mean_matches_deterministic_within_sampling_error():
    r = run_montecarlo(SAMPLE, "基准", _params(growth_sd=0, price_sd=0, delay_max=0,
                                              draws=4000))
    det = Evaluator(SAMPLE).run("基准").total
    sem = r.totals.std(axis=0) / np.sqrt(len(r.totals))
    assert np.all(np.abs(r.mean - det) <= 4 * sem + 1e-9)


def test_montecarlo_quantiles_ordered_and_seeds_repeat():
    a = run_montecarlo(SAMPLE, "压力情景", _params())
    b = run_montecarlo(SAMPLE, "压力情景", _params())
    c = run_montecarlo(SAMPLE, "压力情景", _params(seed=8))
    assert a.to_dict() == b.to_dict() and not np.array_equal(a.totals, c.totals)
    q = a.quantiles()
    order = [q[k] for k in ("p5", "p10", "p25", "p50", "p75", "p90", "p95")]
    assert all(np.all(lo <= hi) for lo, hi in zip(order, order[1:]))
    d = a.to_dict()
    assert sum(d["first_year"].values()) == pytest.approx(1)
    assert 0 <= d["prob_target"] <= 1


def test_montecarlo_chunk_size_does_not_change_results(monkeypatch):
    import planner.analysis.montecarlo as mc
    # with noise and delays off only the realization draws consume the random stream,
    # row by row, so any chunking must give identical paths
    params = _params(draws=64, growth_sd=0, price_sd=0, delay_max=0)
    whole = run_montecarlo(SAMPLE, "基准", params)
    monkeypatch.setattr(mc, "CHUNK_BUDGET", 1)  # one draw per chunk
    parts = run_montecarlo(SAMPLE, "基准", params)
    np.testing.assert_array_equal(parts.totals, whole.totals)
    assert np.unique(whole.totals[:, -1]).size > 1  # realizations really vary


def test_montecarlo_cancel():
    calls = []

    def progress(f):
        calls.append(f)
        return len(calls) < 2

    with pytest.raises(Cancelled):
        run_montecarlo(SAMPLE, "基准", _params(draws=10_000), progress)


def test_compare_finds_inherited_differences():
    d = SAMPLE.replace(scenarios=SAMPLE.scenarios + (Scenario("子情景", "压力情景"),))
    diffs = compare_scenarios(d, "子情景", "基准")  # child has no rows of its own
    assert any(x.table == "stages" and x.value == 0.4 for x in diffs)
    assert any(x.table == "prices" and x.years == "2028-2035" and x.value == 0.5 for x in diffs)
    assert compare_scenarios(d, "子情景", "压力情景") == []
    a = project(resolve(d, "子情景"))
    b = project(resolve(d, "基准"))
    frame = difference_frame(a, b)
    np.testing.assert_allclose(frame.iloc[-1].to_numpy(), a.total - b.total)
