"""The editors' item models and tabs, through a Session (pytest-qt, offscreen)."""
import random
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt

from models import Project
from models.edits import CellRef
from planner.model.provenance import BASE, DEFAULT, INHERITED, OVERRIDE
from sample_data.leshan import leshan_document_v1
from ui.editors import TITLES, editor_tabs
from ui.editors.common import CellRefRole, ChoicesRole, ProvenanceRole
from ui.editors.grids import YearGridModel
from ui.editors.overrides import OverridesEditor
from ui.editors.projects import ProjectsEditor
from ui.editors.tables import ChainsModel, SettingsModel, StagesModel
from ui.editors.view import EditorView
from ui.session import Session

EDIT = Qt.ItemDataRole.EditRole
ROOT, FAST, STRESS, THREE = leshan_document_v1().scenario_names


@pytest.fixture
def session(qtbot):
    return Session(leshan_document_v1())


def growth_model(session):
    return YearGridModel(session, "growth", "growth")


def at(model, row_key, col_key):
    return model.index(model._rows.index(row_key), model._cols.index(col_key))


def test_editor_tabs_in_order(session, qtbot):
    tabs = editor_tabs(session)
    assert [t for t, _ in tabs] == list(TITLES)
    for _, widget in tabs:
        qtbot.addWidget(widget)
        assert hasattr(widget, "editRefused")


def test_growth_edit_changes_results_and_undo_restores(session, qtbot):
    model = growth_model(session)
    before_doc, before = session.document, session.active_result.total.copy()
    index = at(model, "电子信息", 2026)
    assert index.data() == "8.0%" and index.data(ProvenanceRole).kind == DEFAULT
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.setData(index, "20%")
    top, bottom = changed.args[:2]
    assert (top.row(), top.column(), bottom.row(), bottom.column()) == (
        index.row(), index.column(), index.row(), index.column())  # exactly this cell
    assert index.data() == "20.0%" and index.data(ProvenanceRole).kind == BASE
    assert session.active_result.total[3] > before[3]
    session.undo_stack.undo()
    assert session.document == before_doc
    np.testing.assert_array_equal(session.active_result.total, before)
    assert index.data() == "8.0%"


def test_consecutive_edits_of_one_cell_merge(session):
    model = growth_model(session)
    index = at(model, "大数据", 2027)
    for text in ("0.1", "11%", "0.12"):
        assert model.setData(index, text)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.document == leshan_document_v1()


@pytest.mark.parametrize("factory,row,col,text", [
    (growth_model, "电子信息", 2026, "-200"),
    (growth_model, "电子信息", 2026, "-200%"),
    (growth_model, "电子信息", 2026, "abc"),
    (StagesModel, "signed", "probability", "150"),
    (StagesModel, "signed", "probability", "150%"),
    (ChainsModel, "大数据", "base_output", "many"),
    (ChainsModel, "大数据", "base_output", "-1"),
    (ChainsModel, "大数据", "chain", "电子信息"),
    (SettingsModel, "target_year", "value", "2040"),
])
def test_invalid_edits_are_refused(session, qtbot, factory, row, col, text):
    model = factory(session)
    doc = session.document
    with qtbot.waitSignal(model.editRefused) as refused:
        assert not model.setData(at(model, row, col), text)
    assert refused.args[0]
    assert session.document is doc and session.undo_stack.count() == 0


def test_invalid_edit_in_a_child_scenario_is_refused(session, qtbot):
    session.set_active_scenario(FAST)
    model = StagesModel(session)
    with qtbot.waitSignal(model.editRefused):
        assert not model.setData(at(model, "reserve", "probability"), "150")
    chains = ChainsModel(session)
    with qtbot.waitSignal(chains.editRefused):  # default growth: edit the growth table
        assert not chains.setData(at(chains, "大数据", "growth"), "20%")
    assert session.document == leshan_document_v1()


def test_provenance_shown_per_scenario(session):
    model = growth_model(session)
    chains = ChainsModel(session)
    ramp = at(chains, "其他产业", "ramp")
    assert ramp.data(ProvenanceRole).kind == DEFAULT
    assert ramp.data(Qt.ItemDataRole.FontRole).italic()
    assert at(chains, "大数据", "ramp").data(ProvenanceRole).kind == BASE
    session.set_active_scenario(FAST)
    cell = at(model, "电子信息", 2026)
    prov = cell.data(ProvenanceRole)
    assert prov.kind == OVERRIDE and cell.data() == "11.0%"
    assert session.document.overrides[prov.rows[0]].op == "add"
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "增加" in tip and "8.0%" in tip


def test_child_edit_writes_an_override_and_reset_removes_it(session, qtbot):
    d = session.document
    d = d.replace(scenarios=d.scenarios + (replace(d.scenarios[1], name="更快", parent=FAST),))
    session.replace_document(d)
    session.set_active_scenario("更快")
    model = YearGridModel(session, "prices", "index", True)
    index = at(model, "正极材料", 2030)
    assert index.data(ProvenanceRole).kind == BASE
    assert not model.can_reset(index)
    assert model.setData(index, "0.9")
    o = session.document.overrides[-1]
    assert (o.scenario, o.table, o.key, o.field, o.years, o.op, o.value) == (
        "更快", "prices", "正极材料", "index", "2030", "set", 0.9)
    prov = index.data(ProvenanceRole)
    assert prov.kind == OVERRIDE and prov.before == pytest.approx(0.7)
    assert at(model, "晶硅光伏", 2030).data(ProvenanceRole).kind == INHERITED
    assert not (at(model, "晶硅光伏", 2023).flags() & Qt.ItemFlag.ItemIsEditable)
    assert session.undo_stack.undoText() == "Edit 正极材料 2030 价格指数"
    view = EditorView()
    qtbot.addWidget(view)
    view.setModel(model)
    assert not view.context_menu(at(model, "晶硅光伏", 2030)).actions()[0].isEnabled()
    menu = view.context_menu(index)
    assert menu.actions()[0].text() == "Reset to inherited" and menu.actions()[0].isEnabled()
    view.setCurrentIndex(index)
    menu.actions()[0].trigger()
    assert session.document == d and not model.can_reset(index)


def test_projects_add_delete_duplicate_paste(session, qtbot):
    editor = ProjectsEditor(session)
    qtbot.addWidget(editor)
    model, view, stack = editor.model, editor.view, session.undo_stack
    with qtbot.waitSignal(model.rowsInserted):
        assert editor.add()
    assert session.document.projects[-1].id == "P13" and model.rowCount() == 13
    view.setCurrentIndex(editor.proxy.index(1, 0))
    view.selectRow(1)
    assert editor.duplicate()
    assert [p.id for p in session.document.projects][1:3] == ["P02", "P14"]
    view.selectRow(2)
    with qtbot.waitSignal(model.rowsRemoved):
        assert editor.delete()
    assert "P14" not in model._rows and stack.count() == 3
    # paste 3 rows from Excel at P12's id: one row over P12, two new rows
    view.setCurrentIndex(editor.proxy.mapFromSource(at(model, "P12", "id")))
    text = ("P12\t生物医药产业园\t生物医药\t30\t签约\t2027\n"
            "N1\t新项目一\t大数据\t5.5\t在建\t2026\n"
            "N2\t新项目二\t电子信息\t8\tsigned\t2028\n")
    before = session.document
    assert view.paste(text)
    assert stack.count() == 4
    projects = session.document.projects
    assert [p.id for p in projects[-3:]] == ["P12", "N1", "N2"]
    assert projects[-3].investment == 30 and projects[-3].stage == "signed"
    assert projects[-2] == Project("N1", "大数据", 5.5, "construction", 2026, name="新项目一")
    stack.undo()
    assert session.document == before
    for _ in range(3):
        stack.undo()
    assert session.document == leshan_document_v1()


def test_paste_into_grid_is_one_step_and_all_or_nothing(session, qtbot):
    tabs = dict(editor_tabs(session))
    panel = tabs["Growth"]
    qtbot.addWidget(panel)
    view, model = panel.views[0], panel.models[0]
    view.setCurrentIndex(at(model, "大数据", 2030))
    assert view.paste("10%\t11%\n12%\t13%\n")
    assert session.undo_stack.count() == 1
    assert at(model, "正极材料", 2031).data() == "13.0%"
    with qtbot.waitSignal(model.editRefused):
        assert not view.paste("10%\tx\n")
    assert session.undo_stack.count() == 1


def test_projects_in_a_child_scenario(session, qtbot):
    session.set_active_scenario(THREE)
    editor = ProjectsEditor(session)
    qtbot.addWidget(editor)
    model = editor.model
    stage = at(model, "P12", "stage")
    assert stage.data() == "签约" and stage.data(ProvenanceRole).kind == OVERRIDE
    assert ("签约", "signed") in stage.data(ChoicesRole)
    assert model.setData(at(model, "P01", "investment"), "35")
    assert session.document.projects[0].investment == 30  # the base is untouched
    assert session.document.overrides[-1].field == "investment"
    assert model.setData(at(model, "P01", "name"), "改名")  # identity: base tables
    assert session.document.projects[0].name == "改名"


def test_projects_filter_by_chain_stage_and_text(session, qtbot):
    editor = ProjectsEditor(session)
    qtbot.addWidget(editor)
    proxy = editor.proxy
    editor.chain_box.setCurrentIndex(editor.chain_box.findData("负极材料"))
    assert proxy.rowCount() == 2
    editor.stage_box.setCurrentIndex(editor.stage_box.findData("signed"))
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data() == "P03"
    editor.chain_box.setCurrentIndex(0)
    editor.stage_box.setCurrentIndex(0)
    qtbot.keyClicks(editor.search, "p1")  # filters as you type, any case
    assert proxy.rowCount() == 3
    editor.search.setText("汇总")
    assert proxy.rowCount() == 5
    editor.search.clear()
    assert proxy.rowCount() == 12
    proxy.sort(3, Qt.SortOrder.DescendingOrder)  # investment
    assert proxy.index(0, 0).data() == "P07"


def test_overrides_editor(session, qtbot):
    session.set_active_scenario(FAST)
    editor = OverridesEditor(session)
    qtbot.addWidget(editor)
    model = editor.model
    assert model.rowCount() == 4
    assert model.index(0, 4).data() == "增加"
    assert model.setData(model.index(0, 5), "5")
    assert session.document.overrides[0].value == 0.05
    assert model.setData(model.index(0, 4), "mul")
    assert session.document.overrides[0].op == "mul"
    with qtbot.waitSignal(model.editRefused):
        assert not model.setData(model.index(0, 3), "2050")  # outside the years
    with qtbot.waitSignal(model.rowsInserted):
        assert editor.add()
    assert model.rowCount() == 5
    editor.view.selectRow(4)
    with qtbot.waitSignal(model.rowsRemoved):
        assert editor.delete()
    session.set_active_scenario(STRESS)
    assert model.rowCount() == 4 and model.index(0, 5).data() == "0.4"


def test_edits_do_not_reset_models(session, qtbot):
    editor = ProjectsEditor(session)
    qtbot.addWidget(editor)
    resets = []
    editor.model.modelReset.connect(lambda: resets.append(1))
    assert editor.model.setData(at(editor.model, "P03", "investment"), "90")
    session.set_active_scenario(FAST)
    editor.add()
    session.undo_stack.undo()
    assert resets == []
    session.replace_document(leshan_document_v1())
    assert resets == [1]


def test_settings_change_of_years_moves_grid_columns(session):
    model = YearGridModel(session, "prices", "index", True)
    settings = SettingsModel(session)
    assert model.columnCount() == 13
    assert settings.setData(at(settings, "end_year", "value"), "2036")
    assert model.columnCount() == 14 and model.headerData(13, Qt.Orientation.Horizontal) == "2036"


def _random_edit(rng, session, models):
    """One valid edit through a random model and cell."""
    name = rng.choice(list(models))
    model = models[name]
    if name == "scenario":
        session.set_active_scenario(rng.choice(session.document.scenario_names))
        return
    if model.rowCount() == 0:
        return
    index = model.index(rng.randrange(model.rowCount()), rng.randrange(model.columnCount()))
    ref = index.data(CellRefRole)
    if ref is None or not (model.flags(index) & Qt.ItemFlag.ItemIsEditable):
        return
    field = ref.key if ref.table == "settings" else ref.field
    value = {
        "growth": lambda: f"{rng.uniform(-0.05, 0.3) * 100:.1f}%",
        "index": lambda: f"{rng.uniform(0.3, 1.5):.2f}",
        "investment": lambda: f"{rng.uniform(0, 80):.1f}",
        "graduates": lambda: str(rng.randint(0, 6)),
        "revenue_per_firm": lambda: f"{rng.uniform(0, 1):.2f}",
        "probability": lambda: rng.choice(["", f"{rng.uniform(0, 1):.2f}"]),
        "base_output": lambda: f"{rng.uniform(1, 300):.1f}",
        "output_ratio": lambda: f"{rng.uniform(0.2, 3):.2f}",
        "value_added_rate": lambda: f"{rng.uniform(0.05, 0.6):.2f}",
        "stage": lambda: rng.choice(["储备", "签约", "开工", "在建", "投产"]),
        "delay": lambda: str(rng.randint(0, 3)),
        "production_year": lambda: str(rng.randint(2024, 2032)),
        "include": lambda: rng.choice(["是", "否"]),
        "ramp": lambda: rng.choice(["0.3,0.7,1", "0.5,1", "1"]),
        "name": lambda: rng.choice(["甲", "乙", ""]),
        "target_value": lambda: str(rng.choice([900, 1000, 1200])),
        "mc_draws": lambda: str(rng.choice([1000, 5000])),
    }.get(field)
    if value is not None:
        model.setData(index, value())


def test_random_edits_then_undo_all_restore_the_document(session, qtbot):
    projects = ProjectsEditor(session)
    qtbot.addWidget(projects)
    models = {"growth": growth_model(session),
              "prices": YearGridModel(session, "prices", "index", True),
              "pipeline": YearGridModel(session, "pipeline", "investment"),
              "graduates": YearGridModel(session, "incubation", "graduates"),
              "revenue": YearGridModel(session, "incubation", "revenue_per_firm"),
              "chains": ChainsModel(session), "stages": StagesModel(session),
              "settings": SettingsModel(session), "projects": projects.model,
              "scenario": None}
    rng = random.Random(20240607)
    for _ in range(300):
        _random_edit(rng, session, models)
    assert session.undo_stack.count() > 50
    changed = session.document
    assert changed != leshan_document_v1()
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.document == leshan_document_v1()
    while session.undo_stack.canRedo():
        session.undo_stack.redo()
    assert session.document == changed
    # the models show the redone document
    m = models["growth"]
    for r in range(m.rowCount()):
        for c in range(m.columnCount()):
            ref = m.index(r, c).data(CellRefRole)
            assert m.index(r, c).data(ProvenanceRole).value == pytest.approx(
                m.sources.value(ref))


def test_large_project_table_stays_cached(qtbot):
    doc = leshan_document_v1()
    chains = doc.chain_names
    many = tuple(Project(f"Q{i:04d}", chains[i % len(chains)], 1.0 + i % 7,
                         ("reserve", "signed", "started")[i % 3], 2025 + i % 6,
                         name=f"项目{i}") for i in range(2000))
    session = Session(doc.replace(projects=doc.projects + many))
    editor = ProjectsEditor(session)
    qtbot.addWidget(editor)
    model = editor.model
    assert model.rowCount() == 2012
    first = model.index(1500, 3).data()
    assert model.cell(1500, 3) is model.cell(1500, 3)  # cached per row and version
    assert first == "5.00"
    editor.search.setText("项目19")
    assert editor.proxy.rowCount() == 111
    changes = []
    model.dataChanged.connect(lambda a, b, *_: changes.append((a.row(), b.row())))
    assert model.setData(model.index(1500, 3), "9")
    assert model.index(1500, 3).data() == "9.00"
    assert changes == [(1500, 1500)]  # one row refreshed (and re-sorted), not 2,012
    session.set_active_scenario(THREE)
    changes.clear()
    assert model.setData(model.index(20, 3), "9")  # a new override row for Q0008
    assert changes == [(20, 20)] and session.document.overrides[-1].key == "Q0008"


def test_every_editor_string_has_a_chinese_translation():
    import re
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    used = set(TITLES)
    for path in (root / "ui" / "editors").glob("*.py"):
        used |= set(re.findall(r'\btr\("([^"]*)"\)', path.read_text(encoding="utf-8")))
    lines = (root / "ui" / "i18n" / "editors_zh.tsv").read_text(encoding="utf-8").splitlines()
    table = dict(line.split("\t") for line in lines)
    assert used <= set(table) and all(table.values())


def test_values_read_as_planners_write_them(session):
    prices = YearGridModel(session, "prices", "index", True)
    assert at(prices, "晶硅光伏", 2025).data() == "0.45"
    assert at(prices, "电子信息", 2025).data() == "1.00"
    chains = ChainsModel(session)
    assert at(chains, "晶硅光伏", "base_output").data() == "250.00"
    assert at(chains, "晶硅光伏", "value_added_rate").data() == "25.0%"
    assert at(chains, "晶硅光伏", "value_added_rate").data(EDIT) == "25%"
    assert chains.headerData(2, Qt.Orientation.Horizontal) == "基期产值(亿元)"


def test_many_emits_do_not_free_true():
    """PySide6 6.12.0 + Python 3.11 drop a reference to True per emit (pinned out in pyproject)."""
    import sys
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        ping = Signal()

    e = Emitter()
    before = sys.getrefcount(True)
    for _ in range(20000):
        e.ping.emit()
    assert sys.getrefcount(True) >= before - 10


def test_grid_signals_cover_every_cell_that_changed(session, qtbot):
    """A view repaints what dataChanged names: after any edit (in any scenario, through
    any grid) every grid cell whose text changed lies inside an emitted range."""
    grids = [growth_model(session), YearGridModel(session, "prices", "index", True),
             YearGridModel(session, "pipeline", "investment"),
             YearGridModel(session, "incubation", "graduates"),
             YearGridModel(session, "incubation", "revenue_per_firm")]
    emitted: dict[int, list] = {id(m): [] for m in grids}
    for m in grids:
        m.dataChanged.connect(lambda a, b, _r=(), m=m: emitted[id(m)].append(
            (a.row(), a.column(), b.row(), b.column())))

    def texts(m):
        return {(r, c): m.index(r, c).data() for r in range(m.rowCount())
                for c in range(m.columnCount())}

    rng = random.Random(11)
    models = {"growth": grids[0], "prices": grids[1], "pipeline": grids[2],
              "graduates": grids[3], "revenue": grids[4], "scenario": None}
    for step in range(120):
        shape = [(m.rowCount(), m.columnCount()) for m in grids]
        before = [texts(m) for m in grids]
        for m in grids:
            emitted[id(m)].clear()
        _random_edit(rng, session, models)
        for m, old, (rows, cols) in zip(grids, before, shape):
            if (m.rowCount(), m.columnCount()) != (rows, cols):
                continue
            for (r, c), text in texts(m).items():
                if text != old[(r, c)]:
                    assert any(r0 <= r <= r1 and c0 <= c <= c1
                               for r0, c0, r1, c1 in emitted[id(m)]), (step, m.table, r, c)
