"""The rules of model.md §6, one at a time, on small hand-checked documents."""
from __future__ import annotations

import numpy as np
import pytest

from models import (ActualRow, Chain, Document, IncubationRow, MonthlyRow, Override,
                    PipelineRow, PriceRow, Project, Scenario, Settings)
from planner.model.evaluate import evaluate
from planner.model.history import history_of

Y0, END, GOAL = 2023, 2030, 2027


def doc(**parts) -> Document:
    settings = parts.pop("settings", Settings(base_year=Y0, end_year=END, target_year=GOAL,
                                              target_value=300.0))
    chains = parts.pop("chains", (Chain("A", 100.0, growth=0.1, output_ratio=1.0,
                                        ramp=(0.5, 1.0), build_years=1),))
    return Document(settings=settings, chains=chains, **parts)


def months(chain: str, year: int, values: list[float], combined: bool = False):
    if combined:
        first, *rest = values
        return [MonthlyRow(chain, year, 2, first, combined=True),
                *(MonthlyRow(chain, year, k + 3, v) for k, v in enumerate(rest))]
    return [MonthlyRow(chain, year, k + 1, v) for k, v in enumerate(values)]


def result(d: Document, name: str = "基准"):
    return evaluate(d).results[name]


def test_profile_from_a_complete_year_and_the_fallback():
    full = [float(k) for k in range(1, 13)]                  # sum 78
    d = doc(chains=(Chain("A", 100.0), Chain("B", 50.0)),
            actuals=(ActualRow("A", 2024, 78.0), ActualRow("B", 2024, 60.0)),
            monthly=tuple(months("A", 2024, full)) + tuple(months("B", 2024, full[:6])))
    h = history_of(d)
    assert h.profile[0, 3] == pytest.approx(6 / 78)
    assert h.profile[0, 12] == 1.0 and h.profile_year == (2024, None)
    assert h.profile[1] == pytest.approx(np.arange(13) / 12)   # partial year: k/12


def test_combined_january_february_counts_as_two_halves():
    values = [10.0] + [5.0] * 10                              # 1–2月 10, then Mar–Dec 5
    d = doc(actuals=(ActualRow("A", 2024, 60.0),), monthly=tuple(months("A", 2024, values, True)))
    h = history_of(d)
    assert h.profile[0, 1] == pytest.approx(5 / 60)
    assert h.profile[0, 2] == pytest.approx(10 / 60)


def test_nowcast_and_anchor_with_and_without_the_setting():
    profile_year = [6.0] * 12                                 # flat: S[k] = k/12
    current = [10.0, 10.0, 10.0]                              # Jan–Mar 2025
    parts = dict(actuals=(ActualRow("A", 2024, 120.0),),
                 monthly=tuple(months("A", 2024, profile_year) + months("A", 2025, current)))
    on = evaluate(doc(**parts))
    assert on.history.anchor_year == 2025 and on.history.months == 3
    assert on.history.estimate[0] == pytest.approx(120.0)     # 30 / (3/12)
    r = on.results["基准"]
    assert r.total[1:3] == pytest.approx([120.0, 120.0])
    assert r.total[3] == pytest.approx(120.0 * 1.1)           # growth from the anchor
    off = evaluate(doc(settings=Settings(base_year=Y0, end_year=END, target_year=GOAL,
                                         nowcast_anchor=0), **parts))
    assert off.history.anchor_year == 2024
    assert off.results["基准"].total[2] == pytest.approx(120.0 * 1.1)
    assert off.progress is not None and off.progress.ytd_total == pytest.approx(30.0)


def test_history_rule_on_prices_and_pipeline():
    base = dict(actuals=(ActualRow("A", 2024, 100.0), ActualRow("A", 2025, 100.0)),
                prices=(PriceRow("A", 2025, 0.5),),
                scenarios=(Scenario("基准"), Scenario("S", "基准")))
    rows = (Override("S", "prices", "A", "index", 0.8, "2024-", "set"),
            Override("S", "pipeline", "A", "investment", 10.0, "2024-", "set"))
    ev = evaluate(doc(**base, overrides=rows))
    s, b = ev.results["S"], ev.results["基准"]
    # up to a* the base tables' index 0.5 holds: B' = 100 / 0.5 = 200 in both
    assert s.total[3] == pytest.approx(200.0 * 1.1 * 0.8)
    assert b.total[3] == pytest.approx(200.0 * 1.1 * 0.5)
    # cohorts 2024 and 2025 of the row are history (not signed): only 2026's, from 2027
    assert s.total[4] == pytest.approx(200.0 * 1.21 * 0.8 + 10 * 0.55 * 0.5 * 0.8)
    # the plan path applies the rows from 2024
    assert s.plan_total[1] == pytest.approx(110.0 * 0.8)
    assert not any("plan path only" in n for n in ev.notices)


def test_rows_all_before_the_anchor_change_the_plan_only_and_say_so():
    d = doc(actuals=(ActualRow("A", 2024, 100.0), ActualRow("A", 2025, 100.0)),
            scenarios=(Scenario("基准"), Scenario("S", "基准")),
            overrides=(Override("S", "growth", "A", "growth", 0.5, "2024-2025", "set"),))
    ev = evaluate(d)
    assert ev.results["S"].total == pytest.approx(ev.results["基准"].total)
    assert ev.results["S"].plan_total[2] > ev.results["基准"].plan_total[2]
    assert any("plan path only" in n and "2024-2025" in n for n in ev.notices)


@pytest.mark.parametrize("actuals", [(), (ActualRow("A", 2024, 100.0), ActualRow("A", 2025, 100.0))])
def test_not_yet_producing_starts_after_the_anchor(actuals):
    late = Project("J", "A", 10.0, "signed", 2024, probability=1.0)
    d = doc(actuals=actuals, projects=(late,),
            chains=(Chain("A", 100.0, growth=0.0, output_ratio=1.0, ramp=(0.5, 1.0)),))
    r = result(d)
    a_star = 2025 if actuals else Y0
    first = a_star + 1
    assert r.slipped_projects == (("J",) if late.production_year <= a_star else ())
    col = first - Y0
    assert r.total[col] == pytest.approx(100.0 + 5.0)          # r(0) = 0.5 in the first year
    assert r.total[col + 1] == pytest.approx(110.0)


def test_production_stage_keeps_its_year_and_is_inside_the_anchor():
    p = Project("J", "A", 10.0, "production", 2025, probability=1.0)
    d = doc(actuals=(ActualRow("A", 2024, 100.0), ActualRow("A", 2025, 100.0)), projects=(p,),
            chains=(Chain("A", 100.0, growth=0.0, output_ratio=1.0, ramp=(0.5, 1.0)),))
    r = result(d)
    assert r.total[3] == pytest.approx(105.0)                  # only the rest of its ramp
    assert r.slipped_projects == ()


def test_cohorts_signed_before_the_anchor_keep_only_what_is_still_to_come():
    d = doc(actuals=(ActualRow("A", 2024, 100.0), ActualRow("A", 2025, 100.0)),
            chains=(Chain("A", 100.0, growth=0.0, output_ratio=1.0, ramp=(0.5, 1.0),
                          build_years=1),),
            pipeline=(PipelineRow(2024, "A", 20.0),))
    r = result(d)
    # cohort 2024 produces from 2025: r(0)=0.5 in 2025 (inside the anchor), r(1)=1 in 2026
    assert r.total[3] == pytest.approx(100.0 + 20 * 0.55 * (1.0 - 0.5))


def test_incubation_before_and_after_the_anchor():
    d = doc(actuals=(ActualRow("A", 2024, 100.0), ActualRow("A", 2025, 100.0)),
            incubation=(IncubationRow(2025, "A", 2, 1.0), IncubationRow(2026, "A", 3, 1.0)))
    r = result(d)
    assert r.incubation[0, 3] == pytest.approx(3.0)            # 2025's graduates are history
    assert r.incubation[0, 4] == pytest.approx(3.0 * 1.1)


def test_investment_and_value_added_from_actuals():
    p = Project("J", "A", 10.0, "signed", 2027, probability=1.0, build_years=2)
    d = doc(actuals=(ActualRow("A", 2024, 100.0, value_added=33.0, investment=7.0),),
            projects=(p,),
            chains=(Chain("A", 100.0, value_added_rate=0.25, build_years=2),))
    r = result(d)
    assert r.value_added[1] == pytest.approx(33.0)
    assert r.investment[1] == pytest.approx(7.0)
    assert r.investment[3] == pytest.approx(5.0) and r.investment[4] == 0.0
    assert r.value_added[2] == pytest.approx(0.25 * r.total[2])


def test_anchor_cagrs_and_the_target_year_in_history():
    d = doc(actuals=(ActualRow("A", 2024, 150.0), ActualRow("A", 2025, 200.0)))
    r = result(d)
    assert r.required_cagr_from_anchor == pytest.approx((300 / 200) ** 0.5 - 1)
    assert r.implied_cagr_from_anchor == pytest.approx(0.1)
    past = doc(settings=Settings(base_year=Y0, end_year=END, target_year=2025,
                                 target_value=300.0),
               actuals=(ActualRow("A", 2024, 150.0), ActualRow("A", 2025, 200.0)))
    r = result(past)
    assert r.required_cagr_from_anchor is None and r.value_at_target_year == 200.0
