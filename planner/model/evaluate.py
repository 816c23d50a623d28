"""The whole v2 evaluation of a document: history, every scenario's re-forecast and plan
path, the target decomposition and this year's progress (model.md §6–§7).

UI, CLI, export and report read the same numbers from one Evaluation."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from models import Document, DocumentError, Location, ValidationIssue, labels
from planner.model.engine import project
from planner.model.history import History, history_of
from planner.model.progress import Progress, progress_of
from planner.model.resolve import Resolver
from planner.model.resolved import ResolvedInputs
from planner.model.result import Result
from planner.model.targets import NoTargets, Targets, decompose
from planner.model.years import parse_years

# per-year matrices of ResolvedInputs and the Resolver's matrix names
_YEARLY = {"growth": "growth", "price": "prices", "pipeline": "pipeline",
           "graduates": "graduates", "revenue_per_firm": "revenue_per_firm"}


@dataclass(frozen=True)
class Evaluation:
    document: Document
    history: History
    results: dict[str, Result]
    targets: Targets | None
    progress: Progress | None
    notices: tuple[str, ...]
    evaluator: "Evaluator" = field(compare=False, repr=False, default=None)


def with_history(inputs: ResolvedInputs, base: dict[str, np.ndarray],
                 anchor_year: int) -> ResolvedInputs:
    """History is fact: years up to a* keep the base tables' per-year values."""
    k = anchor_year - int(inputs.years[0])
    if k <= 0:
        return inputs
    changes = {}
    for attr, name in _YEARLY.items():
        mat = getattr(inputs, attr).copy()
        mat[:, : k + 1] = base[name][:, : k + 1]
        changes[attr] = mat
    return replace(inputs, **changes)


def check_anchor_prices(resolver: Resolver, history: History) -> None:
    """B' = O[a*] / P[a*] needs a price index above 0 in the anchor year."""
    k = history.anchor_year - history.base_year
    if k <= 0:
        return
    price = resolver.base_matrices()["prices"][:, k]
    bad = [c for c, p in zip(history.chains, price) if not p > 0]
    if bad:
        raise DocumentError([ValidationIssue(
            f"price index of chain {c} is {0:g} in {history.anchor_year}, the anchor year "
            f"of the re-forecast: it must be above 0",
            Location(sheet=labels.SHEET_EN["prices"])) for c in bad])


class Evaluator:
    """Runs scenarios against one document's history, sharing the resolver."""

    def __init__(self, doc: Document, history: History | None = None,
                 resolver: Resolver | None = None):
        self.doc = doc
        self.history = history if history is not None else history_of(doc)
        self.resolver = resolver if resolver is not None else Resolver(doc)
        check_anchor_prices(self.resolver, self.history)

    def run(self, name: str, extra=(), growth_uplift: float = 0.0,
            with_plan: bool = True) -> Result:
        plan_inputs = self.resolver.resolve(name, extra)
        return self.run_inputs(plan_inputs, growth_uplift, with_plan)

    def reforecast_inputs(self, plan_inputs: ResolvedInputs) -> ResolvedInputs:
        return with_history(plan_inputs, self.resolver.base_matrices(),
                            self.history.anchor_year)

    def run_inputs(self, plan_inputs: ResolvedInputs, growth_uplift: float = 0.0,
                   with_plan: bool = True) -> Result:
        """Plan path and re-forecast of resolved inputs; ``growth_uplift`` is added to
        G[c,y] for y > a* (goal seek). ``with_plan=False`` skips the plan path for callers
        that read only the re-forecast's output (the plan feeds only the history years'
        investment and the plan_* fields)."""
        history = self.history
        plan = project(plan_inputs) if with_plan else None
        if history.anchor_year == history.base_year and not growth_uplift:
            return project(plan_inputs, history, plan)
        inputs = self.reforecast_inputs(plan_inputs)
        if growth_uplift:
            k = history.anchor_year - history.base_year
            growth = inputs.growth.copy()
            growth[:, k + 1:] += growth_uplift
            inputs = replace(inputs, growth=growth)
        return project(inputs, history, plan)


def evaluate(doc: Document, names: list[str] | None = None) -> Evaluation:
    """Everything the app and the CLI show; raises DocumentError for what cannot run."""
    evaluator = Evaluator(doc)
    names = list(names) if names is not None else doc.scenario_names
    results: dict[str, Result] = {}
    issues: list[ValidationIssue] = []
    for n in names:
        try:
            results[n] = evaluator.run(n)
        except DocumentError as exc:
            issues.extend(i for i in exc.issues if i not in issues)
    if issues:
        raise DocumentError(issues)
    target_notes: tuple[str, ...] = ()
    try:
        targets = decompose(doc, evaluator, results)
        target_notes = targets.warnings
    except NoTargets as exc:
        targets, target_notes = None, (str(exc),)
    progress = progress_of(evaluator.history, targets)
    notices = (*slipped_notices(doc, results), *history_row_notices(doc, evaluator.history),
               *target_notes)
    return Evaluation(doc, evaluator.history, results, targets, progress, tuple(notices),
                      evaluator)


def slipped_notices(doc: Document, results: dict[str, Result]) -> list[str]:
    """One line per slipped project (§6), naming scenarios when not all share it."""
    if not results:
        return []
    by_text: dict[str, list[str]] = {}
    for name, r in results.items():
        stages = {p.id: p.stage for p in doc.projects}
        for pid, due in zip(r.slipped_projects, r.slipped_due):
            stage = labels.stage_label(stages.get(pid, ""), "zh") if pid in stages else ""
            if due <= r.actual_year:
                when = f"was due in {due} (a complete year)"
            else:
                when = f"is due in {due} and not yet producing"
            text = (f"project {pid} {when}, stage still {stage}: update its stage or "
                    f"production year (counted from {r.anchor_year + 1})")
            by_text.setdefault(text, []).append(name)
    out = []
    for text, scenarios in by_text.items():
        if len(scenarios) == len(results):
            out.append(text)
        else:
            out.append(f"scenario {', '.join(scenarios)}: {text}")
    return out


def history_row_notices(doc: Document, history: History) -> list[str]:
    """Per-year override rows whose years all lie at or before a* change the plan only."""
    a_star = history.anchor_year
    if a_star <= history.base_year:
        return []
    out = []
    for o in doc.overrides:
        if o.table not in labels.YEARLY_TABLES:
            continue
        try:
            _, stop = parse_years(o.years, doc.settings.base_year + 1, doc.settings.end_year)
        except ValueError:
            continue
        if stop <= a_star:
            out.append(f"scenario {o.scenario}: override {o.table} {o.key} {o.field} "
                       f"{o.years or '(all)'} {o.op} {o.value}: its years are all at or "
                       f"before {a_star} (history), so it changes the plan path only")
    return out
