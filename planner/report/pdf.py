"""A PDF of the report through LibreOffice (soffice --headless --convert-to pdf)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from planner.io.atomic import atomic_write

TIMEOUT = 180   # seconds


class PdfSkipped(Exception):
    """LibreOffice is not installed: the PDF was not written (the .docx was)."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx: str | os.PathLike, pdf: str | os.PathLike) -> Path:
    """Convert ``docx`` in a temporary folder (its own LibreOffice profile), then move
    the PDF onto ``pdf`` at once. Raises PdfSkipped without LibreOffice, OSError when
    the conversion fails."""
    exe = soffice()
    if exe is None:
        raise PdfSkipped("LibreOffice (soffice) is not installed or not on PATH; open the "
                         ".docx in Word or WPS and save it as PDF, or install LibreOffice")
    source = Path(docx)
    with tempfile.TemporaryDirectory(prefix="qianyi-pdf-") as tmp:
        folder = Path(tmp)
        profile = (folder / "profile").as_uri()
        cmd = [exe, "--headless", "--norestore", "--nologo", "--nodefault",
               f"-env:UserInstallation={profile}", "--convert-to", "pdf",
               "--outdir", str(folder), str(source.resolve())]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired as e:
            raise OSError(f"LibreOffice did not finish the PDF within {TIMEOUT} s") from e
        made = folder / (source.stem + ".pdf")
        if done.returncode != 0 or not made.exists():
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise OSError("LibreOffice could not convert the report to PDF"
                          + (f": {detail[-1]}" if detail else ""))
        return atomic_write(pdf, lambda target: shutil.copyfile(made, target))
