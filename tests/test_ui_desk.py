"""Issue 10: safe edits, clear scope, a laptop screen and Excel habits (pytest-qt)."""
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from models.edits import CellRef
from planner.io.paste import implausible, parse_cell, parse_override_cell
from sample_data.leshan import leshan_document
from tests.ui_support import session, ui_env, window  # noqa: F401
from ui import help as help_pages
from ui import import_wizard, prompts, tab_registry
from ui.editors.grids import YearGridModel
from ui.editors.overrides import OverridesEditor
from ui.editors.projects import ProjectsEditor
from ui.editors.tables import ChainsModel, SettingsModel, StagesModel
from ui.editors.view import EditorView
from ui.import_wizard import ImportWizard
from ui.main_window import MINIMUM_SIZE, MainWindow, redo_shortcuts
from ui.session import Session

ROOT, FAST, STRESS, THREE = leshan_document().scenario_names


@pytest.fixture(autouse=True)
def _chinese(ui_env):
    """Isolated settings and the Chinese interface for every test here."""


def at(model, row_key, col_key):
    return model.index(model._rows.index(row_key), model._cols.index(col_key))


def growth_value(doc, chain, year):
    return next(r.growth for r in doc.growth if r.chain == chain and r.year == year)


# -- 1. percent entry ---------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [("12", 0.12), ("12%", 0.12), ("0.5", 0.005),
                                        ("-3", -0.03), ("１２％", 0.12)])
def test_percent_rule_for_typed_text(text, value):
    assert parse_cell(CellRef("growth", "A", "growth", 2026), text) == pytest.approx(value)
    assert parse_cell(CellRef("stages", "signed", "probability"), text) == pytest.approx(value)
    assert parse_cell(CellRef("settings", "price_sd", "value"), text) == pytest.approx(value)


def test_percent_rule_leaves_other_columns_and_workbook_numbers_alone():
    assert parse_cell(CellRef("pipeline", "A", "investment", 2026), "12") == 12.0
    assert parse_cell(CellRef("growth", "A", "growth", 2026), 0.12) == 0.12  # a number cell


def test_typing_12_in_growth_stores_12_percent(qtbot):
    session = Session(leshan_document())
    model = YearGridModel(session, "growth", "growth")
    assert model.setData(at(model, "电子信息", 2026), "12")
    assert growth_value(session.document, "电子信息", 2026) == pytest.approx(0.12)
    assert at(model, "电子信息", 2026).data() == "12.0%"
    assert session.active_result.value_at_target_year < 1500   # not 3,422


def test_pasting_from_excel_follows_the_same_rule(qtbot):
    session = Session(leshan_document())
    view = EditorView()
    qtbot.addWidget(view)
    model = YearGridModel(session, "growth", "growth")
    view.setModel(model)
    view.setCurrentIndex(at(model, "电子信息", 2026))
    assert view.paste("12\t13%\n")
    assert growth_value(session.document, "电子信息", 2026) == pytest.approx(0.12)
    assert growth_value(session.document, "电子信息", 2027) == pytest.approx(0.13)


def test_override_values_follow_the_rule_but_multipliers_do_not():
    row = leshan_document().overrides[0]
    assert row.field == "growth" and row.op == "add"
    assert parse_override_cell(row, "value", "3").value == pytest.approx(0.03)
    assert parse_override_cell(row, "value", "3%").value == pytest.approx(0.03)
    mul = parse_override_cell(row, "op", "mul")
    assert parse_override_cell(mul, "value", "1.1").value == pytest.approx(1.1)


def test_override_editor_types_percent_and_shows_it(qtbot):
    session = Session(leshan_document())
    session.set_active_scenario(FAST)
    editor = OverridesEditor(session)
    qtbot.addWidget(editor)
    model = editor.model
    value = model.index(0, 5)
    assert model.setData(value, "5")
    assert session.document.overrides[0].value == pytest.approx(0.05)
    assert value.data() == "5%"
    assert model.index(0, 1).data() == "全部"          # key '*'
    assert model.setData(model.index(0, 1), "全部")     # what is shown reads back
    assert session.document.overrides[0].key == "*"


def test_implausible_values_are_named():
    assert implausible("growth", 0.08, 12.0) is not None
    assert implausible("growth", 0.08, -0.6) is not None
    assert implausible("growth", 0.08, 0.3) is None
    assert implausible("probability", 0.2, 0.9) is not None
    assert implausible("probability", 0.2, 0.5) is None


def test_an_implausible_value_asks_first(qtbot, monkeypatch):
    session = Session(leshan_document())
    model = YearGridModel(session, "growth", "growth")
    asked = []
    monkeypatch.setattr(prompts, "confirm_unusual",
                        lambda parent, reasons: asked.append(reasons) or False)
    before = session.document
    assert not model.setData(at(model, "电子信息", 2026), "1200")
    assert session.document == before and "1200" in asked[0][0]
    monkeypatch.setattr(prompts, "confirm_unusual", lambda parent, reasons: True)
    assert model.setData(at(model, "电子信息", 2026), "1200")
    assert growth_value(session.document, "电子信息", 2026) == pytest.approx(12.0)


# -- 2. scope of an import ----------------------------------------------------------------
def _imported(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目清单"
    ws.append(["项目", "计划投资(亿元)", "行业", "状态", "投产"])
    ws.append(["新项目甲", 5, "晶硅光伏", "在建", 2026])
    ws.append(["新项目乙", 3, "电子信息", "在建", 2027])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    return path


def _drive(wizard, qtbot, path):
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.source_page.set_path(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == import_wizard.MAPPING, timeout=5000)
    page = wizard.mapping_page
    page.set_field("id", "")
    for field, header in {"name": "项目", "investment": "计划投资(亿元)", "chain": "行业",
                          "stage": "状态", "production_year": "投产"}.items():
        page.set_field(field, header)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == import_wizard.REPORT


def test_import_in_a_child_scenario_defaults_to_that_scenario(qtbot, tmp_path, monkeypatch):
    session = Session(leshan_document())
    session.set_active_scenario(FAST)
    base_before = session.results[ROOT].value_at_target_year

    def drive(self):
        _drive(self, qtbot, _imported(tmp_path))
        page = self.report_page
        assert page.only_scenario.isVisible() and page.only_scenario.isChecked()
        assert FAST in page.only_scenario.text()
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportWizard, "exec", drive)
    assert import_wizard.run_import_wizard(session)
    doc = session.document
    new = [p for p in doc.projects if p.name.startswith("新项目")]
    assert len(new) == 2 and all(p.include is False for p in new)
    assert {(o.scenario, o.key, o.field) for o in doc.overrides if o.key in
            {p.id for p in new}} == {(FAST, p.id, "include") for p in new}
    assert session.results[ROOT].value_at_target_year == pytest.approx(base_before)
    assert session.results[FAST].value_at_target_year > 0


def test_import_can_go_to_the_base_data(qtbot, tmp_path, monkeypatch):
    session = Session(leshan_document())
    session.set_active_scenario(FAST)
    base_before = session.results[ROOT].value_at_target_year

    def drive(self):
        _drive(self, qtbot, _imported(tmp_path))
        self.report_page.all_scenarios.setChecked(True)
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportWizard, "exec", drive)
    assert import_wizard.run_import_wizard(session)
    assert all(p.include is not False for p in session.document.projects
               if p.name.startswith("新项目"))
    assert session.results[ROOT].value_at_target_year > base_before


def test_import_in_the_root_scenario_says_base_data(qtbot, tmp_path):
    wizard = ImportWizard(leshan_document(), scenario=ROOT)
    _drive(wizard, qtbot, _imported(tmp_path))
    assert not wizard.report_page.only_scenario.isVisible()
    assert "所有情景" in wizard.report_page.scope_label.text() or \
        "every scenario" in wizard.report_page.scope_label.text()


# -- 3. base-only fields in a child scenario ----------------------------------------------
def test_base_only_edit_in_a_child_scenario_asks(qtbot, monkeypatch):
    session = Session(leshan_document())
    session.set_active_scenario(FAST)
    editor = ProjectsEditor(session)
    qtbot.addWidget(editor)
    model = editor.model
    chain = at(model, model._rows[0], "chain")
    assert model.is_base_only(chain.data(Qt.ItemDataRole.UserRole + 2))
    assert chain.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "所有情景" in chain.data(Qt.ItemDataRole.ToolTipRole) or \
        "all scenarios" in chain.data(Qt.ItemDataRole.ToolTipRole)
    asked = []
    monkeypatch.setattr(prompts, "confirm_base_edit",
                        lambda parent, scenario, field: asked.append(scenario) or False)
    before = session.document
    other = next(c for c in before.chain_names if c != before.projects[0].chain)
    assert not model.setData(chain, other)
    assert session.document == before and asked == [FAST]
    # an overridable field asks nothing
    assert model.setData(at(model, model._rows[0], "delay"), "2") and asked == [FAST]
    # the root scenario edits the base data: no question
    session.set_active_scenario(ROOT)
    assert model.setData(chain, other) and asked == [FAST]


def test_settings_in_a_child_scenario_ask(qtbot, monkeypatch):
    session = Session(leshan_document())
    session.set_active_scenario(FAST)
    model = SettingsModel(session)
    monkeypatch.setattr(prompts, "confirm_base_edit", lambda parent, scenario, field: False)
    before = session.document
    assert not model.setData(at(model, "target_value", "value"), "1200")
    assert session.document == before


# -- 4. a laptop screen --------------------------------------------------------------------
def test_minimum_size_fits_a_small_laptop(window):
    assert MINIMUM_SIZE.width() <= 1024 and MINIMUM_SIZE.height() <= 640
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 640
    window.resize(1024, 640)
    assert window.width() <= 1024 and window.height() <= 640


def test_kpi_cards_wrap_on_a_narrow_window(window, qtbot):
    window.resize(1024, 700)
    window.show()
    qtbot.waitUntil(lambda: window.overview.kpis.columns < 7)
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: window.overview.kpis.columns == 7)


def test_window_size_is_remembered(ui_env, qtbot):
    w = MainWindow(Session(leshan_document()), autosave=False)
    qtbot.addWidget(w)
    w.resize(1000, 660)
    w._closing = True
    w.close()
    again = MainWindow(Session(leshan_document()), autosave=False)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (1000, 660)   # the offscreen screen is 800 wide


# -- 5. Excel habits ----------------------------------------------------------------------
def _grid_view(qtbot, session):
    view = EditorView()
    qtbot.addWidget(view)
    model = YearGridModel(session, "growth", "growth")
    view.setModel(model)
    view.show()
    return view, model


def test_one_value_pasted_over_a_block_fills_it(qtbot):
    session = Session(leshan_document())
    view, model = _grid_view(qtbot, session)
    top, bottom = at(model, "电子信息", 2026), at(model, "大数据", 2027)
    view.setCurrentIndex(top)
    view.selectionModel().select(QItemSelection(top, bottom),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert view.paste("9%\n")
    for chain in ("电子信息", "大数据"):
        for year in (2026, 2027):
            assert growth_value(session.document, chain, year) == pytest.approx(0.09)
    assert session.undo_stack.count() == 1


def test_enter_moves_down_after_an_edit(qtbot):
    session = Session(leshan_document())
    view, model = _grid_view(qtbot, session)
    start = at(model, "电子信息", 2026)
    view.setCurrentIndex(start)
    view.setFocus()
    qtbot.keyClicks(view, "7")
    editor = view.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.currentIndex().row() == start.row() + 1)
    assert view.currentIndex().column() == start.column()
    assert growth_value(session.document, "电子信息", 2026) == pytest.approx(0.07)
    qtbot.keyClick(view, Qt.Key.Key_Return)      # not editing: Enter also moves down
    assert view.currentIndex().row() == start.row() + 2


def test_after_add_typing_edits_the_new_row(qtbot):
    session = Session(leshan_document())
    editor = ProjectsEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    editor.view.setFocus()
    assert editor.add()
    index = editor.view.currentIndex()
    source = editor.view.to_source(index)
    assert source.row() == len(session.document.projects) - 1
    assert index.flags() & Qt.ItemFlag.ItemIsEditable
    qtbot.waitUntil(editor.view.hasFocus)


def test_chain_add_focuses_the_new_chain(qtbot):
    from sample_data.leshan import leshan_document_v1
    from ui.editors import ChainsEditor
    # the v1 document: in the v2 sample a new chain also needs actuals (refused on main)
    session = Session(leshan_document_v1())
    editor = ChainsEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.add()
    assert editor.view.currentIndex().row() == len(session.document.chains) - 1


def test_an_edited_row_in_a_sorted_column_stays_put(qtbot):
    session = Session(leshan_document())
    editor = ProjectsEditor(session)
    qtbot.addWidget(editor)
    column = editor.model._cols.index("investment")
    editor.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    index = editor.proxy.index(0, column)
    pid = editor.proxy.index(0, 0).data()
    assert editor.proxy.setData(index, "999")
    assert editor.proxy.index(0, 0).data() == pid


@pytest.mark.parametrize("keys,step", [("Ctrl+Tab", 1), ("Ctrl+PgDown", 1),
                                       ("Ctrl+PgUp", -1), ("Ctrl+Shift+Tab", -1)])
def test_tab_keys_switch_tabs_even_from_a_table(window, qtbot, keys, step):
    window.show()
    window.show_tab("growth")
    view = window.pages["growth"].views[0]
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    start = window.tabs.currentIndex()
    sequence = QKeySequence(keys)
    combo = sequence[0]
    qtbot.keyClick(view, combo.key(), combo.keyboardModifiers())
    assert window.tabs.currentIndex() == (start + step) % window.tabs.count()


def test_ctrl_y_and_ctrl_shift_z_redo():
    keys = redo_shortcuts()
    assert QKeySequence("Ctrl+Y") in keys and QKeySequence("Ctrl+Shift+Z") in keys


def test_ctrl_y_redoes_in_the_window(window, qtbot):
    window.show()
    session = window.session
    before = session.document
    model = window.pages["growth"].models[0]
    assert model.setData(at(model, "电子信息", 2026), "9")
    session.undo_stack.undo()
    assert session.document == before
    qtbot.keyClick(window.pages["growth"].views[0], Qt.Key.Key_Y,
                   Qt.KeyboardModifier.ControlModifier)
    assert session.document != before


# -- 10. the user guide ------------------------------------------------------------------
def test_f1_opens_the_bundled_user_guide(window, qtbot):
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.guide_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "用户指南" in text and "F1" in text


def test_the_guide_names_every_tab_and_shortcut():
    guide = help_pages.guide_markdown("zh")
    for name in ("总览", "产业链", "增长率", "价格指数", "项目", "招商储备与孵化", "阶段概率", "设置",
                 "情景调整", "目标求解", "敏感性分析", "蒙特卡洛模拟", "情景对比"):
        assert name in guide
    for key in ("Ctrl+Z", "Ctrl+Y", "Ctrl+Tab", "Ctrl+PgDn", "F1", "Enter"):
        assert key in guide
        assert key in help_pages.guide_markdown("en")


# -- 12. tabs by key ---------------------------------------------------------------------
def test_every_documented_key_is_registered(window):
    keys = ["overview", "chains", "growth", "prices", "projects", "pipeline", "stages",
            "settings", "overrides", "goalseek", "sensitivity", "montecarlo", "compare"]
    v2 = ["actuals", "progress", "targets", "attribution"]
    registered = tab_registry.keys()
    assert [k for k in registered if k in keys] == keys and set(v2) <= set(registered)
    assert window.tab_keys == tab_registry.keys()
    window.show_tab("montecarlo")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "蒙特卡洛模拟"


def test_a_registered_tab_appears_in_the_window(ui_env, qtbot, monkeypatch):
    from PySide6.QtWidgets import QLabel
    monkeypatch.setattr(tab_registry, "_TABS", list(tab_registry._TABS))
    tab_registry.register("extra", "MainWindow", "Overview", lambda s, p: QLabel("x", p))
    w = MainWindow(Session(leshan_document()), autosave=False)
    qtbot.addWidget(w)
    assert w.tab_keys[-1] == "extra" and isinstance(w.pages["extra"], QLabel)


def _gui(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "planner.cli", "gui", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_unknown_tab_exits_2_listing_the_keys(tmp_path):
    done = _gui(tmp_path, "--tab", "bogus", "--screenshot", str(tmp_path / "x.png"))
    assert done.returncode == 2
    assert "bogus" in done.stderr and "montecarlo" in done.stderr and "overview" in done.stderr


def test_bad_size_exits_2(tmp_path):
    done = _gui(tmp_path, "--size", "big", "--screenshot", str(tmp_path / "x.png"))
    assert done.returncode == 2 and "1366x768" in done.stderr


def test_screenshot_of_a_tab_at_a_size(tmp_path):
    from PySide6.QtGui import QImage
    out = tmp_path / "projects.png"
    done = _gui(tmp_path, "--tab", "projects", "--size", "1366x768", "--screenshot", str(out))
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


# -- 11. set-up on a fresh Linux desktop --------------------------------------------------
def test_xcb_check_names_the_apt_command():
    from ui import xcb_check
    ldd = ("\tlibQt6XcbQpa.so.6 => /x/libQt6XcbQpa.so.6 (0x1)\n"
           "\tlibxcb-icccm.so.4 => not found\n\tlibxcb-keysyms.so.1 => not found\n"
           "\tlibxcb-icccm.so.4 => not found\n\tlibweird.so.3 => not found\n")
    missing = xcb_check.missing_libraries(ldd)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libweird.so.3"]
    assert xcb_check.apt_command(missing) == "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    text = xcb_check.report(missing)
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in text and "apt-file" in text
    assert xcb_check.missing_libraries("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_readme_lists_the_xcb_packages_and_tab_keys():
    from pathlib import Path
    from ui import xcb_check
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert all(p in readme for p in xcb_check.README_PACKAGES)
    assert "pip install -e '.[test]'" in readme
    assert all(f"`{key}`" in readme for key in tab_registry.keys())


# -- 7. Qt's own dialogs in Chinese -------------------------------------------------------
def test_qt_dialogs_are_translated():
    from PySide6.QtCore import QCoreApplication
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


# -- 8. jargon explained ------------------------------------------------------------------
def test_column_headers_explain_themselves(qtbot):
    session = Session(leshan_document())
    tip = Qt.ItemDataRole.ToolTipRole
    chains = ChainsModel(session)
    ratio = chains._cols.index("output_ratio")
    assert "投入产出比" in chains.headerData(ratio, Qt.Orientation.Horizontal, tip)
    growth = chains._cols.index("value_added_rate")
    assert "12%" in chains.headerData(growth, Qt.Orientation.Horizontal, tip)
    assert chains.headerData(growth, Qt.Orientation.Horizontal).endswith("(%)")
    projects = ProjectsEditor(session)
    qtbot.addWidget(projects)
    model = projects.model
    for field in ("ramp", "include", "output_ratio"):
        assert model.headerData(model._cols.index(field), Qt.Orientation.Horizontal, tip)
    settings = SettingsModel(session)
    label = at(settings, "target_value", "key")
    assert label.data() == "目标值(亿元)"
    assert at(settings, "delay_mode", "key").data(tip)
    assert "年" in at(settings, "delay_mode", "key").data()


# -- 9. small things ----------------------------------------------------------------------
def test_redo_restores_the_scenario_of_the_edit(qtbot):
    session = Session(leshan_document())
    session.set_active_scenario(FAST)
    model = YearGridModel(session, "growth", "growth")
    assert model.setData(at(model, "电子信息", 2026), "9")
    session.set_active_scenario(ROOT)
    session.undo_stack.undo()
    assert session.active_scenario == FAST
    session.set_active_scenario(ROOT)
    session.undo_stack.redo()
    assert session.active_scenario == FAST


def test_window_title_and_probability_text(window):
    from ui.overview.kpis import probability_text
    assert window.windowTitle().endswith("千亿情景规划器")
    assert probability_text(0.0) == "<0.1%" and probability_text(0.0004) == "<0.1%"
    assert probability_text(1.0) == ">99.9%" and probability_text(0.621) == "62.1%"


def test_override_rows_read_as_a_planner_writes_them():
    from models import Override
    from models.override_words import override_words
    add = Override("s", "growth", "*", "growth", 0.0716737992204429, "", "add")
    assert override_words(add, "zh").endswith("增加 7.17 个百分点")
    assert "全部" in override_words(add, "zh") and "0.07167" not in override_words(add, "zh")
    include = Override("s", "projects", "P1", "include", 1.0, "2026-2028", "set")
    assert override_words(include, "zh").endswith("设定为 是")
    assert "2026–2028" in override_words(include, "zh")
    year = Override("s", "projects", "P1", "production_year", 2026.0, "", "set")
    assert override_words(year, "zh").endswith("2026") and "2026.0" not in override_words(year, "zh")
    rate = Override("s", "projects", "P1", "probability", 0.4, "", "set")
    assert override_words(rate, "en").endswith("set to 40%")


def test_one_palette_and_no_scenario_in_the_target_red():
    from ui.analysis import common
    from ui.overview import charts
    assert common.SCENARIO_COLOURS is charts.SCENARIO_COLOURS
    target = charts.TARGET_COLOUR
    for colour in charts.SCENARIO_COLOURS:
        c = __import__("PySide6.QtGui", fromlist=["QColor"]).QColor(colour)
        assert abs(c.hue() - target.hue()) > 20 or c.saturation() < 80


def test_monte_carlo_chart_has_a_placeholder_before_the_first_run(window):
    panel = window.pages["montecarlo"]
    assert panel.fan.placeholder and "运行模拟" in panel.fan.placeholder
    assert not any(axis.isVisible() for axis in panel.fan.chart().axes())


# -- 7. no English in the Chinese interface -----------------------------------------------
_WORD = __import__("re").compile(r"[A-Za-z]{3,}")
_ALLOWED = {"Excel", "WPS", "PNG", "SVG", "English", "Ctrl", "Shift", "Enter", "Delete", "xlsx"}


def _english(text: str) -> list[str]:
    return [w for w in _WORD.findall(text or "") if w not in _ALLOWED]


def _visible_texts(root):
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox,
                                   QLabel, QLineEdit, QTabBar, QWidget)
    out = []
    for w in [root] + root.findChildren(QWidget):
        if w is not root and not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            try:
                rows, cols = m.rowCount(), m.columnCount()
            except TypeError:     # a list model's private columnCount
                continue
            out += [str(m.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(cols)]
            out += [str(m.index(r, c).data() or "") for r in range(min(rows, 40))
                    for c in range(min(cols, 14))]
    return out


@pytest.mark.parametrize("scenario", [ROOT, FAST])
def test_no_english_in_the_chinese_window(window, qtbot, scenario):
    window.session.set_active_scenario(scenario)
    found = {}
    for i, key in enumerate(window.tab_keys):
        window.tabs.setCurrentIndex(i)
        for text in _visible_texts(window):
            if _english(text):
                found.setdefault(key, []).append(text)
    for menu in window.menuBar().actions():
        for action in menu.menu().actions():
            if _english(action.text()):
                found.setdefault("menu", []).append(action.text())
    assert found == {}


def test_no_english_in_the_chinese_import_wizard(qtbot, tmp_path):
    wizard = ImportWizard(leshan_document(), scenario=FAST)
    _drive(wizard, qtbot, _imported(tmp_path))
    found = [t for pid in wizard.pageIds() for t in _visible_texts(wizard.page(pid))
             if _english(t)]
    found += [t for t in _visible_texts(wizard) if _english(t)]
    assert found == []


def test_no_english_in_the_chinese_dialogs(window, qtbot):
    from ui.error_dialog import ErrorDialog
    dialogs = [help_pages.GuideDialog("zh", window),
               ErrorDialog("标题", "说明", ["growth 1200% is outside -50% to 100%"], window)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        words = [t for t in _visible_texts(dialog) if _english(t)]
        assert words == [], type(dialog).__name__


def test_english_headers_are_not_clipped(qtbot):
    from ui import language
    language.install("en")
    session = Session(leshan_document())
    for model in (ChainsModel(session), SettingsModel(session)):
        view = EditorView()
        qtbot.addWidget(view)
        view.setModel(model)
        header = view.horizontalHeader()
        for column in range(model.columnCount()):
            assert view.columnWidth(column) >= header.sectionSizeFromContents(column).width()
    settings = SettingsModel(session)
    assert at(settings, "mc_draws", "key").data() == "Monte Carlo draws (draws)"
