"""The model's caches (planner.model.memo and the memos it feeds) never show a stale number:
after any run of edits, a document evaluated with warm caches gives exactly what it gives
with every cache cleared, and the array path for override rows on many projects gives
exactly the row-by-row outcome."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from models import Document, DocumentError, Override
from models.actuals_edits import set_actual, set_monthly
from models.edits import (EditError, set_chain_field, set_growth, set_price,
                          set_project_field, set_stage_probability, set_value,
                          update_override)
from models.labels import STAGES
from planner.checks.validate import validate_document
from planner.model import resolve as resolve_module
from planner.model.attribution import attribution_of, override_effects_of
from planner.model.evaluate import evaluate
from planner.model.memo import clear_caches
from planner.model.resolve import Resolver
from tests.strategies import documents
from tests.strategies_v2 import v2_documents

EDITS = settings(max_examples=40, deadline=None)
SKIP = ("evaluator", "document", "settings")


def flat(obj, prefix: str = "", out: dict | None = None) -> dict:
    """Every number and text of an evaluation-like object, by path."""
    out = {} if out is None else out
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.name not in SKIP:
                flat(getattr(obj, f.name), f"{prefix}.{f.name}", out)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            flat(v, f"{prefix}[{k}]", out)
    elif isinstance(obj, (list, tuple)) and obj and dataclasses.is_dataclass(obj[0]):
        for i, v in enumerate(obj):
            flat(v, f"{prefix}[{i}]", out)
    else:
        out[prefix] = obj
    return out


def assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key in a:
        x, y = a[key], b[key]
        if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
            assert np.array_equal(np.asarray(x), np.asarray(y), equal_nan=True), key
        elif isinstance(x, float) and isinstance(y, float) and x != x:
            assert y != y, key
        else:
            assert x == y, key


def everything(doc: Document) -> dict:
    """What the app and the 产值来源 tab show for a document, or its errors."""
    issues = validate_document(doc)
    out = {"issues": [(i.message, i.location, i.severity) for i in issues]}
    try:
        ev = evaluate(doc)
    except DocumentError as exc:
        out["errors"] = [i.message for i in exc.issues]
        return out
    flat(ev, "evaluation", out)
    for name in doc.scenario_names:
        try:
            flat(attribution_of(ev, name), f"attribution[{name}]", out)
            flat(override_effects_of(ev, name), f"effects[{name}]", out)
        except DocumentError as exc:
            out[f"effects error[{name}]"] = [i.message for i in exc.issues]
    return out


@st.composite
def an_edit(draw, doc: Document) -> Document:
    """One edit the app can make, on any sheet the model reads."""
    s = doc.settings
    chains = doc.chain_names
    chain = draw(st.sampled_from(chains))
    year = draw(st.integers(s.base_year + 1, s.end_year))
    small = st.floats(-0.2, 0.4).map(lambda x: round(x, 3))
    kind = draw(st.sampled_from(["growth", "price", "project", "stage", "chain",
                                 "override", "override row", "actual", "monthly"]))
    if kind == "growth":
        return set_growth(doc, chain, year, draw(small))
    if kind == "price":
        return set_price(doc, chain, year, round(draw(st.floats(0.3, 2)), 3))
    if kind == "project" and doc.projects:
        pid = draw(st.sampled_from([p.id for p in doc.projects]))
        field, value = draw(st.sampled_from([
            ("investment", round(draw(st.floats(0, 300)), 2)),
            ("production_year", draw(st.integers(s.base_year - 2, s.end_year + 1))),
            ("probability", draw(st.none() | st.floats(0, 1).map(lambda x: round(x, 2)))),
            ("delay", draw(st.none() | st.integers(0, 3))),
            ("include", draw(st.none() | st.booleans())),
            ("stage", draw(st.sampled_from(list(STAGES)))),
            ("ramp", draw(st.none() | st.just((0.4, 1.0)))),
        ]))
        return set_project_field(doc, pid, field, value)
    if kind == "stage":
        return set_stage_probability(doc, draw(st.sampled_from(list(STAGES))),
                                     draw(st.none() | st.floats(0, 1).map(lambda x: round(x, 2))))
    if kind == "chain":
        field, value = draw(st.sampled_from([
            ("base_output", round(draw(st.floats(1, 300)), 2)),
            ("output_ratio", draw(st.none() | st.floats(0, 3).map(lambda x: round(x, 2)))),
            ("build_years", draw(st.none() | st.integers(0, 3))),
            ("ramp", draw(st.none() | st.just((0.5, 1.0)))),
            ("growth", draw(st.none() | small)),
        ]))
        return set_chain_field(doc, chain, field, value)
    if kind == "override":
        scenario = draw(st.sampled_from(doc.scenario_names))
        table, key, field, value, y = draw(st.sampled_from([
            ("growth", chain, "growth", draw(small), year),
            ("chains", chain, "output_ratio", round(draw(st.floats(0, 3)), 2), None),
            ("stages", draw(st.sampled_from(list(STAGES))), "probability",
             round(draw(st.floats(0, 1)), 2), None),
        ] + ([("projects", draw(st.sampled_from([p.id for p in doc.projects])),
               draw(st.sampled_from(["delay", "investment", "probability"])),
               draw(st.integers(0, 2)), None)] if doc.projects else [])))
        return set_value(doc, scenario, table, key, field, value, y)
    if kind == "override row" and doc.overrides:
        i = draw(st.integers(0, len(doc.overrides) - 1))
        o = doc.overrides[i]
        if isinstance(o.value, (int, float)):     # a later row changes, earlier ones stay
            value = round(o.value * draw(st.sampled_from([0.5, 0.9, 1.1])) + 0.01, 4)
            if o.table == "stages":
                value = min(value, 1.0)
            return update_override(doc, i, dataclasses.replace(o, value=value))
        return update_override(doc, i, dataclasses.replace(
            o, value=draw(st.sampled_from(list(STAGES)))))
    if kind == "actual" and doc.actuals:
        r = draw(st.sampled_from(doc.actuals))
        return set_actual(doc, r.chain, r.year, "output", round(draw(st.floats(1, 400)), 2))
    if kind == "monthly" and doc.monthly:
        r = draw(st.sampled_from(doc.monthly))
        return set_monthly(doc, r.chain, r.year, r.month, round(draw(st.floats(1, 40)), 2),
                           combined=r.combined)
    return set_growth(doc, chain, year, draw(small))


@EDITS
@given(v2_documents(), st.data())
def test_cached_results_equal_fresh_results_after_any_edits(doc, data):
    clear_caches()
    everything(doc)                            # warm every cache with the start
    for _ in range(data.draw(st.integers(1, 4))):
        try:
            doc = data.draw(an_edit(doc))
        except (EditError, ValueError):
            continue
        cached = everything(doc)
        clear_caches()
        assert_same(cached, everything(doc))


@EDITS
@given(v2_documents(), st.data())
def test_an_edit_and_its_undo_give_the_first_numbers_back(doc, data):
    clear_caches()
    before = everything(doc)
    try:
        edited = data.draw(an_edit(doc))
    except (EditError, ValueError):
        return
    everything(edited)
    assert_same(before, everything(doc))       # undo: the old document, its old caches


def test_changing_a_later_override_row_is_never_answered_from_the_cache():
    """加速突破 already sets the signed stage's probability; its new last row changes."""
    from sample_data.leshan import leshan_document
    doc = leshan_document()
    rows = (Override("加速突破", "projects", "*", "investment", 1.1, "", "mul"),)
    doc = doc.replace(overrides=doc.overrides + rows)
    clear_caches()
    everything(doc)
    for value in (1.2, 0.7):
        doc = update_override(doc, len(doc.overrides) - 1,
                              dataclasses.replace(rows[0], value=value))
        cached = everything(doc)
        clear_caches()
        assert_same(cached, everything(doc))


PROJECT_EDITS = (("investment", lambda p: p.investment * 1.5 + 1),
                 ("production_year", lambda p: p.production_year + 1),
                 ("probability", lambda p: 0.35 if p.probability != 0.35 else 0.6),
                 ("delay", lambda p: (p.delay or 0) + 1),
                 ("include", lambda p: not (p.include is None or p.include)),
                 ("stage", lambda p: "signed" if p.stage != "signed" else "construction"),
                 ("ramp", lambda p: (0.2, 0.9) if p.ramp != (0.2, 0.9) else None),
                 ("output_ratio", lambda p: 1.7 if p.output_ratio != 1.7 else None),
                 ("build_years", lambda p: 3 if p.build_years != 3 else 1),
                 ("chain", None))


@pytest.mark.parametrize("field,change", PROJECT_EDITS, ids=[f for f, _ in PROJECT_EDITS])
def test_every_project_field_edit_is_seen_through_the_caches(field, change):
    """Each edit rebuilds the projects from the last ones, reusing equal columns only."""
    from sample_data.leshan import leshan_document
    doc = leshan_document()
    clear_caches()
    everything(doc)
    chains = doc.chain_names
    for p in doc.projects[:6]:
        value = (chains[(chains.index(p.chain) + 1) % len(chains)] if change is None
                 else change(p))
        doc = set_project_field(doc, p.id, field, value)
        cached = everything(doc)
        clear_caches()
        assert_same(cached, everything(doc))


@pytest.mark.parametrize("field,value", [("output_ratio", 2.2), ("build_years", 3),
                                         ("ramp", (0.1, 0.5, 1.0))])
def test_a_chain_fallback_edit_reaches_its_projects(field, value):
    from sample_data.leshan import leshan_document
    doc = leshan_document()
    clear_caches()
    everything(doc)
    for chain in doc.chain_names[:3]:
        doc = set_chain_field(doc, chain, field, value)
        cached = everything(doc)
        clear_caches()
        assert_same(cached, everything(doc))


def many_projects(doc: Document, n: int) -> Document:
    """The document's projects repeated to ``n`` (new ids), so '*' rows take the array path."""
    if not doc.projects:
        return doc
    projects = tuple(dataclasses.replace(doc.projects[j % len(doc.projects)], id=f"Q{j}",
                                         row=None) for j in range(n))
    return doc.replace(projects=projects)


FIELDS = ("investment", "production_year", "output_ratio", "probability", "delay",
          "include", "build_years")
VALUES = st.sampled_from([0, 1, 2, 0.5, -1, 1.5, 21, 2030, -0.5, 0.25, float("nan"),
                          float("inf"), "2", "x"])


def outcome(doc: Document, name: str, step: bool):
    """Resolved projects (or the error messages) of a scenario, strict or stepwise."""
    try:
        resolver = Resolver(doc)
        states = resolver.stepwise(name) if step else [resolver.resolve(name)]
    except DocumentError as exc:
        return [i.message for i in exc.issues]
    except (ValueError, OverflowError) as exc:    # what the row-by-row path raises, too
        return [type(exc).__name__, str(exc)]
    return [flat(s.projects) for s in states]


@settings(max_examples=60, deadline=None)
@given(documents(max_projects=4, overrides=False), st.lists(st.tuples(
    st.sampled_from(FIELDS), st.sampled_from(["set", "add", "mul"]), VALUES), min_size=1,
    max_size=3), st.booleans())
def test_override_rows_on_many_projects_match_the_row_by_row_path(doc, rows, step):
    doc = many_projects(doc, 20)
    overrides = tuple(Override("child", "projects", "*", f, v, "", op)
                      for f, op, v in rows)
    doc = doc.replace(overrides=overrides)
    clear_caches()
    arrays = outcome(doc, "child", step)
    clear_caches()
    limit = resolve_module._VECTOR_ROWS
    try:
        resolve_module._VECTOR_ROWS = 10 ** 9      # row by row only
        by_row = outcome(doc, "child", step)
    finally:
        resolve_module._VECTOR_ROWS = limit
    if isinstance(arrays, list) and arrays and isinstance(arrays[0], dict):
        assert len(arrays) == len(by_row)
        for a, b in zip(arrays, by_row):
            assert_same(a, b)
            for key in a:                           # the same Python types, too
                if not isinstance(a[key], np.ndarray):
                    assert type(a[key]) is type(b[key]), key
    else:
        assert arrays == by_row


def test_cached_arrays_are_read_only():
    """A caller writing into a shared array fails loudly instead of changing numbers."""
    from sample_data.leshan import leshan_document
    ev = evaluate(leshan_document())
    inputs = ev.evaluator.resolver.resolve(ev.document.scenario_names[0])
    for array in (inputs.growth, inputs.projects.investment, ev.history.actual):
        with pytest.raises(ValueError):
            array[...] = 0


def test_content_memo_finds_equal_numbers_in_new_arrays():
    """Kept by content: a new array with the same numbers finds the value, other numbers
    compute again, the oldest entries go first, and kept arrays are read-only."""
    from planner.model.memo import ContentMemo
    memo = ContentMemo(size=2)
    calls = []

    def compute(a):
        calls.append(1)
        return a * 2

    a = np.arange(3.0)
    first = memo.get(a.tobytes(), lambda: compute(a))
    again = memo.get(a.copy().tobytes(), lambda: compute(a))
    assert again is first and len(calls) == 1
    with pytest.raises(ValueError):
        first[0] = 1
    b, c = a + 1, a + 2
    memo.get(b.tobytes(), lambda: compute(b))
    memo.get(a.tobytes(), lambda: compute(a))       # a is the most recent again
    memo.get(c.tobytes(), lambda: compute(c))       # b, the oldest, goes
    assert len(calls) == 3
    memo.get(a.tobytes(), lambda: compute(a))
    assert len(calls) == 3
    memo.get(b.tobytes(), lambda: compute(b))
    assert len(calls) == 4
    clear_caches()
    memo.get(a.tobytes(), lambda: compute(a))
    assert len(calls) == 5


def test_pipeline_spending_from_the_memo_equals_the_formula():
    """The kept cohort spending of every scenario equals a fresh computation."""
    from planner.model import engine
    from sample_data.leshan import leshan_document
    ev = evaluate(leshan_document())
    for name in ev.document.scenario_names:
        inputs = ev.evaluator.resolver.resolve(name)
        kept = engine._pipeline_spending(inputs)
        fresh = engine._spread_pipeline(inputs.years, inputs.pipeline, inputs.build_years,
                                        float(inputs.stage_probability["signed"]))
        np.testing.assert_array_equal(kept, fresh)
