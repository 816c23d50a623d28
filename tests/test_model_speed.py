"""The model speed benchmark's hooks work (figures are measured by make bench, not here)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import model_speed  # noqa: E402
from sample_data.leshan import leshan_document  # noqa: E402


def test_edits_make_new_valid_documents_each_time():
    doc = leshan_document()
    for edit, table in ((model_speed.growth_edit, "growth"),
                        (model_speed.project_edit, "projects")):
        docs = list(model_speed.edited(doc, edit, 3))
        tables = [getattr(d, table) for d in [doc, *docs]]
        assert all(a != b for a, b in zip(tables, tables[1:]))     # every edit changes
        assert docs[-1].chains is doc.chains                        # the rest is shared


def test_timing_hooks_return_positive_medians():
    doc = leshan_document()
    assert model_speed.edit_update_ms(doc, model_speed.growth_edit, 2) > 0
    assert model_speed.attribution_ms(doc, model_speed.project_edit, 2) > 0
    assert set(model_speed.BUDGETS) == {
        "evaluate_sample_ms", "evaluate_2000_ms", "evaluate_2000_project_edit_ms",
        "attribution_2000_ms", "attribution_2000_growth_edit_ms"}
