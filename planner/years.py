"""Override `years` text: "", "2026", "2026-2030", "2026-"."""
from __future__ import annotations

import re

_DASHES = re.compile(r"\s*[-–—－~～至]\s*")


def parse_years(text: object, first: int, last: int) -> tuple[int, int]:
    """Return the inclusive (start, end) years, checked against first..last.

    Raises ValueError with the reason when the text is malformed or out of range.
    """
    if text is None:
        return first, last
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        if float(text) != int(text):
            raise ValueError(f"years {text!r} is not a whole year")
        t = str(int(text))
    else:
        t = str(text).strip()
    if t == "":
        return first, last
    t = _DASHES.sub("-", t)
    m = re.fullmatch(r"(\d{4})(?:\.0)?(?:(-)(\d{4})?)?", t)
    if not m:
        raise ValueError(f"years {text!r} is not a year, a range like 2026-2030, or 2026-")
    start = int(m.group(1))
    end = int(m.group(3)) if m.group(3) else (last if m.group(2) else start)
    if start > end:
        raise ValueError(f"years {text!r}: start is after end")
    if start < first or end > last:
        raise ValueError(f"years {text!r} must lie within {first}-{last}")
    return start, end


def normalize_years(text: object) -> str:
    """Canonical text for a years cell (no range check)."""
    if text is None:
        return ""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return str(int(text)) if float(text) == int(text) else str(text)
    t = _DASHES.sub("-", str(text).strip())
    return t
