"""A foreign workbook's sheet as a plain table: its header row and data rows.

The file passes the same guard as planning workbooks (zip checks, defusedxml), rows
are streamed with the reader's caps, and any parser failure is a located DocumentError.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from models.issues import DocumentError, Location, ValidationIssue
from planner.analysis.progress import Cancelled, Progress, report
from planner.io.cells import is_blank, to_text
from planner.io.guard import check_file, defusedxml_active
from planner.io.reader import damaged
from planner.io.sheets import COLUMN_CAP, ROW_CAP

HEADER_SCAN = 10  # a title row or two above the header is common in 招商 lists
PROGRESS_EVERY = 500


@dataclass(frozen=True)
class SourceTable:
    """One sheet: ``headers`` (text, "" for blank) and ``rows`` as (row number, values)."""

    file: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]

    def column(self, header: str) -> int | None:
        """The 1-based column of a header: exact text first, then folded (unit ignored)."""
        from planner.io.foreign.mapping import fold
        text = str(header).strip()
        for i, h in enumerate(self.headers, start=1):
            if h == text:
                return i
        target = fold(text)
        for i, h in enumerate(self.headers, start=1):
            if h and fold(h) == target:
                return i
        return None


def _fail(file: str, message: str, sheet: str = "") -> DocumentError:
    return DocumentError([ValidationIssue(message, Location(file, sheet))])


@contextmanager
def _open(path: str | os.PathLike[str]) -> Iterator[Any]:
    file = str(path)
    if not defusedxml_active():
        raise _fail(file, "refusing to read workbooks: the defusedxml package is not "
                          "installed, so XML attacks would not be blocked")
    check_file(path)
    import openpyxl  # on first use: the rest of the command line never pays for it
    workbook = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            yield workbook
    except (DocumentError, Cancelled):
        raise
    except Exception as e:  # zip, XML, openpyxl: the file is damaged
        raise damaged(file, e) from None
    finally:
        if workbook is not None:
            try:
                workbook.close()
            except Exception:
                pass


def list_sheets(path: str | os.PathLike[str]) -> list[str]:
    """The names of the workbook's worksheets, in order."""
    with _open(path) as wb:
        return [ws.title for ws in wb.worksheets]


def _sheet(wb: Any, file: str, sheet: str) -> tuple[Any, int | None]:
    """The worksheet, and its declared row count (only ever used to show progress)."""
    names = [ws.title for ws in wb.worksheets]
    name = sheet if sheet in names else next(
        (n for n in names if n.strip().casefold() == str(sheet).strip().casefold()), None)
    if name is None:
        raise _fail(file, f"no sheet named {sheet!r}; the workbook has "
                          f"{', '.join(names) or 'no worksheets'}", sheet)
    ws = wb[name]
    declared = getattr(ws, "max_row", None)
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # a spoofed <dimension> must not drive the reading
    return ws, declared if isinstance(declared, int) and declared > 0 else None


def _is_header(values: tuple[Any, ...]) -> bool:
    texts = [v for v in values if not is_blank(v)]
    return len(texts) >= 2 and sum(isinstance(v, str) for v in texts) * 2 >= len(texts)


def _scan(rows: Iterator[tuple[Any, ...]], header_row: int | None
          ) -> tuple[int, tuple[Any, ...]] | None:
    """The header row: the given one, or the first of HEADER_SCAN rows that looks like one."""
    for number, values in enumerate(rows, start=1):
        if header_row is not None:
            if number == header_row:
                return number, values
        elif _is_header(values):
            return number, values
        if number >= (header_row or HEADER_SCAN):
            return None
    return None


def read_source(path: str | os.PathLike[str], sheet: str, header_row: int | None = None,
                limit: int | None = None, progress: Progress | None = None) -> SourceTable:
    """Read a sheet's header and (up to ``limit``) non-blank data rows."""
    file = str(path)
    with _open(path) as wb:
        ws, estimate = _sheet(wb, file, sheet)
        it = ws.iter_rows(max_col=COLUMN_CAP, values_only=True)
        found = _scan(it, header_row)
        if found is None:
            where = f"row {header_row}" if header_row else f"the first {HEADER_SCAN} rows"
            raise DocumentError([ValidationIssue(
                f"no header row found in {where}; expected column names such as "
                "项目名称, 总投资, 所属产业链", Location(file, ws.title, header_row))])
        number, header = found
        width = max((i for i, v in enumerate(header, 1) if not is_blank(v)), default=0)
        headers = tuple(to_text(v) for v in header[:width])
        rows: list[tuple[int, tuple[Any, ...]]] = []
        for number, values in enumerate(it, start=number + 1):
            if number > ROW_CAP:
                raise _fail(file, f"the sheet is too large: more than {ROW_CAP:,} rows",
                            ws.title)
            values = tuple(values[:width]) + (None,) * (width - len(values))
            if not all(is_blank(v) for v in values):
                rows.append((number, values))
                if limit is not None and len(rows) >= limit:
                    break
            if progress is not None and number % PROGRESS_EVERY == 0:
                report(progress, min(0.9, number / estimate) if estimate else 0.5)
        report(progress, 1.0)
        return SourceTable(file, ws.title, found[0], headers, tuple(rows))


def preview(path: str | os.PathLike[str], sheet: str, rows: int = 20,
            header_row: int | None = None) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """The header texts and the first ``rows`` non-blank data rows (raw cell values)."""
    table = read_source(path, sheet, header_row, limit=rows)
    return table.headers, [values for _, values in table.rows]

