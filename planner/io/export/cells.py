"""Cell helpers: fast formula storage with cached values, A1 references, sheet names.

``Worksheet.write_formula`` runs some thirty regular expressions on every formula (to
expand Excel 365 function names) and would also rewrite a quoted sheet name that
happens to contain, say, ``SORT(``. Our formulas use none of those functions, so they
are stored directly, exactly as written, in XlsxWriter's cell table; ``FastSheet`` then
serializes them with less per-cell work. A calculation sheet for 2,000 projects holds
a quarter of a million formulas, so this is most of the export's time budget.
tests/test_export_cells.py checks that both produce the XML XlsxWriter itself writes.
"""
from __future__ import annotations

import math
from collections import namedtuple

import numpy as np

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import CellNumberTuple as _Number
from xlsxwriter.worksheet import CellStringTuple as _String
from xlsxwriter.worksheet import Worksheet

from planner.io.input_sheets import quote_sheet

# Same name and fields as XlsxWriter's own formula cell, so its code treats it alike.
_Formula = namedtuple("Formula", "formula, format, value")
# A run of cells of one row already rendered to XML (see RowTemplate), stored at its first
# column; ``last`` is its last column.
_Chunk = namedtuple("Chunk", "xml, last")


class FastSheet(Worksheet):
    """A Worksheet that writes its formula, number and string cells with less per-cell
    work (the XML is XlsxWriter's own), and rows stored by RowTemplate in one piece."""

    def _fast_xml(self, row: int, col: int, cell) -> str | None:
        """The <c> element of a formula stored by put_formula (cached as a float), a
        number or a shared string; None for any other cell."""
        kind = cell.__class__
        if kind is not _Formula and kind is not _Number and kind is not _String:
            return None
        fmt = cell.format
        if fmt is None:
            if self._plain is None:     # no column formats: decided once, at save
                self._plain = not any(getattr(info, "column_format", None)
                                      for info in self.col_info.values())
            info = self.row_info.get(row)
            if not self._plain or (info is not None and info.row_format):
                return None             # XlsxWriter falls back to those formats
            s = ""
        else:
            s = self._xf_cache.get(fmt)
            if s is None:
                s = self._xf_cache[fmt] = style(fmt)
        if kind is _Number:
            return f'<c r="{_col_letters(col)}{row + 1}"{s}><v>{cell.number:.16G}</v></c>'
        if kind is _String:
            return f'<c r="{_col_letters(col)}{row + 1}"{s} t="s"><v>{cell.string}</v></c>'
        if cell.value.__class__ is not float:
            return None
        body = escape_formula(cell.formula)
        return f'<c r="{_col_letters(col)}{row + 1}"{s}><f>{body}</f><v>{cell.value!r}</v></c>'

    def _write_cell(self, row: int, col: int, cell) -> None:
        xml = self._fast_xml(row, col, cell)
        if xml is None:
            super()._write_cell(row, col, cell)
        else:
            self.fh.write(xml)

    def _write_rows(self) -> None:
        """XlsxWriter's row loop, writing each row's run of fast cells in one piece."""
        self._calculate_spans()
        for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = self.table.get(row_num)
            if not (cells or row_num in self.row_info or row_num in self.comments):
                continue
            span = self.row_spans.get(row_num // 16)
            info = self.row_info.get(row_num)
            if not cells:
                self._write_empty_row(row_num, span, info)
                continue
            if info is None:
                self._write_row(row_num, span)
            else:
                self._write_row(row_num, span, info)
            run: list[str] = []
            for col_num in sorted(cells):
                cell = cells[col_num]
                if cell.__class__ is _Chunk:
                    run.append(cell.xml)
                    continue
                xml = self._fast_xml(row_num, col_num, cell)
                if xml is not None:
                    run.append(xml)
                    continue
                if run:
                    self.fh.write("".join(run))
                    run = []
                super()._write_cell(row_num, col_num, cell)
            if run:
                self.fh.write("".join(run))
            self._xml_end_tag("row")

    def _calculate_spans(self) -> None:
        """XlsxWriter's ``spans`` of each block of 16 rows (first:last used column,
        1-based), from each row's first and last cell rather than a scan of every
        column; a row chunk counts to its last column."""
        spans: dict[int, str] = {}
        table, comments = self.table, self.comments
        for block in range(self.dim_rowmin // 16, self.dim_rowmax // 16 + 1):
            low = high = None
            for row_num in range(max(block * 16, self.dim_rowmin),
                                 min(block * 16 + 16, self.dim_rowmax + 1)):
                for cols in (table.get(row_num), comments.get(row_num)):
                    if not cols:
                        continue
                    first, last = min(cols), max(cols)
                    cell = cols[last]
                    if cell.__class__ is _Chunk:
                        last = cell.last
                    low = first if low is None or first < low else low
                    high = last if high is None or last > high else high
            if low is not None:
                spans[block] = f"{low + 1}:{high + 1}"
        self.row_spans = spans

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._xf_cache: dict = {}   # format -> its s="…" (formats are final at save)
        self._plain: bool | None = None


__all__ = ["FastSheet", "RowTemplate", "put_formula", "col", "quote_sheet", "cached",
           "escape_formula", "finite"]


def escape_formula(body: str) -> str:
    """A formula body as XML element text (what XlsxWriter's _escape_data does)."""
    if "<" in body or ">" in body or "&" in body:
        return body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return body


def style(fmt) -> str:
    """The `` s="…"`` attribute of a cell in ``fmt`` ("" for none)."""
    return "" if fmt is None else f' s="{fmt._get_xf_index()}"'


class RowTemplate:
    """The XML of rows that differ only in their row number and their cells' values.

    The project rows of a calculation sheet (2,000 projects × four scenarios) would
    otherwise cost a stored cell tuple, a function call and a rendering pass per cell:
    here each row is one ``str.format`` of a template built once. Declare the cells
    with ``number``, ``string`` and ``formula`` (a body whose row references are
    ``{n}``), in the order ``put`` will get their values: numbers as XlsxWriter's
    Worksheet writes them (16 significant digits), strings through the shared string
    table, formulas with their cached value (a finite float). A row put this way must
    hold no other cell, and the sheet must give its rows and columns no default format
    (the calculation sheets do not): a cell without a format has no style, as
    XlsxWriter writes it then. tests/test_export_cells.py checks the XML against
    XlsxWriter's own.
    """

    def __init__(self) -> None:
        self._pieces: list[tuple[int, str]] = []
        self._strings: list[int] = []
        self._text = ""
        self.first = self.last = -1

    def _add(self, column: int, piece: str) -> None:
        self._pieces.append((column, piece))
        self._text = ""

    def number(self, column: int, fmt=None) -> None:
        k = len(self._pieces)
        self._add(column, f'<c r="{col(column)}{{n}}"{style(fmt)}><v>{{{k}:.16G}}</v></c>')

    def string(self, column: int, fmt=None) -> None:
        k = len(self._pieces)
        self._strings.append(k)
        self._add(column, f'<c r="{col(column)}{{n}}"{style(fmt)} t="s"><v>{{{k}}}</v></c>')

    def formula(self, column: int, body: str, fmt) -> None:
        """``body``: the formula without ``=``, ``{n}`` where the row number goes."""
        if "{" in body.replace("{n}", "") or "}" in body.replace("{n}", ""):
            raise ValueError(f"a brace in formula template {body!r}")
        k = len(self._pieces)
        self._add(column, f'<c r="{col(column)}{{n}}"{style(fmt)}><f>{escape_formula(body)}'
                          f'</f><v>{{{k}!r}}</v></c>')

    def put(self, ws: "FastSheet", row: int, values: list) -> None:
        """Row ``row`` of ``ws`` with these cell values, in declaration order."""
        if not self._text:
            ordered = sorted(self._pieces, key=lambda p: p[0])
            self.first, self.last = ordered[0][0], ordered[-1][0]
            self._text = "".join(p for _, p in ordered)
        if len(values) != len(self._pieces):
            raise ValueError(f"{len(values)} values for {len(self._pieces)} cells")
        strings = ws.str_table
        for k in self._strings:
            text = values[k]
            if len(text) > ws.xls_strmax:
                raise ValueError(f"a text of {len(text)} characters does not fit in a cell")
            values[k] = strings._get_shared_string_index(text)
        if ws._check_dimensions(row, self.first) or ws._check_dimensions(row, self.last):
            raise IndexError(f"row {row} reaches outside the worksheet")
        cells = ws.table[row]
        if cells:
            raise ValueError(f"row {row} already holds cells")
        cells[self.first] = _Chunk(self._text.format(*values, n=row + 1), self.last)


def cached(value: object) -> float | str:
    """A formula's cached value: a Python float, or text ("" for a null)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"non-finite value {v} cannot be cached in a workbook")
    return v


def put_formula(ws: Worksheet, row: int, column: int, formula: str, fmt, value) -> None:
    """Store ``formula`` (with or without the leading ``=``) and its cached value."""
    body = formula[1:] if formula.startswith("=") else formula
    if ws._check_dimensions(row, column):
        raise IndexError(f"cell ({row}, {column}) is outside the worksheet")
    ws.table[row][column] = _Formula(body, fmt, cached(value))


def finite(array) -> list:
    """``array.tolist()`` after checking that every value can be cached."""
    a = np.asarray(array, dtype=float)
    if not np.isfinite(a).all():
        raise ValueError("non-finite values cannot be cached in a workbook")
    return a.tolist()


_LETTERS: list[str] = []


def col(index: int) -> str:
    """Column letters for a 0-based column index (cached)."""
    while len(_LETTERS) <= index:
        _LETTERS.append(xl_col_to_name(len(_LETTERS)))
    return _LETTERS[index]


_col_letters = col


def ref(row: int, column: int, row_abs: bool = False, col_abs: bool = False) -> str:
    """A1 reference of a 0-based cell."""
    return f"{'$' if col_abs else ''}{col(column)}{'$' if row_abs else ''}{row + 1}"


def absref(row: int, column: int) -> str:
    return f"${col(column)}${row + 1}"


def row_range(row: int, first: int, last: int, absolute: bool = True) -> str:
    """``$C$5:$O$5`` — a range along one row."""
    d = "$" if absolute else ""
    return f"{d}{col(first)}{d}{row + 1}:{d}{col(last)}{d}{row + 1}"


def col_range(column: int, first: int, last: int) -> str:
    """``$C$5:$C$9`` — an absolute range down one column."""
    return f"${col(column)}${first + 1}:${col(column)}${last + 1}"
