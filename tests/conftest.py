"""Test-wide settings: Qt runs offscreen even when pytest is started by hand."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
