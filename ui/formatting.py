"""How numbers read in the app: money in 亿元 with thousands separators, rates in %."""
from __future__ import annotations

import math

UNIT = "亿元"
DASH = "—"


def _missing(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def number(x: float | None, decimals: int = 2) -> str:
    """1019.2237 -> "1,019.22"."""
    if _missing(x):
        return DASH
    return f"{x:,.{decimals}f}"


def yi(x: float | None, decimals: int = 2) -> str:
    """Money in 亿元: 1019.2237 -> "1,019.22 亿元"."""
    if _missing(x):
        return DASH
    return f"{number(x, decimals)} {UNIT}"


def signed_yi(x: float | None, decimals: int = 2) -> str:
    """A difference in 亿元 with its sign: "+12.30 亿元", "−4.00 亿元"."""
    if _missing(x):
        return DASH
    sign = "+" if x > 0 else "−" if x < 0 else ""
    return f"{sign}{number(abs(x), decimals)} {UNIT}"


def percent(x: float | None, decimals: int = 2) -> str:
    """A rate: 0.156 -> "15.60%"."""
    if _missing(x):
        return DASH
    return f"{x * 100:.{decimals}f}%"


def year(y: int | None) -> str:
    return DASH if y is None else str(int(y))


def axis_step(maximum: float) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10^k) that gives 4–8 ticks up to ``maximum``."""
    if maximum <= 0:
        return 1.0
    raw = maximum / 6
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power


def axis_max(maximum: float) -> float:
    """The smallest multiple of ``axis_step`` at or above ``maximum``."""
    step = axis_step(maximum)
    return math.ceil(maximum / step) * step if maximum > 0 else 1.0
