"""Issue 9, item 10: saves round-trip exactly; edits refuse what a save could not hold."""
from __future__ import annotations

import os
import time
from dataclasses import replace

import pytest

from models.edits import CELL_TEXT_LIMIT, EditError, add_chain, rename_chain, set_project_field
from models.document import Chain
from planner.io.atomic import atomic_write
from planner.io.reader import read_workbook
from planner.io.template import write_document
from tests.workbooks import base, write
from ui.messages import issues_text, translate


@pytest.fixture
def doc(tmp_path):
    return read_workbook(write(tmp_path / "a.xlsx", base())).document


def test_control_characters_and_cr_come_back(doc, tmp_path):
    note = "第一行\r\n第二行\x07\ttab _x0041_ literal"
    d = set_project_field(doc, "P1", "note", note)
    write_document(tmp_path / "b.xlsx", d)
    assert read_workbook(tmp_path / "b.xlsx").document.projects[0].note == note


def test_over_long_notes_are_refused_at_edit_time(doc):
    with pytest.raises(EditError, match="32,767"):
        set_project_field(doc, "P1", "note", "x" * (CELL_TEXT_LIMIT + 1))
    assert set_project_field(doc, "P1", "note", "x" * CELL_TEXT_LIMIT)


def test_names_with_surrounding_spaces_are_refused(doc):
    with pytest.raises(EditError, match="spaces"):
        rename_chain(doc, "光伏", " 光伏")
    with pytest.raises(EditError, match="spaces"):
        set_project_field(doc, "P1", "id", "P1 ")
    with pytest.raises(EditError, match="spaces"):
        add_chain(doc, Chain(chain="新链 ", base_output=1.0))


def test_stale_temp_files_are_cleaned_on_the_next_save(tmp_path):
    stale = tmp_path / ".plan.abcd1234.tmp.xlsx"
    stale.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".other.wxyz5678.tmp.xlsx"  # another save in progress
    fresh.write_bytes(b"busy")
    atomic_write(tmp_path / "plan.xlsx", lambda p: p.write_bytes(b"ok"))
    assert not stale.exists() and fresh.exists()


def test_saving_onto_a_symlink_writes_through(tmp_path):
    real = tmp_path / "real" / "plan.xlsx"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.xlsx"
    link.symlink_to(real)
    atomic_write(link, lambda p: p.write_bytes(b"new"))
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_problem_lists_are_capped_and_chinese():
    text = issues_text([f"unknown column '{i}', ignored" for i in range(120)], "zh")
    lines = text.splitlines()
    assert len(lines) == 51 and lines[-1] == "……另有 70 条"
    assert translate("unknown sheet, ignored (did you mean 情景调整?)", "zh") == \
        "未知的表,已忽略(是否应为“情景调整”?)"
    assert "公式" in translate(
        "the formula =1+1 has no saved result (公式没有保存的计算结果): the file was written "
        "by a program that does not calculate; open and save it in Excel or WPS, or type "
        "the value into the cell", "zh")
