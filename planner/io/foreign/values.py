"""Cells of a foreign list to project values: money with units, years from dates."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from planner.io.cells import Invalid, is_blank, shown, to_number
from planner.io.foreign.mapping import UNIT_FACTOR

_MONEY_SUFFIX = (("亿元", 1.0), ("亿", 1.0), ("万元", 1e-4), ("万", 1e-4))
_YEAR = re.compile(r"((?:19|20|21)\d{2})(?:\s*年.*|[-./](?:0?[1-9]|1[0-2])(?:[-./]\d{1,2})?"
                   r"(?:[ T].*)?|\.0)?")
MIN_YEAR, MAX_YEAR = 1900, 2199


def to_money(value: object, unit: str) -> float | None | Invalid:
    """Investment in 亿元 from a cell in ``unit``; '5000万' / '3亿元' carry their own unit."""
    if is_blank(value):
        return None
    factor = UNIT_FACTOR[unit]
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
        for suffix, own in _MONEY_SUFFIX:
            if text.endswith(suffix) and len(text) > len(suffix):
                text, factor = text[: -len(suffix)], own
                break
        number = to_number(text, "investment")
        if isinstance(number, Invalid):
            return Invalid(f"expected an amount such as 5000 or 5000万 (found {shown(value)})")
    else:
        number = to_number(value, "investment")
        if isinstance(number, Invalid):
            return number
    assert number is not None
    return round(number * factor, 10)  # 10 decimals: 1234万元 is 0.1234, not 0.12340000001


def to_year(value: object) -> int | None | Invalid:
    """A year from 2026, 2026.0, a date cell, '2026年', '2026年6月', '2026-06' or '2026.6'."""
    if is_blank(value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    if isinstance(value, bool):
        return Invalid(f"expected a year (found {shown(value)})")
    if isinstance(value, (int, float)):
        number = to_number(value)
        if isinstance(number, Invalid) or number is None:
            return number
        year = int(number)
        if year != number or not MIN_YEAR <= year <= MAX_YEAR:
            return Invalid(f"expected a year such as 2026 (found {shown(value)})")
        return year
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _YEAR.fullmatch(text)
    if match is None:
        return Invalid(f"expected a year such as 2026, 2026年 or a date (found {shown(value)})")
    return int(match.group(1))
