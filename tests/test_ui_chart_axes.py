"""Value axes change range and tick step without ever asking for more ticks than the
old or the new setting (a mistyped huge value froze the window: QtCharts made every tick
of the new range at the old step)."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCharts import QValueAxis

from tests.ui_support import ui_env  # noqa: F401
from ui import formatting as fmt
from ui.chart_axes import set_dynamic_ticks


class RecordingAxis:
    """The QValueAxis calls set_dynamic_ticks makes, with the tick count after each."""

    def __init__(self, low: float, high: float, step: float) -> None:
        self.low, self.high, self.step = low, high, step
        self.counts: list[float] = []

    def ticks(self) -> float:
        return (self.high - self.low) / self.step if self.step > 0 else 0

    def tickInterval(self) -> float:  # noqa: N802 - Qt's name
        return self.step

    def setTickInterval(self, step: float) -> None:  # noqa: N802
        self.step = step
        self.counts.append(self.ticks())

    def setRange(self, low: float, high: float) -> None:  # noqa: N802
        self.low, self.high = low, high
        self.counts.append(self.ticks())

    def setTickAnchor(self, anchor: float) -> None:  # noqa: N802
        self.anchor = anchor

    def setTickType(self, kind) -> None:  # noqa: N802
        self.kind = kind


tops = st.floats(min_value=1e-3, max_value=1e12, allow_nan=False)


@given(tops, tops)
def test_never_more_ticks_than_before_or_after(old_top, new_top):
    axis = RecordingAxis(0.0, fmt.axis_max(old_top), fmt.axis_step(fmt.axis_max(old_top)))
    before = axis.ticks()
    top = fmt.axis_max(new_top)
    set_dynamic_ticks(axis, 0.0, top, fmt.axis_step(top))
    after = axis.ticks()
    assert (axis.low, axis.high, axis.step) == (0.0, top, fmt.axis_step(top))
    assert max(axis.counts) <= max(before, after) * (1 + 1e-9)
    assert after <= 10


def test_the_old_order_would_ask_for_millions_of_ticks():
    """The case that froze the window, and that this guard is about."""
    axis = RecordingAxis(0.0, 1200.0, 200.0)
    axis.setRange(0.0, 2e10)              # what the charts used to do first
    assert axis.counts[-1] > 1e7
    axis = RecordingAxis(0.0, 1200.0, 200.0)
    set_dynamic_ticks(axis, 0.0, 2e10, 5e9)
    assert max(axis.counts) <= 6


@pytest.mark.parametrize("low, high, step", [
    (0.0, math.inf, 1.0), (0.0, math.nan, 1.0), (0.0, 10.0, 0.0), (0.0, 10.0, -1.0),
    (5.0, 5.0, 1.0), (0.0, 10.0, math.nan)])
def test_a_range_or_step_that_cannot_be_drawn_leaves_the_axis(low, high, step):
    axis = QValueAxis()
    set_dynamic_ticks(axis, 0.0, 1200.0, 200.0)
    set_dynamic_ticks(axis, low, high, step)
    assert (axis.min(), axis.max(), axis.tickInterval()) == (0.0, 1200.0, 200.0)
    assert axis.tickType() == QValueAxis.TickType.TicksDynamic


def test_a_real_axis_gets_range_step_and_anchor():
    axis = QValueAxis()
    set_dynamic_ticks(axis, 2024, 2030, 1, anchor=2024)
    assert (axis.min(), axis.max(), axis.tickInterval(), axis.tickAnchor()) == (
        2024, 2030, 1, 2024)
    set_dynamic_ticks(axis, 0, 2e10, 5e9)
    assert (axis.min(), axis.max(), axis.tickInterval(), axis.tickAnchor()) == (
        0, 2e10, 5e9, 0)
