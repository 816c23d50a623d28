"""Test-wide settings: Qt runs offscreen even when pytest is started by hand."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def v1_workbook(tmp_path_factory) -> Path:
    """The v1 sample (stages as of 2023, no actuals) as a workbook: the fixture of the
    v1 equations' golden values now that the shipped sample is the v2 document."""
    from sample_data.build_sample import build_v1
    return build_v1(tmp_path_factory.mktemp("v1") / "leshan_v1.xlsx")


@pytest.fixture(autouse=True)
def _no_modal_edit_questions(monkeypatch):
    """The edit questions (an unusual value, a base edit from a child scenario) answer
    "yes" unless a test patches them itself; a real modal box would block the suite."""
    try:
        from ui import prompts
    except ImportError:
        return
    monkeypatch.setattr(prompts, "confirm_unusual", lambda parent, reasons: True)
    monkeypatch.setattr(prompts, "confirm_base_edit", lambda parent, scenario, field: True)
