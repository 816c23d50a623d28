"""Override `years` against a projection horizon ("", "2026", "2026-2030", "2026-")."""
from __future__ import annotations

from models.rules import parse_years as parse_years_text


def parse_years(text: object, first: int, last: int) -> tuple[int, int]:
    """The inclusive (start, end) years, checked against ``first … last``.

    Raises ValueError with the reason when the text is malformed or out of range.
    """
    parsed = parse_years_text(text)
    if parsed is None:
        raise ValueError(f"years {text!r} is not a year, a range like 2026-2030, or 2026-")
    start, end = parsed
    start = first if start is None else start
    end = last if end is None else end
    if start > end:
        raise ValueError(f"years {text!r}: start is after end")
    if start < first or end > last:
        raise ValueError(f"years {text!r} must lie within {first}-{last}")
    return start, end
