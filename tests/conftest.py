"""Test-wide settings: Qt runs offscreen even when pytest is started by hand."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


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
