"""The workbook's own notes sheet (说明 / Notes: key, text), for the report's data notes."""
from __future__ import annotations

import os

import openpyxl

from planner.io.column_help import NOTES_SHEET

MAX_ROWS = 200


def read_notes(path: str | os.PathLike | None) -> list[tuple[str, str]]:
    """(key, text) rows of the notes sheet; [] when there is no file or no such sheet."""
    if not path or not os.path.isfile(path):
        return []
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - the document itself was read already; notes are extra
        return []
    try:
        name = next((n for n in wb.sheetnames if n in NOTES_SHEET), None)
        if name is None:
            return []
        rows: list[tuple[str, str]] = []
        for i, row in enumerate(wb[name].iter_rows(max_col=2, values_only=True)):
            if i == 0 or i > MAX_ROWS:
                continue   # the header row
            key, text = (list(row) + [None, None])[:2]
            if text is not None and str(text).strip():
                rows.append((str(key or "").strip(), str(text).strip()))
        return rows
    finally:
        wb.close()
