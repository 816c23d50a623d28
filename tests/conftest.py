"""Test-wide settings: Qt runs offscreen even when pytest is started by hand."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["OPENPYXL_LXML"] = "False"   # as planner/__init__.py: test helpers import openpyxl first
