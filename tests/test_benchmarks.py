"""The benchmark inputs and hooks keep working (figures are measured by make bench, not here)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_large import large_document  # noqa: E402
from planner.model.resolve import resolve_all  # noqa: E402
from planner.checks.validate import validate_document  # noqa: E402
from tests.ui_support import ui_env  # noqa: E402,F401


def test_large_plan_is_valid_and_seeded():
    doc = large_document()
    assert len(doc.projects) == 2000 and len(doc.chains) == 12
    assert (doc.settings.base_year, doc.settings.end_year) == (2023, 2052)
    assert not [i for i in validate_document(doc) if i.is_error]
    assert set(resolve_all(doc)) == set(doc.scenario_names)
    assert large_document() == doc and large_document(seed=7) != doc


def test_ui_edit_latency_hook(ui_env):
    from sample_data.leshan import leshan_document
    from ui.benchmark import edit_latencies
    times = edit_latencies(leshan_document(), 3)
    assert len(times) == 3 and all(t > 0 for t in times)


def test_ui_repaint_hook_waits_for_the_paint(ui_env):
    from sample_data.leshan import leshan_document
    from ui.benchmark import edit_timings
    updates, repaints = edit_timings(leshan_document(), 3)
    assert len(updates) == len(repaints) == 3
    assert all(0 < u <= r for u, r in zip(updates, repaints))
