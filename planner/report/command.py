"""`qianyi report WORKBOOK -o FILE.docx [--scenario NAME] [--lang zh|en] [--pdf]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models import DocumentError, ValidationIssue


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    r = sub.add_parser(
        "report", parents=[common], help="write the leadership report (汇报材料) as .docx",
        description="Write the leadership report (汇报材料) on one scenario as a Word file. "
                    "With --pdf a PDF is written beside it through LibreOffice; without "
                    "LibreOffice the .docx is still written, the PDF is skipped with a "
                    "message, and the exit status stays 0.")
    r.add_argument("workbook")
    r.add_argument("-o", "--output", required=True, metavar="FILE.docx")
    r.add_argument("--scenario", help="scenario name (default: the first)")
    r.add_argument("--lang", choices=["zh", "en"], default="zh")
    r.add_argument("--pdf", action="store_true",
                   help="also write FILE.pdf with LibreOffice (skipped, with a message, "
                        "when LibreOffice is not installed)")


def cmd_report(args, load) -> int:
    from planner.report.charts import FontMissing
    from planner.report.make import write_report
    from planner.report.notes import read_notes
    if Path(args.output).suffix.lower() != ".docx":
        raise DocumentError([ValidationIssue(
            f"{args.output}: the report is a Word file; give a name ending in .docx")])
    read = load(args.workbook)
    warnings = [str(i) for i in read.issues if i.severity == "warning"]
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    try:
        written = write_report(read.document, args.output, args.scenario, args.lang,
                               read_notes(args.workbook), warnings, pdf=args.pdf)
    except FontMissing as e:
        print(f"qianyi: {e}", file=sys.stderr)
        return 2
    print(f"wrote {written.docx}")
    if written.pdf is not None:
        print(f"wrote {written.pdf}")
    elif args.pdf:
        print(f"PDF skipped: {written.pdf_skipped}")
    return 0
