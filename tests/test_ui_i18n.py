"""Translations: every message translated, and the committed .qm matches the .ts."""
import shutil
import xml.etree.ElementTree as ET

import pytest

from ui.i18n import update


def test_every_message_is_translated():
    assert update.unfinished() == []


def test_qm_is_compiled_from_current_ts(tmp_path):
    if shutil.which(update.tool("pyside6-lrelease")) is None:
        pytest.skip("pyside6-lrelease not installed")
    qm = tmp_path / "check.qm"
    update.lrelease(update.TS, qm)
    assert qm.read_bytes() == update.QM.read_bytes(), \
        "run: python ui/i18n/update.py (and commit the .qm)"


def test_ts_covers_the_shell_strings():
    sources = {m.findtext("source") for m in ET.parse(update.TS).getroot().iter("message")}
    assert {"&File", "Overview", "Scenarios", "Not within horizon"} <= sources


def test_translator_switches_texts(qapp):
    from PySide6.QtCore import QCoreApplication
    from ui import language
    try:
        language.install("zh")
        assert QCoreApplication.translate("MainWindow", "Overview") == "总览"
        language.install("en")
        assert QCoreApplication.translate("MainWindow", "Overview") == "Overview"
    finally:
        language.uninstall()
