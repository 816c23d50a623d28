"""Cell coercion: a raw openpyxl value to the model's type, or an Invalid reason.

Every function maps a blank cell (None or only spaces) to None, so callers decide
what blank means (a default, or an error for a required cell).
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from models import labels
from models.document import format_ramp
from models.rules import RATE_FIELDS, is_finite_number, parse_ramp

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")


@dataclass(frozen=True)
class Invalid:
    """Why a cell could not be read."""

    reason: str


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: object) -> str:
    """A cell value as the planner would recognise it in a message."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return repr(value.strip()[:40])
    if isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        return f"the date/time {value}"
    return str(value)


YEAR_FIELDS = ("year", "production_year", "base_year", "end_year", "target_year")
SUFFIXES = {**dict.fromkeys(YEAR_FIELDS, "年"), "month": "月"}  # '2025年', '10月'


def _number_text(text: str, rate: bool, suffix: str = "") -> float | None:
    t = unicodedata.normalize("NFKC", text).strip().replace("−", "-").replace(" ", "")
    if suffix and t.endswith(suffix):
        t = t[:-1]
    percent = t.endswith("%")
    if percent:
        if not rate:
            return None
        t = t[:-1]
    if _THOUSANDS.fullmatch(t):
        t = t.replace(",", "")
    if not _NUMBER.fullmatch(t):
        return None
    v = float(t)
    return v / 100 if percent else v


def to_number(value: object, field: str = "") -> float | None | Invalid:
    """A finite number; numeric text too, and '8%' in a rate column (labels RATE_FIELDS)."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return Invalid(f"expected a number (found {shown(value)})")
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            return Invalid(f"expected a finite number (found {shown(number)})")
        return number
    if isinstance(value, str):
        v = _number_text(value, field in RATE_FIELDS, SUFFIXES.get(field, ""))
        if v is not None and math.isfinite(v):
            return v
        if field not in RATE_FIELDS and value.strip().endswith(("%", "％")):
            return Invalid(f"expected a number; percent text is only read in rate columns "
                           f"(found {shown(value)})")
    return Invalid(f"expected a number (found {shown(value)})")


def to_whole(value: object, field: str = "") -> int | None | Invalid:
    """A whole number (2026 and 2026.0 are fine, 2026.5 is not)."""
    v = to_number(value, field)
    if v is None or isinstance(v, Invalid):
        return v
    if v != int(v):
        return Invalid(f"must be a whole number (found {shown(v)})")
    return int(v)


def to_include(value: object) -> bool | None | Invalid:
    """1/0, 是/否, TRUE/FALSE (and the boolean cells Excel stores for them)."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if is_finite_number(value) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        t = labels.norm(unicodedata.normalize("NFKC", value))
        if t in labels.TRUE_WORDS:
            return True
        if t in labels.FALSE_WORDS:
            return False
    return Invalid(f"expected 1 or 0 (是/否, TRUE/FALSE) (found {shown(value)})")


def to_text(value: object) -> str:
    """Text as written; whole numbers lose the '.0' Excel gives them (1 -> '1')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return str(int(value))
    if isinstance(value, float):
        return repr(value)  # lossless: 1000000.5 and 1000000.25 stay apart
    return str(value).strip()


def to_ramp(value: object) -> tuple[float, ...] | None | Invalid:
    if is_blank(value):
        return None
    ramp = parse_ramp(value.strip() if isinstance(value, str) else value)
    if ramp is None:
        return Invalid("a ramp is a comma list of numbers from 0 to 5, e.g. 0.3,0.7,1 "
                       f"(found {shown(value)})")
    return ramp


def to_ramp_text(value: object) -> str | None | Invalid:
    """A ramp kept as normalized text, as override values hold it."""
    ramp = to_ramp(value)
    return ramp if ramp is None or isinstance(ramp, Invalid) else format_ramp(ramp)


def to_stage(value: object) -> str | None:
    """The stage key for English or Chinese text; unknown text is kept for validation."""
    if is_blank(value):
        return None
    text = to_text(value)
    return labels.stage_key(text) or text
