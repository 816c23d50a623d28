"""Open, save, unsaved-changes prompts, bad workbooks, autosave, recovery, chart export."""
import json
from dataclasses import replace

import pytest
from PySide6.QtGui import QImage

from planner.io.reader import read_workbook
from planner.io.template import write_document
from sample_data.leshan import leshan_document_v1
from tests import workbooks
from tests.ui_support import session, ui_env, window  # noqa: F401
from ui import app as ui_app
from ui import error_dialog, prompts
from ui.file_actions import new_document, recent_files
from ui.session import Session


def edited(doc):
    return doc.replace(chains=(replace(doc.chains[0], growth=0.2),) + doc.chains[1:])


def patch(monkeypatch, name, value, calls=None):
    def fake(*args, **kwargs):
        if calls is not None:
            calls.append(args)
        return value
    monkeypatch.setattr(prompts, name, fake)


@pytest.fixture
def bad_workbook(tmp_path):
    sheets = workbooks.edit(workbooks.base(), {("Chains", "C2"): -5,
                                               ("Settings", "B3"): "twenty"})
    return workbooks.write(tmp_path / "bad.xlsx", sheets)


def test_invalid_workbook_lists_problems_and_keeps_document(window, session, bad_workbook,
                                                            qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(error_dialog, "show_issues",
                        lambda parent, title, summary, issues: shown.append(issues))
    doc = session.document
    with qtbot.waitSignal(window.files.openFailed, timeout=10_000):
        window.files.open(str(bad_workbook))
    assert session.document is doc
    issues = shown[0]
    assert len([i for i in issues if i.is_error]) >= 2
    text = error_dialog.issues_text(issues)
    assert "bad.xlsx" in text and "!C2" in text and "!B3" in text
    assert not window.isWindowModified()


def test_error_dialog_is_copyable_text(qtbot, bad_workbook):
    from models import DocumentError
    with pytest.raises(DocumentError) as err:
        read_workbook(bad_workbook)
    dialog = error_dialog.ErrorDialog("t", "s", err.value.issues)
    qtbot.addWidget(dialog)
    assert dialog.text.isReadOnly()
    assert dialog.text.toPlainText().count("\n") == len(err.value.issues) - 1


def test_open_valid_workbook_replaces_document(window, session, tmp_path, qtbot):
    path = tmp_path / "plan.xlsx"
    doc = leshan_document_v1()
    write_document(path, doc.replace(settings=replace(doc.settings, park_name="测试园")))
    with qtbot.waitSignal(window.files.opened, timeout=10_000):
        window.files.open(str(path))
    assert session.document.settings.park_name == "测试园"
    assert session.path == str(path)
    assert "plan.xlsx" in window.windowTitle() and "测试园" in window.windowTitle()
    assert str(path) in recent_files()
    assert session.undo_stack.count() == 0


def test_unsaved_prompt_on_open(window, session, monkeypatch, qtbot, tmp_path):
    session.apply(edited(session.document), "edit")
    asked = []
    patch(monkeypatch, "ask_save_changes", prompts.CANCEL, asked)
    window.files.open()                         # get_open_path would fail if called
    assert len(asked) == 1 and session.undo_stack.count() == 1
    path = tmp_path / "other.xlsx"
    write_document(path, leshan_document_v1())
    patch(monkeypatch, "ask_save_changes", prompts.DISCARD)
    patch(monkeypatch, "get_open_path", str(path))
    with qtbot.waitSignal(window.files.opened, timeout=10_000):
        window.files.open()
    assert session.path == str(path) and not session.is_modified


def test_unsaved_prompt_on_close(window, session, monkeypatch):
    session.apply(edited(session.document), "edit")
    patch(monkeypatch, "ask_save_changes", prompts.CANCEL)
    assert not window.close()
    assert window.isVisible()
    patch(monkeypatch, "ask_save_changes", prompts.DISCARD)
    assert window.close()
    assert not window.isVisible()


def test_save_on_close_saves_then_closes(window, session, monkeypatch, qtbot, tmp_path):
    session.apply(edited(session.document), "edit")
    target = tmp_path / "saved.xlsx"
    patch(monkeypatch, "ask_save_changes", prompts.SAVE)
    patch(monkeypatch, "get_save_path", str(target))
    with qtbot.waitSignal(window.files.saved, timeout=20_000):
        assert not window.close()               # waits for the save
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert read_workbook(target).document == session.document


def test_save_as_marks_clean_and_reads_back(window, session, monkeypatch, qtbot, tmp_path):
    session.apply(edited(session.document), "edit")
    target = tmp_path / "plan"                  # .xlsx is added
    patch(monkeypatch, "get_save_path", str(target))
    with qtbot.waitSignal(window.files.saved, timeout=20_000):
        window.files.save()                     # untitled sample path: Save As
    assert session.path == str(target) + ".xlsx"
    assert not session.is_modified and not window.isWindowModified()
    assert read_workbook(session.path).document == session.document


def test_save_includes_current_analysis_results_only(window, session, monkeypatch, qtbot,
                                                    tmp_path):
    import openpyxl
    from planner.analysis.sensitivity import sensitivity
    session.record_analysis("sensitivity", session.document,
                            sensitivity(session.document, session.active_scenario))
    patch(monkeypatch, "get_save_path", str(tmp_path / "a.xlsx"))
    with qtbot.waitSignal(window.files.saved, timeout=20_000):
        window.files.save()
    assert "敏感性分析" in openpyxl.load_workbook(tmp_path / "a.xlsx", read_only=True).sheetnames
    session.apply(edited(session.document), "edit")      # the tornado is now stale
    assert session.analysis("sensitivity") is None
    patch(monkeypatch, "get_save_path", str(tmp_path / "b.xlsx"))
    with qtbot.waitSignal(window.files.saved, timeout=20_000):
        window.files.save_as()
    assert "敏感性分析" not in openpyxl.load_workbook(tmp_path / "b.xlsx",
                                                  read_only=True).sheetnames


def test_new_document_works(window, session, monkeypatch, qtbot):
    patch(monkeypatch, "ask_save_changes", prompts.DISCARD)
    session.apply(edited(session.document), "edit")
    window.files.new()
    assert session.document.chain_names == ["示例产业链"]
    assert session.path == "" and not session.is_modified
    qtbot.waitUntil(lambda: window.overview.kpis.cards["base"].value.text() == "100.00 亿元")
    assert new_document("en").chain_names == ["Example chain"]


def test_autosave_writes_recovery_and_clears_on_clean(window, session, qtbot):
    autosave = window.autosave
    assert autosave.timer.interval() == 120_000 and autosave.timer.isActive()
    assert autosave.autosave_now() is None      # nothing unsaved
    session.apply(edited(session.document), "edit")
    with qtbot.waitSignal(autosave.written, timeout=20_000):
        autosave.autosave_now()
    book = autosave.book
    sidecar = json.loads(book.with_suffix(".json").read_text(encoding="utf-8"))
    assert sidecar["path"] == session.path and sidecar["scenario"] == "基准"
    assert read_workbook(book).document == session.document
    session.undo_stack.undo()                   # back to the saved state
    assert not book.exists() and not book.with_suffix(".json").exists()


def test_recovery_offered_at_start(ui_env, qtbot, monkeypatch, window, session):
    session.apply(edited(session.document), "edit")
    with qtbot.waitSignal(window.autosave.written, timeout=20_000):
        window.autosave.autosave_now()
    expected = session.document
    # the window is still running: its slot is not an orphan and is never touched
    asked = []
    monkeypatch.setattr(prompts, "ask_recover", lambda *a: asked.append(a) or False)
    ui_app._offer_recovery(Session(leshan_document_v1()), window)
    assert not asked and window.autosave.book.exists()
    window.autosave._lock.unlock()            # as if the window had crashed
    window.autosave._lock = None
    fresh = Session(leshan_document_v1())
    patch(monkeypatch, "ask_recover", True)
    ui_app._offer_recovery(fresh, window)
    assert fresh.document == expected and fresh.is_modified


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_chart(window, monkeypatch, tmp_path, suffix):
    target = tmp_path / f"chart{suffix}"
    patch(monkeypatch, "get_save_path", str(target))
    assert window.files.export_chart(window.overview.chain_chart) == str(target)
    data = target.read_bytes()
    if suffix == ".png":
        image = QImage(str(target))
        assert image.width() == window.overview.chain_chart.width()
    else:
        assert b"<svg" in data and len(data) > 5000


def test_drop_xlsx_opens_it(window, session, tmp_path, qtbot):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    path = tmp_path / "dropped.xlsx"
    write_document(path, leshan_document_v1())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.files.opened, timeout=10_000):
        window.dropEvent(event)
    assert session.path == str(path)
