"""The tornado chart: each lever's low and high Y(N) as bars around the base value."""
from __future__ import annotations

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QHorizontalStackedBarSeries,
                              QLineSeries, QValueAxis)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QToolTip, QWidget
from PySide6.QtGui import QCursor

from planner.analysis.sensitivity import Sensitivity
from ui import formatting as fmt
from ui.chart_axes import set_dynamic_ticks
from ui.analysis.common import (HIGH_COLOUR, LOW_COLOUR, MUTED_COLOUR, TARGET_COLOUR, ChartView,
                                arg, pen)
from ui.analysis.sensitivity_model import lever_name


ROW_HEIGHT = 24   # px per lever


def _split(low: float, high: float) -> tuple[float, float]:
    """Stacked parts for deltas ``low`` and ``high`` from the base.

    Opposite signs stack on either side of 0 as they are. When both lie on one side
    (a non-monotone lever), stacking would add them, so the parts become the nearer
    value and the rest: the bar still spans 0 … the farther value (the colours then
    only approximate which setting is which; the table and tooltip give both values).
    """
    if low * high >= 0 and abs(low) > 0 and abs(high) > 0:
        inner, outer = (low, high - low) if abs(low) <= abs(high) else (high, low - high)
        return (inner, outer) if abs(low) <= abs(high) else (outer, inner)
    return low, high


class TornadoChart(ChartView):
    """Bars are deltas from the base Y(N); the largest swing is on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = self.chart()
        self.series = QHorizontalStackedBarSeries()
        self.series.setBarWidth(0.7)
        self.low_set = QBarSet("low")
        self.high_set = QBarSet("high")
        for s, colour in ((self.low_set, LOW_COLOUR), (self.high_set, HIGH_COLOUR)):
            s.setColor(colour)
            s.setBorderColor(colour.darker(120))
            s.hovered.connect(self._on_hover)
            self.series.append(s)
        self.axis_y = QBarCategoryAxis()
        self.axis_y.setTruncateLabels(False)   # lever names are the point of the chart
        font = self.axis_y.labelsFont()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.axis_y.setLabelsFont(font)
        self.axis_x = QValueAxis()
        self.axis_x.setLabelFormat("%+.0f")
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        self.base_line = QLineSeries()
        self.base_line.setPen(pen(MUTED_COLOUR, 1.5))
        self.target_line = QLineSeries()
        self.target_line.setPen(pen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine))
        for s in (self.series, self.base_line, self.target_line):
            chart.addSeries(s)
            s.attachAxis(self.axis_x)
            s.attachAxis(self.axis_y)
        self._shown: list = []          # LeverResults, bottom to top
        self._s: Sensitivity | None = None
        self.labels = {"low": "Low setting", "high": "High setting", "base": "Base %1",
                       "target": "Target %1", "axis": "Change vs. base (亿元)",
                       "title": "%1", "reached": "reached %1", "never": "not reached"}

    def set_labels(self, **labels: str) -> None:
        self.labels.update(labels)
        self.low_set.setLabel(self.labels["low"])
        self.high_set.setLabel(self.labels["high"])
        self.axis_x.setTitleText(arg(self.labels["axis"], "N"))

    def update_sensitivity(self, s: Sensitivity | None, limit: int | None = None) -> None:
        """Draw ``s`` (its first ``limit`` levers by swing; all when None)."""
        self._s = s
        levers = list(s.levers if s else ())[:limit] if limit else list(s.levers if s else ())
        self._shown = levers[::-1]              # category 0 is at the bottom
        self.low_set.remove(0, self.low_set.count())
        self.high_set.remove(0, self.high_set.count())
        if s is None:
            self.axis_y.clear()
            self.base_line.clear()
            self.target_line.clear()
            self.chart().setTitle("")
            return
        lows, highs = [], []
        for r in self._shown:
            lo, hi = _split(r.low.value - s.base_value, r.high.value - s.base_value)
            lows.append(lo)
            highs.append(hi)
        self.low_set.append(lows)
        self.high_set.append(highs)
        self.axis_y.setCategories([lever_name(r) for r in self._shown])
        # room for every label: Qt hides category labels that would overlap
        self.setMinimumHeight(ROW_HEIGHT * min(len(self._shown), 20) + 150)
        extent = max([abs(r.low.value - s.base_value) for r in levers]
                     + [abs(r.high.value - s.base_value) for r in levers] + [1.0])
        gap = s.target_value - s.base_value
        n = len(self._shown)
        if abs(gap) <= extent * 1.3:
            extent = max(extent, abs(gap))
            self.target_line.replace([QPointF(gap, -0.5), QPointF(gap, n - 0.5)])
            self.target_line.setVisible(True)
        else:
            self.target_line.setVisible(False)
        self.target_line.setName(arg(self.labels["target"], fmt.yi(s.target_value, 0)))
        top = fmt.axis_max(extent * 1.08)
        set_dynamic_ticks(self.axis_x, -top, top, fmt.axis_step(top))
        self.base_line.replace([QPointF(0, -0.5), QPointF(0, n - 0.5)])
        self.base_line.setName(arg(self.labels["base"], fmt.yi(s.base_value)))
        self.chart().setTitle(arg(self.labels["title"], s.target_year, s.scenario))
        self.axis_x.setTitleText(arg(self.labels["axis"], s.target_year))

    @property
    def bar_count(self) -> int:
        """Entries per bar set: one per lever shown."""
        return self.low_set.count()

    def _on_hover(self, state: bool, index: int) -> None:
        if not state or self._s is None or not 0 <= index < len(self._shown):
            QToolTip.hideText()
            return
        r, s = self._shown[index], self._s

        def line(label: str, o) -> str:
            year = (arg(self.labels["reached"], o.target_year) if o.target_year is not None
                    else self.labels["never"])
            return f"{label}: {fmt.yi(o.value)}  ({fmt.signed_yi(o.value - s.base_value)}), {year}"
        QToolTip.showText(QCursor.pos(), "\n".join(
            (lever_name(r), line(self.labels["low"], r.low), line(self.labels["high"], r.high))))
