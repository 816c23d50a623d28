"""Hostile and broken files are refused before or while parsing, quickly and located."""
from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest

from models.issues import DocumentError
from planner.io import guard
from planner.io.reader import read_workbook
from tests.workbooks import base, write


def refused(path: Path, *words: str) -> str:
    """Read a file that must be refused within seconds; return the message."""
    start = time.perf_counter()
    with pytest.raises(DocumentError) as info:
        read_workbook(path)
    assert time.perf_counter() - start < 5
    text = str(info.value)
    assert text.startswith(f"{path}: "), text
    for word in words:
        assert word in text, text
    return text


@pytest.fixture
def valid(tmp_path: Path) -> Path:
    return write(tmp_path / "valid.xlsx", base())


def test_missing_file(tmp_path):
    refused(tmp_path / "nowhere.xlsx", "file not found")


def test_directory(tmp_path):
    (tmp_path / "dir.xlsx").mkdir()
    refused(tmp_path / "dir.xlsx", "not a file")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    refused(path, "empty")


def test_random_bytes(tmp_path):
    path = tmp_path / "random.xlsx"
    path.write_bytes(os.urandom(4096).replace(b"PK", b"pk").replace(b"\xd0\xcf", b"xx"))
    refused(path, "not an .xlsx workbook")


def test_text_file_renamed(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("chain,base_output\n光伏,100\n", encoding="utf-8")
    refused(path, "not an .xlsx workbook")


def test_encrypted_or_old_xls(tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(guard.OLE2_MAGIC + bytes(504) + os.urandom(1024))
    refused(path, "encrypted", ".xls", "save it as .xlsx")


def test_truncated_workbook(valid, tmp_path):
    path = tmp_path / "half.xlsx"
    data = valid.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, "damaged or not a valid workbook")


def test_corrupt_member_fails_crc(valid, tmp_path):
    path = tmp_path / "crc.xlsx"
    data = bytearray(valid.read_bytes())
    with zipfile.ZipFile(valid) as z:
        info = z.getinfo("xl/workbook.xml")
    # flip a byte inside the compressed data of xl/workbook.xml
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    refused(path, "damaged or not a valid workbook")


def test_zip_without_workbook_part(tmp_path):
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    refused(path, "xl/workbook.xml")


def _zeros_member(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            chunk = bytes(1 << 20)
            for _ in range(megabytes):
                f.write(chunk)
    return path


def test_zip_bomb_total_size(tmp_path):
    path = _zeros_member(tmp_path / "bomb.xlsx", 300)
    assert path.stat().st_size < 5 * 2**20
    refused(path, "unpack to 300 MB", "200 MB")


def test_zip_bomb_ratio(tmp_path):
    path = _zeros_member(tmp_path / "ratio.xlsx", 20)
    refused(path, "xl/worksheets/sheet1.xml", f"{guard.MAX_RATIO}:1")


def test_too_many_members(tmp_path):
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(20_000):
            z.writestr(f"x/{i}", b"")
    refused(path, "20,001 parts", "10,000")


def test_caps_are_named_constants():
    assert guard.MAX_MEMBERS == 10_000
    assert guard.MAX_TOTAL_UNCOMPRESSED == 200 * 2**20
    assert guard.MAX_RATIO == 100 and guard.RATIO_MIN_SIZE == 2**20


def test_valid_workbook_passes(valid):
    guard.check_file(valid)


def test_defusedxml_is_active():
    import openpyxl.xml
    import openpyxl.xml.functions
    assert openpyxl.xml.DEFUSEDXML
    assert openpyxl.xml.functions.iterparse.__module__.startswith("defusedxml")


def test_reader_refuses_without_defusedxml(valid, monkeypatch):
    import openpyxl.xml
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    refused(valid, "defusedxml")
