"""Print set-up of the exported sheets: landscape A4, one page wide, repeated titles,
page numbers in the footer (issue 13 item 5: a workbook a leader can print)."""
from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

A4 = 9
FOOTER = {"zh": "&L&8&A&R&8第 &P 页，共 &N 页", "en": "&L&8&A&R&8Page &P of &N"}
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.6}


def setup_page(ws: Worksheet, lang: str, *, last_row: int, last_col: int,
               title_rows: tuple[int, int] | None = None,
               title_cols: tuple[int, int] | None = None, portrait: bool = False,
               tall: int = 0) -> None:
    """Print ``A1`` … (last_row, last_col) (0-based) on pages one page wide and, when
    ``tall`` is given, at most that many pages tall (0: as many as it takes).

    ``title_rows``/``title_cols`` repeat on every page (the header rows and the name
    column), so a table that runs over several pages keeps its headings.
    """
    if portrait:
        ws.set_portrait()
    else:
        ws.set_landscape()
    ws.set_paper(A4)
    ws.set_margins(**MARGINS)
    ws.fit_to_pages(1, tall)
    ws.print_area(0, 0, max(last_row, 0), max(last_col, 0))
    if title_rows is not None:
        ws.repeat_rows(*title_rows)
    if title_cols is not None:
        ws.repeat_columns(*title_cols)
    ws.set_footer(FOOTER[lang], {"margin": 0.25})


INPUT_ROWS_PER_PAGE = 80


def setup_input_page(ws: Worksheet, lang: str) -> None:
    """An input sheet (a narrow table, often long) prints its written cells (not the
    empty rows kept for entry) in portrait, about INPUT_ROWS_PER_PAGE rows a page, with
    the header row repeated."""
    rows = (ws.dim_rowmax or 0) + 1
    setup_page(ws, lang, last_row=rows - 1, last_col=ws.dim_colmax or 0,
               title_rows=(0, 0), portrait=True, tall=-(-rows // INPUT_ROWS_PER_PAGE))
