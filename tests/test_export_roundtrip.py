"""An export opens again as the same document, with the same numbers."""
from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from models.document import format_years
from models.rules import parse_years
from planner.io.export import export_workbook, result_sheet_names
from planner.io.reader import read_workbook
from planner.io.template import template_document
from planner.model.evaluate import evaluate
from sample_data.leshan import leshan_document
from tests.export_checks import rich_document, summary_rows
from tests.strategies import documents


def canonical(doc):
    """The reader writes override years canonically ('2024-2024' reads as '2024')."""
    def years(text: str) -> str:
        start, end = parse_years(text)
        return format_years(start, end, open_end=start is not None and end is None)
    return doc.replace(overrides=tuple(replace(o, years=years(o.years))
                                       for o in doc.overrides))


def assert_round_trip(doc, folder: Path, lang: str = "zh") -> None:
    out = export_workbook(doc, folder / "export.xlsx", lang=lang)
    back = read_workbook(out).document
    assert back == canonical(doc)
    summary = summary_rows(out, result_sheet_names(doc, lang=lang)[0])
    again = evaluate(back).results
    for name, first in evaluate(doc).results.items():
        second = again[name]
        np.testing.assert_array_equal(first.total, second.total)
        np.testing.assert_array_equal(first.chain_total, second.chain_total)
        assert summary[name][:len(first.years)] == pytest.approx(first.total.tolist(),
                                                                rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("make", [leshan_document, rich_document, template_document])
def test_round_trip_examples(make, lang, tmp_path):
    assert_round_trip(make(), tmp_path, lang)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_round_trip_property(doc):
    with tempfile.TemporaryDirectory() as tmp:
        assert_round_trip(doc, Path(tmp))
