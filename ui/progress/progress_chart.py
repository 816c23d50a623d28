"""The 进度 chart: this year's cumulative actual output against the target's cumulative
months, with the seasonal path to the year estimate."""
from __future__ import annotations

import numpy as np
from PySide6.QtCharts import QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from ui import formatting as fmt
from ui.analysis.common import ChartView, money_axis, pen

ACTUAL_COLOUR = QColor("#1F4E79")
TARGET_COLOUR = QColor("#C62828")
ESTIMATE_COLOUR = QColor("#5D6D7E")


def _points(values: np.ndarray, first: int = 1) -> list[QPointF]:
    return [QPointF(float(k), float(v)) for k, v in enumerate(values, start=first)
            if np.isfinite(v)]


class ProgressChart(ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_value_axes()
        chart = self.chart()
        self.target = QLineSeries()
        self.target.setPen(pen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine))
        self.target.setPointsVisible(True)
        self.estimate = QLineSeries()
        self.estimate.setPen(pen(ESTIMATE_COLOUR, 1.6, Qt.PenStyle.DotLine))
        self.actual = QLineSeries()
        self.actual.setPen(pen(ACTUAL_COLOUR, 3))
        self.actual_points = QScatterSeries()
        self.actual_points.setColor(ACTUAL_COLOUR)
        self.actual_points.setBorderColor(ACTUAL_COLOUR)
        self.actual_points.setMarkerSize(8)
        for s in (self.target, self.estimate, self.actual, self.actual_points):
            chart.addSeries(s)
            s.attachAxis(self.axis_x)
            s.attachAxis(self.axis_y)
        chart.legend().markers(self.actual_points)[0].setVisible(False)
        self.axis_x.setRange(0, 12.3)   # room for the December point
        self.axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
        self.axis_x.setTickAnchor(0)
        self.axis_x.setTickInterval(1)
        self.axis_x.setLabelFormat("%d")
        self.draw_count = 0

    def update_series(self, title: str, names: dict[str, str], actual: np.ndarray | None,
                      target: np.ndarray | None, estimate_path: np.ndarray | None) -> None:
        """Cumulative values by month 1..12 (NaN where none); None hides a series."""
        self.chart().setTitle(title)
        top = 1.0
        for series, values, key in ((self.actual, actual, "actual"),
                                    (self.target, target, "target"),
                                    (self.estimate, estimate_path, "estimate")):
            series.setName(names.get(key, key))
            if values is None:
                series.clear()
                series.setVisible(False)
                continue
            series.setVisible(True)
            series.replace(_points(np.concatenate([[0.0], values]), first=0))  # from 0 at month 0
            if np.isfinite(values).any():
                top = max(top, float(np.nanmax(values)))
        if actual is not None:
            self.actual_points.replace(_points(actual))
        else:
            self.actual_points.clear()
        self.axis_x.setTitleText(names.get("month", ""))
        self.axis_y.setTitleText(names.get("unit", fmt.UNIT))
        money_axis(self.axis_y, top * 1.05)
        self.draw_count += 1
