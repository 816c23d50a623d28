"""Whole input workbooks: an empty template, and a Document saved without results."""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Sequence

import xlsxwriter
import xlsxwriter.worksheet

from models import labels
from models.document import DEFAULT_SCENARIO, Document, Scenario, Settings, StageRow
from planner.io import column_help as helptext
from planner.io.atomic import atomic_write
from planner.io.input_sheets import text_width, write_input_sheets

# XlsxWriter would turn strings that look like formulas, numbers or URLs into those
# through write(); the writers use write_string anyway, this is the second lock.
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False,
                    "strings_to_urls": False}

TEMPLATE_SETTINGS = Settings(base_year=2024, end_year=2035, target_year=2027,
                             target_value=1000.0, park_name="")


class ExactWorksheet(xlsxwriter.worksheet.Worksheet):
    """Numbers written at full precision (repr), not XlsxWriter's 16 digits, so a save
    and a re-open give back every float exactly."""

    def _xml_number_element(self, number, attributes=[]) -> None:  # noqa: B006
        attr = "".join(f' {k}="{self._escape_attributes(v)}"' for k, v in attributes)
        value = float(number)
        text = repr(value) if not value.is_integer() or abs(value) >= 1e16 \
            else str(int(value))
        self.fh.write(f"<c{attr}><v>{text}</v></c>")


def new_workbook(path: str | os.PathLike, created: datetime | None = None,
                 title: str = "") -> xlsxwriter.Workbook:
    """An XlsxWriter workbook with safe string options; a fixed ``created`` makes the
    file byte-for-byte reproducible."""
    wb = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    wb.worksheet_class = ExactWorksheet
    props: dict[str, object] = {}
    if created is not None:
        props["created"] = created
    if title:
        props["title"] = title
    if props:
        wb.set_properties(props)
    return wb


def template_document() -> Document:
    """What the template holds: example Settings, the five default stages, 基准."""
    stages = tuple(StageRow(k, p) for k, p in labels.DEFAULT_STAGE_PROBABILITY.items())
    return Document(settings=TEMPLATE_SETTINGS, stages=stages,
                    scenarios=(Scenario(DEFAULT_SCENARIO),))


def write_template(path: str | os.PathLike, lang: str = "zh",
                   created: datetime | None = None) -> Path:
    """An empty, formatted input workbook with a read-me sheet last."""
    def write(tmp: Path) -> None:
        wb = new_workbook(tmp, created)
        write_input_sheets(wb, template_document(), lang)
        _text_sheet(wb, helptext.pick(helptext.README_SHEET, lang), None,
                    [(str(i), helptext.pick(pair, lang))
                     for i, pair in enumerate(helptext.README, start=1)])
        wb.close()
    return atomic_write(path, write)


def write_document(path: str | os.PathLike, doc: Document, lang: str = "zh",
                   notes: Sequence[tuple[str, str]] | None = None,
                   created: datetime | None = None) -> Path:
    """The Document's input sheets, plus a notes sheet (key, text) when given."""
    def write(tmp: Path) -> None:
        wb = new_workbook(tmp, created, title=doc.settings.park_name)
        write_input_sheets(wb, doc, lang)
        if notes:
            headers = helptext.NOTES_HEADERS[0 if lang == "zh" else 1]
            _text_sheet(wb, helptext.pick(helptext.NOTES_SHEET, lang), headers, notes)
        wb.close()
    return atomic_write(path, write)


def _text_sheet(wb: xlsxwriter.Workbook, name: str, headers: tuple[str, str] | None,
                rows: Sequence[tuple[str, str]]) -> None:
    """A two-column sheet of text: a key (or number) and a wrapped paragraph."""
    ws = wb.add_worksheet(name)
    bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    top = wb.add_format({"valign": "top", "bold": True})
    start = 0
    if headers:
        for c, h in enumerate(headers):
            ws.write_string(0, c, h, bold)
        ws.freeze_panes(1, 0)
        start = 1
    for r, (key, text) in enumerate(rows, start=start):
        ws.write_string(r, 0, str(key), top)
        ws.write_string(r, 1, str(text), wrap)
    key_width = max([text_width(str(k)) for k, _ in rows] + [6]) + 2
    ws.set_column(0, 0, min(key_width, 24))
    ws.set_column(1, 1, 90)
