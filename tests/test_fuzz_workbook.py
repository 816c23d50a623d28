"""Fuzzing the reader: mutated bytes and XML of a valid workbook give exit 0 or 2, never 1."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main
from tests.test_reading_rules import _xlsxwriter_book
from tests.workbooks import base, write

_VALID: dict[str, bytes] = {}


def valid(kind: str, tmp: Path) -> bytes:
    if kind not in _VALID:
        path = tmp / f"valid-{kind}.xlsx"
        if kind == "openpyxl":
            write(path, base())
        else:
            _xlsxwriter_book(path, {})
        _VALID[kind] = path.read_bytes()
    return _VALID[kind]


def run_cli(path: Path, capsys) -> tuple[int, str]:
    code = main(["run", str(path), "--json"])
    _out, err = capsys.readouterr()
    return code, err


def check(data: bytes, tmp: Path, capsys) -> None:
    path = tmp / "fuzzed.xlsx"
    path.write_bytes(data)
    code, err = run_cli(path, capsys)
    assert code in (0, 2), err
    assert "Traceback" not in err and "Error:" not in err, err


FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@FUZZ
@given(kind=st.sampled_from(["openpyxl", "xlsxwriter"]),
       flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)),
                      min_size=1, max_size=8))
def test_flipped_bytes(tmp_path_factory, capsys, kind, flips):
    tmp = tmp_path_factory.mktemp("bytes")
    data = bytearray(valid(kind, tmp))
    for where, xor in flips:
        data[int(where * len(data))] ^= xor
    check(bytes(data), tmp, capsys)


XML_PIECES = ["<", ">", "</c>", "<c r=\"A1\">", "<v>", "</v>", "<f>1+1</f>", "t=\"s\"",
              "t=\"e\"", "<row r=\"0\">", "r=\"ZZZZ9\"", "&amp;", "&bogus;", "<!DOCTYPE x>",
              "\x00", "_x0007_", "9" * 400, "-1", "NaN", "1e309", "<sheet name=\"X\" r:id=\"rId99\"/>"]


@FUZZ
@given(kind=st.sampled_from(["openpyxl", "xlsxwriter"]), data=st.data())
def test_mutated_xml(tmp_path_factory, capsys, kind, data):
    tmp = tmp_path_factory.mktemp("xml")
    source = valid(kind, tmp)
    with zipfile.ZipFile(io.BytesIO(source)) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    xml_parts = [n for n, _ in parts if n.endswith((".xml", ".rels"))]
    target = data.draw(st.sampled_from(xml_parts))
    drop = data.draw(st.booleans().map(lambda b: b and data.draw(st.integers(0, 9)) == 0))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts:
            if name == target:
                if drop:
                    continue
                text = content.decode("utf-8")
                for _ in range(data.draw(st.integers(1, 4))):
                    at = data.draw(st.integers(0, len(text)))
                    op = data.draw(st.sampled_from(["insert", "delete", "duplicate"]))
                    if op == "insert":
                        text = text[:at] + data.draw(st.sampled_from(XML_PIECES)) + text[at:]
                    elif op == "delete":
                        text = text[:at] + text[at + data.draw(st.integers(1, 40)):]
                    else:
                        size = data.draw(st.integers(1, 200))
                        text = text[:at] + text[at:at + size] * 2 + text[at + size:]
                content = text.encode("utf-8", "surrogatepass")
            z.writestr(name, content)
    check(out.getvalue(), tmp, capsys)
