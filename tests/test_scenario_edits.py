"""Scenario-tree edits (models.scenario_edits): pure, and results-preserving where promised."""
import numpy as np
import pytest

from models import Override, Scenario
from models import scenario_edits as se
from planner.model.engine import project
from planner.model.resolve import resolve_all
from planner.checks.validate import validate_document
from sample_data.leshan import leshan_document


def totals(doc):
    return {n: project(r).total for n, r in resolve_all(doc).items()}


def assert_valid(doc):
    assert [str(i) for i in validate_document(doc) if i.is_error] == []


@pytest.fixture
def doc():
    """The sample with a grandchild under 压力情景 so the tree has depth."""
    d = leshan_document()
    d = se.new_child(d, "压力情景", "深度压力", "更低价格")
    return d.replace(overrides=d.overrides + (
        Override("深度压力", "prices", "晶硅光伏", "index", 0.3, "2025-"),))


def test_unique_name(doc):
    assert se.unique_name(doc, "新情景") == "新情景"
    assert se.unique_name(doc, "基准") == "基准 2"


def test_new_child_inherits_results_and_sits_under_parent(doc):
    d = se.new_child(doc, "加速突破", "更快")
    assert d.scenario("更快").parent == "加速突破"
    names = d.scenario_names
    assert names.index("更快") == names.index("加速突破") + 1
    t = totals(d)
    np.testing.assert_array_equal(t["更快"], t["加速突破"])
    assert_valid(d)


@pytest.mark.parametrize("bad", ["", "  ", "基准"])
def test_new_child_rejects_bad_names(doc, bad):
    with pytest.raises(ValueError):
        se.new_child(doc, "基准", bad)


def test_duplicate_copies_overrides_and_parent(doc):
    d = se.duplicate(doc, "压力情景", "压力情景 2")
    assert d.scenario("压力情景 2").parent == "基准"
    assert [(o.table, o.key, o.value) for o in d.overrides_of("压力情景 2")] == \
        [(o.table, o.key, o.value) for o in doc.overrides_of("压力情景")]
    # after the original's subtree, so the grandchild stays next to its parent
    assert d.scenario_names.index("压力情景 2") > d.scenario_names.index("深度压力")
    t = totals(d)
    np.testing.assert_array_equal(t["压力情景 2"], t["压力情景"])
    assert_valid(d)


def test_rename_moves_children_and_overrides(doc):
    before = totals(doc)
    d = se.rename(doc, "压力情景", "低迷")
    assert "压力情景" not in d.scenario_names
    assert d.scenario("深度压力").parent == "低迷"
    assert len(d.overrides_of("低迷")) == len(doc.overrides_of("压力情景"))
    after = totals(d)
    np.testing.assert_array_equal(after["低迷"], before["压力情景"])
    np.testing.assert_array_equal(after["深度压力"], before["深度压力"])
    assert se.rename(doc, "基准", "基准") is doc
    with pytest.raises(ValueError):
        se.rename(doc, "基准", "加速突破")
    assert_valid(d)


def test_describe(doc):
    d = se.describe(doc, "基准", "新的说明")
    assert d.scenario("基准").description == "新的说明"
    assert d.scenario_names == doc.scenario_names


def test_delete_with_children_removes_subtree(doc):
    d = se.delete(doc, "压力情景", se.DELETE_CHILDREN)
    assert "压力情景" not in d.scenario_names and "深度压力" not in d.scenario_names
    assert not d.overrides_of("压力情景") and not d.overrides_of("深度压力")
    assert_valid(d)


def test_delete_reattach_keeps_every_remaining_result(doc):
    before = totals(doc)
    d = se.delete(doc, "压力情景", se.REATTACH_CHILDREN)
    assert d.scenario("深度压力").parent == "基准"
    rows = d.overrides_of("深度压力")
    # the deleted scenario's rows come first, then the child's own
    assert [o.field for o in rows][:4] == [o.field for o in doc.overrides_of("压力情景")]
    assert rows[-1].value == 0.3
    after = totals(d)
    assert set(after) == set(before) - {"压力情景"}
    for name, total in after.items():
        np.testing.assert_array_equal(total, before[name], err_msg=name)
    assert_valid(d)


def test_delete_root_reattach_makes_children_roots(doc):
    before = totals(doc)
    d = se.delete(doc, "基准", se.REATTACH_CHILDREN)
    assert d.scenario("加速突破").parent is None
    after = totals(d)
    for name, total in after.items():
        np.testing.assert_array_equal(total, before[name], err_msg=name)


def test_delete_childless_child_without_own_rows():
    d = se.new_child(leshan_document(), "加速突破", "空")
    d2 = se.new_child(d, "空", "孙")
    before = totals(d2)
    out = se.delete(d2, "加速突破", se.REATTACH_CHILDREN)
    assert out.scenario("空").parent == "基准"
    np.testing.assert_array_equal(totals(out)["孙"], before["孙"])


def test_cannot_delete_last_scenario():
    d = leshan_document().replace(scenarios=(Scenario("基准"),), overrides=())
    for mode in (se.DELETE_CHILDREN, se.REATTACH_CHILDREN):
        with pytest.raises(ValueError):
            se.delete(d, "基准", mode)
    with pytest.raises(ValueError):
        se.delete(leshan_document(), "基准", se.DELETE_CHILDREN)
    with pytest.raises(ValueError):
        se.delete(leshan_document(), "无此情景")
