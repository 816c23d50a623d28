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
from xlsxwriter.worksheet import Worksheet

from planner.io.input_sheets import quote_sheet

# Same name and fields as XlsxWriter's own formula cell, so its code treats it alike.
_Formula = namedtuple("Formula", "formula, format, value")
# A run of cells of one row already rendered to XML (see RowXml), stored at its first
# column; ``last`` is its last column.
_Chunk = namedtuple("Chunk", "xml, last")


class FastSheet(Worksheet):
    """A Worksheet that writes formula cells stored by put_formula in one step."""

    def _fast_xml(self, row: int, col: int, cell) -> str | None:
        """The <c> element of a formula stored by put_formula; None for any other cell."""
        if cell.__class__ is not _Formula or cell.format is None \
                or cell.value.__class__ is not float:
            return None
        f = cell.formula
        if "<" in f or ">" in f or "&" in f:
            f = f.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        xf = self._xf_cache.get(cell.format)
        if xf is None:
            xf = self._xf_cache[cell.format] = cell.format._get_xf_index()
        return (f'<c r="{_col_letters(col)}{row + 1}" s="{xf}"><f>{f}</f>'
                f'<v>{cell.value!r}</v></c>')

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
        self._xf_cache: dict = {}   # format -> xf index (formats are final at save)


__all__ = ["FastSheet", "RowXml", "put_formula", "put_formula_row", "col", "quote_sheet",
           "cached", "escape_formula"]


def escape_formula(body: str) -> str:
    """A formula body as XML element text (what XlsxWriter's _escape_data does)."""
    if "<" in body or ">" in body or "&" in body:
        return body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return body


def style(fmt) -> str:
    """The `` s="…"`` attribute of a cell in ``fmt`` ("" for none)."""
    return "" if fmt is None else f' s="{fmt._get_xf_index()}"'


class RowXml:
    """One row of a FastSheet written straight to the XML XlsxWriter would write for it.

    The hot rows of large sheets (2,000 projects × four scenarios) would otherwise cost a
    stored cell tuple and a rendering pass per cell. Cells are added in any column order;
    ``done()`` stores the row as one piece. The row must hold no other cell, and the
    sheet must give its rows and columns no default format (the calculation sheets do
    not): a cell without a format is written without a style, as XlsxWriter does then.
    Numbers are written as XlsxWriter's Worksheet writes them (16 significant digits),
    strings go to the shared string table, formulas carry their cached value.
    """

    __slots__ = ("ws", "row", "n", "cells")

    def __init__(self, ws: "FastSheet", row: int) -> None:
        self.ws, self.row, self.n = ws, row, row + 1
        self.cells: list[tuple[int, str]] = []

    def number(self, column: int, value: float, fmt=None) -> None:
        self.cells.append((column, f'<c r="{col(column)}{self.n}"{style(fmt)}>'
                                   f'<v>{value:.16G}</v></c>'))

    def string(self, column: int, value: str, fmt=None) -> None:
        ws = self.ws
        if len(value) > ws.xls_strmax:
            raise ValueError(f"a string of {len(value)} characters does not fit in a cell")
        index = ws.str_table._get_shared_string_index(value)
        self.cells.append((column, f'<c r="{col(column)}{self.n}"{style(fmt)} t="s">'
                                   f'<v>{index}</v></c>'))

    def formula(self, column: int, body: str, fmt, value: float) -> None:
        """A formula (without ``=``) whose cached value is a finite Python float."""
        if value.__class__ is not float or not math.isfinite(value):
            raise ValueError(f"cached value {value!r} must be a finite float")
        self.cells.append((column, f'<c r="{col(column)}{self.n}"{style(fmt)}>'
                                   f'<f>{escape_formula(body)}</f><v>{value!r}</v></c>'))

    def xml(self, first: int, last: int, xml: str) -> None:
        """Cells ``first``..``last`` already rendered (e.g. by a row template)."""
        self.cells.append((first, xml))
        self.cells.append((last, ""))

    def done(self) -> None:
        if not self.cells:
            return
        self.cells.sort(key=lambda c: c[0])
        first, last = self.cells[0][0], self.cells[-1][0]
        ws = self.ws
        if ws._check_dimensions(self.row, first) or ws._check_dimensions(self.row, last):
            raise IndexError(f"row {self.row} reaches outside the worksheet")
        cells = ws.table[self.row]
        if cells:
            raise ValueError(f"row {self.row} already holds cells")
        cells[first] = _Chunk("".join(x for _, x in self.cells), last)


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


def put_formula_row(ws: Worksheet, row: int, columns: list[int], bodies: list[str], fmt,
                    values: list[float]) -> None:
    """Many formulas (bodies without ``=``) along one row: the hot path of large sheets.

    ``values`` must be finite Python floats (callers pass ``ndarray.tolist()`` of
    arrays checked with ``finite``).
    """
    if ws._check_dimensions(row, min(columns)) or ws._check_dimensions(row, max(columns)):
        raise IndexError(f"row {row} reaches outside the worksheet")
    cells = ws.table[row]
    for c, body, value in zip(columns, bodies, values):
        cells[c] = _Formula(body, fmt, value)


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
