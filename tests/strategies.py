"""Hypothesis strategies for valid planning documents (also used by round-trip tests)."""
from __future__ import annotations

from hypothesis import strategies as st

from models import (Chain, Document, GrowthRow, IncubationRow, Override, PipelineRow,
                    PriceRow, Project, Scenario, Settings)
from models.labels import STAGES

Y0 = 2023
money = st.floats(0, 500, allow_nan=False).map(lambda x: round(x, 3))
rate = st.floats(-0.3, 0.5, allow_nan=False).map(lambda x: round(x, 4))
prob = st.floats(0, 1).map(lambda x: round(x, 3))


@st.composite
def ramps(draw):
    n = draw(st.integers(1, 4))
    steps = sorted(round(draw(st.floats(0.05, 1.5)), 2) for _ in range(n))
    return tuple(steps)  # non-decreasing: more capacity never lowers output


@st.composite
def documents(draw, max_projects=6, overrides=True):
    end = draw(st.integers(Y0 + 2, Y0 + 15))
    settings = Settings(base_year=Y0, end_year=end, target_year=draw(st.integers(Y0 + 1, end)),
                        park_name=draw(st.sampled_from(["", "测试园区", "=HYPERLINK(\"x\")"])),
                        target_value=draw(st.sampled_from([1000.0, 300.0, 50.0])))
    n_chains = draw(st.integers(1, 4))
    names = [f"链{i}" if i % 2 else f"chain {i}" for i in range(n_chains)]
    chains = tuple(Chain(chain=n, base_output=draw(money),
                         growth=draw(st.none() | rate),
                         output_ratio=draw(st.none() | st.floats(0, 3).map(lambda x: round(x, 3))),
                         value_added_rate=draw(st.none() | prob),
                         ramp=draw(st.none() | ramps()),
                         build_years=draw(st.none() | st.integers(0, 3)))
                   for n in names)
    years = st.integers(Y0 + 1, end)
    projects = tuple(
        Project(id=f"P{j}", chain=draw(st.sampled_from(names)), investment=draw(money),
                stage=draw(st.sampled_from(list(STAGES))),
                production_year=draw(st.integers(Y0 - 3, end + 2)),
                name=draw(st.sampled_from(["", "项目", "+1+2", "@SUM(1)"])),
                probability=draw(st.none() | prob), delay=draw(st.none() | st.integers(0, 3)),
                include=draw(st.none() | st.booleans()),
                ramp=draw(st.none() | ramps()),
                build_years=draw(st.none() | st.integers(0, 3)))
        for j in range(draw(st.integers(0, max_projects))))
    cy = st.tuples(st.sampled_from(names), years)
    growth = tuple(GrowthRow(c, y, draw(rate))
                   for c, y in draw(st.lists(cy, max_size=4, unique=True)))
    prices = tuple(PriceRow(c, y, round(draw(st.floats(0.2, 2)), 3))
                   for c, y in draw(st.lists(cy, max_size=3, unique=True)))
    pipeline = tuple(PipelineRow(y, c, draw(money))
                     for c, y in draw(st.lists(cy, max_size=4, unique=True)))
    incubation = tuple(IncubationRow(y, c, draw(st.integers(0, 5)), round(draw(st.floats(0, 2)), 3))
                       for c, y in draw(st.lists(cy, max_size=3, unique=True)))
    scenarios = (Scenario("基准", None, "base"), Scenario("child", "基准", "-3+4"))
    rows: tuple[Override, ...] = ()
    if overrides:
        rows = tuple(draw(st.lists(override_rows(names, [p.id for p in projects], end),
                                   max_size=4)))
    return Document(settings=settings, chains=chains, projects=projects, growth=growth,
                    prices=prices, pipeline=pipeline, incubation=incubation,
                    scenarios=scenarios, overrides=rows)


def override_rows(chains, project_ids, end):
    y = st.integers(Y0 + 1, end)
    years = st.one_of(st.just(""), y.map(str), y.map(lambda a: f"{a}-"),
                      st.tuples(y, y).map(lambda t: f"{min(t)}-{max(t)}"))
    keys = st.sampled_from(["*", *chains])
    opts = [
        st.builds(lambda k, yrs, v: Override("child", "growth", k, "growth", v, yrs, "add"),
                  keys, years, st.floats(-0.05, 0.05).map(lambda x: round(x, 3))),
        st.builds(lambda k, yrs, v: Override("child", "prices", k, "index", v, yrs, "set"),
                  keys, years, st.floats(0.3, 1.5).map(lambda x: round(x, 3))),
        st.builds(lambda k, v: Override("child", "pipeline", k, "investment", v, "", "mul"),
                  keys, st.floats(0, 2).map(lambda x: round(x, 3))),
        st.builds(lambda v: Override("child", "stages", "signed", "probability", v, "", "set"),
                  prob),
        st.builds(lambda k, v: Override("child", "chains", k, "output_ratio", v, "", "mul"),
                  keys, st.floats(0.5, 1.5).map(lambda x: round(x, 3))),
    ]
    if project_ids:
        opts.append(st.builds(lambda k: Override("child", "projects", k, "delay", 1.0, "", "add"),
                              st.sampled_from(["*", *project_ids])))
        opts.append(st.builds(lambda k, s: Override("child", "projects", k, "stage", s, "", "set"),
                              st.sampled_from(project_ids), st.sampled_from(list(STAGES))))
    return st.one_of(opts)
