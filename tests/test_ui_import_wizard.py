"""The import wizard, driven programmatically (pytest-qt, offscreen, no sleeps)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtWidgets import QDialog, QWizard  # noqa: E402

from tests.ui_support import session, ui_env  # noqa: E402,F401
from ui import import_wizard  # noqa: E402
from ui.import_wizard import MAPPING, REPORT, SOURCE, VALUES, ImportWizard  # noqa: E402

HEADERS = ["序号", "项目", "计划投资", "行业", "状态", "投产"]  # no unit in any header
ROWS = [[1, "甲项目", 50000, "晶硅光伏", "已签约", "2026年"],
        [2, "乙项目", "12,345", "电子信息", "在建", 2027],
        [3, "丙项目", 8000, "新型储能", "前期工作", "2028年6月"]]
MAPPING_CHOICE = {"name": "项目", "investment": "计划投资", "chain": "行业", "stage": "状态",
                  "production_year": "投产"}


def source(tmp_path, rows=ROWS):
    wb = openpyxl.Workbook()
    wb.active.title = "封面"
    wb.active.append(["说明"])
    ws = wb.create_sheet("项目清单")
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    path = tmp_path / "招商清单.xlsx"
    wb.save(path)
    return path


def open_wizard(qtbot, doc, path) -> ImportWizard:
    w = ImportWizard(doc)
    qtbot.addWidget(w)
    w.show()
    w.source_page.set_path(str(path))
    assert [w.source_page.sheet_box.itemText(i)
            for i in range(w.source_page.sheet_box.count())] == ["封面", "项目清单"]
    w.source_page.sheet_box.setCurrentText("项目清单")
    w.next()  # reads the sheet in the thread pool, then moves on by itself
    qtbot.waitUntil(lambda: w.currentId() == MAPPING, timeout=5000)
    return w


def map_columns(w: ImportWizard, unit: str = "万元") -> None:
    page = w.mapping_page
    page.set_field("id", "")  # generate ids
    for field, header in MAPPING_CHOICE.items():
        page.set_field(field, header)
    assert page.unit_box.currentText() == "亿元"  # nothing in the header: 亿元 assumed
    page.set_unit(unit)


def finish_enabled(w: ImportWizard) -> bool:
    return w.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_wizard_converts_wan_yuan_and_applies_as_one_undo_step(session, qtbot, tmp_path):
    before = session.document
    w = open_wizard(qtbot, before, source(tmp_path))
    map_columns(w)
    model = w.mapping_page.model
    column = model._fields.index("investment")
    assert [model.data(model.index(r, column)) for r in range(3)] == ["5.0000", "1.2345",
                                                                      "0.8000"]
    w.next()
    assert w.currentId() == VALUES
    assert set(w.values_page.stage_boxes) == {"已签约", "在建", "前期工作"}
    assert w.values_page.stage_boxes["在建"].currentData() == "construction"
    box = w.values_page.stage_boxes["前期工作"]
    assert box.currentData() is None
    box.setCurrentIndex(box.findData("reserve"))
    w.next()
    assert w.currentId() == REPORT and finish_enabled(w)
    w.accept()
    doc = w.result_document
    added = doc.projects[len(before.projects):]
    assert [p.investment for p in added] == pytest.approx([5.0, 1.2345, 0.8])
    assert [p.stage for p in added] == ["signed", "construction", "reserve"]
    assert [p.production_year for p in added] == [2026, 2027, 2028]
    assert session.apply(doc, import_wizard.tr("Import projects")) == []
    assert session.undo_stack.count() == 1 and session.document == doc
    session.undo_stack.undo()
    assert session.document == before
    session.undo_stack.redo()
    assert session.document == doc


def test_report_lists_located_errors_and_finish_stays_disabled(session, qtbot, tmp_path):
    rows = ROWS[:2] + [[3, "丙项目", "约8000", "光伏", "搁置", "明年"]]
    path = source(tmp_path, rows)
    w = open_wizard(qtbot, session.document, path)
    map_columns(w)
    w.next()
    assert list(w.values_page.chain_boxes) == ["光伏"]
    w.next()
    assert w.currentId() == REPORT and not finish_enabled(w)
    text = w.report_page.text.toPlainText()
    for cell in ("C4", "D4", "E4", "F4"):
        assert f"{path}: 项目清单!{cell}: " in text
    w.accept()  # refused: nothing to apply
    assert w.result_document is None and w.isVisible()
    w.back()
    w.values_page.chain_boxes["光伏"].setCurrentText("晶硅光伏")
    w.next()
    assert "D4" not in w.report_page.text.toPlainText() and not finish_enabled(w)


def test_unreadable_file_is_reported_on_the_first_page(session, qtbot, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    w = ImportWizard(session.document)
    qtbot.addWidget(w)
    w.show()
    w.source_page.set_path(str(bad))
    assert w.currentId() == SOURCE and not w.source_page.isComplete()
    assert "not a zip" in w.source_page.status.text()


def test_run_import_wizard_applies_one_step(session, qtbot, tmp_path, monkeypatch):
    path = source(tmp_path, ROWS[:2])

    def drive(self):
        qtbot.addWidget(self)
        self.show()
        self.source_page.set_path(str(path))
        self.source_page.sheet_box.setCurrentText("项目清单")
        self.next()
        qtbot.waitUntil(lambda: self.currentId() == MAPPING, timeout=5000)
        map_columns(self)
        self.next()
        self.next()
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportWizard, "exec", drive)
    before = session.document
    assert import_wizard.run_import_wizard(session) is True
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == import_wizard.tr("Import projects")
    assert len(session.document.projects) == len(before.projects) + 2
    session.undo_stack.undo()
    assert session.document == before


def test_cancelled_wizard_changes_nothing(session, monkeypatch):
    monkeypatch.setattr(ImportWizard, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert import_wizard.run_import_wizard(session) is False
    assert session.undo_stack.count() == 0


def test_every_wizard_string_has_a_chinese_translation():
    import ast
    from pathlib import Path
    ui = Path(import_wizard.__file__).parent
    table = dict(line.split("\t") for line in
                 (ui / "i18n" / "import_zh.tsv").read_text(encoding="utf-8").splitlines())
    strings = {n.args[0].value
               for name in ("import_wizard.py", "import_pages.py", "import_preview.py")
               for n in ast.walk(ast.parse((ui / name).read_text(encoding="utf-8")))
               if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
               and n.func.id == "tr" and n.args and isinstance(n.args[0], ast.Constant)}
    assert strings and strings <= set(table), sorted(strings - set(table))
    assert all(v.strip() for v in table.values())
