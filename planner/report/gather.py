"""Everything a report is made of, computed once: the run JSON and the analyses.

The sentences and tables are built only from these plain values, so every number in the
report can be traced to `qianyi run --json` (``run``) or to the Monte Carlo and
sensitivity results computed with the workbook's own settings and seed.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from models import Document, DocumentError, ValidationIssue
from planner.analysis.progress import Progress, report


@dataclass(frozen=True)
class ReportInputs:
    run: dict                       # exactly what `qianyi run --json` prints
    scenario: str                   # the scenario the report is about
    montecarlo: dict                # MonteCarloResult.to_dict() (Settings' draws and seed)
    sensitivity: dict               # Sensitivity.to_dict()
    projects: list[dict]            # the scenario's effective projects (inputs, not results)
    overrides: dict[str, list[dict]]  # scenario → its own override rows, in sheet order
    stage_probability: dict[str, float]
    notes: list[tuple[str, str]] = field(default_factory=list)   # the workbook's notes
    issued: dt.date = field(default_factory=dt.date.today)

    def scenario_run(self, name: str | None = None) -> dict:
        name = name or self.scenario
        return next(s for s in self.run["scenarios"] if s["name"] == name)


def run_json(doc: Document, warnings: list[str]) -> dict:
    """The dict of `qianyi run --json` for every scenario, through a JSON round trip."""
    from planner.model.evaluate import evaluate
    from planner.output import run_dict
    data = run_dict(evaluate(doc), warnings)
    return json.loads(json.dumps(data, ensure_ascii=False, allow_nan=False))


def _projects(doc: Document, scenario: str) -> tuple[list[dict], dict[str, float]]:
    from planner.model.resolve import resolve
    inputs = resolve(doc, scenario)
    pj = inputs.projects
    chains = inputs.chains
    effective = pj.effective_year
    rows = [{"id": pj.ids[j], "name": pj.names[j], "chain": chains[int(pj.chain_index[j])],
             "investment": float(pj.investment[j]), "stage": pj.stage[j],
             "production_year": int(effective[j]),
             "start_year": int(effective[j] - pj.build_years[j]),
             "include": bool(pj.include[j])}
            for j in range(len(pj))]
    return rows, dict(inputs.stage_probability)


def _overrides(doc: Document) -> dict[str, list[dict]]:
    return {name: [{"table": o.table, "key": o.key, "field": o.field, "years": o.years,
                    "op": o.op, "value": o.value} for o in doc.overrides_of(name)]
            for name in doc.scenario_names}


def gather(doc: Document, scenario: str | None = None, warnings: list[str] | None = None,
           notes: list[tuple[str, str]] | None = None, issued: dt.date | None = None,
           progress: Progress | None = None) -> ReportInputs:
    """Run the scenarios, the Monte Carlo (Settings' parameters) and the sensitivity."""
    from planner.analysis.montecarlo import MonteCarloParams, run_montecarlo
    from planner.analysis.sensitivity import sensitivity
    name = scenario or doc.scenario_names[0]
    if name not in doc.scenario_names:
        raise DocumentError([ValidationIssue(
            f"unknown scenario {name!r}; the workbook has {', '.join(doc.scenario_names)}")])
    params = MonteCarloParams.from_settings(doc)
    problems = params.problems()
    if problems:
        raise DocumentError([ValidationIssue(f"Settings: {p}") for p in problems])
    report(progress, 0.0)
    run = run_json(doc, list(warnings or []))
    report(progress, 0.1)

    def mc_progress(f: float) -> bool:
        return progress is None or progress(0.1 + 0.5 * f) is not False
    mc = run_montecarlo(doc, name, params, progress=mc_progress).to_dict()
    sens = sensitivity(doc, name).to_dict()
    report(progress, 0.7)
    projects, stage_probability = _projects(doc, name)
    return ReportInputs(run=run, scenario=name, montecarlo=mc, sensitivity=sens,
                        projects=projects, overrides=_overrides(doc),
                        stage_probability=stage_probability, notes=list(notes or []),
                        issued=issued or dt.date.today())
