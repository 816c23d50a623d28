"""Recalculate a workbook in headless LibreOffice, the independent spreadsheet engine.

LibreOffice does not recalculate .xlsx files on load by default (it trusts the cached
values), so a check against its numbers would pass on stale values. Each call therefore
uses a throwaway profile whose registrymodifications.xcu sets OOXMLRecalcMode to 0
("always recalculate"); test_export_recalc proves that it does.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
TIMEOUT = 180  # seconds for one conversion


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The soffice binary; without one a test fails under CI and is skipped elsewhere."""
    exe = soffice()
    if exe is None:
        message = "LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return exe


def make_profile(folder: Path) -> Path:
    """A fresh LibreOffice user profile that recalculates every formula on load."""
    user = folder / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(PROFILE_XCU, encoding="utf-8")
    return folder


def recalculate(source: Path, out_dir: Path) -> Path:
    """Open ``source`` in LibreOffice, recalculate, save as a new .xlsx in ``out_dir``."""
    exe = require_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as tmp:
        profile = make_profile(Path(tmp))
        cmd = [exe, "--headless", "--norestore", "--nologo", "--nodefault",
               f"-env:UserInstallation={profile.as_uri()}",
               "--convert-to", "xlsx", "--outdir", str(out_dir), str(source)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
    target = out_dir / (source.stem + ".xlsx")
    if done.returncode != 0 or not target.exists():
        raise RuntimeError(f"LibreOffice failed ({done.returncode}): {done.stdout}{done.stderr}")
    return target


def convert_to_pdf(source: Path, out_dir: Path) -> Path:
    """Print ``source`` to PDF in headless LibreOffice (every sheet, its page set-up)."""
    exe = require_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as tmp:
        profile = make_profile(Path(tmp))
        cmd = [exe, "--headless", "--norestore", "--nologo", "--nodefault",
               f"-env:UserInstallation={profile.as_uri()}",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(source)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
    target = out_dir / (source.stem + ".pdf")
    if done.returncode != 0 or not target.exists():
        raise RuntimeError(f"LibreOffice failed ({done.returncode}): {done.stdout}{done.stderr}")
    return target


def pdf_pages(pdf: Path) -> list[str]:
    """The text of every page (poppler's pdftotext), in order."""
    exe = shutil.which("pdftotext")
    if exe is None:
        message = "poppler-utils (pdftotext) is not installed"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    text = subprocess.run([exe, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=TIMEOUT, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
