"""文件 → 生成汇报材料: the active scenario's report, a progress bar, "open the file"."""
from __future__ import annotations

import docx

from tests.report_checks import conclusions
from tests.ui_support import session, ui_env, window  # noqa: F401
from ui import prompts, report_action


def test_menu_entry_writes_the_active_scenarios_report(window, session, qtbot, tmp_path,
                                                       monkeypatch):
    session.set_active_scenario("压力情景")
    asked, opened = [], []
    monkeypatch.setattr(prompts, "get_save_path",
                        lambda parent, folder, filt, title: (asked.append((folder, filt)),
                                                             str(tmp_path / "汇报"))[1])
    monkeypatch.setattr(report_action, "ask_open", lambda parent, path: True)
    monkeypatch.setattr(report_action, "open_file", lambda path: opened.append(path))
    action = next(a for a in window.file_menu.actions() if a.objectName() == "generateReport")
    assert action.text() == "生成汇报材料(&R)…"
    seen = []
    window.task_bar.bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(window.task_bar.bar.valueChanged, timeout=30_000):
        action.trigger()
    assert window.task_bar.isVisible()               # the progress bar runs while it works
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    path = tmp_path / "汇报.docx"
    assert opened == [str(path)] and asked[0][1] == "Word (*.docx)"
    assert "压力情景" in asked[0][0]
    assert any(v > 0 for v in seen)
    text = "\n".join(conclusions(path))
    assert "压力情景" in text
    assert "压力情景" in docx.Document(str(path)).paragraphs[2].text


def test_failure_is_shown_in_chinese(window, qtbot, tmp_path, monkeypatch):
    from planner.report import charts
    monkeypatch.setattr(charts, "CJK_FONTS", ("No Such Font",))
    monkeypatch.setattr(charts, "_font", None)
    errors = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, title, text: errors.append(text))
    assert report_action.generate_report(window, str(tmp_path / "r.docx")) is not None
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    assert errors and "未找到含中文字符的字体" in errors[0]
    assert not (tmp_path / "r.docx").exists()
