"""How numbers read in the app: money in 亿元 with thousands separators, rates in %."""
from __future__ import annotations

import math

from planner import numbers
from planner.numbers import DASH, number  # noqa: F401 - the app's names for them

UNIT = "亿元"


def yi(x: float | None, decimals: int = 2) -> str:
    """Money in 亿元: 1019.2237 -> "1,019.22 亿元"."""
    return numbers.yi(x, UNIT, decimals)


def signed_yi(x: float | None, decimals: int = 2) -> str:
    """A difference in 亿元 with its sign: "+12.30 亿元", "−4.00 亿元"."""
    text = numbers.signed(x, decimals)
    return text if text == DASH else f"{text} {UNIT}"


def percent(x: float | None, decimals: int = 2) -> str:
    """A rate: 0.156 -> "15.60%" (the app shows two decimals unless told)."""
    return numbers.percent(x, decimals)


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
