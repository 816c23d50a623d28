"""The whole report: gather → content → charts → .docx (and the PDF when asked)."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from models import Document
from planner.analysis.progress import Progress, report


@dataclass(frozen=True)
class Written:
    docx: Path
    pdf: Path | None
    pdf_skipped: str = ""           # why no PDF was written, when one was asked for


def write_report(doc: Document, output: str | os.PathLike, scenario: str | None = None,
                 lang: str = "zh", notes: list[tuple[str, str]] | None = None,
                 warnings: list[str] | None = None, issued: dt.date | None = None,
                 pdf: bool = False, progress: Progress | None = None) -> Written:
    """Write the report on ``scenario`` (default: the first) to ``output`` (.docx)."""
    from planner.report import charts
    from planner.report.content import View, build
    from planner.report.docx_writer import render, write_docx
    from planner.report.gather import gather
    charts.cjk_font()     # no Chinese font: stop before any work
    inputs = gather(doc, scenario, warnings, notes, issued,
                    progress=None if progress is None else lambda f: progress(0.7 * f))
    content = build(inputs, lang)
    view = View(inputs, lang)
    total = sum(1 for s in content.sections for b in s.blocks if hasattr(b, "kind"))
    done = [0]

    def step() -> None:
        done[0] += 1
        report(progress, 0.7 + 0.25 * done[0] / max(total, 1))
    document = render(content, lang, lambda kind: charts.draw(kind, view), step)
    path = write_docx(document, output)
    report(progress, 0.97 if pdf else 1.0)
    if not pdf:
        return Written(path, None)
    from planner.report.pdf import PdfSkipped, convert
    from planner.io.atomic import WriteError
    target = path.with_suffix(".pdf")
    try:
        made = convert(path, target)
    except PdfSkipped as e:
        return Written(path, None, str(e))
    except WriteError:
        raise
    except OSError as e:
        raise WriteError(target, str(e)) from e
    report(progress, 1.0)
    return Written(path, made)
