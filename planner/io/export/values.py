"""The numbers behind every formula of a calculation sheet, computed with the engine's
own functions so that each cached value is the engine's number for that cell.

A sheet shows the re-forecast of model.md §6: with an anchor year a* after y0, the
component blocks hold nothing (NaN here, a blank cell there) in the years y0+1 … a*
(those years are history: the output row takes the actuals and the estimate), the base
block holds the restart volume B' in a*, and the other components the restarted
equations after a*. With a* = y0 every column is computed, as in v1 (with S'').
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models import Document
from planner.model.engine import chain_sum, spread, volumes
from planner.model.history import History
from planner.model.ramp import ramp_at, ramp_matrix
from planner.model.resolved import ResolvedInputs
from planner.model.result import Result


@dataclass(frozen=True)
class CalcValues:
    width: int                    # M: ramp columns (every ramp padded with its last share)
    anchor_index: int             # k: column of a* (0 when a* = y0)
    actual_index: int             # column of a (0 when there are no annual actuals)
    chain_ramps: np.ndarray       # (C, M)
    project_ramps: np.ndarray     # (J, M)
    base: np.ndarray              # (C, Y) volumes at y0 prices; NaN = blank cell
    projects: np.ndarray          # (C, Y)
    pipeline: np.ndarray          # (C, Y)
    incubation: np.ndarray        # (C, Y)
    kernel: np.ndarray            # (C, Y): column j holds r_c(lag − b_c), lag = Y−1−j
    project_spend: np.ndarray     # (C, Y) NaN in the history columns (0 … a) when k > 0
    pipeline_spend: np.ndarray    # (C, Y)
    history_spend: np.ndarray     # (C, a − y0 + 1) investment of the history columns
    effective_year: np.ndarray    # (J,) S''_j
    scale: np.ndarray             # (J,) I·k·p·include
    ramp_at_base: np.ndarray      # (J,) r(a* − S'')
    volume: np.ndarray            # (J, Y) V'_j(y); NaN = blank cell
    anchor_volume: np.ndarray     # (C,) B'_c


def _pad(ramps, width: int) -> np.ndarray:
    m = ramp_matrix(tuple(ramps)) if ramps else np.ones((0, 1))
    if m.shape[1] < width:
        m = np.hstack([m, np.repeat(m[:, -1:], width - m.shape[1], axis=1)])
    return m


def calc_values(inputs: ResolvedInputs, history: History | None = None,
                result: Result | None = None) -> CalcValues:
    """``inputs`` are the re-forecast's resolved inputs (history rule applied), ``result``
    the engine's re-forecast of them (needed for the history years' investment)."""
    years = inputs.years
    y0 = int(years[0])
    anchor = history.anchor_year if history is not None else y0
    k = anchor - y0
    a = (history.actual_year - y0) if history is not None and k > 0 else 0
    pj = inputs.projects
    width = max([len(r) for r in inputs.ramps] + [len(r) for r in pj.ramps] + [1])
    chain_ramps = _pad(inputs.ramps, width)
    project_ramps = _pad(pj.ramps, width)
    vol = volumes(inputs, anchor, history.anchor_output if history is not None else None)
    start = vol.start
    n_chains, n_years = len(inputs.chains), len(years)
    live = pj.include.astype(float)
    scale = pj.investment * pj.output_ratio * pj.probability * live

    base = vol.base.copy()
    base[:, 0] = inputs.base_output
    projects = chain_sum(pj.chain_index, n_chains, vol.projects)
    pipeline, incubation = vol.pipeline.copy(), vol.incubation.copy()
    volume = vol.projects.copy()
    if k > 0:
        base[:, 1:k] = np.nan
        projects[:, 0], projects[:, 1:k + 1] = 0.0, np.nan
        volume[:, : k + 1] = np.nan
    pipeline[:, : k + 1] = np.nan
    incubation[:, : k + 1] = np.nan

    lags = np.arange(n_years - 1, -1, -1)
    kernel = ramp_at(chain_ramps, lags[None, :] - inputs.build_years[:, None])
    project_spend = chain_sum(pj.chain_index, n_chains,
                              spread(years, start - pj.build_years, pj.build_years,
                                     pj.investment * pj.probability * live))
    signed = inputs.stage_probability["signed"]
    cspan = np.maximum(inputs.build_years, 1)
    v, y = years[:, None], years[None, :]
    pipe_spend = np.empty((n_chains, n_years))
    for c in range(n_chains):  # C × Y × Y, small
        active = (v <= y) & (y < v + cspan[c])
        pipe_spend[c] = signed / cspan[c] * (inputs.pipeline[c] @ active)
    history_spend = np.zeros((n_chains, 0))
    if k > 0:
        if result is None:
            raise ValueError("the history years' investment needs the engine's result")
        history_spend = result.investment_by_chain[:, : a + 1].copy()
        project_spend[:, : a + 1] = np.nan
        pipe_spend[:, : a + 1] = np.nan
    return CalcValues(
        width=width, anchor_index=k, actual_index=a, chain_ramps=chain_ramps,
        project_ramps=project_ramps, base=base, projects=projects, pipeline=pipeline,
        incubation=incubation, kernel=kernel, project_spend=project_spend,
        pipeline_spend=pipe_spend, history_spend=history_spend, effective_year=start,
        scale=scale, ramp_at_base=ramp_at(project_ramps, (anchor - start)[:, None])[:, 0],
        volume=volume, anchor_volume=vol.anchor_volume)


def reforecast_inputs(evaluation, name: str) -> ResolvedInputs:
    """The resolved inputs the re-forecast of ``name`` runs on: every override row
    applied, then years up to a* back to the base tables' per-year values (§6)."""
    from planner.model.evaluate import with_history
    from planner.model.resolve import Resolver
    evaluator = getattr(evaluation, "evaluator", None)
    resolver = evaluator.resolver if evaluator is not None else Resolver(evaluation.document)
    return with_history(resolver.resolve(name), resolver.base_matrices(),
                        evaluation.history.anchor_year)


def own_values(doc: Document, scenario: str, project_ids: tuple[str, ...],
               field: str) -> list[bool]:
    """Per project: whether it holds ``field`` itself rather than taking its chain's or
    stage's value (model.md §4: an add/mul/set on the project makes it its own)."""
    lineage = set(doc.lineage(scenario))
    keys = {o.key for o in doc.overrides
            if o.table == "projects" and o.field == field and o.scenario in lineage}
    if "*" in keys:
        return [True] * len(project_ids)
    given = {p.id for p in doc.projects if getattr(p, field) is not None}
    return [pid in given or pid in keys for pid in project_ids]


def check_against(values: CalcValues, result: Result, inputs: ResolvedInputs) -> None:
    """Guard: the components re-assembled here must equal the engine's (else a bug)."""
    k = values.anchor_index
    parts = [np.nan_to_num(b) for b in (values.base, values.projects, values.pipeline,
                                        values.incubation)]
    total = inputs.price * (parts[0] + parts[1] + parts[2] + parts[3])
    n = total.shape[1]
    computed = np.r_[0, np.arange(k + 1, n)] if k > 0 else np.arange(n)
    if not np.allclose(total[:, computed], result.chain_total[:, computed], rtol=1e-9,
                       atol=1e-9):
        raise RuntimeError(f"export of scenario {inputs.scenario!r}: the sheet's "
                           "components do not add up to the engine's output (a bug)")
