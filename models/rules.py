"""Value rules shared by the reader, scenario resolution and the editors (workbook.md).

Each check returns ``None`` when the value is acceptable, else the reason in English.
"""
from __future__ import annotations

import math
import unicodedata

NON_NEGATIVE = ("base_output", "investment", "output_ratio", "graduates",
                "revenue_per_firm", "index")
UNIT_INTERVAL = ("probability", "value_added_rate")
SMALL_WHOLE = ("build_years", "delay")  # whole numbers 0..20
WHOLE = ("year", "production_year", "base_year", "end_year", "target_year")
MAX_SMALL_WHOLE = 20
RAMP_MAX = 5.0


def is_finite_number(value: object) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


def check_number(field: str, value: object) -> str | None:
    """Why a numeric field's value is invalid, or None."""
    if not is_finite_number(value):
        return "expected a finite number"
    v = float(value)  # type: ignore[arg-type]
    if field in NON_NEGATIVE and v < 0:
        return "must not be negative"
    if field == "growth" and v <= -1:
        return "growth must be greater than -1 (−100%)"
    if field in UNIT_INTERVAL and not 0 <= v <= 1:
        return "must be between 0 and 1"
    if field in SMALL_WHOLE and (v != int(v) or not 0 <= v <= MAX_SMALL_WHOLE):
        return f"must be a whole number from 0 to {MAX_SMALL_WHOLE}"
    if field in WHOLE and v != int(v):
        return "must be a whole number (a year)"
    return None


def check_ramp(ramp: object) -> str | None:
    if not isinstance(ramp, tuple) or not ramp:
        return "a ramp is a comma list of numbers, e.g. 0.3,0.7,1"
    for u in ramp:
        if not is_finite_number(u) or not 0 <= u <= RAMP_MAX:
            return f"ramp values must be numbers from 0 to {RAMP_MAX:g}"
    return None


def parse_ramp(text: object) -> tuple[float, ...] | None:
    """'0.3,0.7,1' (also ，、; or spaces) -> (0.3, 0.7, 1.0); None when not a ramp."""
    if is_finite_number(text):
        return (float(text),)  # type: ignore[arg-type]
    if not isinstance(text, str):
        return None
    t = text.strip()
    for sep in ("，", "、", ";", "；", " "):
        t = t.replace(sep, ",")
    parts = [p for p in t.split(",") if p.strip()]
    if not parts:
        return None
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        return None
    return values if check_ramp(values) is None else None


def warn_number(field: str, value: float) -> str | None:
    """Suspicious but valid values."""
    if field == "growth" and value > 1:
        return f"growth {value:g} is above 100% a year; check the unit (0.08 = 8%)"
    if field == "index" and value > 5:
        return f"price index {value:g} is above 5; the index is relative to the base year (1.0)"
    return None


RATE_FIELDS = ("growth", "probability", "value_added_rate")  # text '8%' reads as 0.08
YEAR_DASHES = ("–", "—", "－", "~", "～", "至")


def parse_years(text: object) -> tuple[int | None, int | None] | None:
    """Override years: '' -> (None, None), '2026' -> (2026, 2026), '2026-2030' ->
    (2026, 2030), '2026-' -> (2026, None); also en/em/full-width dashes, ~ and 至.
    None when the text is not one of these forms."""
    if text is None:
        return (None, None)
    if is_finite_number(text):
        v = float(text)  # type: ignore[arg-type]
        return (int(v), int(v)) if v == int(v) else None
    if not isinstance(text, str):
        return None
    t = unicodedata.normalize("NFKC", text).strip().replace("年", "")  # 2026年-2030年
    for dash in YEAR_DASHES:
        t = t.replace(dash, "-")
    t = t.replace(" ", "")
    if not t:
        return (None, None)
    start, sep, end = t.partition("-")
    if not start.isdecimal() or not start.isascii():
        return None
    if not sep:
        return (int(start), int(start))
    if not end:
        return (int(start), None)
    if not end.isdecimal() or not end.isascii():
        return None
    return (int(start), int(end))
