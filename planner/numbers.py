"""Numbers as a planner writes them: 1,019.22 亿元, 62.1%, +3.4 个百分点.

One place for the app (ui/formatting.py builds on it), the report and the CLI tables.
"""
from __future__ import annotations

import math

DASH = "—"


def missing(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and not math.isfinite(x))


def number(x: float | None, decimals: int = 2) -> str:
    """1019.2237 → "1,019.22"."""
    return DASH if missing(x) else f"{x:,.{decimals}f}"


def yi(x: float | None, unit: str, decimals: int = 2) -> str:
    """Money: 1019.2237 → "1,019.22 亿元"."""
    return DASH if missing(x) else f"{number(x, decimals)} {unit}"


def percent(x: float | None, decimals: int = 1) -> str:
    """A rate or share: 0.620966 → "62.1%"."""
    return DASH if missing(x) else f"{x * 100:.{decimals}f}%"


def points(x: float | None, decimals: int = 1) -> str:
    """Percentage points, unsigned: -21.2368 → "21.2"."""
    return DASH if missing(x) else f"{abs(x):.{decimals}f}"


def signed_points(x: float | None, decimals: int = 1) -> str:
    """Percentage points with their sign: "+3.4", "−21.2"."""
    if missing(x):
        return DASH
    sign = "+" if x > 0 else "−" if x < 0 else ""
    return f"{sign}{abs(x):.{decimals}f}"


def signed(x: float | None, decimals: int = 2) -> str:
    """A difference: "+12.30", "−4.00"."""
    if missing(x):
        return DASH
    sign = "+" if x > 0 else "−" if x < 0 else ""
    return f"{sign}{number(abs(x), decimals)}"
