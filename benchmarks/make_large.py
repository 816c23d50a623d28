"""A seeded generator of a large, valid v2 plan: 2,000 projects, 12 chains, 2023–2052,
annual actuals for 2024–2025, monthly actuals for January–October 2026 (the 1–2月
release combined), park and locked chain targets, and scenarios with several override
rows each.

    python benchmarks/make_large.py -o large.xlsx [--projects 2000] [--seed 42]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models import (ActualRow, Chain, Document, GrowthRow, IncubationRow,  # noqa: E402
                    MonthlyRow, Override, PipelineRow, PriceRow, Project, Scenario,
                    Settings, TargetRow)
from models.document import TOTAL_KEY  # noqa: E402
from models.labels import STAGES  # noqa: E402

BASE_YEAR, END_YEAR = 2023, 2052
ACTUAL_YEARS = (2024, 2025)
CURRENT_YEAR, MONTHS = 2026, 10


def large_document(projects: int = 2000, chains: int = 12, seed: int = 42) -> Document:
    rng = np.random.default_rng(seed)
    settings = Settings(base_year=BASE_YEAR, end_year=END_YEAR, target_year=2030,
                        park_name="大型测试园区", target_value=22000.0)
    names = [f"产业链{i + 1:02d}" for i in range(chains)]
    chain_rows = tuple(
        Chain(chain=n, industry=f"主导产业{i % 3 + 1}",
              base_output=round(float(rng.uniform(20, 200)), 2),
              growth=round(float(rng.uniform(0.02, 0.12)), 3),
              output_ratio=round(float(rng.uniform(0.5, 2.5)), 2),
              value_added_rate=round(float(rng.uniform(0.12, 0.45)), 2),
              ramp=tuple(sorted(round(float(x), 2) for x in rng.uniform(0.2, 1, 3))),
              build_years=int(rng.integers(0, 4)))
        for i, n in enumerate(names))
    stages = list(STAGES)
    years_due = rng.integers(2020, 2040, projects)
    stage_of = rng.integers(len(stages), size=projects)
    # a plan kept up to date: most projects due by now are producing (about 5% slipped)
    produced = (years_due <= CURRENT_YEAR) & (rng.random(projects) < 0.95)
    project_rows = tuple(
        Project(id=f"P{j + 1:04d}", name=f"测试项目{j + 1}", chain=names[int(rng.integers(chains))],
                investment=round(float(rng.uniform(0.5, 80)), 2),
                stage="production" if produced[j] else stages[int(stage_of[j])],
                production_year=int(years_due[j]),
                delay=int(rng.integers(0, 3)) if rng.random() < 0.2 else None,
                probability=round(float(rng.uniform(0.2, 1)), 2) if rng.random() < 0.1 else None,
                include=False if rng.random() < 0.03 else None,
                build_years=int(rng.integers(0, 4)) if rng.random() < 0.2 else None)
        for j in range(projects))
    years = range(BASE_YEAR + 1, END_YEAR + 1)
    growth = tuple(GrowthRow(n, y, round(float(rng.uniform(0, 0.15)), 3))
                   for n in names for y in years if rng.random() < 0.2)
    prices = tuple(PriceRow(n, y, round(float(rng.uniform(0.5, 1.5)), 2))
                   for n in names for y in (2024, 2026, 2030) if rng.random() < 0.5)
    pipeline = tuple(PipelineRow(y, n, round(float(rng.uniform(1, 20)), 2))
                     for n in names for y in range(2024, 2041))
    incubation = tuple(IncubationRow(y, n, int(rng.integers(1, 6)), round(float(rng.uniform(0.1, 0.5)), 2))
                       for n in names[:4] for y in range(2024, 2036))
    scenarios = (Scenario("基准", None, "benchmark base"),
                 Scenario("乐观", "基准", "higher growth"),
                 Scenario("悲观", "基准", "delays and low prices"),
                 Scenario("悲观加延期", "悲观", "one more year of delay"))
    overrides = (
        Override("乐观", "growth", "*", "growth", 0.02, "", "add"),
        Override("乐观", "pipeline", "*", "investment", 1.3, "2025-2035", "mul"),
        Override("乐观", "chains", names[1], "output_ratio", 1.2, "", "mul"),
        Override("乐观", "stages", "signed", "probability", 0.7, "", "set"),
        Override("悲观", "prices", names[0], "index", 0.6, "2025-", "set"),
        Override("悲观", "stages", "signed", "probability", 0.4, "", "set"),
        Override("悲观", "projects", "*", "delay", 1, "", "add"),
        Override("悲观", "growth", names[2], "growth", -0.01, "2027-2030", "add"),
        Override("悲观加延期", "projects", "*", "delay", 1, "", "add"),
        Override("悲观加延期", "pipeline", "*", "investment", 0.8, "", "mul"),
        Override("悲观加延期", "incubation", "*", "graduates", 0.5, "", "mul"),
    )
    actuals, monthly = _history(chain_rows, rng)
    targets = (TargetRow(2027, TOTAL_KEY, 10000.0), TargetRow(2030, TOTAL_KEY, 22000.0),
               TargetRow(2027, names[0], 900.0), TargetRow(2030, names[chains // 3], 1500.0),
               TargetRow(2030, names[chains // 2], 1200.0))
    return Document(settings=settings, chains=chain_rows, projects=project_rows,
                    growth=growth, prices=prices, pipeline=pipeline, incubation=incubation,
                    scenarios=scenarios, overrides=overrides, actuals=actuals,
                    monthly=monthly, targets=targets)


def _history(chains: tuple[Chain, ...], rng: np.random.Generator
             ) -> tuple[tuple[ActualRow, ...], tuple[MonthlyRow, ...]]:
    """Annual actuals for ACTUAL_YEARS and monthly rows for CURRENT_YEAR (1–2月 combined)."""
    actuals, monthly = [], []
    for c in chains:
        level = c.base_output * 4   # projects and pipeline make the park larger than its base
        for year in ACTUAL_YEARS:
            level *= 1 + float(rng.uniform(0.0, 0.15))
            actuals.append(ActualRow(c.chain, year, round(level, 2),
                                     value_added=round(level * 0.3, 2),
                                     investment=round(level * 0.1, 2)))
        month_level = level / 12
        monthly.append(MonthlyRow(c.chain, CURRENT_YEAR, 2,
                                  round(month_level * float(rng.uniform(1.6, 2.0)), 2),
                                  combined=True))
        for month in range(3, MONTHS + 1):
            monthly.append(MonthlyRow(c.chain, CURRENT_YEAR, month,
                                      round(month_level * float(rng.uniform(0.9, 1.3)), 2)))
    return tuple(actuals), tuple(monthly)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("-o", "--output", default="large_plan.xlsx")
    p.add_argument("--projects", type=int, default=2000)
    p.add_argument("--seed", type=int, default=42)
    args = p.parse_args(argv)
    from planner.io.template import write_document
    write_document(args.output, large_document(args.projects, seed=args.seed))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
