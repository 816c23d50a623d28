"""Checks a file before openpyxl parses anything: is it a sane .xlsx zip at all?

Reads only the zip directory (no member is inflated), so a zip bomb or a file with
tens of thousands of members is refused in milliseconds.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import zipfile
from pathlib import Path

from models.issues import DocumentError, Location, ValidationIssue

MAX_MEMBERS = 10_000
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024  # bytes, sum of declared member sizes
MAX_RATIO = 100  # declared size / compressed size, for members above RATIO_MIN_SIZE
RATIO_MIN_SIZE = 1024 * 1024
REQUIRED_MEMBER = "xl/workbook.xml"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK"


def defusedxml_active() -> bool:
    """Whether openpyxl parses with defusedxml (installed and OPENPYXL_DEFUSEDXML not off).

    Asks openpyxl once it is loaded; before that, answers the same way openpyxl will
    without importing it (it costs a third of a second, and `qianyi run` never needs it)."""
    loaded = sys.modules.get("openpyxl.xml")
    if loaded is not None:
        return bool(loaded.DEFUSEDXML)
    return (importlib.util.find_spec("defusedxml") is not None
            and os.environ.get("OPENPYXL_DEFUSEDXML", "True") == "True")


def fail(file: str, message: str) -> DocumentError:
    return DocumentError([ValidationIssue(message, Location(file=file))])


def check_file(path: str | os.PathLike[str]) -> None:
    """Raise DocumentError (one located issue) if the file is not a workbook to open."""
    file = str(path)
    p = Path(path)
    if not p.exists():
        raise fail(file, "file not found")
    if not p.is_file():
        raise fail(file, "not a file")
    try:
        size = p.stat().st_size
        with open(p, "rb") as f:
            head = f.read(8)
    except OSError as e:
        raise fail(file, f"cannot read the file: {e.strerror or e}") from None
    if size == 0:
        raise fail(file, "the file is empty (0 bytes), not an .xlsx workbook")
    if head.startswith(OLE2_MAGIC):
        raise fail(file, "this is an encrypted (password-protected) workbook or an old "
                         ".xls file; remove the password or save it as .xlsx, then open it")
    if not head.startswith(ZIP_MAGIC):
        raise fail(file, "not an .xlsx workbook (the file is not a zip package)")
    check_zip(p, file)


def check_zip(path: Path, file: str) -> None:
    """Member count, declared sizes and ratios, and the workbook part, without inflating."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except zipfile.BadZipFile as e:
        raise fail(file, f"the file is damaged or not a valid workbook: {e}") from None
    except NotImplementedError:
        raise fail(file, "the file is damaged or not a valid workbook: it uses a zip "
                         "feature that is not supported; open it in Excel or WPS and save "
                         "it again as .xlsx") from None
    except (OSError, ValueError, EOFError, RuntimeError) as e:
        raise fail(file, f"the file is damaged or not a valid workbook: {e}") from None
    if len(infos) > MAX_MEMBERS:
        raise fail(file, f"the workbook package has {len(infos):,} parts; at most "
                         f"{MAX_MEMBERS:,} are accepted")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise fail(file, f"the workbook would unpack to {total / 2**20:,.0f} MB; at most "
                         f"{MAX_TOTAL_UNCOMPRESSED / 2**20:,.0f} MB are accepted")
    for i in infos:
        if i.file_size > RATIO_MIN_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise fail(file, f"part {i.filename} is compressed more than {MAX_RATIO}:1 "
                             "(a zip bomb?); refusing to unpack it")
    if REQUIRED_MEMBER not in {i.filename for i in infos}:
        raise fail(file, f"not an .xlsx workbook (the zip has no {REQUIRED_MEMBER})")
