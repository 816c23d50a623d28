"""The planner model's share of an edit, and attribution on demand (issue 14).

Each figure is a median over a run of edits made the way the app makes them (models.edits):
every timed call sees a new Document, as after a real edit, so caches keyed by unchanged
tables help exactly as much as they help a planner, and never more.

- ``evaluate_sample_ms`` / ``evaluate_2000_ms``: what the app runs on every edit —
  validate_document (errors kept) and evaluate — after a growth cell edit (the edit the
  UI benchmark makes);
- ``evaluate_2000_project_edit_ms``: the same after a Projects cell edit (2,000 projects'
  resolution and volumes are redone: the slowest common edit);
- ``attribution_2000_ms``: attribution and override effects of every scenario of the large
  plan, after a Projects cell edit (the evaluation exists, as when the 产值来源 tab asks);
- ``attribution_2000_growth_edit_ms``: the same after a growth cell edit.

    python benchmarks/model_speed.py [--quick]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models import Document  # noqa: E402
from models.edits import set_growth, set_project_field  # noqa: E402

BUDGETS = {"evaluate_sample_ms": 8, "evaluate_2000_ms": 35,
           "evaluate_2000_project_edit_ms": 35, "attribution_2000_ms": 300,
           "attribution_2000_growth_edit_ms": 300}

Edit = Callable[[Document, int], Document]


def growth_edit(doc: Document, i: int) -> Document:
    """A growth cell of the base table: chain and year move, the value is always new."""
    s = doc.settings
    chains = doc.chain_names
    years = range(s.base_year + 1, s.end_year + 1)
    return set_growth(doc, chains[i % len(chains)], years[(i * 7) % len(years)],
                      0.2137 + i * 1e-4)


def project_edit(doc: Document, i: int) -> Document:
    """A project's investment (the Projects table is rebuilt, as the editor does)."""
    p = doc.projects[(i * 37) % len(doc.projects)]
    return set_project_field(doc, p.id, "investment", float(p.investment) + 0.5 + i * 1e-3)


def edited(doc: Document, edit: Edit, n: int) -> Iterator[Document]:
    """n successive edits of ``doc``, like a planner typing."""
    for i in range(n):
        doc = edit(doc, i)
        yield doc


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def edit_update_ms(doc: Document, edit: Edit, n: int) -> float:
    """Median ms of validate (errors) + evaluate, each on a freshly edited document."""
    from planner.checks.validate import validate_document
    from planner.model.evaluate import evaluate
    docs = list(edited(doc, edit, n + 2))
    times = []
    for i, d in enumerate(docs):
        start = time.perf_counter()
        errors = [x for x in validate_document(d) if x.is_error]
        if errors:
            raise RuntimeError(f"the edited benchmark plan is invalid: {errors[0].message}")
        evaluate(d)
        if i >= 2:                        # the first two warm imports and caches
            times.append(time.perf_counter() - start)
    return _median_ms(times)


def attribution_ms(doc: Document, edit: Edit, n: int) -> float:
    """Median ms of attribution + override effects of every scenario, each on an
    evaluation of a freshly edited document (the evaluation itself is not timed)."""
    from planner.model.attribution import attribution_of, override_effects_of
    from planner.model.evaluate import evaluate
    times = []
    for i, d in enumerate(edited(doc, edit, n + 1)):
        evaluation = evaluate(d)
        start = time.perf_counter()
        for name in d.scenario_names:
            attribution_of(evaluation, name)
            override_effects_of(evaluation, name)
        if i >= 1:
            times.append(time.perf_counter() - start)
    return _median_ms(times)


def evaluate_sample_ms(n: int = 40) -> float:
    from sample_data.leshan import leshan_document
    return edit_update_ms(leshan_document(), growth_edit, n)


def evaluate_2000_ms(n: int = 15, doc: Document | None = None) -> float:
    from benchmarks.make_large import large_document
    return edit_update_ms(doc or large_document(), growth_edit, n)


def evaluate_2000_project_edit_ms(n: int = 15, doc: Document | None = None) -> float:
    from benchmarks.make_large import large_document
    return edit_update_ms(doc or large_document(), project_edit, n)


def attribution_2000_ms(n: int = 7, doc: Document | None = None) -> float:
    from benchmarks.make_large import large_document
    return attribution_ms(doc or large_document(), project_edit, n)


def attribution_2000_growth_edit_ms(n: int = 7, doc: Document | None = None) -> float:
    from benchmarks.make_large import large_document
    return attribution_ms(doc or large_document(), growth_edit, n)


def run(quick: bool = False) -> dict[str, float]:
    from benchmarks.make_large import large_document
    large = large_document()
    r = 3 if quick else 1
    return {
        "evaluate_sample_ms": evaluate_sample_ms(40 // r),
        "evaluate_2000_ms": evaluate_2000_ms(15 // r, large),
        "evaluate_2000_project_edit_ms": evaluate_2000_project_edit_ms(15 // r, large),
        "attribution_2000_ms": attribution_2000_ms(7 // r, large),
        "attribution_2000_growth_edit_ms": attribution_2000_growth_edit_ms(7 // r, large),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = p.parse_args(argv)
    results = run(args.quick)
    for key, value in results.items():
        ok = "ok " if value <= BUDGETS[key] else "OVER"
        print(f"{ok} {key:34} {value:10.3f}   (budget {BUDGETS[key]:g})")
    return 0 if all(results[k] <= BUDGETS[k] for k in results) else 1


if __name__ == "__main__":
    sys.exit(main())
