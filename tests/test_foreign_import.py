"""Importing projects from a foreign 招商 project list (planner.io.foreign, CLI)."""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import openpyxl
import pytest

from models import DocumentError
from planner.analysis.progress import Cancelled
from planner.cli import main
from planner.io.foreign import (StageMap, detect_unit, guess_mapping, import_projects,
                                list_sheets, preview, read_source)
from planner.io.reader import read_workbook
from planner.checks.validate import validate_document
from sample_data import SAMPLE_WORKBOOK

SAMPLE = str(SAMPLE_WORKBOOK)
HEADERS = ["序号", "项目名称", "总投资（万元）", "所属产业链", "项目状态", "预计投产时间", "备注"]
ROWS = [
    [1, "光伏组件项目", 50000, "晶硅光伏", "已签约", dt.datetime(2026, 6, 30), "重点"],
    [2, "电子材料项目", "12,345", "电子信息", "在建", "2027年", None],
    [3, "储能电池项目", "3亿", "新型储能", "洽谈", 2028, None],
    [4, "正极材料二期", 8000, "正极材料", "投产", "2025年6月", None],
]


def workbook(path: Path, rows=ROWS, headers=HEADERS, sheet="招商项目", title=None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.create_sheet("说明").append(["这是说明"])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def into():
    return read_workbook(SAMPLE).document


@pytest.fixture
def source(tmp_path):
    return workbook(tmp_path / "list.xlsx")


def test_list_sheets_and_preview(source):
    assert list_sheets(source) == ["招商项目", "说明"]
    headers, rows = preview(source, "招商项目", rows=2)
    assert list(headers) == HEADERS and len(rows) == 2 and rows[0][1] == "光伏组件项目"


def test_guess_mapping_and_unit():
    m = guess_mapping(HEADERS)
    assert m == {"id": "序号", "name": "项目名称", "investment": "总投资（万元）",
                 "chain": "所属产业链", "stage": "项目状态",
                 "production_year": "预计投产时间", "note": "备注"}
    assert guess_mapping(["项目编号", "序号", "名称", "计划总投资", "行业", "进度", "投产年份"]) == {
        "id": "项目编号", "name": "名称", "chain": "行业", "investment": "计划总投资",
        "stage": "进度", "production_year": "投产年份"}
    assert guess_mapping(["Name", "investment", "Chain"])["name"] == "Name"
    for header, unit in [("总投资（万元）", "万元"), ("总投资(万元)", "万元"), ("投资额[亿元]", "亿元"),
                         ("投资金额万元", "万元"), ("总投资(万)", "万元"), ("总投资", None)]:
        assert detect_unit(header) == unit, header


def test_stage_map_defaults_and_extension():
    sm = StageMap()
    assert [sm.lookup(w) for w in ("储备", "谋划", "洽谈", "已签约", "新开工", "续建", "建设中",
                                   "达产", "竣工", "signed", "In production")] == [
        "reserve", "reserve", "reserve", "signed", "started", "construction",
        "construction", "production", "production", "signed", "production"]
    assert sm.lookup("前期工作") is None
    assert sm.extend({"前期工作": "储备"}).lookup("前期工作") == "reserve"
    with pytest.raises(ValueError):
        StageMap({"x": "nonsense"})


def test_wan_yuan_list_is_converted_and_appended(source, into):
    result = import_projects(source, "招商项目", guess_mapping(HEADERS), into=into,
                             id_prefix="I")
    assert result.unit == "万元"
    doc = result.document
    assert doc.projects[: len(into.projects)] == into.projects
    added = doc.projects[len(into.projects):]
    assert added == result.added and len(added) == 4
    assert [p.investment for p in added] == pytest.approx([5.0, 1.2345, 3.0, 0.8])
    assert [p.production_year for p in added] == [2026, 2027, 2028, 2025]
    assert [p.stage for p in added] == ["signed", "construction", "reserve", "production"]
    assert [p.id for p in added] == ["1", "2", "3", "4"]
    assert added[0].name == "光伏组件项目" and added[0].note == "重点"
    assert result.total_investment == pytest.approx(10.0345)
    assert not [i for i in validate_document(doc) if i.is_error]


def test_generated_ids_skip_existing(source, into):
    mapping = {k: v for k, v in guess_mapping(HEADERS).items() if k != "id"}
    result = import_projects(source, "招商项目", mapping, into=into, id_prefix="P")
    ids = [p.id for p in result.added]
    assert len(set(ids)) == 4 and not set(ids) & {p.id for p in into.projects}
    assert all(i.startswith("P") for i in ids)


def test_explicit_unit_overrides_header(source, into):
    result = import_projects(source, "招商项目", guess_mapping(HEADERS), unit="亿元", into=into)
    assert [p.investment for p in result.added] == pytest.approx([50000, 12345, 3.0, 8000])


def test_no_unit_is_assumed_yi_yuan_with_a_note(tmp_path, into):
    path = workbook(tmp_path / "y.xlsx", headers=["项目名称", "总投资", "产业链", "阶段", "投产年份"],
                    rows=[["甲", 12, "大数据", "签约", 2026]])
    result = import_projects(path, "招商项目", guess_mapping(["项目名称", "总投资", "产业链",
                                                           "阶段", "投产年份"]), into=into)
    assert result.added[0].investment == 12 and result.unit == "亿元"
    assert any("names no unit" in i.message for i in result.issues)


def test_title_row_above_headers_and_total_row(tmp_path, into):
    path = workbook(tmp_path / "t.xlsx", rows=ROWS + [["合计", None, 71345]],
                    title="2024年重点招商项目清单")
    table = read_source(path, "招商项目")
    assert table.header_row == 2
    result = import_projects(table, "招商项目", guess_mapping(table.headers), into=into)
    assert len(result.added) == 4
    assert any("total row" in i.message and i.location.row == 7 for i in result.issues)


def test_row_level_errors_are_located_and_all_reported(tmp_path, into):
    bad = ROWS + [
        [5, "未知产业链", 1000, "光伏", "签约", 2026, None],        # row 6: chain D6
        [6, "坏数字", "约5000", "大数据", "签约", 2026, None],       # row 7: investment C7
        [7, "坏阶段", 1000, "大数据", "搁置", "明年", None],         # row 8: stage E8, year F8
        [8, "负投资", -5, "大数据", "签约", 2026, None],             # row 9: C9
        [1, "重复编号", 10, "大数据", "签约", 2026, None],           # row 10: A10
    ]
    path = workbook(tmp_path / "bad.xlsx", rows=bad)
    with pytest.raises(DocumentError) as e:
        import_projects(path, "招商项目", guess_mapping(HEADERS), into=into)
    lines = [str(i) for i in e.value.issues]
    cells = [f"{i.location.sheet}!{i.location.place()}" for i in e.value.issues]
    assert cells == ["招商项目!D6", "招商项目!C7", "招商项目!E8", "招商项目!F8",
                     "招商项目!C9", "招商项目!A10"], lines
    assert all(line.startswith(f"{path}: 招商项目!") for line in lines)
    assert "unknown chain '光伏'" in lines[0] and "晶硅光伏" in lines[0]
    assert "'约5000'" in lines[1] and "unknown stage '搁置'" in lines[2]
    assert "negative" in lines[4] and "duplicate project id '1' (first on row 2)" in lines[5]


def test_existing_id_and_mapping_errors(tmp_path, into):
    path = workbook(tmp_path / "ids.xlsx", headers=["编号", "项目名称", "总投资（万元）", "产业链",
                                                     "阶段", "投产年份"],
                    rows=[["P01", "重名", 1, "大数据", "签约", 2026]])
    with pytest.raises(DocumentError, match="'P01' already exists"):
        import_projects(path, "招商项目", guess_mapping(["编号", "项目名称", "总投资（万元）",
                                                        "产业链", "阶段", "投产年份"]), into=into)
    with pytest.raises(DocumentError) as e:
        import_projects(path, "招商项目", {"name": "项目名称", "chain": "没有这列",
                                           "bogus": "x"}, into=into)
    text = str(e.value)
    assert "no column '没有这列'" in text and "unknown project field 'bogus'" in text
    assert "no column is mapped to investment" in text and "招商项目!row 1" in text


def test_a_sheet_without_rows_is_an_error(tmp_path, into):
    path = workbook(tmp_path / "empty.xlsx", rows=[])
    with pytest.raises(DocumentError, match="no project rows below header row 1"):
        import_projects(path, "招商项目", guess_mapping(HEADERS), into=into)


def test_chain_and_stage_maps(tmp_path, into):
    path = workbook(tmp_path / "m.xlsx", rows=[[1, "甲", 100, "光伏", "前期工作", 2026, None]])
    result = import_projects(path, "招商项目", guess_mapping(HEADERS), stage_map={"前期工作": "储备"},
                             chain_map={"光伏": "晶硅光伏"}, into=into)
    assert (result.added[0].chain, result.added[0].stage) == ("晶硅光伏", "reserve")


def test_hostile_and_missing_source(tmp_path, into):
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(DocumentError, match="not a zip"):
        list_sheets(fake)
    with pytest.raises(DocumentError, match="no sheet named"):
        preview(workbook(tmp_path / "ok.xlsx"), "Sheet9")


def test_progress_and_cancel(source, into):
    seen = []
    import_projects(source, "招商项目", guess_mapping(HEADERS), into=into,
                    progress=lambda f: seen.append(f) or True)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        import_projects(source, "招商项目", guess_mapping(HEADERS), into=into,
                        progress=lambda f: False)


def cli(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_imports_and_output_reads_back(capsys, source, tmp_path, into):
    out_path = tmp_path / "out.xlsx"
    code, out, err = cli(capsys, "import-projects", source, "--sheet", "招商项目",
                         "--map", "id=", "--into", SAMPLE, "-o", out_path)
    assert code == 0, err
    assert "added 4 projects" in out and "10.03 亿元" in out and "unit 万元" in out
    doc = read_workbook(out_path).document
    assert len(doc.projects) == len(into.projects) + 4
    assert doc.projects[-1].investment == pytest.approx(0.8)
    assert doc.projects[-1].id.startswith("I")


def test_cli_unit_option_and_explicit_map(capsys, source, tmp_path):
    out_path = tmp_path / "out.xlsx"
    code, out, err = cli(capsys, "import-projects", source, "--unit", "亿元", "--map",
                         "investment=总投资（万元）,编号=序号", "--into", SAMPLE, "-o", out_path)
    assert code == 0, err
    assert read_workbook(out_path).document.projects[-1].investment == 8000


def test_cli_invalid_is_exit_2_with_located_lines(capsys, tmp_path):
    path = workbook(tmp_path / "bad.xlsx", rows=[[1, "甲", "abc", "光伏", "搁置", 2026, None]])
    out_path = tmp_path / "out.xlsx"
    code, out, err = cli(capsys, "import-projects", path, "--into", SAMPLE, "-o", out_path)
    assert code == 2 and out == "" and not out_path.exists()
    lines = err.strip().splitlines()
    assert lines == [l for l in lines if l.startswith(f"{path}: 招商项目!")] and len(lines) == 3
    code, _, err = cli(capsys, "import-projects", path, "--map", "nope", "--into", SAMPLE,
                       "-o", out_path)
    assert code == 2 and "'nope' is not name=value" in err


def test_timing_2000_rows(tmp_path, into):
    chains = into.chain_names
    stages = ["储备", "已签约", "新开工", "在建", "投产"]
    rows = [[i, f"项目{i}", 1000 + i, chains[i % len(chains)], stages[i % 5],
             f"{2024 + i % 8}年", None] for i in range(1, 2001)]
    path = workbook(tmp_path / "big.xlsx", rows=rows)
    start = time.perf_counter()
    result = import_projects(path, "招商项目", guess_mapping(HEADERS), into=into)
    elapsed = time.perf_counter() - start
    print(f"\nimport of 2,000 projects: {elapsed:.3f} s")
    assert len(result.added) == 2000
