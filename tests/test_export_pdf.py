"""The exported sample printed to PDF by LibreOffice (issue 13 item 5): at most 30
pages, and no table cut across pages in width (each page of a sheet carries the first
and the last heading of its repeated header row)."""
from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from planner.analysis.montecarlo import MonteCarloParams, run_montecarlo
from planner.analysis.sensitivity import sensitivity
from planner.io.export import export_workbook
from planner.io.reader import read_workbook
from sample_data import SAMPLE_WORKBOOK
from tests.lo_recalc import convert_to_pdf, pdf_pages, require_soffice

MAX_PAGES = 30


def _shown(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def heading_ends(path: Path) -> dict[str, tuple[str, str]]:
    """Sheet -> first and last non-blank cell of its repeated header row."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        rows = ws.print_title_rows
        assert rows, f"{ws.title} repeats no header row"
        r = int(re.match(r"\$?(\d+)", rows).group(1))
        area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
        last_col = openpyxl.utils.cell.range_boundaries(
            area.split("!")[-1].replace("$", ""))[2]
        cells = [c for c in ws[r][:last_col] if c.value not in (None, "")]
        out[ws.title] = (_shown(cells[0].value), _shown(cells[-1].value))
    return out


def check_pdf(xlsx: Path, folder: Path) -> int:
    pages = pdf_pages(convert_to_pdf(xlsx, folder))
    ends = heading_ends(xlsx)
    seen = set()
    for number, page in enumerate(pages, start=1):
        footer = re.split(r"\s{2,}", [ln for ln in page.splitlines() if ln.strip()][-1].strip())
        sheet = footer[0]
        assert sheet in ends, f"page {number}: footer {footer}"
        seen.add(sheet)
        flat = re.sub(r"\s+", "", page)
        for heading in ends[sheet]:
            # a wrapped heading is split into lines: its first characters stay together
            assert re.sub(r"\s+", "", heading)[:4] in flat, \
                f"page {number} ({sheet}) lacks the heading {heading!r}: cut in width?"
    assert seen == set(ends)
    return len(pages)


@pytest.fixture(scope="module")
def soffice():
    return require_soffice()


def test_sample_export_prints_to_at_most_30_pages(soffice, tmp_path):
    doc = read_workbook(SAMPLE_WORKBOOK).document
    out = export_workbook(doc, tmp_path / "sample.xlsx")
    assert check_pdf(out, tmp_path / "pdf") <= MAX_PAGES


def test_sample_export_with_analyses_prints_to_at_most_30_pages(soffice, tmp_path):
    doc = read_workbook(SAMPLE_WORKBOOK).document
    name = doc.scenario_names[0]
    out = export_workbook(doc, tmp_path / "sample_en.xlsx", lang="en",
                          sensitivity=sensitivity(doc, name),
                          montecarlo=run_montecarlo(doc, name,
                                                    MonteCarloParams(200, 5, 0.03, 0.1, 0, 2)))
    assert check_pdf(out, tmp_path / "pdf") <= MAX_PAGES
