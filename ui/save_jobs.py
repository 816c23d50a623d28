"""What a save and an autosave write: plain functions of an immutable Document with no Qt,
so that they run in the saving process (ui.process_worker) that never holds the window's
GIL. Imports happen inside, so the process loads only what writing needs."""
from __future__ import annotations

import json
from pathlib import Path

from models import Document


def write_workbook(doc: Document, path: str, lang: str, analyses: dict | None = None,
                   progress=None) -> Path:
    """Inputs, results as live formulas and charts, plus the current analysis results."""
    from planner.io.export import export_workbook
    return export_workbook(doc, path, lang=lang, progress=progress, **(analyses or {}))


def write_recovery(doc: Document, book: Path, info: dict) -> Path:
    """An autosave: the input sheets (all a recovery needs) and a sidecar naming the
    original file, each written atomically."""
    from planner.io.atomic import atomic_write
    from planner.io.template import write_document
    book.parent.mkdir(parents=True, exist_ok=True)
    write_document(book, doc, lang="zh")
    data = json.dumps(info, ensure_ascii=False, indent=1)
    atomic_write(book.with_suffix(".json"),
                 lambda tmp: tmp.write_text(data, encoding="utf-8"))
    return book


def warm_up() -> None:
    """Import the writers (in the saving process, before its first job)."""
    import planner.io.export  # noqa: F401
    import planner.io.template  # noqa: F401
