"""Build the shipped sample workbook: ``python -m sample_data.build_sample [-o PATH]``.

The output is byte-for-byte reproducible (a fixed creation date), so a rebuild that
changes nothing leaves git clean.
"""
from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from planner.io.template import write_document
from sample_data.leshan import NOTES, NOTES_V1, leshan_document, leshan_document_v1

SAMPLE_PATH = Path(__file__).with_name("leshan_2023.xlsx")
CREATED = datetime(2024, 1, 1)


def build(path: str | Path = SAMPLE_PATH, lang: str = "zh") -> Path:
    return write_document(path, leshan_document(), lang=lang, notes=NOTES, created=CREATED)


def build_v1(path: str | Path, lang: str = "zh") -> Path:
    """The v1 sample (stages as of 2023, no actuals): a test fixture, never shipped."""
    return write_document(path, leshan_document_v1(), lang=lang, notes=NOTES_V1,
                          created=CREATED)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the 乐山高新区 sample workbook.")
    parser.add_argument("-o", "--output", type=Path, default=SAMPLE_PATH,
                        help=f"where to write it (default {SAMPLE_PATH})")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help="sheet names and headers in Chinese (default) or English")
    args = parser.parse_args(argv)
    print(build(args.output, args.lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
