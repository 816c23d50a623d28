"""Monte Carlo over growth, prices, realization and delays (model.md §5).

Vectorized over draws, processed in chunks so memory stays bounded: project output is
precomputed per possible extra delay, so a chunk costs one (draws × projects) @
(projects × years) product per chain and delay value, never a draws × projects × years array.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from models import Document
from planner.analysis.progress import Progress, report
from planner.model.engine import chain_sum, restarted_index, volumes
from planner.model.evaluate import Evaluator
from planner.model.ramp import ramp_at, ramp_matrix
from planner.model.resolved import ResolvedInputs

QUANTILES = {"p5": 5, "p10": 10, "p25": 25, "p50": 50, "p75": 75, "p90": 90, "p95": 95}
GROWTH_FLOOR = -0.99
MAX_DRAWS = 1_000_000  # documented in the user guide; the 10^9 a typo asks for would not fit in memory
MAX_SD = 10.0  # a growth or price SD above 1000% is a typo, not an uncertainty
CHUNK_BUDGET = 4_000_000  # floats per chunk-sized work array


@dataclass(frozen=True)
class MonteCarloParams:
    draws: int
    seed: int
    growth_sd: float
    price_sd: float
    delay_mode: float
    delay_max: float

    @classmethod
    def from_settings(cls, doc: Document, **given) -> "MonteCarloParams":
        s = doc.settings
        values = dict(draws=s.mc_draws, seed=s.mc_seed, growth_sd=s.growth_sd,
                      price_sd=s.price_sd, delay_mode=s.delay_mode, delay_max=s.delay_max)
        values.update({k: v for k, v in given.items() if v is not None})
        return cls(**values)

    def problems(self) -> list[str]:
        out = []
        if not (isinstance(self.draws, int) and 1 <= self.draws <= MAX_DRAWS):
            out.append(f"draws must be a whole number from 1 to {MAX_DRAWS:,}")
        if not (isinstance(self.seed, int) and 0 <= self.seed < 2**63):
            out.append("the seed must be a whole number ≥ 0")
        if not (0 <= self.growth_sd <= MAX_SD and 0 <= self.price_sd <= MAX_SD):
            out.append(f"growth_sd and price_sd must be numbers from 0 to {MAX_SD:g}")
        if not (math.isfinite(self.delay_mode) and math.isfinite(self.delay_max)):
            out.append("delay_mode and delay_max must be finite numbers")
        elif not 0 <= self.delay_mode <= self.delay_max:
            out.append("need 0 ≤ delay_mode ≤ delay_max")
        if self.delay_max > 20:
            out.append("delay_max must be at most 20 years")
        return out


@dataclass(frozen=True)
class MonteCarloResult:
    scenario: str
    params: MonteCarloParams
    years: np.ndarray
    totals: np.ndarray            # (draws, Y)
    target_value: float
    target_year: int

    @property
    def mean(self) -> np.ndarray:
        return self.totals.mean(axis=0)

    @property
    def std(self) -> np.ndarray:
        return self.totals.std(axis=0, ddof=1) if len(self.totals) > 1 else np.zeros(len(self.years))

    def quantiles(self) -> dict[str, np.ndarray]:
        qs = np.percentile(self.totals, list(QUANTILES.values()), axis=0)
        return dict(zip(QUANTILES, qs))

    @property
    def prob_target(self) -> float:
        col = self.target_year - int(self.years[0])
        return float(np.mean(self.totals[:, col] >= self.target_value))

    def first_year(self) -> dict[str, float]:
        """Share of draws that first reach the target in each year; 'none' for never."""
        hit = self.totals >= self.target_value
        any_hit = hit.any(axis=1)
        first = np.where(any_hit, hit.argmax(axis=1), -1)
        out = {str(int(y)): float(np.mean(first == i)) for i, y in enumerate(self.years)}
        out["none"] = float(np.mean(~any_hit))
        return out

    def to_dict(self) -> dict:
        p = self.params
        return {"scenario": self.scenario, "draws": p.draws, "seed": p.seed,
                "growth_sd": p.growth_sd, "price_sd": p.price_sd,
                "delay_mode": p.delay_mode, "delay_max": p.delay_max,
                "target": {"value": self.target_value, "year": self.target_year},
                "years": [int(y) for y in self.years], "mean": self.mean.tolist(),
                "std": self.std.tolist(),
                "quantiles": {k: v.tolist() for k, v in self.quantiles().items()},
                "prob_target": self.prob_target, "first_year": self.first_year()}


class _Model:
    """What stays fixed across draws, precomputed once (on the re-forecast, model.md §6:
    years up to a* are history and the same in every draw)."""

    def __init__(self, inputs: ResolvedInputs, max_extra: int, anchor_year: int,
                 anchor_output: np.ndarray | None, history_total: np.ndarray):
        self.inputs = inputs
        years = inputs.years
        c = len(inputs.chains)
        pj = inputs.projects
        vol = volumes(inputs, anchor_year, anchor_output)
        self.k = vol.anchor_index
        self.anchor_volume = vol.anchor_volume
        self.history_total = history_total            # (Y,) deterministic up to a*
        live = pj.include
        producing = np.array([s == "production" for s in pj.stage], dtype=bool)
        self.random = np.nonzero(live & ~producing)[0]
        self.p = pj.probability[self.random]
        # deterministic part per chain: pipeline, incubation at expected growth, and the
        # production-stage projects (counted with p_j, never delayed)
        fixed = np.where(live & producing)[0]
        self.pipe_inc = vol.pipeline + vol.incubation + chain_sum(
            pj.chain_index[fixed], c, vol.projects[fixed])
        # volume of each random project if realized, per extra delay e: (E+1, J_r, Y),
        # starting at S'' = max(S' + e, a* + 1), so r(a* − S'') = 0
        r = self.random
        ramps = ramp_matrix(pj.ramps)[r]
        due = (pj.production_year + pj.delay)[r]
        scale = (pj.investment * pj.output_ratio)[r]
        self.by_delay = np.stack([
            scale[:, None] * ramp_at(ramps, years - np.maximum(due + e, anchor_year + 1)[:, None])
            for e in range(max_extra + 1)])
        self.chain_of = pj.chain_index[r]
        self.chain_members = [np.nonzero(self.chain_of == k)[0] for k in range(c)]


def run_montecarlo(doc: Document, scenario: str, params: MonteCarloParams,
                   progress: Progress | None = None) -> MonteCarloResult:
    """Simulate ``params.draws`` paths of Y(y). Same seed → identical result."""
    evaluator = Evaluator(doc)
    plan_inputs = evaluator.resolver.resolve(scenario)
    inputs = evaluator.reforecast_inputs(plan_inputs)
    history = evaluator.history
    expected = evaluator.run_inputs(plan_inputs)
    rng = np.random.default_rng(params.seed)
    max_extra = int(np.floor(params.delay_max + 0.5))
    model = _Model(inputs, max_extra, history.anchor_year,
                   history.anchor_output, expected.total)
    c, y = inputs.growth.shape
    per_draw = max(1, model.random.size * y + 4 * c * y)
    chunk = max(1, min(params.draws, CHUNK_BUDGET // per_draw))
    totals = np.empty((params.draws, y))
    done = 0
    report(progress, 0.0)
    while done < params.draws:
        n = min(chunk, params.draws - done)
        totals[done:done + n] = _simulate(model, params, rng, n)
        done += n
        report(progress, done / params.draws)
    s = doc.settings
    return MonteCarloResult(scenario, params, inputs.years, totals, s.target_value,
                            s.target_year)


def _simulate(model: _Model, params: MonteCarloParams, rng: np.random.Generator,
              n: int) -> np.ndarray:
    inputs = model.inputs
    c, y = inputs.growth.shape
    growth = np.broadcast_to(inputs.growth, (n, c, y)).copy()
    first = model.k + 1                                   # noise only after a*
    if params.growth_sd > 0 and first < y:
        growth[:, :, first:] += params.growth_sd * rng.standard_normal((n, c, y - first))
        np.maximum(growth, GROWTH_FLOOR, out=growth)
    base = model.anchor_volume[:, None] * restarted_index(growth, model.k)  # (n, C, Y)
    price = np.broadcast_to(inputs.price, (n, c, y))
    if params.price_sd > 0 and first < y:
        sd = params.price_sd
        steps = sd * rng.standard_normal((n, c, y - first)) - sd * sd / 2
        log_m = np.concatenate([np.zeros((n, c, first)), np.cumsum(steps, axis=-1)], axis=-1)
        price = price * np.exp(log_m)
    k = model.random.size
    realized = rng.random((n, k)) < model.p
    if params.delay_max > 0 and k:
        extra = np.rint(rng.triangular(0, params.delay_mode, params.delay_max, (n, k)))
        extra = extra.astype(int)
    else:
        extra = np.zeros((n, k), dtype=int)
    volume = base + model.pipe_inc
    for chain, members in enumerate(model.chain_members):
        if members.size == 0:
            continue
        hit = realized[:, members]
        lag = extra[:, members]
        for e in range(model.by_delay.shape[0]):
            mask = (hit & (lag == e)).astype(float)
            volume[:, chain, :] += mask @ model.by_delay[e][members]
    totals = (price * volume).sum(axis=1)
    totals[:, : model.k + 1] = model.history_total[: model.k + 1]   # history is fact
    if model.k == 0:
        totals[:, 0] = model.history_total[0]
    return totals
