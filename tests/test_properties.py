"""Invariants of the engine (hypothesis)."""
from dataclasses import replace

import numpy as np
from hypothesis import given, settings, strategies as st

from models import PipelineRow, Scenario
from tests.builders import run
from tests.strategies import documents

FAST = settings(max_examples=60, deadline=None)


@FAST
@given(documents(overrides=False))
def test_no_growth_no_projects_is_flat(doc):
    chains = tuple(replace(c, growth=0.0) for c in doc.chains)
    flat = doc.replace(chains=chains, projects=(), growth=(), prices=(), pipeline=(),
                       incubation=())
    r = run(flat)
    np.testing.assert_allclose(r.total, sum(c.base_output for c in chains), rtol=1e-12)


@FAST
@given(documents(overrides=False), st.data())
def test_more_project_investment_never_lowers_output(doc, data):
    if not doc.projects:
        return
    j = data.draw(st.integers(0, len(doc.projects) - 1))
    extra = data.draw(st.floats(0.1, 100))
    projects = list(doc.projects)
    projects[j] = replace(projects[j], investment=projects[j].investment + extra)
    before, after = run(doc), run(doc.replace(projects=tuple(projects)))
    assert np.all(after.total >= before.total - 1e-9)


@FAST
@given(documents(overrides=False), st.data())
def test_more_growth_never_lowers_output(doc, data):
    c = data.draw(st.integers(0, len(doc.chains) - 1))
    up = data.draw(st.floats(0.001, 0.2))
    chains = list(doc.chains)
    chains[c] = replace(chains[c], growth=(chains[c].growth or 0.0) + up)
    growth = tuple(replace(g, growth=g.growth + up) if g.chain == chains[c].chain else g
                   for g in doc.growth)
    before = run(doc)
    after = run(doc.replace(chains=tuple(chains), growth=growth))
    assert np.all(after.total >= before.total - 1e-9)


@FAST
@given(documents(overrides=False), st.data())
def test_more_pipeline_investment_never_lowers_output(doc, data):
    chain = data.draw(st.sampled_from(doc.chain_names))
    year = data.draw(st.integers(doc.settings.base_year + 1, doc.settings.end_year))
    rows = [r for r in doc.pipeline if not (r.chain == chain and r.year == year)]
    old = next((r.investment for r in doc.pipeline if r.chain == chain and r.year == year), 0)
    more = doc.replace(pipeline=(*rows, PipelineRow(year, chain, old + 10.0)))
    assert np.all(run(more).total >= run(doc).total - 1e-9)


@FAST
@given(documents())
def test_scenario_without_overrides_equals_parent(doc):
    d = doc.replace(scenarios=doc.scenarios + (Scenario("grandchild", "child"),))
    np.testing.assert_array_equal(run(d, "grandchild").total, run(d, "child").total)
    np.testing.assert_array_equal(run(d, "grandchild").investment, run(d, "child").investment)
