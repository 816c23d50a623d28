"""The fast formula path writes exactly the XML that XlsxWriter's write_formula writes."""
from __future__ import annotations

import re
import zipfile
import zlib

import pytest

from xlsxwriter.worksheet import Worksheet

from planner.io.export.cells import FastSheet, RowTemplate, cached, put_formula
from planner.io.template import new_workbook

FORMULAS = [("=SUM(C11:C13)", 1234.5678901234567), ("=IF(C$3<$U92,0,1)", 0.1 + 0.2),
            ("='计算_A&B''s'!C6*2", 1e-05), ('=IFERROR(1/0,"未达到")', "未达到"),
            ("=IF(A1>0,1,\"\")", ""), ("=-3+4", -1e300)]


def _sheet_xml(path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    return re.search(r"<sheetData>.*</sheetData>", xml).group(0)


def test_fast_path_matches_write_formula(tmp_path):
    outputs = []
    for fast in (False, True):
        path = tmp_path / f"{fast}.xlsx"
        wb = new_workbook(path)
        ws = wb.add_worksheet("S", worksheet_class=FastSheet if fast else Worksheet)
        fmt = wb.add_format({"num_format": "0.00"})
        for r, (formula, value) in enumerate(FORMULAS):
            if fast:
                put_formula(ws, r, 0, formula, fmt, value)
                put_formula(ws, r, 1, formula, None, value)
            else:
                ws.write_formula(r, 0, formula, fmt, value)
                ws.write_formula(r, 1, formula, None, value)
        text = wb.add_format({"num_format": "@", "bg_color": "#FFF2CC"})
        rows = [(["P-1", 2026, 0.1 + 0.2, "名称 & <b>", 1e-05, 3], 10),
                (["P-2", 2027.0, -1e300, "P-1", 12345.678901234567, 0], 11)]
        if fast:
            row = RowTemplate()
            row.string(0)                          # declared out of column order
            row.number(4, fmt)
            row.formula(3, "A{n}&\"<\"", None)
            row.string(1, text)
            row.number(2)
            row.formula(5, "IF(C{n}>0,D{n},E{n}*2)", fmt)
            for values, r in rows:
                id_, num, cached_f, name, small, _ = values
                row.put(ws, r, [id_, num, cached_f, name, small, float(num)])
        else:
            for (id_, num, cached_f, name, small, last), r in rows:
                ws.write_string(r, 0, id_)
                ws.write_number(r, 4, num, fmt)
                ws.write_formula(r, 3, f'=A{r + 1}&"<"', None, cached_f)
                ws.write_string(r, 1, name, text)
                ws.write_number(r, 2, small)
                ws.write_formula(r, 5, f"=IF(C{r + 1}>0,D{r + 1},E{r + 1}*2)", fmt,
                                 float(num))
        # plain cells, the same calls on both sheets; row 22 has a row format that
        # cells without a format of their own take
        ws.set_row(21, None, text)
        for r in (20, 21):
            ws.write_number(r, 0, 1e-05)
            ws.write_number(r, 1, 7, fmt)
            ws.write_string(r, 2, "a&b <c>")
            ws.write_string(r, 3, "x", fmt)
            ws.write_formula(r, 4, "=A1*2", None, 4.0)
        wb.close()
        outputs.append(_sheet_xml(path))
    # styles may be numbered in another order (the fast rows take theirs when put)
    assert _styles_resolved(tmp_path / "False.xlsx") == _styles_resolved(tmp_path / "True.xlsx")
    assert "&lt;" in outputs[1] and "&amp;" in outputs[1]
    assert 'spans="1:6"' in outputs[1]


def _styles_resolved(path) -> tuple[str, str]:
    """The sheet data with each style index replaced by its cellXfs entry, and the
    shared strings."""
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml").decode()
        strings = z.read("xl/sharedStrings.xml").decode()
    xfs = re.findall(r"<xf [^>]*?(?:/>|>.*?</xf>)",
                     re.search(r"<cellXfs.*?</cellXfs>", styles).group(0))
    return re.sub(r' s="(\d+)"', lambda m: f" xf='{xfs[int(m.group(1))]}'",
                  _sheet_xml(path)), strings


def test_row_template_rejects_misuse(tmp_path):
    wb = new_workbook(tmp_path / "m.xlsx")
    ws = wb.add_worksheet("S", worksheet_class=FastSheet)
    row = RowTemplate()
    row.number(0)
    row.formula(1, "A{n}*2", None)
    with pytest.raises(ValueError):
        row.put(ws, 0, [1.0])                      # a value missing
    with pytest.raises(ValueError):
        RowTemplate().formula(0, "SUM({1,2})", None)
    ws.write_number(3, 7, 1.0)
    with pytest.raises(ValueError):
        row.put(ws, 3, [1.0, 2.0])                 # the row already holds a cell
    with pytest.raises(IndexError):
        row.put(ws, 1_048_576, [1.0, 2.0])
    wb.close()


def test_cached_values_must_be_finite():
    assert cached(None) == "" and cached(3) == 3.0 and type(cached(3)) is float
    with pytest.raises(ValueError):
        cached(float("nan"))


def test_export_zips_at_level_one_and_restores_xlsxwriter(tmp_path):
    import xlsxwriter.workbook
    import zipfile
    from planner.io.export import export_workbook
    from sample_data.leshan import leshan_document
    before = xlsxwriter.workbook.ZipFile
    path = export_workbook(leshan_document(), tmp_path / "z.xlsx")
    assert xlsxwriter.workbook.ZipFile is before
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_DEFLATED}
        # the parts are deflated at level 1 (in-memory parts come as ZipInfo objects)
        for name in ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"):
            data = z.read(name)
            level1 = zlib.compressobj(1, zlib.DEFLATED, -15)
            assert z.getinfo(name).compress_size == len(level1.compress(data)
                                                        + level1.flush())


def test_fast_cells_take_a_column_format_like_xlsxwriter(tmp_path):
    outputs = []
    for fast in (False, True):
        path = tmp_path / f"col{fast}.xlsx"
        wb = new_workbook(path)
        ws = wb.add_worksheet("S", worksheet_class=FastSheet if fast else Worksheet)
        fmt = wb.add_format({"num_format": "0.00"})
        ws.set_column(1, 1, 12, fmt)
        for c in range(3):
            ws.write_number(0, c, 1.5)
            ws.write_string(1, c, "s")
            put_formula(ws, 2, c, "A1+1", None, 2.5) if fast else \
                ws.write_formula(2, c, "=A1+1", None, 2.5)
        wb.close()
        outputs.append(_sheet_xml(path))
    assert outputs[0] == outputs[1]
    assert '<c r="B1" s="1">' in outputs[1]
