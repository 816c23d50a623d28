"""A Report (content.py) and its charts as a Word document (python-docx), written atomically."""
from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from planner.io.atomic import atomic_write
from planner.report.content import Figure, Report, Table
from planner.report.words import Words

BODY_FONT, HEADING_FONT, LATIN_FONT = "宋体", "黑体", "Times New Roman"
HEADER_FILL = "DDEBF7"
TEXT_COLOUR = RGBColor(0x1F, 0x2D, 0x3D)
PICTURE_WIDTH = Cm(16)
TEXT_WIDTH_CM = 16.0
KEEP_ROWS = 25          # tables up to this many rows are kept on one page


def _fonts(run_or_style, east_asian: str, size: float | None = None, bold: bool | None = None) -> None:
    font = run_or_style.font
    font.name = LATIN_FONT
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def _setup(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    normal = doc.styles["Normal"]
    _fonts(normal, BODY_FONT, 11)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.25
    for level, size in ((1, 15), (2, 12.5)):
        style = doc.styles[f"Heading {level}"]
        _fonts(style, HEADING_FONT, size, True)
        style.font.color.rgb = TEXT_COLOUR
        style.font.italic = False
        style.paragraph_format.space_before = Pt(14 if level == 1 else 8)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    _page_numbers(section)


def _field(paragraph, instruction: str) -> None:
    """A field (PAGE) as Word writes it: begin, instruction, separator, result, end runs."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        paragraph.add_run()._r.append(el)


def _page_numbers(section) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("— ")
    _field(p, "PAGE")
    p.add_run(" —")


def _shade(cell, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def _row_props(row, header: bool) -> None:
    """Rows never split across pages; the header row repeats on every page."""
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))
    if header:
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        props.append(el)


def _ems(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def _widths(table: Table, size: float) -> list[float]:
    """Column widths in cm: by content (a header may wrap to two lines), across the page;
    when the content is wider than the page, text columns wrap (down to 60% of their
    width) before numbers do."""
    em = size / 72 * 2.54
    want = []
    for c, head in enumerate(table.header):
        body = max([_ems(r[c]) for r in table.rows] + [1.0])
        head_ems = _ems(head)
        word = max(_ems(part) for part in head.split()) if head.strip() else 0.0
        head_need = head_ems if head_ems <= 7 else max(head_ems / 2 + 1, word + 0.5)
        want.append(max(body, head_need, 2.0) * em + 0.6)
    total, page = sum(want), TEXT_WIDTH_CM
    if total <= page:
        return [w * page / total for w in want]
    numbers = sum(w for c, w in enumerate(want) if table.numeric[c])
    texts = total - numbers
    if texts == 0 or page - numbers < 0.6 * texts:   # text columns would be squeezed out
        return [w * page / total for w in want]
    scale = (page - numbers) / texts
    return [w if table.numeric[c] else w * scale for c, w in enumerate(want)]


def _table_style(doc, size: float):
    """A paragraph style for table cells (size, no spacing), made once per size."""
    name = f"Report Table {size:g}"
    if name not in [st.name for st in doc.styles]:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.size = Pt(size)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.line_spacing = 1.0
    return doc.styles[name]


def _cell_text(cell, text: str, right: bool, bold: bool, style_id: str) -> None:
    p = cell.paragraphs[0]
    p._p.style = style_id        # Paragraph.style= would search every style on each call
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = p.add_run(text)
    if bold:
        run.font.bold = True


def _caption(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    run = p.add_run(text)
    _fonts(run, HEADING_FONT, 10, True)


def _table(doc, table: Table, caption: str) -> None:
    _caption(doc, caption)
    cols = len(table.header)
    size = 9 if cols <= 6 else 8
    style = _table_style(doc, size).style_id
    t = doc.add_table(rows=1 + len(table.rows), cols=cols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    widths = [Cm(x) for x in _widths(table, size)]
    for column, width in zip(t.columns, widths):
        column.width = width          # the grid: LibreOffice lays out by it, Word by cells
    last = len(table.rows)
    keep = len(table.rows) <= KEEP_ROWS
    for r, row in enumerate(t.rows):
        _row_props(row, r == 0)
        cells = row.cells            # python-docx rebuilds this list on every access
        values = table.header if r == 0 else table.rows[r - 1]
        bold = r == 0 or (table.bold_last and r == last)
        for c, cell in enumerate(cells):
            cell.width = widths[c]
            _cell_text(cell, values[c], r > 0 and table.numeric[c], bold, style)
            paragraph = cell.paragraphs[0]
            if r == 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _shade(cell, HEADER_FILL)
            if r == 0 or (keep and r < last):   # a short table stays on one page
                paragraph.paragraph_format.keep_with_next = True
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _figure(doc, figure: Figure, caption: str, png: bytes) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.line_spacing = 1.0     # Normal's 1.25 would stretch the picture's line
    p.add_run().add_picture(io.BytesIO(png), width=PICTURE_WIDTH)
    _caption(doc, caption)
    if figure.caption:
        note = doc.add_paragraph()
        note.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = note.add_run(figure.caption)
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(0x52, 0x60, 0x6D)


def render(report: Report, lang: str, chart: Callable[[str], bytes],
           step: Callable[[], None] = lambda: None):
    """The python-docx Document of ``report``; ``chart(kind)`` gives a figure's PNG."""
    w = Words(lang)
    doc = new_docx()
    _setup(doc)
    doc.core_properties.title = report.title
    doc.core_properties.author = "千亿规划器" if w.zh else "千亿 planner"
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(6)
    _fonts(title.add_run(report.title), HEADING_FONT, 18, True)
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fonts(sub.add_run(report.subtitle), BODY_FONT, 12)
    goal = doc.add_paragraph()
    goal.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = goal.add_run(report.goal_line)
    run.font.size = Pt(9.5)
    run.font.color.rgb = RGBColor(0x52, 0x60, 0x6D)
    doc.add_heading(w.heading(1, w("h_conclusions")), level=1)
    for k, sentence in enumerate(report.conclusions, start=1):
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(22) if w.zh else None
        lead = p.add_run(f"{k}．" if w.zh else f"{k}. ")
        lead.bold = True
        p.add_run(sentence)
    figures = tables = 0
    for section in report.sections:
        doc.add_heading(section.heading, level=1)
        for block in section.blocks:
            if isinstance(block, Table):
                tables += 1
                _table(doc, block, w("table", n=tables, title=block.title))
            elif isinstance(block, Figure):
                figures += 1
                _figure(doc, block, w("figure", n=figures, title=block.title), chart(block.kind))
                step()
            else:
                p = doc.add_paragraph(block, style="List Bullet" if section.bullets else None)
                p.paragraph_format.space_after = Pt(3)
                if not section.bullets and not block.startswith("    "):
                    p.paragraph_format.keep_with_next = True   # an intro stays with its table
                if block.startswith("    "):
                    p.paragraph_format.left_indent = Cm(0.8)
                    p.runs[0].text = block.strip()
    return doc


def write_docx(doc, path: str | os.PathLike) -> Path:
    return atomic_write(path, lambda tmp: doc.save(str(tmp)))
