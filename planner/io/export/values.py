"""The numbers behind every formula of a calculation sheet, computed with the engine's
own functions so that each cached value is the engine's number for that cell."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models import Document
from planner.model.engine import (base_volume, chain_sum, growth_index, incubation_volume,
                                  pipeline_volume, producing_year, project_volume)
from planner.model.ramp import ramp_at, ramp_matrix
from planner.model.resolved import ResolvedInputs
from planner.model.result import Result


@dataclass(frozen=True)
class CalcValues:
    width: int                    # M: ramp columns (every ramp padded with its last share)
    chain_ramps: np.ndarray       # (C, M)
    project_ramps: np.ndarray     # (J, M)
    base: np.ndarray              # (C, Y) volumes at y0 prices
    projects: np.ndarray          # (C, Y)
    pipeline: np.ndarray          # (C, Y)
    incubation: np.ndarray        # (C, Y)
    kernel: np.ndarray            # (C, Y): column j holds r_c(lag − b_c), lag = Y−1−j
    project_spend: np.ndarray     # (C, Y)
    pipeline_spend: np.ndarray    # (C, Y)
    effective_year: np.ndarray    # (J,)
    scale: np.ndarray             # (J,) I·k·p·include
    ramp_at_base: np.ndarray      # (J,) r(y0 − S')
    volume: np.ndarray            # (J, Y) V_j(y)


def _pad(ramps, width: int) -> np.ndarray:
    m = ramp_matrix(tuple(ramps)) if ramps else np.ones((0, 1))
    if m.shape[1] < width:
        m = np.hstack([m, np.repeat(m[:, -1:], width - m.shape[1], axis=1)])
    return m


def calc_values(inputs: ResolvedInputs) -> CalcValues:
    years = inputs.years
    pj = inputs.projects
    width = max([len(r) for r in inputs.ramps] + [len(r) for r in pj.ramps] + [1])
    chain_ramps = _pad(inputs.ramps, width)
    project_ramps = _pad(pj.ramps, width)
    index = growth_index(inputs.growth.copy())
    start = producing_year(inputs, int(years[0]))
    live = pj.include.astype(float)
    scale = pj.investment * pj.output_ratio * pj.probability * live
    volume = project_volume(years, start, scale, project_ramps)
    n_chains, n_years = len(inputs.chains), len(years)
    lags = np.arange(n_years - 1, -1, -1)
    kernel = ramp_at(chain_ramps, lags[None, :] - inputs.build_years[:, None])
    span = np.maximum(pj.build_years, 1)
    spend_start = start - pj.build_years
    amount = pj.investment * pj.probability * live / span
    inside = (years >= spend_start[:, None]) & (years < (spend_start + span)[:, None])
    project_spend = chain_sum(pj.chain_index, n_chains, np.where(inside, amount[:, None], 0.0))
    signed = inputs.stage_probability["signed"]
    cspan = np.maximum(inputs.build_years, 1)
    v, y = years[:, None], years[None, :]
    pipe_spend = np.empty((n_chains, n_years))
    for c in range(n_chains):  # C × Y × Y, small
        active = (v <= y) & (y < v + cspan[c])
        pipe_spend[c] = signed / cspan[c] * (inputs.pipeline[c] @ active)
    return CalcValues(
        width=width, chain_ramps=chain_ramps, project_ramps=project_ramps,
        base=base_volume(inputs.base_output, index),
        projects=chain_sum(pj.chain_index, n_chains, volume),
        pipeline=pipeline_volume(inputs),
        incubation=incubation_volume(inputs.graduates, inputs.revenue_per_firm, index),
        kernel=kernel, project_spend=project_spend, pipeline_spend=pipe_spend,
        effective_year=start, scale=scale,
        ramp_at_base=ramp_at(project_ramps, (years[0] - start)[:, None])[:, 0],
        volume=volume)


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
    total = inputs.price * (values.base + values.projects + values.pipeline
                            + values.incubation)
    if not np.allclose(total, result.chain_total, rtol=1e-9, atol=1e-9):
        raise RuntimeError(f"export of scenario {inputs.scenario!r}: the sheet's "
                           "components do not add up to the engine's output (a bug)")
