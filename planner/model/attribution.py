"""Where Y(N) comes from (model.md §8): the re-forecast from Y(a*) to Y(N) split into base
growth, projects by stage, pipeline, incubation and price; and the effect of each of a
scenario's own override rows."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models import Override, labels
from planner.model.engine import volumes
from planner.model.evaluate import Evaluator
from planner.model.targets import Targets

STAGE_KEYS = tuple(labels.STAGES)


@dataclass(frozen=True)
class Parts:
    start: float
    base_growth: float
    projects: dict[str, float]        # stage key -> value, all five stages
    pipeline: float
    incubation: float
    price: float
    end: float
    gap: float | None


@dataclass(frozen=True)
class Attribution(Parts):
    from_year: int = 0                # a*
    to_year: int = 0                  # N
    chains: dict[str, Parts] | None = None


@dataclass(frozen=True)
class OverrideEffect:
    override: Override
    effect: float                     # change of Y(N) on the re-forecast


def attribution(evaluator: Evaluator, scenario: str,
                targets: Targets | None = None) -> Attribution | None:
    """None when N ≤ a*. Each part is taken at a*'s prices; price is the revaluation."""
    history = evaluator.history
    s = evaluator.doc.settings
    a_star, goal = history.anchor_year, s.target_year
    if goal <= a_star:
        return None
    inputs = evaluator.reforecast_inputs(evaluator.resolver.resolve(scenario))
    vol = volumes(inputs, a_star, history.anchor_output)
    y0 = history.base_year
    k, n = a_star - y0, goal - y0
    price_a, price_n = inputs.price[:, k], inputs.price[:, n]
    pj = inputs.projects
    n_chains = len(inputs.chains)
    by_stage = np.zeros((len(STAGE_KEYS), n_chains))
    stage_row = {st: i for i, st in enumerate(STAGE_KEYS)}
    np.add.at(by_stage, (np.fromiter((stage_row[st] for st in pj.stage), dtype=int,
                                     count=len(pj)), pj.chain_index), vol.projects[:, n])
    start = price_a * vol.anchor_volume
    base = price_a * (vol.base[:, n] - vol.anchor_volume)
    projects = price_a[None, :] * by_stage
    pipe = price_a * vol.pipeline[:, n]
    inc = price_a * vol.incubation[:, n]
    total_volume = (vol.base[:, n] + by_stage.sum(axis=0) + vol.pipeline[:, n]
                    + vol.incubation[:, n])
    price = (price_n - price_a) * total_volume
    end = start + base + projects.sum(axis=0) + pipe + inc + price
    chain_targets = None
    if targets is not None and goal in targets.years:
        chain_targets = targets.by_chain[:, targets.years.index(goal)]

    def parts(sel, gap) -> Parts:
        return Parts(start=float(start[sel].sum()), base_growth=float(base[sel].sum()),
                     projects={st: float(projects[i, sel].sum())
                               for i, st in enumerate(STAGE_KEYS)},
                     pipeline=float(pipe[sel].sum()), incubation=float(inc[sel].sum()),
                     price=float(price[sel].sum()), end=float(end[sel].sum()), gap=gap)

    chains = {}
    for c, chain in enumerate(inputs.chains):
        gap = None if chain_targets is None else float(chain_targets[c] - end[c])
        chains[chain] = parts(c, gap)
    whole = parts(slice(None), float(s.target_value - end.sum()))
    return Attribution(**whole.__dict__, from_year=a_star, to_year=goal, chains=chains)


def override_effects(evaluator: Evaluator, scenario: str) -> list[OverrideEffect]:
    """Effect of row k = Y(N) with rows 1…k minus with rows 1…k−1 (§8), in sheet order."""
    doc = evaluator.doc
    rows = doc.overrides_of(scenario)
    if not rows:
        return []
    if doc.settings.target_year <= evaluator.history.anchor_year:
        return [OverrideEffect(o, 0.0) for o in rows]
    states = evaluator.resolver.stepwise(scenario)
    values = [evaluator.run_inputs(inputs, with_plan=False).value_at_target_year
              for inputs in states]
    return [OverrideEffect(o, float(values[i + 1] - values[i])) for i, o in enumerate(rows)]


def attribution_of(evaluation, scenario: str) -> Attribution | None:
    """Attribution of one scenario of an Evaluation (computed on demand)."""
    return attribution(evaluation.evaluator, scenario, evaluation.targets)


def override_effects_of(evaluation, scenario: str) -> list[OverrideEffect]:
    return override_effects(evaluation.evaluator, scenario)
