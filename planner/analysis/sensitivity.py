"""Sensitivity (tornado): each lever is temporary override rows on top of a scenario."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models import Document, Override
from models.labels import STAGES
from models.rules import MAX_SMALL_WHOLE
from planner.model.evaluate import Evaluator
from planner.model.resolved import ResolvedInputs

GROWTH_STEP = 0.02
PRICE_LOW, PRICE_HIGH = 0.8, 1.2
RATIO_LOW, RATIO_HIGH = 0.8, 1.2
PROBABILITY_STEP = 0.1
PIPELINE_LOW, PIPELINE_HIGH = 0.5, 1.5


@dataclass(frozen=True)
class Lever:
    name: str
    name_zh: str
    low: tuple[Override, ...]
    high: tuple[Override, ...]   # empty = the scenario itself


@dataclass(frozen=True)
class Outcome:
    value: float
    target_year: int | None


@dataclass(frozen=True)
class LeverResult:
    lever: Lever
    low: Outcome
    high: Outcome

    @property
    def swing(self) -> float:
        return abs(self.high.value - self.low.value)


@dataclass(frozen=True)
class Sensitivity:
    scenario: str
    base_value: float
    base_target_year: int | None
    target_value: float
    target_year: int
    levers: tuple[LeverResult, ...]   # sorted by swing, largest first

    def to_dict(self) -> dict:
        def out(o: Outcome) -> dict:
            return {"value": o.value, "target_year": o.target_year}
        return {"scenario": self.scenario, "base_value": self.base_value,
                "base_target_year": self.base_target_year,
                "target": {"value": self.target_value, "year": self.target_year},
                "levers": [{"name": r.lever.name, "name_zh": r.lever.name_zh,
                            "low": out(r.low), "high": out(r.high), "swing": r.swing}
                           for r in self.levers]}


def levers(doc: Document, scenario: str, stage_probability: dict[str, float],
           inputs: ResolvedInputs | None = None) -> list[Lever]:
    """The levers of model.md §5 for this scenario's chains and stages, each clamped into
    the valid range (growth above −100%, delays at most 20 years); a clamped lever says
    so in its name. ``inputs`` (the resolved scenario) is needed for the clamping."""
    def row(table, key, field, value, op, years=""):
        return Override(scenario, table, key, field, value, years, op)

    out: list[Lever] = []
    for c in doc.chain_names:
        low, clamped = _growth_low(scenario, c, inputs)
        note, note_zh = (" (low clamped above −100%)", "(下调受−100%限制)") if clamped else ("", "")
        out.append(Lever(f"growth {c} ±{GROWTH_STEP:g}{note}",
                         f"{c} 增长率 ±{GROWTH_STEP * 100:g}个百分点{note_zh}", low,
                         (row("growth", c, "growth", GROWTH_STEP, "add"),)))
        out.append(Lever(f"price {c} ×{PRICE_LOW:g}/×{PRICE_HIGH:g}",
                         f"{c} 价格 ×{PRICE_LOW:g}/×{PRICE_HIGH:g}",
                         (row("prices", c, "index", PRICE_LOW, "mul"),),
                         (row("prices", c, "index", PRICE_HIGH, "mul"),)))
        out.append(Lever(f"output ratio {c} ×{RATIO_LOW:g}/×{RATIO_HIGH:g}",
                         f"{c} 投入产出比 ×{RATIO_LOW:g}/×{RATIO_HIGH:g}",
                         (row("chains", c, "output_ratio", RATIO_LOW, "mul"),),
                         (row("chains", c, "output_ratio", RATIO_HIGH, "mul"),)))

    def clamp(p: float) -> float:
        return min(1.0, max(0.0, p))
    out.append(Lever(
        f"stage probabilities ±{PROBABILITY_STEP:g}", f"各阶段实现概率 ±{PROBABILITY_STEP:g}",
        tuple(row("stages", s, "probability", clamp(stage_probability[s] - PROBABILITY_STEP), "set")
              for s in STAGES),
        tuple(row("stages", s, "probability", clamp(stage_probability[s] + PROBABILITY_STEP), "set")
              for s in STAGES)))
    if doc.projects:
        at_max = [] if inputs is None else [
            pid for pid, d in zip(inputs.projects.ids, inputs.projects.delay)
            if d >= MAX_SMALL_WHOLE]
        if not at_max:
            out.append(Lever("all project delays +1 year", "全部项目延期1年",
                             (row("projects", "*", "delay", 1, "add"),), ()))
        else:
            rows = tuple(row("projects", pid, "delay", 1, "add")
                         for pid in inputs.projects.ids if pid not in at_max)
            out.append(Lever(f"all project delays +1 year ({len(at_max)} already at "
                             f"{MAX_SMALL_WHOLE} kept)",
                             f"全部项目延期1年({len(at_max)}个已达{MAX_SMALL_WHOLE}年的不变)",
                             rows, ()))
    out.append(Lever(f"pipeline ×{PIPELINE_LOW:g}/×{PIPELINE_HIGH:g}",
                     f"招商储备 ×{PIPELINE_LOW:g}/×{PIPELINE_HIGH:g}",
                     (row("pipeline", "*", "investment", PIPELINE_LOW, "mul"),),
                     (row("pipeline", "*", "investment", PIPELINE_HIGH, "mul"),)))
    return out


def _growth_low(scenario: str, chain: str, inputs: ResolvedInputs | None
                ) -> tuple[tuple[Override, ...], bool]:
    """The low growth lever of a chain: −GROWTH_STEP, or per-year values halfway to −100%
    in years where the step would reach it."""
    add = (Override(scenario, "growth", chain, "growth", -GROWTH_STEP, "", "add"),)
    if inputs is None or chain not in inputs.chains:
        return add, False
    g = inputs.growth[inputs.chains.index(chain), 1:]
    if g.size == 0 or float(np.min(g)) - GROWTH_STEP > -1 + 1e-9:
        return add, False
    years = inputs.years[1:]
    rows = tuple(Override(scenario, "growth", chain, "growth",
                          float(v - GROWTH_STEP if v - GROWTH_STEP > -1 + 1e-9
                                else (v - 1) / 2), str(int(y)), "set")
                 for y, v in zip(years, g))
    return rows, True


def sensitivity(doc: Document, scenario: str) -> Sensitivity:
    """Y(N) and the target year for each lever's low and high, sorted by swing."""
    evaluator = Evaluator(doc)
    inputs = evaluator.resolver.resolve(scenario)
    base = evaluator.run_inputs(inputs)

    def outcome(rows: tuple[Override, ...]) -> Outcome:
        if not rows:
            return Outcome(base.value_at_target_year, base.target_year)
        r = evaluator.run(scenario, rows)
        return Outcome(r.value_at_target_year, r.target_year)

    results = [LeverResult(lv, outcome(lv.low), outcome(lv.high))
               for lv in levers(doc, scenario, inputs.stage_probability, inputs)]
    results.sort(key=lambda r: r.swing, reverse=True)
    s = doc.settings
    return Sensitivity(scenario, base.value_at_target_year, base.target_year,
                       s.target_value, s.target_year, tuple(results))
