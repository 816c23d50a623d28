"""Monte Carlo charts: the fan of Y(y) quantiles, and when the target is first reached."""
from __future__ import annotations

import numpy as np
from PySide6.QtCharts import (QAreaSeries, QBarCategoryAxis, QBarSet, QLineSeries,
                              QScatterSeries, QStackedBarSeries, QValueAxis)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from planner.analysis.montecarlo import MonteCarloResult
from ui import formatting as fmt
from ui.chart_axes import set_dynamic_ticks
from ui.analysis.common import (MEDIAN_COLOUR, MUTED_COLOUR, TARGET_COLOUR, ChartView, arg,
                                money_axis, pen, year_axis)

OUTER_BAND = QColor(67, 147, 195, 70)
INNER_BAND = QColor(33, 102, 172, 110)
ON_TIME, LATE, NEVER = QColor("#2E8B57"), QColor("#E08E0B"), QColor("#9E9E9E")


def _points(years, values) -> list[QPointF]:
    return [QPointF(float(y), float(v)) for y, v in zip(years, values)]


class FanChart(ChartView):
    """P5–P95 and P25–P75 bands, the median, the deterministic projection and the target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = self.chart()
        self.add_value_axes()
        # the band edges belong to their QAreaSeries; keep Python references to them
        self.edges = {k: QLineSeries() for k in ("p5", "p95", "p25", "p75")}
        self.outer = QAreaSeries(self.edges["p95"], self.edges["p5"])
        self.inner = QAreaSeries(self.edges["p75"], self.edges["p25"])
        for area, colour in ((self.outer, OUTER_BAND), (self.inner, INNER_BAND)):
            area.setColor(colour)
            area.setBorderColor(QColor(0, 0, 0, 0))
        self.median = QLineSeries()
        self.median.setPen(pen(MEDIAN_COLOUR, 2.5))
        self.deterministic = QLineSeries()
        self.deterministic.setPen(pen(MUTED_COLOUR, 1.5, Qt.PenStyle.DashDotLine))
        self.target = QLineSeries()
        self.target.setPen(pen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine))
        self.year_marker = QLineSeries()
        self.year_marker.setPen(pen(QColor("#6D4C41"), 1.2, Qt.PenStyle.DotLine))
        self.actual = QScatterSeries()   # the years that are history: the same in every draw
        self.actual.setMarkerSize(9)
        self.actual.setColor(QColor("#111111"))
        self.actual.setBorderColor(QColor("#FFFFFF"))
        for s in (self.outer, self.inner, self.median, self.deterministic, self.target,
                  self.year_marker, self.actual):
            chart.addSeries(s)
            s.attachAxis(self.axis_x)
            s.attachAxis(self.axis_y)
        self.labels = {"outer": "P5–P95", "inner": "P25–P75", "median": "Median",
                       "deterministic": "Deterministic", "target": "Target %1",
                       "year": "Target year %1", "title": "%1", "axis": "亿元",
                       "actual": "Actual"}

    def set_labels(self, **labels: str) -> None:
        self.labels.update(labels)
        self.axis_y.setTitleText(self.labels["axis"])

    def update_result(self, r: MonteCarloResult | None, deterministic=None,
                      actual: list[tuple[int, float]] | None = None) -> None:
        """Draw ``r``; ``deterministic`` is the scenario's Y(y) from the engine, if given;
        ``actual`` the (year, total) of the years that are history, drawn as points."""
        series = (self.outer, self.inner, self.median, self.deterministic, self.target,
                  self.year_marker, self.actual)
        for s in series:
            s.setVisible(r is not None)
        if r is None:
            self.chart().setTitle("")
            return
        years, q = r.years, r.quantiles()
        for k, edge in self.edges.items():
            edge.replace(_points(years, q[k]))
        self.median.replace(_points(years, q["p50"]))
        self.deterministic.setVisible(deterministic is not None)
        if deterministic is not None:
            self.deterministic.replace(_points(years, deterministic))
        self.actual.setVisible(bool(actual))
        self.actual.replace([QPointF(float(y), float(v)) for y, v in actual or []])
        self.actual.setName(self.labels["actual"])
        y0, end = int(years[0]), int(years[-1])
        top = max(float(np.max(q["p95"])), r.target_value) * 1.05
        year_axis(self.axis_x, y0, end)
        money_axis(self.axis_y, top)
        top = self.axis_y.max()
        self.target.replace([QPointF(y0, r.target_value), QPointF(end, r.target_value)])
        self.year_marker.replace([QPointF(r.target_year, 0), QPointF(r.target_year, top)])
        names = {self.outer: "outer", self.inner: "inner", self.median: "median",
                 self.deterministic: "deterministic"}
        for s, key in names.items():
            s.setName(self.labels[key])
        self.target.setName(arg(self.labels["target"], fmt.yi(r.target_value, 0)))
        self.year_marker.setName(arg(self.labels["year"], r.target_year))
        self.chart().setTitle(arg(self.labels["title"], r.scenario, fmt.number(r.params.draws, 0)))


class FirstYearChart(ChartView):
    """Share of draws that first reach the target in each year, and that never do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = self.chart()
        self.series = QStackedBarSeries()
        self.series.setBarWidth(0.75)
        self.series.setLabelsVisible(True)
        self.series.setLabelsFormat("@value%")
        self.series.setLabelsPrecision(2)
        self.series.setLabelsPosition(QStackedBarSeries.LabelsPosition.LabelsInsideEnd)
        self.sets = {k: QBarSet(k) for k in ("on_time", "late", "never")}
        for key, colour in (("on_time", ON_TIME), ("late", LATE), ("never", NEVER)):
            self.sets[key].setColor(colour)
            self.sets[key].setBorderColor(colour.darker(115))
            self.series.append(self.sets[key])
        self.axis_x = QBarCategoryAxis()
        self.axis_x.setTruncateLabels(False)
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%.0f%%")
        chart.addSeries(self.series)
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.axis_x)
        self.series.attachAxis(self.axis_y)
        self.categories: list[str] = []
        self.labels = {"on_time": "By %1", "late": "Later", "never": "Not reached",
                       "title": "First year the target is reached", "axis": "% of draws"}

    def set_labels(self, **labels: str) -> None:
        self.labels.update(labels)
        self.axis_y.setTitleText(self.labels["axis"])
        self.chart().setTitle(self.labels["title"])

    def update_result(self, r: MonteCarloResult | None) -> None:
        for s in self.sets.values():
            s.remove(0, s.count())
        if r is None:
            self.axis_x.clear()
            self.categories = []
            self.chart().legend().setVisible(False)   # nothing to explain yet
            return
        self.chart().legend().setVisible(True)
        shares = r.first_year()
        never = shares.pop("none")
        hit = [int(y) for y, v in shares.items() if v > 0]
        first = min(hit + [r.target_year])
        last = max(hit + [r.target_year])
        years = list(range(first, last + 1))
        self.categories = [str(y) for y in years] + [self.labels["never"]]
        rows = {"on_time": [], "late": [], "never": []}
        for y in years:
            v = shares.get(str(y), 0.0) * 100
            rows["on_time"].append(v if y <= r.target_year else 0.0)
            rows["late"].append(v if y > r.target_year else 0.0)
            rows["never"].append(0.0)
        for k in ("on_time", "late"):
            rows[k].append(0.0)
        rows["never"].append(never * 100)
        for k, values in rows.items():
            self.sets[k].append(values)
        self.sets["on_time"].setLabel(arg(self.labels["on_time"], r.target_year))
        self.sets["late"].setLabel(self.labels["late"])
        self.sets["never"].setLabel(self.labels["never"])
        self.axis_x.setCategories(self.categories)
        top = fmt.axis_max(max(max(v) for v in rows.values()) * 1.1)
        set_dynamic_ticks(self.axis_y, 0, top, fmt.axis_step(top))
