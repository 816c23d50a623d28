"""Year and month cells of the actuals sheets: ``2025``/``2025年``, ``10``/``10月`` and
the combined January–February release ``1-2月`` (workbook.md, schema v2).

Standard library only; also used by the statistics-table paste parser.
"""
from __future__ import annotations

import math
import re
import unicodedata

from models.labels import month_label  # noqa: F401  (re-exported for the readers)
from planner.io.cells import Invalid, is_blank, shown

_DASH = r"[-–—－~～至]"
_COMBINED = re.compile(rf"1\s*月?\s*{_DASH}\s*2\s*月?(份)?")
_MONTH = re.compile(r"(\d{1,2})\s*(月份?)?")
_YEAR = re.compile(r"(\d{4})\s*年?")


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _whole(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or value != int(value):
        return None
    return int(value)


def to_year(value: object) -> int | None | Invalid:
    """A year cell: 2025, 2025.0, '2025' or '2025年'; None when blank."""
    if is_blank(value):
        return None
    whole = _whole(value)
    if whole is not None:
        return whole
    if isinstance(value, str):
        m = _YEAR.fullmatch(_normal(value))
        if m:
            return int(m.group(1))
    return Invalid(f"year must be a year such as 2025 or 2025年 (found {shown(value)})")


def to_month(value: object) -> tuple[int, bool] | None | Invalid:
    """A month cell as (month, combined): 10 or '10月' -> (10, False); '1-2月' (also
    '1–2月', '1~2月') -> (2, True), the combined January–February release standing for
    month 2. Whole numbers outside 1–12 are returned as read (the document checks name
    them); None when blank."""
    if is_blank(value):
        return None
    whole = _whole(value)
    if whole is not None:
        return whole, False
    if isinstance(value, str):
        text = _normal(value)
        if _COMBINED.fullmatch(text):
            return 2, True
        m = _MONTH.fullmatch(text)
        if m:
            return int(m.group(1)), False
    return Invalid("month must be a month 1–12 (10 or 10月) or 1-2月 for the combined "
                   f"January–February release (found {shown(value)})")
