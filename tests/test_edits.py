"""Document edits (models/edits.py), paste parsing and provenance, without Qt."""
import pytest

from models import GrowthRow, IncubationRow, Override, PriceRow
from models.edits import (CellRef, EditError, add_project, delete_chain, delete_override,
                          delete_projects, duplicate_projects, new_project_id,
                          rename_chain, reset_to_inherited, set_growth, set_incubation,
                          set_project_field, set_setting, set_stage_probability, set_value)
from planner.io.cells import Invalid
from planner.io.paste import PasteError, parse_cell, parse_override_cell, paste_block, split_clipboard
from planner.model.provenance import BASE, DEFAULT, INHERITED, OVERRIDE, CellSources, sources
from planner.model.resolve import resolve
from planner.checks.validate import validate_document
from sample_data.leshan import leshan_document_v1

DOC = leshan_document_v1()
ROOT, FAST, STRESS, THREE = DOC.scenario_names


def errors(doc):
    return [i for i in validate_document(doc) if i.is_error]


# -- base edits ----------------------------------------------------------------------
def test_set_value_in_root_edits_base_tables():
    d = set_value(DOC, ROOT, "growth", "电子信息", "growth", 0.12, 2025)
    assert GrowthRow("电子信息", 2025, 0.12) in d.growth
    assert d.overrides == DOC.overrides
    d2 = set_value(d, ROOT, "growth", "电子信息", "growth", 0.13, 2025)
    assert [r.growth for r in d2.growth if r.chain == "电子信息"] == [0.13]
    assert set_value(d2, ROOT, "growth", "电子信息", "growth", None, 2025).growth == DOC.growth
    d3 = set_value(DOC, ROOT, "chains", "大数据", "output_ratio", 0.6)
    assert d3.chains[2].output_ratio == 0.6 and d3.overrides == DOC.overrides
    d4 = set_value(DOC, ROOT, "stages", "signed", "probability", 0.6)
    assert resolve(d4, ROOT).stage_probability["signed"] == 0.6
    assert set_value(d4, ROOT, "stages", "signed", "probability", None).stages == ()


def test_set_value_in_child_creates_then_updates_a_set_override():
    d = set_value(DOC, FAST, "growth", "电子信息", "growth", 0.2, 2026)
    new = d.overrides[-1]
    assert new == Override(FAST, "growth", "电子信息", "growth", 0.2, "2026", "set")
    assert d.growth == DOC.growth and len(d.overrides) == len(DOC.overrides) + 1
    d2 = set_value(d, FAST, "growth", "电子信息", "growth", 0.25, 2026)
    assert len(d2.overrides) == len(d.overrides) and d2.overrides[-1].value == 0.25
    assert resolve(d2, FAST).growth[1, 2026 - 2023] == pytest.approx(0.25)
    assert reset_to_inherited(d2, FAST, "growth", "电子信息", "growth", 2026) == DOC


def test_child_edits_of_text_fields_and_non_targets():
    d = set_value(DOC, THREE, "projects", "P01", "stage", "signed")
    assert d.overrides[-1] == Override(THREE, "projects", "P01", "stage", "signed")
    d = set_value(DOC, THREE, "projects", "P01", "ramp", (0.5, 1.0))
    assert d.overrides[-1].value == "0.5,1"
    d = set_value(DOC, THREE, "projects", "P01", "include", False)
    assert d.overrides[-1].value == 0.0 and not errors(d)
    d = set_value(DOC, THREE, "projects", "P01", "name", "新名字")  # identity: base
    assert d.projects[0].name == "新名字" and d.overrides == DOC.overrides
    with pytest.raises(EditError):
        set_value(DOC, THREE, "chains", "大数据", "growth", 0.2)
    # None in a child resets to the inherited value
    d = set_value(DOC, THREE, "growth", "生物医药", "growth", 0.3)
    assert d.overrides[8].value == 0.3  # updated in place, same (key, field, years)
    assert set_value(d, THREE, "growth", "生物医药", "growth", None).overrides == tuple(
        o for i, o in enumerate(DOC.overrides) if i != 8)


def test_reset_removes_only_rows_for_exactly_this_cell():
    # the '*' row of 加速突破 covers every growth cell but targets none exactly
    assert reset_to_inherited(DOC, FAST, "growth", "电子信息", "growth", 2026) == DOC
    d = reset_to_inherited(DOC, FAST, "stages", "signed", "probability")
    assert Override(FAST, "stages", "signed", "probability", 0.7) not in d.overrides


# -- tables ------------------------------------------------------------------------------
def test_projects_add_delete_duplicate():
    assert new_project_id(DOC) == "P13"
    d = add_project(DOC)
    assert d.projects[-1].id == "P13" and not errors(d)
    d = duplicate_projects(d, ["P02", "P05"])
    ids = [p.id for p in d.projects]
    assert ids[1:3] == ["P02", "P14"] and ids[5:7] == ["P05", "P15"]
    assert d.projects[2].name == DOC.projects[1].name
    d = delete_projects(d, ["P14", "P15", "P13"])
    assert d == DOC
    d = delete_projects(DOC, ["P12"])
    assert all(o.key != "P12" for o in d.overrides) and not errors(d)


def test_add_project_in_child_switches_it_on_there_only():
    d = add_project(DOC, scenario=FAST)
    assert d.projects[-1].include is False
    assert d.overrides[-1] == Override(FAST, "projects", "P13", "include", 1.0)
    assert resolve(d, FAST).projects.include[-1] and not resolve(d, ROOT).projects.include[-1]


def test_rename_project_and_chain_carry_references():
    d = set_project_field(DOC, "P12", "id", "B1")
    assert any(o.key == "B1" and o.table == "projects" for o in d.overrides) and not errors(d)
    d = rename_chain(DOC, "生物医药", "医药")
    assert not errors(d) and "医药" in d.chain_names
    assert resolve(d, THREE).growth[d.chain_names.index("医药"), 1] == pytest.approx(0.2)
    with pytest.raises(EditError):
        rename_chain(DOC, "生物医药", "大数据")
    with pytest.raises(EditError):
        delete_chain(DOC, "生物医药")


def test_yearly_and_misc_upserts():
    d = set_incubation(DOC, "大数据", 2025, "graduates", 2.0)
    assert IncubationRow(2025, "大数据", 2.0, 0.0) in d.incubation
    d = set_incubation(d, "大数据", 2025, "graduates", None)
    assert d == DOC
    assert set_growth(DOC, "大数据", 2024, 0.1).growth == (GrowthRow("大数据", 2024, 0.1),)
    d = set_stage_probability(DOC, "reserve", 0.2)
    assert set_stage_probability(d, "reserve", 0.25).stages[0].probability == 0.25
    assert set_setting(DOC, "target_value", 1200.0).settings.target_value == 1200.0
    assert set_setting(set_setting(DOC, "mc_draws", 10), "mc_draws", None) == DOC
    assert delete_override(DOC, 0).overrides == DOC.overrides[1:]


# -- parsing and paste -----------------------------------------------------------------------
@pytest.mark.parametrize("ref,text,value", [
    (CellRef("growth", "A", "growth", 2025), "8%", 0.08),
    (CellRef("growth", "A", "growth", 2025), "8", 0.08),
    (CellRef("growth", "A", "growth", 2025), "0.5", 0.005),
    (CellRef("stages", "signed", "probability", None), "40", 0.4),
    (CellRef("settings", "growth_sd", "value", None), "3", 0.03),
    (CellRef("growth", "A", "growth", 2025), "", None),
    (CellRef("projects", "P1", "stage", None), "在建", "construction"),
    (CellRef("projects", "P1", "stage", None), "Signed", "signed"),
    (CellRef("projects", "P1", "include", None), "否", False),
    (CellRef("projects", "P1", "ramp", None), "0.3，0.7，1", (0.3, 0.7, 1.0)),
    (CellRef("projects", "P1", "production_year", None), "2026", 2026),
    (CellRef("projects", "P1", "name", None), "", ""),
    (CellRef("settings", "target_value", "value", None), "1,200", 1200.0),
    (CellRef("settings", "growth_sd", "value", None), "3%", 0.03),
])
def test_parse_cell(ref, text, value):
    assert parse_cell(ref, text) == value


@pytest.mark.parametrize("ref,text", [
    (CellRef("growth", "A", "growth", 2025), "abc"),
    (CellRef("pipeline", "A", "investment", 2025), "8%"),
    (CellRef("projects", "P1", "stage", None), "done"),
    (CellRef("projects", "P1", "production_year", None), "2026.5"),
    (CellRef("projects", "P1", "id", None), ""),
    (CellRef("settings", "base_year", "value", None), ""),
])
def test_parse_cell_refuses(ref, text):
    assert isinstance(parse_cell(ref, text), Invalid)


def test_paste_block_is_one_document_and_all_or_nothing():
    block = split_clipboard("10%\t12\r\n20\t\n")
    refs = [[CellRef("growth", c, "growth", y) for y in (2025, 2026)] for c in ("大数据", "电子信息")]
    d = paste_block(DOC, ROOT, refs, block)
    got = {(r.chain, r.year): r.growth for r in d.growth}
    assert got == {("大数据", 2025): 0.1, ("大数据", 2026): 0.12, ("电子信息", 2025): 0.2}
    with pytest.raises(PasteError):
        paste_block(DOC, ROOT, refs, [["1", "x"], ["2", "3"]])


def test_parse_override_cells():
    row = DOC.overrides[0]
    assert parse_override_cell(row, "op", "乘以").op == "mul"
    assert parse_override_cell(row, "years", "2026 至 2028").years == "2026-2028"
    changed = parse_override_cell(row, "table", "价格指数")
    assert (changed.table, changed.field) == ("prices", "index")
    assert parse_override_cell(DOC.overrides[2], "key", "签约").key == "signed"
    assert isinstance(parse_override_cell(row, "value", "abc"), Invalid)
    assert isinstance(parse_override_cell(row, "field", "index"), Invalid)


# -- provenance ------------------------------------------------------------------------------
def test_provenance_on_the_sample():
    fast = sources(DOC, FAST)
    p = fast.of(CellRef("growth", "电子信息", "growth", 2026))
    assert p.kind == OVERRIDE and p.rows == (0,) and DOC.overrides[0].op == "add"
    assert p.value == pytest.approx(0.11) and p.before == pytest.approx(0.08)
    assert fast.of(CellRef("prices", "晶硅光伏", "index", 2024)).kind == BASE
    assert fast.of(CellRef("prices", "晶硅光伏", "index", 2026)).before == pytest.approx(0.55)
    assert fast.of(CellRef("projects", "P03", "probability")).kind == OVERRIDE  # via stage
    root = sources(DOC, ROOT)
    assert root.of(CellRef("chains", "其他产业", "ramp")).kind == DEFAULT
    assert root.of(CellRef("chains", "大数据", "ramp")).kind == BASE
    assert root.of(CellRef("growth", "大数据", "growth", 2030)).kind == DEFAULT
    assert root.of(CellRef("prices", "电子信息", "index", 2030)).kind == DEFAULT
    assert root.of(CellRef("projects", "P01", "output_ratio")).via == CellRef(
        "chains", "新型储能", "output_ratio")
    assert sources(DOC, STRESS).of(CellRef("projects", "P04", "delay")).kind == OVERRIDE


def test_provenance_inherited_from_a_grandparent():
    d = DOC.replace(scenarios=DOC.scenarios + (type(DOC.scenarios[0])("更快", FAST),))
    s = CellSources(d, "更快")
    p = s.of(CellRef("growth", "大数据", "growth", 2027))
    assert (p.kind, p.scenario, p.rows) == (INHERITED, FAST, (0,))
    d2 = set_value(d, "更快", "growth", "大数据", "growth", 0.3, 2027)
    p2 = CellSources(d2, "更快").of(CellRef("growth", "大数据", "growth", 2027))
    assert (p2.kind, p2.value, p2.before) == (OVERRIDE, 0.3, pytest.approx(0.18))


def test_root_own_override_rows_are_overrides():
    d = DOC.replace(overrides=DOC.overrides + (Override(ROOT, "prices", "电子信息", "index",
                                                        0.9, "2030-"),),
                    prices=DOC.prices + (PriceRow("电子信息", 2028, 0.95),))
    p = CellSources(d, ROOT).of(CellRef("prices", "电子信息", "index", 2031))
    assert (p.kind, p.value, p.before) == (OVERRIDE, 0.9, 0.95)
