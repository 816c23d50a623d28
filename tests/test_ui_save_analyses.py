"""Save As offers the current analysis sheets as a choice in the save dialog (issue 13
item 8); the choice is remembered and a plain Save follows it."""
import openpyxl
from PySide6.QtCore import QSettings

from planner.analysis.sensitivity import sensitivity
from tests.ui_support import session, ui_env, window  # noqa: F401
from ui import prompts
from ui.file_actions import ANALYSES_KEY, saves_analyses


def choose(monkeypatch, path, pick_full: bool | None, seen: list):
    """A save dialog that answers ``path`` and picks one of the two filters."""
    def fake(parent, folder="", file_filter="", title="", selected=None):
        seen.append((file_filter, None if selected is None else list(selected)))
        if selected is not None and pick_full is not None:
            full, plain = file_filter.split(";;")
            selected[0] = full if pick_full else plain
        return str(path)
    monkeypatch.setattr(prompts, "get_save_path", fake)


def sheets(path):
    return openpyxl.load_workbook(path, read_only=True).sheetnames


def test_choice_in_the_save_dialog_is_remembered(window, session, monkeypatch, qtbot,
                                                 tmp_path):
    assert saves_analyses()                      # by default the sheets are included
    seen: list = []
    session.record_analysis("sensitivity", session.document,
                            sensitivity(session.document, session.active_scenario))
    choose(monkeypatch, tmp_path / "without.xlsx", False, seen)
    with qtbot.waitSignal(window.files.saved, timeout=20_000):
        window.files.save_as()
    filters, preselected = seen[-1]
    assert "敏感性" in filters.split(";;")[0] and preselected == [filters.split(";;")[0]]
    assert "敏感性分析" not in sheets(tmp_path / "without.xlsx")
    assert QSettings().value(ANALYSES_KEY) in (False, "false")
    assert not saves_analyses()

    with qtbot.waitSignal(window.files.saved, timeout=20_000):
        window.files.save()                      # same path, no dialog: the choice holds
    assert "敏感性分析" not in sheets(tmp_path / "without.xlsx")

    choose(monkeypatch, tmp_path / "with.xlsx", True, seen)
    with qtbot.waitSignal(window.files.saved, timeout=20_000):
        window.files.save_as()
    assert seen[-1][1] == [seen[-1][0].split(";;")[1]]   # the plain filter preselected
    assert "敏感性分析" in sheets(tmp_path / "with.xlsx")
    assert saves_analyses()
