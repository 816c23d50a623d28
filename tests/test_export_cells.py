"""The fast formula path writes exactly the XML that XlsxWriter's write_formula writes."""
from __future__ import annotations

import re
import zipfile
import zlib

import pytest

from planner.io.export.cells import FastSheet, cached, put_formula, put_formula_row
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
        ws = wb.add_worksheet("S", worksheet_class=FastSheet if fast else None)
        fmt = wb.add_format({"num_format": "0.00"})
        for r, (formula, value) in enumerate(FORMULAS):
            if fast:
                put_formula(ws, r, 0, formula, fmt, value)
                put_formula(ws, r, 1, formula, None, value)
            else:
                ws.write_formula(r, 0, formula, fmt, value)
                ws.write_formula(r, 1, formula, None, value)
        if fast:
            put_formula_row(ws, 10, [2, 3], ["A1+1", "B1<2"], fmt, [1.5, 0.0])
        else:
            ws.write_formula(10, 2, "=A1+1", fmt, 1.5)
            ws.write_formula(10, 3, "=B1<2", fmt, 0.0)
        wb.close()
        outputs.append(_sheet_xml(path))
    assert outputs[0] == outputs[1]
    assert "&lt;" in outputs[1] and "&amp;" in outputs[1]


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
