"""`qianyi report`: the leadership report, read back and traced number by number to the JSON."""
from __future__ import annotations

import io
import json
import os
import re
import sys
from contextlib import redirect_stdout
from pathlib import Path

import docx
import pytest

from planner import cli
from planner.report import charts
from sample_data import SAMPLE_WORKBOOK
from tests.lo_recalc import require_soffice
from tests.report_checks import conclusions, numbers_in, untraced

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.main([str(a) for a in args])
    return code, out.getvalue()


def run_json(workbook: Path) -> dict:
    code, text = run_cli("run", workbook, "--json")
    assert code == 0
    return json.loads(text)


def montecarlo_json(workbook: Path, scenario: str) -> dict:
    code, text = run_cli("montecarlo", workbook, "--scenario", scenario, "--json")
    assert code == 0
    return json.loads(text)


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "汇报.docx"
    code, out = run_cli("report", SAMPLE_WORKBOOK, "-o", path)
    assert code == 0 and f"wrote {path}" in out
    return path


@pytest.fixture(scope="module")
def generated_workbook(tmp_path_factory) -> Path:
    """A generated plan (the benchmark generator, small), saved as a workbook."""
    from benchmarks.make_large import large_document
    from planner.io.template import write_document
    path = tmp_path_factory.mktemp("generated") / "generated.xlsx"
    write_document(path, large_document(projects=40, chains=5, seed=11))
    return path


def check_traceable(report: Path, workbook: Path, scenario: str) -> list[str]:
    sentences = conclusions(report)
    assert 3 <= len(sentences) <= 6, sentences
    run = run_json(workbook)
    mc = montecarlo_json(workbook, scenario)
    assert untraced(sentences, run, mc, {"scenario_count": len(run["scenarios"])}) == []
    assert all(numbers_in(s) for s in sentences), "every sentence carries its numbers"
    return sentences


def test_sample_conclusions_carry_the_run_json_numbers(sample_report):
    sentences = check_traceable(sample_report, SAMPLE_WORKBOOK, "基准")
    run = run_json(SAMPLE_WORKBOOK)
    base = next(s for s in run["scenarios"] if s["name"] == "基准")
    text = "\n".join(sentences)
    assert f"{base['value_at_target_year']:,.2f} 亿元" in text
    gap = base["gap_at_target_year"]
    assert f"{abs(gap):,.2f} 亿元" in text
    assert ("尚差" if gap > 0 else "超过") in text
    p = montecarlo_json(SAMPLE_WORKBOOK, "基准")["prob_target"]
    assert f"{p * 100:.1f}%" in text
    for s in run["scenarios"]:   # which scenarios reach the target and when
        assert s["name"] in sentences[-1]
        assert str(s["target_year"]) in sentences[-1]
    progress = run.get("progress")
    if progress:
        assert f"{progress['ytd']['total']:,.2f} 亿元" in sentences[0]
        assert f"{progress['estimate']['total']:,.2f} 亿元" in text


def test_generated_document_conclusions_are_traceable(generated_workbook, tmp_path):
    target = tmp_path / "generated.docx"
    code, _ = run_cli("report", generated_workbook, "-o", target, "--scenario", "悲观加延期")
    assert code == 0
    check_traceable(target, generated_workbook, "悲观加延期")


def test_a_wrong_number_is_caught(sample_report):
    """The tracing check itself can fail: a number that is not in the JSON is reported."""
    run = run_json(SAMPLE_WORKBOOK)
    assert untraced(["全年预计 1,234.56 亿元，完成 62.7%。"], run) != []


def test_report_sections_in_the_issue_order(sample_report):
    doc = docx.Document(str(sample_report))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "一、核心结论"
    assert headings[1] == "二、主要指标" and headings[2] == "三、图表分析"
    assert headings[-2:] == ["附录一　情景假设", "附录二　数据说明"]
    title = doc.paragraphs[0].text
    assert "乐山高新区" in title and "营业收入" in title
    progress = run_json(SAMPLE_WORKBOOK).get("progress")
    as_of = (f"（数据截至{progress['year']}年{progress['months']}月）" if progress
             else "（规划基期2023年，尚无实绩）")
    assert doc.paragraphs[1].text == as_of
    assert len(doc.inline_shapes) >= 4          # the charts
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "示意值" in body                      # the workbook's own data notes
    assert "价格指数 · 晶硅光伏 · 价格指数 (2025年起)：设定为 0.85" in body   # an override row


def test_kpi_table_repeats_the_json(sample_report):
    doc = docx.Document(str(sample_report))
    run = run_json(SAMPLE_WORKBOOK)
    base = run["scenarios"][0]
    kpi = doc.tables[0]
    values = {row.cells[0].text: row.cells[1].text for row in kpi.rows[1:]}
    assert values[f"{run['target']['year']}年预测（基准）"] == \
        f"{base['value_at_target_year']:,.2f} 亿元"
    assert values["预计达标年份"] == str(base["target_year"])


def test_english_report(tmp_path):
    target = tmp_path / "report.docx"
    code, _ = run_cli("report", SAMPLE_WORKBOOK, "-o", target, "--lang", "en",
                      "--scenario", "压力情景")
    assert code == 0
    doc = docx.Document(str(target))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "1. Key findings"
    text = "\n".join(conclusions(target))
    assert "压力情景" in text and "Monte Carlo" in text
    run = run_json(SAMPLE_WORKBOOK)
    assert untraced(conclusions(target), run, montecarlo_json(SAMPLE_WORKBOOK, "压力情景"),
                    [len(run["scenarios"])]) == []


def test_pdf_through_libreoffice(tmp_path):
    require_soffice()
    target = tmp_path / "report.docx"
    code, out = run_cli("report", SAMPLE_WORKBOOK, "-o", target, "--pdf")
    assert code == 0
    pdf = target.with_suffix(".pdf")
    assert f"wrote {pdf}" in out
    data = pdf.read_bytes()
    pages = re.findall(rb"/Type\s*/Page(?![s\w])", data)
    assert data.startswith(b"%PDF") and len(pages) >= 4
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]   # no temp left


def test_pdf_skipped_without_libreoffice(tmp_path, monkeypatch):
    from planner.report import pdf
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    target = tmp_path / "report.docx"
    code, out = run_cli("report", SAMPLE_WORKBOOK, "-o", target, "--pdf")
    assert code == 0 and target.exists() and not target.with_suffix(".pdf").exists()
    assert "PDF skipped: LibreOffice (soffice) is not installed" in out


def test_no_cjk_font_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(charts, "CJK_FONTS", ("No Such Font",))
    monkeypatch.setattr(charts, "_font", None)
    target = tmp_path / "report.docx"
    assert cli.main(["report", str(SAMPLE_WORKBOOK), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "no font with Chinese characters" in err and "fonts-noto-cjk" in err
    assert not target.exists()


@pytest.mark.parametrize("args, message", [
    (["-o", "x.pdf"], "give a name ending in .docx"),
    (["-o", "r.docx", "--scenario", "没有"], "unknown scenario '没有'"),
])
def test_bad_arguments_exit_2(tmp_path, capsys, args, message):
    args = [a if not a.endswith((".pdf", ".docx")) else str(tmp_path / a) for a in args]
    assert cli.main(["report", str(SAMPLE_WORKBOOK), *args]) == 2
    assert message in capsys.readouterr().err


def test_unwritable_output_exit_2(tmp_path, capsys):
    target = tmp_path / "missing" / "r.docx"
    assert cli.main(["report", str(SAMPLE_WORKBOOK), "-o", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_chart_colours_are_the_apps(qapp):
    from ui.analysis import common, fan_chart
    from ui.overview import charts as overview
    assert charts.CHAIN_COLOURS == overview.CHAIN_COLOURS
    assert charts.SCENARIO_COLOURS == overview.SCENARIO_COLOURS
    for name in ("TARGET_COLOUR", "TOTAL_COLOUR", "MARKER_COLOUR"):
        assert getattr(charts, name).lower() == getattr(overview, name).name().lower()
    for name in ("MEDIAN_COLOUR", "MUTED_COLOUR", "LOW_COLOUR", "HIGH_COLOUR",
                 "POSITIVE_COLOUR", "NEGATIVE_COLOUR"):
        assert getattr(charts, name).lower() == getattr(common, name).name().lower()
    for name in ("OUTER_BAND", "INNER_BAND"):
        c = getattr(fan_chart, name)
        assert getattr(charts, name) == pytest.approx(
            (c.red() / 255, c.green() / 255, c.blue() / 255, c.alpha() / 255))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_override_rows_read_as_in_the_app(lang):
    from dataclasses import asdict

    from planner.report.appendix import describe_override
    from sample_data.leshan import leshan_document
    from ui.scenario_tree import describe_override as app_text
    rows = leshan_document().overrides
    assert rows
    for o in rows:
        assert describe_override(asdict(o), lang) == app_text(o, lang)


def test_lxml_brought_by_python_docx_does_not_reach_the_workbook_reader():
    """openpyxl must keep the defusedxml-guarded parser although lxml is installed."""
    import subprocess
    env = {k: v for k, v in os.environ.items() if k != "OPENPYXL_LXML"}
    code = "import planner.cli, lxml, openpyxl.xml as x; assert x.DEFUSEDXML and not x.LXML"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_table_column_keeps_a_readable_width(tmp_path, lang):
    from planner.report.content import Table, build
    from planner.report.docx_writer import _widths
    from planner.report.gather import gather
    from sample_data.leshan import leshan_document
    report = build(gather(leshan_document()), lang)
    tables = [b for s in report.sections for b in s.blocks if isinstance(b, Table)]
    assert len(tables) >= 6
    for t in tables:
        widths = _widths(t, 8)
        assert sum(widths) == pytest.approx(16.0)
        assert min(widths) >= 1.2, (t.title, widths)
