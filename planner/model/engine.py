"""The projection engine (model.md §3), vectorized over chains, projects and years.

Component functions accept leading batch axes where Monte Carlo needs them
(growth (..., C, Y), project scale/start (..., J)), so the same code serves both.
"""
from __future__ import annotations

import numpy as np

from planner.model.ramp import ramp_at, ramp_matrix
from planner.model.resolved import ResolvedInputs
from planner.model.result import Result

# A path that reaches the target within floating-point noise counts as reaching it.
REACH_TOLERANCE = 1e-9


def growth_index(growth: np.ndarray) -> np.ndarray:
    """Π_{s=y0+1..y} (1 + G[c,s]); 1 in y0. Shape follows ``growth`` (..., C, Y)."""
    factors = 1.0 + growth
    factors[..., 0] = 1.0
    return np.cumprod(factors, axis=-1)


def base_volume(base_output: np.ndarray, index: np.ndarray) -> np.ndarray:
    return base_output[:, None] * index


def incubation_volume(graduates: np.ndarray, revenue: np.ndarray,
                      index: np.ndarray) -> np.ndarray:
    """Σ_{v≤y} n·R(v) · Π_{s=v+1..y}(1+G): cohorts grow with their chain.

    By the recurrence I(y) = I(y−1)·(1+G_y) + n·R(y), with (1+G_y) = index ratio, so
    an index that underflows to 0 (growth near −100% for decades) gives 0, never 0/0."""
    inflow = np.broadcast_to(graduates * revenue, np.broadcast_shapes(
        np.shape(graduates * revenue), np.shape(index))).astype(float)
    index = np.broadcast_to(index, inflow.shape)
    out = np.empty_like(inflow)
    if inflow.shape[-1] == 0:
        return out
    out[..., 0] = inflow[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        for y in range(1, inflow.shape[-1]):
            prev = index[..., y - 1]
            factor = np.where(prev != 0, index[..., y] / np.where(prev != 0, prev, 1.0), 0.0)
            carried = np.where(out[..., y - 1] != 0, out[..., y - 1] * factor, 0.0)
            out[..., y] = carried + inflow[..., y]
    return out


def project_volume(years: np.ndarray, start: np.ndarray, scale: np.ndarray,
                   ramps: np.ndarray) -> np.ndarray:
    """V_j(y) = scale_j · (r_j(y − S'_j) − r_j(y0 − S'_j)); start/scale are (..., J)."""
    tau = years - start[..., None]                      # (..., J, Y)
    r = ramp_at(ramps, tau)
    return scale[..., None] * (r - r[..., :1])


def pipeline_volume(inputs: ResolvedInputs) -> np.ndarray:
    """Σ_v A[c,v] · k_c · p_signed · r_c(y − v − b_c)."""
    years = inputs.years
    lag = years[None, :, None] - years[None, None, :] - inputs.build_years[:, None, None]
    c, y = inputs.pipeline.shape
    kernel = ramp_at(ramp_matrix(inputs.ramps), lag.reshape(c, y * y)).reshape(c, y, y)
    signed = inputs.stage_probability["signed"]
    cohorts = np.einsum("cyv,cv->cy", kernel, inputs.pipeline)
    return (inputs.output_ratio * signed)[:, None] * cohorts


def _spend(years: np.ndarray, start: np.ndarray, build: np.ndarray,
           amount: np.ndarray) -> np.ndarray:
    """Spread ``amount`` evenly over ``start … start+build-1`` (all in ``start`` when build=0)."""
    span = np.maximum(build, 1)
    inside = (years >= start[..., None]) & (years < (start + span)[..., None])
    return np.where(inside, (amount / span)[..., None], 0.0)


def chain_sum(chain_index: np.ndarray, n_chains: int, per_item: np.ndarray) -> np.ndarray:
    """Sum (..., J, Y) rows into (..., C, Y) by each item's chain."""
    onehot = np.zeros((n_chains, chain_index.size))
    onehot[chain_index, np.arange(chain_index.size)] = 1.0
    return onehot @ per_item


def project(inputs: ResolvedInputs) -> Result:
    """Deterministic projection of one resolved scenario."""
    s = inputs.settings
    years = inputs.years
    n_chains = len(inputs.chains)
    index = growth_index(inputs.growth.copy())
    base = base_volume(inputs.base_output, index)
    inc = incubation_volume(inputs.graduates, inputs.revenue_per_firm, index)
    pipe = pipeline_volume(inputs)

    pj = inputs.projects
    start = pj.effective_year
    live = pj.include.astype(float)
    scale = pj.investment * pj.output_ratio * pj.probability * live
    volume = project_volume(years, start, scale, ramp_matrix(pj.ramps))
    proj = chain_sum(pj.chain_index, n_chains, volume)

    price = inputs.price
    chain_total = price * (base + proj + pipe + inc)
    total = chain_total.sum(axis=0)
    value_added = inputs.value_added_rate @ chain_total

    project_spend = _spend(years, start - pj.build_years, pj.build_years,
                           pj.investment * pj.probability * live)
    signed = inputs.stage_probability["signed"]
    cohort_start = np.broadcast_to(years, inputs.pipeline.shape)
    cohort_build = np.broadcast_to(inputs.build_years[:, None], inputs.pipeline.shape)
    pipe_spend = _spend(years, cohort_start, cohort_build, inputs.pipeline * signed)
    investment_by_chain = chain_sum(pj.chain_index, n_chains, project_spend) + pipe_spend.sum(axis=-2)

    return _summarize(inputs, years, base * price, proj * price, pipe * price, inc * price,
                      chain_total, total, value_added, investment_by_chain,
                      volume * price[pj.chain_index], s.target_value, s.target_year)


def _summarize(inputs, years, base, proj, pipe, inc, chain_total, total, value_added,
               investment_by_chain, project_output, target, goal_year) -> Result:
    reached = np.nonzero(total >= target * (1 - REACH_TOLERANCE))[0]
    target_year = int(years[reached[0]]) if reached.size else None
    at_goal = float(total[goal_year - years[0]])
    first = float(total[0])
    span = goal_year - int(years[0])
    required = implied = None
    if first > 0:
        required = (target / first) ** (1.0 / span) - 1.0
        implied = (at_goal / first) ** (1.0 / span) - 1.0 if at_goal >= 0 else None
    return Result(
        scenario=inputs.scenario, years=years, chains=inputs.chains, base=base,
        projects=proj, pipeline=pipe, incubation=inc, chain_total=chain_total, total=total,
        value_added=value_added, investment=investment_by_chain.sum(axis=0),
        investment_by_chain=investment_by_chain, project_ids=inputs.projects.ids,
        project_output=project_output, target_value=float(target),
        target_year_goal=int(goal_year), target_year=target_year,
        value_at_target_year=at_goal, gap_at_target_year=float(target) - at_goal,
        required_cagr=required, implied_cagr=implied)
