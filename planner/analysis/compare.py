"""Scenario comparison: differences of results and of resolved assumptions."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from models import Document
from models.document import format_ramp, format_years
from planner.model.resolve import Resolver
from planner.model.resolved import ResolvedInputs
from planner.model.result import Result

_CHAIN_FIELDS = ("base_output", "output_ratio", "value_added_rate", "build_years")
_MATRICES = (("growth", "growth", "growth"), ("prices", "index", "price"),
             ("pipeline", "investment", "pipeline"), ("incubation", "graduates", "graduates"),
             ("incubation", "revenue_per_firm", "revenue_per_firm"))
_PROJECT_FIELDS = ("investment", "production_year", "output_ratio", "probability", "delay",
                   "include", "build_years")


@dataclass(frozen=True)
class Difference:
    """One resolved assumption that differs: reference value → scenario value."""

    table: str
    key: str
    field: str
    years: str
    reference: object
    value: object


def difference_frame(result: Result, reference: Result) -> pd.DataFrame:
    """Chain × year table of O[c,y] differences (scenario − reference), with a total row."""
    diff = result.chain_total - reference.chain_total
    frame = pd.DataFrame(diff, index=list(result.chains), columns=[int(y) for y in result.years])
    frame.loc["合计 total"] = result.total - reference.total
    frame.index.name = "chain"
    return frame


def _runs(changed: np.ndarray, a: np.ndarray, ref: np.ndarray, years: np.ndarray):
    """Runs of consecutive changed years holding the same (ref, a) pair: (start, end, r, a)."""
    run = None
    for i, hit in enumerate(changed):
        pair = (float(ref[i]), float(a[i]))
        if run and hit and run[2] == pair and run[1] == i - 1:
            run[1] = i
            continue
        if run:
            yield int(years[run[0]]), int(years[run[1]]), *run[2]
        run = [i, i, pair] if hit else None
    if run:
        yield int(years[run[0]]), int(years[run[1]]), *run[2]


def _fmt(x) -> object:
    if isinstance(x, (np.floating, float)):
        return float(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, np.bool_):
        return bool(x)
    return x


def assumption_differences(a: ResolvedInputs, ref: ResolvedInputs) -> list[Difference]:
    """Every resolved input where scenario ``a`` differs from ``ref``."""
    out: list[Difference] = []
    for ci, chain in enumerate(a.chains):
        for f in _CHAIN_FIELDS:
            va, vr = getattr(a, f)[ci], getattr(ref, f)[ci]
            if not np.isclose(va, vr, rtol=0, atol=1e-12):
                out.append(Difference("chains", chain, f, "", _fmt(vr), _fmt(va)))
        if a.ramps[ci] != ref.ramps[ci]:
            out.append(Difference("chains", chain, "ramp", "", format_ramp(ref.ramps[ci]),
                                  format_ramp(a.ramps[ci])))
        for table, field, attr in _MATRICES:
            ma, mr = getattr(a, attr)[ci], getattr(ref, attr)[ci]
            changed = ~np.isclose(ma, mr, rtol=0, atol=1e-12)
            for start, end, vr, va in _runs(changed, ma, mr, a.years):
                out.append(Difference(table, chain, field, format_years(start, end), vr, va))
    for stage, p in a.stage_probability.items():
        if not np.isclose(p, ref.stage_probability[stage], rtol=0, atol=1e-12):
            out.append(Difference("stages", stage, "probability", "",
                                  ref.stage_probability[stage], p))
    pa, pr = a.projects, ref.projects
    changed = {f: ~np.isclose(np.asarray(getattr(pa, f), float), np.asarray(getattr(pr, f), float),
                              rtol=0, atol=1e-12) for f in _PROJECT_FIELDS}
    stage = np.array(pa.stage, dtype=object) != np.array(pr.stage, dtype=object)
    ramp = np.array([x != y for x, y in zip(pa.ramps, pr.ramps)], dtype=bool)
    rows = stage | ramp
    for mask in changed.values():
        rows |= mask
    for j in np.nonzero(rows)[0]:
        pid = pa.ids[j]
        if stage[j]:
            out.append(Difference("projects", pid, "stage", "", pr.stage[j], pa.stage[j]))
        if ramp[j]:
            out.append(Difference("projects", pid, "ramp", "", format_ramp(pr.ramps[j]),
                                  format_ramp(pa.ramps[j])))
        for f in _PROJECT_FIELDS:
            if changed[f][j]:
                out.append(Difference("projects", pid, f, "", _fmt(getattr(pr, f)[j]),
                                      _fmt(getattr(pa, f)[j])))
    return out


def compare_scenarios(doc: Document, scenario: str, reference: str) -> list[Difference]:
    resolver = Resolver(doc)
    return assumption_differences(resolver.resolve(scenario), resolver.resolve(reference))
