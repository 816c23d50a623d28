"""The projection engine (model.md §3), vectorized over chains, projects and years.

Component functions accept leading batch axes where Monte Carlo needs them
(growth (..., C, Y), project scale/start (..., J)), so the same code serves both.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from planner.model.history import History
from planner.model.memo import ContentMemo, IdentityMemo, frozen, on_clear
from planner.model.ramp import ramp_at, ramp_matrix
from planner.model.resolved import RAMP_STEPS_KEY, ResolvedInputs
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


@lru_cache(maxsize=16)
def _cohort_kernel(ramps: tuple, build_years: tuple, y0: int, n_years: int) -> np.ndarray:
    """(C, Y, Y) r_c(y − v − b_c), read-only; it depends on the chains' ramps and build
    years only, so scenarios and edits that keep them share it."""
    years = np.arange(y0, y0 + n_years)
    build = np.array(build_years, dtype=int)
    lag = years[None, :, None] - years[None, None, :] - build[:, None, None]
    c = len(build)
    kernel = ramp_at(ramp_matrix(ramps), lag.reshape(c, n_years * n_years))
    kernel = kernel.reshape(c, n_years, n_years)
    frozen(kernel)
    return kernel


on_clear(_cohort_kernel.cache_clear)


def cohort_kernel(inputs: ResolvedInputs) -> np.ndarray:
    years = inputs.years
    return _cohort_kernel(inputs.ramps, tuple(inputs.build_years.tolist()), int(years[0]),
                          len(years))


def pipeline_volume(inputs: ResolvedInputs) -> np.ndarray:
    """Σ_v A[c,v] · k_c · p_signed · r_c(y − v − b_c)."""
    kernel = cohort_kernel(inputs)
    signed = inputs.stage_probability["signed"]
    cohorts = np.einsum("cyv,cv->cy", kernel, inputs.pipeline)
    return (inputs.output_ratio * signed)[:, None] * cohorts


def spread(years: np.ndarray, start: np.ndarray, build: np.ndarray,
           amount: np.ndarray) -> np.ndarray:
    """Spread ``amount`` evenly over ``start … start+build-1`` (all in ``start`` when build=0)."""
    span = np.maximum(build, 1)
    inside = (years >= start[..., None]) & (years < (start + span)[..., None])
    return np.where(inside, (amount / span)[..., None], 0.0)


def chain_sum(chain_index: np.ndarray, n_chains: int, per_item: np.ndarray) -> np.ndarray:
    """Sum (..., J, Y) rows into (..., C, Y) by each item's chain."""
    if per_item.ndim == 2:
        # a weighted bincount: no BLAS call, whose threads spin on a busy machine
        n_years = per_item.shape[1]
        cells = (chain_index[:, None] * n_years + np.arange(n_years)).ravel()
        flat = np.bincount(cells, weights=per_item.ravel(), minlength=n_chains * n_years)
        return flat.reshape(n_chains, n_years)
    onehot = np.zeros((n_chains, chain_index.size))
    onehot[chain_index, np.arange(chain_index.size)] = 1.0
    return onehot @ per_item


def restarted_index(growth: np.ndarray, k: int) -> np.ndarray:
    """Π_{s=a*+1..y} (1 + G[c,s]) for y ≥ a* (1 up to a*); ``k`` is a*'s column."""
    factors = 1.0 + growth
    factors[..., : k + 1] = 1.0
    return np.cumprod(factors, axis=-1)


def restarted_incubation(graduates: np.ndarray, revenue: np.ndarray, growth: np.ndarray,
                         k: int) -> np.ndarray:
    """Inc'[c,y] = Σ_{a*<v≤y} n·R(v) · Π_{s=v+1..y}(1+G): graduates after a* grow with
    their chain. Computed in log space as exp(L[y] − L[v]), so a growth index that
    underflows to 0 gives 0, never 0/0."""
    inflow = graduates * revenue
    inflow = inflow.copy()
    inflow[..., : k + 1] = 0.0
    if not inflow.any():
        return np.zeros_like(inflow)
    logs = np.log1p(growth)
    logs[..., : k + 1] = 0.0
    level = np.cumsum(logs, axis=-1)                                   # L[y]
    n = level.shape[-1]
    later = _lower_triangle(n)                                         # v ≤ y
    diff = level[..., :, None] - level[..., None, :]                   # L[y] − L[v]
    kernel = np.where(later, np.exp(np.where(later, diff, 0.0)), 0.0)
    return np.einsum("...yv,...v->...y", kernel, inflow)


@lru_cache(maxsize=8)
def _lower_triangle(n: int) -> np.ndarray:
    out = np.tril(np.ones((n, n), dtype=bool))
    frozen(out)
    return out


on_clear(_lower_triangle.cache_clear)


def restarted_pipeline(inputs: ResolvedInputs, k: int) -> np.ndarray:
    """Σ_v A[c,v]·k_c·p_signed·(r_c(y − v − b_c) − r_c(a* − v − b_c))."""
    kernel = cohort_kernel(inputs)
    kernel = kernel - kernel[:, k: k + 1, :]
    signed = inputs.stage_probability["signed"]
    cohorts = np.einsum("cyv,cv->cy", kernel, inputs.pipeline)
    return (inputs.output_ratio * signed)[:, None] * cohorts


def producing_year(inputs: ResolvedInputs, anchor_year: int) -> np.ndarray:
    """S''_j = max(S'_j, a*+1) for projects not in production; S_j for production."""
    pj = inputs.projects
    return np.where(pj.producing, pj.production_year,
                    np.maximum(pj.production_year + pj.delay, anchor_year + 1))


def slipped(inputs: ResolvedInputs, anchor_year: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices and S'_j of included projects not in production with S'_j ≤ a*."""
    pj = inputs.projects

    def compute() -> tuple[np.ndarray, np.ndarray]:
        due = pj.production_year + pj.delay
        hit = np.nonzero(pj.include & ~pj.producing & (due <= anchor_year))[0]
        return hit, due[hit]

    return pj.memo(("slipped", anchor_year), compute)


@dataclass(frozen=True)
class Volumes:
    """The restarted equations of §6 at y0 prices, valid for years after a*."""

    anchor_index: int          # column of a*
    anchor_volume: np.ndarray  # (C,) B'_c
    base: np.ndarray           # (C, Y) Base'
    projects: np.ndarray       # (J, Y) V'_j (already × include)
    pipeline: np.ndarray       # (C, Y) Pipe'
    incubation: np.ndarray     # (C, Y) Inc'
    start: np.ndarray          # (J,) S''_j


def volumes(inputs: ResolvedInputs, anchor_year: int,
            anchor_output: np.ndarray | None) -> Volumes:
    """Base', V', Pipe', Inc' restarted at a* (model.md §6); a* = y0 is v1 with S''."""
    years = inputs.years
    k = anchor_year - int(years[0])
    if anchor_output is None or k == 0:
        anchor_volume = inputs.base_output.astype(float)
    else:
        price = inputs.price[:, k]
        with np.errstate(divide="ignore", invalid="ignore"):
            anchor_volume = np.where(price > 0, anchor_output / np.where(price > 0, price, 1.0),
                                     np.nan)
    growth = inputs.growth.copy()
    base = anchor_volume[:, None] * restarted_index(growth, k)
    inc = restarted_incubation(inputs.graduates, inputs.revenue_per_firm, inputs.growth, k)
    pipe = restarted_pipeline(inputs, k)
    start, proj = project_volumes(inputs, anchor_year)
    return Volumes(k, anchor_volume, base, proj, pipe, inc, start)


def project_volumes(inputs: ResolvedInputs, anchor_year: int
                    ) -> tuple[np.ndarray, np.ndarray]:
    """(S''_j, V'_j(y)) read-only: they depend on the projects, the years and a* only, so
    the scenarios (and override steps) that share resolved projects share them."""
    pj = inputs.projects
    years = inputs.years

    def compute() -> tuple[np.ndarray, np.ndarray]:
        start, steps = ramp_steps(inputs, anchor_year)
        scale = pj.investment * pj.output_ratio * pj.probability * pj.include.astype(float)
        return start, scale[:, None] * steps

    return pj.memo(("volumes", anchor_year, int(years[0]), len(years)), compute)


def ramp_steps(inputs: ResolvedInputs, anchor_year: int) -> tuple[np.ndarray, np.ndarray]:
    """(S''_j, r_j(y − S''_j) − r_j(a* − S''_j)) read-only. They depend on production
    year, delay, stage and ramp only (RAMP_STEPS_KEY), so resolution carries them to a
    ResolvedProjects that shares those (planner.model.resolve)."""
    pj = inputs.projects
    years = inputs.years
    k = anchor_year - int(years[0])

    def compute() -> tuple[np.ndarray, np.ndarray]:
        start = producing_year(inputs, anchor_year)
        tau = years - start[:, None]
        r = ramp_at(pj.ramp_table, tau)
        return start, r - r[:, k: k + 1]

    return pj.memo((RAMP_STEPS_KEY, anchor_year, int(years[0]), len(years)), compute)



def spending(inputs: ResolvedInputs, start: np.ndarray) -> np.ndarray:
    """(C, Y) money spent: projects I·p over the b years before S'', cohorts over v…v+b−1."""
    return _project_spending(inputs, start) + _pipeline_spending(inputs)


def _project_spending(inputs: ResolvedInputs, start: np.ndarray) -> np.ndarray:
    """(C, Y) projects' I·p spread over the b years before S''."""
    pj = inputs.projects
    project_spend = spread(inputs.years, start - pj.build_years, pj.build_years,
                           pj.investment * pj.probability * pj.include.astype(float))
    return chain_sum(pj.chain_index, len(inputs.chains), project_spend)


def _pipeline_spending(inputs: ResolvedInputs) -> np.ndarray:
    """(C, Y) cohorts' A·p_signed spread over v … v+b−1, read-only. Every run of an
    evaluation computes it, and each run's inputs are new arrays (the history rule copies
    them), so it is kept by content: the same pipeline, build years, p_signed and years
    give the same spending."""
    years = inputs.years
    signed = float(inputs.stage_probability["signed"])
    pipeline, build = inputs.pipeline, inputs.build_years
    if pipeline.ndim != 2:
        return _spread_pipeline(years, pipeline, build, signed)
    key = (pipeline.tobytes(), pipeline.shape, pipeline.dtype, build.tobytes(),
           build.dtype, signed, int(years[0]), len(years))
    return _PIPELINE_SPENDING.get(key, lambda: _spread_pipeline(years, pipeline, build, signed))


def _spread_pipeline(years: np.ndarray, pipeline: np.ndarray, build: np.ndarray,
                     signed: float) -> np.ndarray:
    cohort_start = np.broadcast_to(years, pipeline.shape)
    cohort_build = np.broadcast_to(build[:, None], pipeline.shape)
    return spread(years, cohort_start, cohort_build, pipeline * signed).sum(axis=-2)


_PIPELINE_SPENDING: ContentMemo[np.ndarray] = ContentMemo(32)


def _shared_project_parts(inputs: ResolvedInputs, anchor_year: int
                          ) -> tuple[np.ndarray, np.ndarray]:
    """(chain sums of V'_j, chain sums of the projects' spending) at a*, read-only and
    shared like project_volumes."""
    pj = inputs.projects
    years = inputs.years

    def compute() -> tuple[np.ndarray, np.ndarray]:
        start, proj = project_volumes(inputs, anchor_year)
        n_chains = len(inputs.chains)
        return (chain_sum(pj.chain_index, n_chains, proj),
                _project_spending(inputs, start))

    return pj.memo(("chain parts", anchor_year, len(inputs.chains), int(years[0]),
                    len(years)), compute)


_FILLED: IdentityMemo[tuple[np.ndarray, ...]] = IdentityMemo(4)


def _filled(history: History) -> tuple[np.ndarray, ...]:
    """(actual, value added, value added given, investment, investment given): the
    history's actuals with NaN (not given) as 0, and where they are given. Read-only and
    computed once per history (every run of an evaluation reads them)."""
    def compute() -> tuple[np.ndarray, ...]:
        arrays = (np.nan_to_num(history.actual),
                  np.nan_to_num(history.actual_value_added),
                  ~np.isnan(history.actual_value_added),
                  np.nan_to_num(history.actual_investment),
                  ~np.isnan(history.actual_investment))
        frozen(*arrays)
        return arrays

    return _FILLED.get(history, (), compute)


def project(inputs: ResolvedInputs, history: History | None = None,
            plan: Result | None = None) -> Result:
    """Deterministic projection of one resolved scenario.

    Without ``history`` (or with no actuals and no nowcast) this is the plan path: v1
    with the "not yet producing" rule. With it, the re-forecast of §6: ``inputs`` must
    already follow the history rule (per-year override rows act after a* only, see
    planner.model.evaluate) and ``plan`` is the plan path of the same scenario.
    """
    years = inputs.years
    y0 = int(years[0])
    anchor_year = history.anchor_year if history is not None else y0
    anchor_output = history.anchor_output if history is not None else None
    vol = volumes(inputs, anchor_year, anchor_output)
    k = vol.anchor_index
    pj = inputs.projects
    price = inputs.price
    proj_by_chain, project_spend = _shared_project_parts(inputs, anchor_year)
    proj = proj_by_chain.copy()
    base, pipe, inc = vol.base, vol.pipeline, vol.incubation
    project_output = vol.projects * price[pj.chain_index]
    actual = np.zeros_like(base)
    if k > 0:
        history_cols = slice(1, k + 1)
        known = _filled(history)[0].copy()
        known[:, k] = anchor_output
        actual[:, history_cols] = known[:, history_cols]
        base = base.copy()
        base[:, 0] = inputs.base_output
        base[:, history_cols] = 0.0
        for block in (proj, pipe, inc):          # nothing but the base in y0 (v1)
            block[:, : k + 1] = 0.0
        project_output[:, : k + 1] = 0.0
    parts = [base * price, proj * price, pipe * price, inc * price]
    chain_total = parts[0] + parts[1] + parts[2] + parts[3] + actual
    total = chain_total.sum(axis=0)

    value_added = inputs.value_added_rate[:, None] * chain_total
    investment = project_spend + _pipeline_spending(inputs)     # spending(inputs, S'')
    if history is not None:
        # investment is spending, never re-anchored: up to a the actuals, else the plan's
        done = slice(0, history.actual_year - y0 + 1)
        _, va, va_known, spent, spent_known = _filled(history)
        value_added = np.where(va_known, va, value_added)
        planned = plan.investment_by_chain if plan is not None else investment
        past = np.where(spent_known, spent, planned)
        investment = investment.copy()
        investment[:, done] = past[:, done]
    hit, due = slipped(inputs, anchor_year)
    return _summarize(inputs, years, parts, actual, chain_total, total,
                      value_added.sum(axis=0), investment, project_output,
                      anchor_year, history, plan, hit, due)


def _cagr(end: float, start: float, span: int) -> float | None:
    if start <= 0 or span <= 0 or end < 0:
        return None
    return (end / start) ** (1.0 / span) - 1.0


def _summarize(inputs, years, parts, actual, chain_total, total, value_added,
               investment_by_chain, project_output, anchor_year, history, plan,
               slipped_index, slipped_due) -> Result:
    s = inputs.settings
    target, goal_year = s.target_value, s.target_year
    y0 = int(years[0])
    reached = np.nonzero(total >= target * (1 - REACH_TOLERANCE))[0]
    target_year = int(years[reached[0]]) if reached.size else None
    at_goal = float(total[goal_year - y0])
    first = float(total[0])
    span = goal_year - y0
    required = implied = None
    if first > 0:
        required = (target / first) ** (1.0 / span) - 1.0
        implied = _cagr(at_goal, first, span)
    at_anchor = float(total[anchor_year - y0])
    anchor_span = goal_year - anchor_year
    required_a = implied_a = None
    if anchor_span > 0 and at_anchor > 0:
        required_a = (target / at_anchor) ** (1.0 / anchor_span) - 1.0
        implied_a = _cagr(at_goal, at_anchor, anchor_span)
    base, proj, pipe, inc = parts
    plan_total = plan.total if plan is not None else total
    plan_chain = plan.chain_total if plan is not None else chain_total
    ids = inputs.projects.ids
    return Result(
        scenario=inputs.scenario, years=years, chains=inputs.chains, base=base,
        projects=proj, pipeline=pipe, incubation=inc, chain_total=chain_total, total=total,
        value_added=value_added, investment=investment_by_chain.sum(axis=0),
        investment_by_chain=investment_by_chain, project_ids=ids,
        project_output=project_output, target_value=float(target),
        target_year_goal=int(goal_year), target_year=target_year,
        value_at_target_year=at_goal, gap_at_target_year=float(target) - at_goal,
        required_cagr=required, implied_cagr=implied, actual=actual,
        plan_total=plan_total, plan_chain_total=plan_chain,
        actual_year=history.actual_year if history is not None else y0,
        anchor_year=anchor_year, required_cagr_from_anchor=required_a,
        implied_cagr_from_anchor=implied_a,
        slipped_projects=tuple(ids[j] for j in slipped_index),
        slipped_due=tuple(int(d) for d in slipped_due))
