"""Goal seek (model.md §5): the growth uplift or extra investment that gives Y(N) = T."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from models import Document, DocumentError, Override, ValidationIssue
from planner.model.evaluate import Evaluator

TOLERANCE = 1e-6          # on Y(N), 亿元
MAX_UPLIFT = 10.0         # +1000 percentage points a year: beyond that, say infeasible


@dataclass(frozen=True)
class GoalSeekResult:
    scenario: str
    lever: str                 # "growth" or "investment"
    feasible: bool
    value: float | None        # Δ growth (decimal) or 亿元 per year
    value_at_target_year_before: float
    value_at_target_year_after: float | None
    target_value: float
    target_year: int
    message: str
    message_zh: str
    mix: dict[str, float] | None = None
    first_year: int | None = None   # investment: first year of the extra money

    def to_dict(self) -> dict:
        return {"scenario": self.scenario, "lever": self.lever, "feasible": self.feasible,
                "value": self.value,
                "value_at_target_year_before": self.value_at_target_year_before,
                "value_at_target_year_after": self.value_at_target_year_after,
                "target": {"value": self.target_value, "year": self.target_year},
                "mix": self.mix, "message": self.message, "message_zh": self.message_zh}


def _history_answer(doc: Document, scenario: str, lever: str, evaluator: Evaluator
                    ) -> GoalSeekResult | None:
    """Goal seek acts on the future (model.md §6): nothing to seek when N ≤ a*."""
    s = doc.settings
    a_star = evaluator.history.anchor_year
    if s.target_year > a_star:
        return None
    value = evaluator.run(scenario).value_at_target_year
    return GoalSeekResult(
        scenario=scenario, lever=lever, feasible=False, value=None,
        value_at_target_year_before=value, value_at_target_year_after=None,
        target_value=s.target_value, target_year=s.target_year,
        message=f"The target year {s.target_year} is history (the re-forecast starts from "
                f"{a_star}): no lever can change it.",
        message_zh=f"目标年{s.target_year}年已是历史(滚动预测从{a_star}年出发)，无法再调整。")


def seek_growth(doc: Document, scenario: str) -> GoalSeekResult:
    """Uniform uplift Δ added to every G[c,y] after a* so that Y(N) = T, by bracketing."""
    evaluator = Evaluator(doc)
    history_answer = _history_answer(doc, scenario, "growth", evaluator)
    if history_answer is not None:
        return history_answer
    inputs = evaluator.resolver.resolve(scenario)
    s = doc.settings
    target = s.target_value
    k = evaluator.history.anchor_year - s.base_year
    g = evaluator.reforecast_inputs(inputs).growth

    def f(delta: float) -> float:
        return evaluator.run_inputs(inputs, growth_uplift=delta,
                                    with_plan=False).value_at_target_year - target

    before = f(0.0) + target
    floor = -1.0 - float(g[:, k + 1:].min()) + 1e-12   # growth must stay above −100%
    common = dict(scenario=scenario, lever="growth", target_value=target,
                  target_year=s.target_year, value_at_target_year_before=before)
    no_answer = GoalSeekResult(
        feasible=False, value=None, value_at_target_year_after=None,
        message="No growth uplift gives a finite answer: the projection overflows or "
                "collapses (a growth near −100% or far above +100%).",
        message_zh="增速调整无法得到有限的结果:预测值溢出或坍缩(某增长率接近−100%或远高于+100%)。",
        **common)
    if not np.isfinite(before):
        return no_answer
    if abs(before - target) <= TOLERANCE:
        return GoalSeekResult(feasible=True, value=0.0, value_at_target_year_after=before,
                              message="The scenario already meets the target exactly.",
                              message_zh="该情景恰好达到目标。", **common)
    if f(MAX_UPLIFT) < 0:
        return GoalSeekResult(
            feasible=False, value=None, value_at_target_year_after=None,
            message=f"No growth uplift reaches {target:g} by {s.target_year}: output in "
                    f"{s.target_year} hardly depends on growth (little base output).",
            message_zh=f"任何增速提升都无法在{s.target_year}年达到{target:g}亿元:"
                       "目标年产值几乎不受增长率影响(基期产值过小)。", **common)
    at_floor = _finite_floor(f, floor)
    if at_floor is None:
        return no_answer
    floor, f_floor = at_floor
    if f_floor > 0:
        return GoalSeekResult(
            feasible=False, value=None, value_at_target_year_after=None,
            message="The target is exceeded even with growth cut to −100%: "
                    "the answer would be an uplift below −100%.",
            message_zh="即使增长率降至−100%仍超过目标:所需调整低于−100%，无意义。",
            **common)
    lo, hi = (floor, 0.0) if before > target else (0.0, 0.1)
    while before < target and f(hi) < 0:
        lo, hi = hi, hi * 2
    try:
        delta = _bisect(f, lo, hi)
    except _NonFinite:
        return no_answer
    after = f(delta) + target
    if not np.isfinite(after):
        return no_answer
    pct = delta * 100
    verb, verb_zh = ("raise", "提高") if delta >= 0 else ("lower", "降低")
    return GoalSeekResult(
        feasible=True, value=delta, value_at_target_year_after=after,
        message=f"To reach {target:,.0f} 亿元 in {s.target_year}, {verb} every chain's growth "
                f"in every year by {abs(pct):.2f} percentage points.",
        message_zh=f"要在{s.target_year}年达到{target:,.0f}亿元，需将各产业链每年增长率"
                   f"{verb_zh}{abs(pct):.2f}个百分点。", **common)


class _NonFinite(Exception):
    """The projection gave Infinity or NaN inside the bracket."""


def _finite_floor(f, floor: float) -> tuple[float, float] | None:
    """The lowest Δ near ``floor`` where f is a finite number, and f there; None if none."""
    for step in (0.0, 1e-9, 1e-6, 1e-4, 1e-3, 1e-2):
        value = f(floor + step)
        if np.isfinite(value):
            return floor + step, value
        if np.isnan(value):
            continue
        return floor + step, value  # +inf: exceeded even here
    return None


def _bisect(f, lo: float, hi: float) -> float:
    """Root of an increasing f in [lo, hi] (f(lo) ≤ 0 ≤ f(hi)), to TOLERANCE in f;
    _NonFinite when f is NaN on the way (infinite ends are fine: bisection steps)."""
    flo, fhi = f(lo), f(hi)
    if np.isnan(flo) or np.isnan(fhi):
        raise _NonFinite()
    for _ in range(200):
        # regula falsi (Illinois) converges fast on these smooth, monotone curves
        finite = np.isfinite(flo) and np.isfinite(fhi) and fhi != flo
        mid = hi - fhi * (hi - lo) / (fhi - flo) if finite else (lo + hi) / 2
        if not lo < mid < hi:
            mid = (lo + hi) / 2
        fm = f(mid)
        if np.isnan(fm):
            raise _NonFinite()
        if abs(fm) <= TOLERANCE / 10:
            return mid
        if fm < 0:
            lo, flo = mid, fm
            fhi /= 2
        else:
            hi, fhi = mid, fm
            flo /= 2
        if hi - lo < 1e-15:
            break
    return (lo + hi) / 2


def default_mix(doc: Document) -> dict[str, float]:
    """Shares in proportion to chains' base_output (equal when all are zero)."""
    total = sum(c.base_output for c in doc.chains)
    if total <= 0:
        return {c.chain: 1 / len(doc.chains) for c in doc.chains}
    return {c.chain: c.base_output / total for c in doc.chains}


def normalize_mix(doc: Document, mix: dict[str, float] | None) -> dict[str, float]:
    if not mix:
        return default_mix(doc)
    problems = [ValidationIssue(f"--mix: unknown chain {c!r}") for c in mix
                if c not in doc.chain_names]
    problems += [ValidationIssue(f"--mix: share of {c} must be a non-negative number")
                 for c, v in mix.items() if not (v >= 0)]
    total = sum(v for v in mix.values() if v >= 0)
    if not problems and total <= 0:
        problems.append(ValidationIssue("--mix: shares must not all be zero"))
    if problems:
        raise DocumentError(problems)
    return {c: mix.get(c, 0.0) / total for c in doc.chain_names if mix.get(c, 0.0) > 0}


def seek_investment(doc: Document, scenario: str,
                    mix: dict[str, float] | None = None) -> GoalSeekResult:
    """Extra pipeline investment X per year, a*+1 … N, spread by ``mix``; Y(N) is linear in X."""
    shares = normalize_mix(doc, mix)
    evaluator = Evaluator(doc)
    history_answer = _history_answer(doc, scenario, "investment", evaluator)
    if history_answer is not None:
        return replace(history_answer, mix=shares)
    inputs = evaluator.resolver.resolve(scenario)
    s = doc.settings
    target = s.target_value
    first_year = evaluator.history.anchor_year + 1
    cols = slice(first_year - s.base_year, s.target_year - s.base_year + 1)
    per_chain = np.array([shares.get(c, 0.0) for c in inputs.chains])

    def y_with(x: float) -> float:
        pipe = inputs.pipeline.copy()
        pipe[:, cols] += x * per_chain[:, None]
        return evaluator.run_inputs(replace(inputs, pipeline=pipe),
                                    with_plan=False).value_at_target_year

    before = y_with(0.0)
    slope = y_with(1.0) - before
    common = dict(scenario=scenario, lever="investment", target_value=target,
                  target_year=s.target_year, value_at_target_year_before=before,
                  mix=shares, first_year=first_year)
    if before >= target - TOLERANCE:
        return GoalSeekResult(
            feasible=True, value=0.0, value_at_target_year_after=before,
            message=f"The scenario already reaches {target:,.0f} 亿元 in {s.target_year} "
                    f"({before - target:,.2f} above): no extra investment is needed.",
            message_zh=f"该情景{s.target_year}年已达到{target:,.0f}亿元(超出"
                       f"{before - target:,.2f}亿元)，无需追加投资。", **common)
    if slope <= 1e-12:
        return GoalSeekResult(
            feasible=False, value=None, value_at_target_year_after=None,
            message=f"No amount of new investment signed from {first_year} produces "
                    f"output by {s.target_year} in these chains: build years and ramp-up "
                    f"lags push it past the target year (or the signed probability is 0).",
            message_zh=f"{first_year}年起新签约的投资受建设期和爬坡滞后影响，"
                       f"在{s.target_year}年前无法形成产值(或签约概率为0)，追加投资无法实现目标。",
            **common)
    x = (target - before) / slope
    after = y_with(x)
    years = f"{first_year}–{s.target_year}"
    return GoalSeekResult(
        feasible=True, value=x, value_at_target_year_after=after,
        message=f"Sign an extra {x:,.2f} 亿元 of pipeline investment every year {years}, "
                f"spread over chains by the mix, to reach {target:,.0f} 亿元 in {s.target_year}.",
        message_zh=f"需在{years}年每年追加招商储备投资{x:,.2f}亿元(按比例分配到各产业链)，"
                   f"方可在{s.target_year}年达到{target:,.0f}亿元。", **common)


def overrides_for(result: GoalSeekResult, scenario: str, doc: Document) -> tuple[Override, ...]:
    """Override rows that realize a feasible answer in a (new child) scenario."""
    if not result.feasible or result.value is None:
        return ()
    if result.lever == "growth":
        return (Override(scenario, "growth", "*", "growth", float(result.value), "", "add"),)
    first = result.first_year or doc.settings.base_year + 1
    years = f"{first}-{doc.settings.target_year}"
    return tuple(Override(scenario, "pipeline", chain, "investment",
                          float(result.value) * share, years, "add")
                 for chain, share in (result.mix or {}).items() if share > 0)
