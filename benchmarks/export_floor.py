"""The floor the export is measured against: XlsxWriter's public API writing the same cells.

``cells_of(path)`` reads an exported workbook once and returns its cells sheet by sheet, in
row order: formula cells (formula text and cached value, numeric or text) and plain value
cells (numbers, strings, booleans). ``write_floor`` writes exactly those cells with
``Workbook(path, {"constant_memory": True})`` and ``write_formula(row, col, formula, None,
value)``, ``write_number``, ``write_string`` and ``write_boolean`` — nothing else: no cell
formats, column widths, charts, page setup, data validation or names, and XlsxWriter's
default compression. Blank formatted cells (style only) are not written.

So the floor is "the same formula and value cells, through XlsxWriter's public API, in its
constant-memory mode"; ``export_vs_floor`` = export time ÷ floor time. Note that
``write_formula`` runs some thirty regular expressions on every formula (Excel 365
function names) before writing it; that is part of the public API's cost, so it is part of
the floor (the export stores its formulas without that rewrite, see
planner/io/export/cells.py).

    python benchmarks/export_floor.py [--repeat 3]      # prints both times and the ratio
"""
from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

# XlsxWriter writes every <c> element on one line with its attributes in this order.
_CELL = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_TYPE = re.compile(r' t="(\w+)"')
_FORMULA = re.compile(r"<f[^>]*>(.*?)</f>", re.S)
_VALUE = re.compile(r"<v>(.*?)</v>", re.S)
_SHARED = re.compile(r"<si>(.*?)</si>", re.S)
_TEXT = re.compile(r"<t[^>]*>(.*?)</t>", re.S)
_SHEET_FILE = re.compile(r"xl/worksheets/sheet(\d+)\.xml")


@dataclass(frozen=True)
class SheetCells:
    """One sheet's cells in row order: (row, col, kind, formula, value) with kind one of
    "formula", "number", "string", "boolean"."""
    cells: list[tuple[int, int, str, str, object]]


@dataclass(frozen=True)
class CellCounts:
    formulas: int
    numbers: int
    strings: int
    booleans: int
    sheets: int

    @property
    def values(self) -> int:
        return self.numbers + self.strings + self.booleans


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def cells_of(path: str | Path) -> list[SheetCells]:
    """Every formula and value cell of an XlsxWriter-written workbook, sheet by sheet."""
    with zipfile.ZipFile(path) as z:
        names = sorted((n for n in z.namelist() if _SHEET_FILE.fullmatch(n)),
                       key=lambda n: int(_SHEET_FILE.fullmatch(n).group(1)))
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            xml = z.read("xl/sharedStrings.xml").decode("utf-8")
            shared = [html.unescape("".join(_TEXT.findall(si))) for si in _SHARED.findall(xml)]
        sheets = []
        for name in names:
            xml = z.read(name).decode("utf-8")
            cells: list[tuple[int, int, str, str, object]] = []
            for letters, row, attrs, body in _CELL.findall(xml):
                if not body:
                    continue                      # a blank cell that only carries a style
                r, c = int(row) - 1, _col_index(letters)
                t = _TYPE.search(attrs)
                kind = t.group(1) if t else "n"
                f = _FORMULA.search(body)
                v = _VALUE.search(body)
                raw = html.unescape(v.group(1)) if v else ""
                if f is not None:
                    value: object = (float(raw) if kind == "n" and raw else
                                     bool(int(raw)) if kind == "b" else raw)
                    cells.append((r, c, "formula", html.unescape(f.group(1)), value))
                elif kind == "s":
                    cells.append((r, c, "string", "", shared[int(raw)]))
                elif kind == "inlineStr":             # as constant-memory mode writes
                    cells.append((r, c, "string", "",
                                  html.unescape("".join(_TEXT.findall(body)))))
                elif kind == "b":
                    cells.append((r, c, "boolean", "", bool(int(raw))))
                elif kind == "n":
                    cells.append((r, c, "number", "", float(raw)))
                else:                             # errors: not ours
                    raise ValueError(f"{name}: unexpected cell type {kind!r}")
            sheets.append(SheetCells(cells))
    return sheets


def count_cells(sheets: list[SheetCells]) -> CellCounts:
    kinds = {"formula": 0, "number": 0, "string": 0, "boolean": 0}
    for sheet in sheets:
        for cell in sheet.cells:
            kinds[cell[2]] += 1
    return CellCounts(kinds["formula"], kinds["number"], kinds["string"], kinds["boolean"],
                      len(sheets))


def write_floor(sheets: list[SheetCells], path: str | Path) -> None:
    """The cells, through XlsxWriter's public API in constant-memory mode."""
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for sheet in sheets:
        ws = wb.add_worksheet()
        formula, number = ws.write_formula, ws.write_number
        string, boolean = ws.write_string, ws.write_boolean
        for r, c, kind, f, value in sheet.cells:
            if kind == "formula":
                formula(r, c, f, None, value)
            elif kind == "number":
                number(r, c, value)
            elif kind == "string":
                string(r, c, value)
            else:
                boolean(r, c, value)
    wb.close()


def floor_seconds(sheets: list[SheetCells], folder: Path, repeat: int) -> float:
    """Median seconds of write_floor over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        write_floor(sheets, folder / "floor.xlsx")
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_floor(exported: Path, repeat: int) -> tuple[float, CellCounts]:
    """Read the cells of an exported workbook once and time the floor writing them
    (into the exported file's folder)."""
    sheets = cells_of(exported)
    return floor_seconds(sheets, Path(exported).parent, repeat), count_cells(sheets)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.make_large import large_document
    from planner.io.export import export_workbook
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    doc = large_document()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            export_workbook(doc, folder / "export.xlsx")
            times.append(time.perf_counter() - t)
        floor, counts = bench_floor(folder / "export.xlsx", args.repeat)
    export = statistics.median(times)
    print(f"cells: {counts}")
    print(f"xlsxwriter_floor_2000_s {floor:.3f}  export_2000_s {export:.3f}  "
          f"export_vs_floor {export / floor:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
