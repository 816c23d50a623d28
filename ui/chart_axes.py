"""Value axes with round ticks, set without freezing the window.

QtCharts makes every tick of a dynamic-tick axis as soon as its range or its step is
set. Setting a range a thousand times larger while the old, small step still holds (or a
small step while the old, large range still holds) asks it for millions of ticks: the
window froze on a mistyped 10,000,000. :func:`set_dynamic_ticks` changes range and step
in the order that never has more ticks than the old or the new setting.
"""
from __future__ import annotations

import math

from PySide6.QtCharts import QValueAxis


def set_dynamic_ticks(axis: QValueAxis, low: float, high: float, step: float,
                      anchor: float | None = 0.0) -> None:
    """``axis`` shows ``low … high`` with a tick every ``step`` from ``anchor``. A
    range that is not finite, or a step that is not positive, leaves the axis as it is."""
    if not (math.isfinite(low) and math.isfinite(high) and math.isfinite(step)) \
            or step <= 0 or high <= low:
        return
    if step >= axis.tickInterval():
        axis.setTickInterval(step)          # fewer ticks first, then the wider range
        axis.setRange(low, high)
    else:
        axis.setRange(low, high)            # the narrower range first, then more ticks
        axis.setTickInterval(step)
    if anchor is not None:
        axis.setTickAnchor(anchor)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
