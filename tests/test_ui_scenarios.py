"""The scenario dock: tree model, selection, and undoable scenario operations."""
import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt

from models import Override
from tests.ui_support import session, ui_env, window  # noqa: F401
from ui import prompts
from ui.scenario_tree import NameRole, ScenarioTreeModel


def totals(session):
    return {n: r.total.copy() for n, r in session.results.items()}


def tree(model, parent=QModelIndex()):
    """{name: {children}} read through the model's API."""
    out = {}
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        assert model.parent(index) == parent
        out[model.data(index, NameRole)] = tree(model, index)
    return out


@pytest.fixture
def dock(window):
    return window.scenario_dock


def answer(monkeypatch, name, value):
    monkeypatch.setattr(prompts, name, lambda *a, **k: value)


def test_model_shows_inheritance(session):
    model = ScenarioTreeModel(session)
    assert tree(model) == {"基准": {"加速突破": {}, "压力情景": {}, "三大优势产业": {}}}
    root = model.index(0, 0)
    stress = model.index(1, 2, root)
    assert model.data(stress) == "792.4"
    assert model.data(model.index(1, 1, root)) == "2028"
    assert model.data(root, Qt.ItemDataRole.FontRole).bold()      # the active one
    assert "当前趋势" in model.data(root, Qt.ItemDataRole.ToolTipRole)


def test_selection_sets_active_scenario(dock, session):
    model = dock.model
    dock.view.setCurrentIndex(model.index_of("压力情景"))
    assert session.active_scenario == "压力情景"
    session.set_active_scenario("加速突破")
    assert model.data(dock.view.currentIndex(), NameRole) == "加速突破"


def test_new_child_is_undoable_and_inherits(dock, session, monkeypatch):
    answer(monkeypatch, "get_text", "更快")
    session.set_active_scenario("加速突破")
    before = totals(session)
    assert dock.new_child()
    assert session.active_scenario == "更快"
    assert session.document.scenario("更快").parent == "加速突破"
    np.testing.assert_array_equal(session.results["更快"].total, before["加速突破"])
    assert "更快" in tree(dock.model)["基准"]["加速突破"]
    session.undo_stack.undo()
    assert "更快" not in session.document.scenario_names
    assert session.active_scenario == "加速突破"
    session.undo_stack.redo()
    assert session.active_scenario == "更快"


def test_duplicate_copies_overrides(dock, session, monkeypatch):
    answer(monkeypatch, "get_text", "压力情景 副本")
    session.set_active_scenario("压力情景")
    assert dock.duplicate()
    np.testing.assert_array_equal(session.results["压力情景 副本"].total,
                                  session.results["压力情景"].total)
    session.undo_stack.undo()
    assert "压力情景 副本" not in session.document.scenario_names


def with_grandchild(session):
    doc = session.document
    doc = doc.replace(
        scenarios=doc.scenarios + (type(doc.scenarios[0])("深度压力", "压力情景", "更低"),),
        overrides=doc.overrides + (Override("深度压力", "prices", "晶硅光伏", "index", 0.3,
                                            "2025-"),))
    assert session.apply(doc, "grandchild") == []


def test_rename_with_children_keeps_results(dock, session, monkeypatch):
    with_grandchild(session)
    before = totals(session)
    answer(monkeypatch, "get_text", "低迷")
    session.set_active_scenario("压力情景")
    assert dock.rename()
    doc = session.document
    assert doc.scenario("深度压力").parent == "低迷"
    assert session.active_scenario == "低迷"
    np.testing.assert_array_equal(session.results["低迷"].total, before["压力情景"])
    np.testing.assert_array_equal(session.results["深度压力"].total, before["深度压力"])
    assert tree(dock.model)["基准"]["低迷"] == {"深度压力": {}}
    session.undo_stack.undo()
    assert session.document.scenario("深度压力").parent == "压力情景"
    assert session.active_scenario == "压力情景"
    assert {n: t.tolist() for n, t in totals(session).items()} == \
        {n: t.tolist() for n, t in before.items()}


def test_delete_with_children_reattach_keeps_results(dock, session, monkeypatch):
    with_grandchild(session)
    before = totals(session)
    asked = []
    monkeypatch.setattr(prompts, "ask_delete_children",
                        lambda parent, name, kids: asked.append((name, kids)) or "reattach")
    session.set_active_scenario("压力情景")
    assert dock.delete()
    assert asked == [("压力情景", ["深度压力"])]
    assert session.document.scenario("深度压力").parent == "基准"
    np.testing.assert_array_equal(session.results["深度压力"].total, before["深度压力"])
    assert session.active_scenario == "基准"
    session.undo_stack.undo()
    assert "压力情景" in session.document.scenario_names
    assert set(totals(session)) == set(before)


def test_delete_with_children_all(dock, session, monkeypatch):
    with_grandchild(session)
    answer(monkeypatch, "ask_delete_children", "delete")
    session.set_active_scenario("压力情景")
    assert dock.delete()
    assert "深度压力" not in session.document.scenario_names
    session.undo_stack.undo()
    assert "深度压力" in session.document.scenario_names


def test_delete_cancelled_or_refused(dock, session, monkeypatch, window):
    answer(monkeypatch, "ask_delete_children", None)
    assert not dock.delete()                    # 基准 has children; cancelled
    answer(monkeypatch, "confirm", True)
    session.set_active_scenario("加速突破")
    answer(monkeypatch, "get_text", "基准")       # a name that exists
    assert not dock.rename()
    assert "基准" in window.statusBar().currentMessage()
    assert session.undo_stack.count() == 0
    assert dock.delete()                        # a leaf, confirmed
    assert "加速突破" not in session.document.scenario_names


def test_results_signal_only_rows_whose_texts_changed(session):
    """After an edit the tree names every row whose shown value changed, and no other;
    a scenario switch names the two rows whose bold name changed."""
    from models.edits import set_value
    model = ScenarioTreeModel(session)
    rows: list[str] = []
    model.dataChanged.connect(lambda a, b, _r=(): rows.extend(
        model.data(model.index(r, 0, a.parent()), NameRole) for r in range(a.row(), b.row() + 1)))

    def texts():
        out = {}
        for name, _ in model._structure:
            i = model.index_of(name)
            out[name] = tuple(model.data(i.siblingAtColumn(c)) for c in range(3))
        return out

    before = texts()
    # a child's own override row: only that scenario's figures move
    doc = session.document
    child = doc.scenario_names[1]
    edited = set_value(doc, child, "chains", doc.chain_names[0], "base_output",
                       doc.chains[0].base_output * 1.5)
    assert session.apply(edited, "edit") == []
    after = texts()
    changed = {n for n in after if after[n] != before[n]}
    assert changed and set(rows) == changed
    rows.clear()
    session.set_active_scenario(child)
    assert sorted(rows) == sorted([doc.scenario_names[0], child])


def _fitted(view, column):
    """What a column resized to its contents measures (QHeaderView's own rule)."""
    header = view.header()
    return max(view.sizeHintForColumn(column), header.sectionSizeHint(column))


def _assert_fitted(dock):
    header = dock.view.header()
    for c in dock.FIGURES:
        assert header.sectionSize(c) == _fitted(dock.view, c), c


def test_figure_columns_fit_their_texts_after_edits(dock, session):
    """The figure columns follow their texts, wider and narrower again, fitted by the
    dock once per change."""
    from models.edits import set_value
    header = dock.view.header()
    _assert_fitted(dock)
    narrow = header.sectionSize(ScenarioTreeModel.VALUE)
    doc = session.document
    # every scenario's figure grows ten-million-fold: wider numbers in every row
    edited = set_value(doc, doc.scenario_names[0], "chains", doc.chain_names[0],
                       "base_output", doc.chains[0].base_output * 1e7)
    assert session.apply(edited, "edit") == []
    assert header.sectionSize(ScenarioTreeModel.VALUE) > narrow
    _assert_fitted(dock)
    session.undo_stack.undo()
    assert header.sectionSize(ScenarioTreeModel.VALUE) == narrow
    _assert_fitted(dock)


def test_figure_columns_fit_after_new_rows_collapse_and_a_new_target_year(
        dock, session, monkeypatch):
    from models.edits import set_setting
    answer(monkeypatch, "get_text", "一个名字很长很长的子情景")
    assert dock.new_child()
    _assert_fitted(dock)
    dock.view.collapseAll()
    _assert_fitted(dock)
    dock.view.expandAll()
    _assert_fitted(dock)
    model = dock.model
    assert "2027" in model.headerData(ScenarioTreeModel.VALUE, Qt.Orientation.Horizontal)
    seen = []
    model.headerDataChanged.connect(lambda *a: seen.append(a))
    doc = session.document
    edited = set_setting(doc, "target_year", 2030)
    assert session.apply(edited, "edit") == []
    assert seen and "2030" in model.headerData(ScenarioTreeModel.VALUE,
                                               Qt.Orientation.Horizontal)
    _assert_fitted(dock)
