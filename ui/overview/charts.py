"""QtCharts views of results: one scenario stacked by chain, and all scenarios' totals.

Both are built once and then updated in place (QBarSet.replace, QXYSeries.replace), so
an edit moves the bars instead of rebuilding the chart.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView, QLineSeries,
                              QScatterSeries, QStackedBarSeries, QValueAxis)
from PySide6.QtCore import QMargins, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from planner.model.result import Result
from ui import formatting as fmt
from ui.chart_axes import set_dynamic_ticks

# Colour-blind-friendly, distinct enough for ~12 chains (Tableau 10 + two).
CHAIN_COLOURS = ("#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948",
                 "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC", "#86BCB6", "#D37295")
# No red: red is the target line.
SCENARIO_COLOURS = ("#1F4E79", "#2E8B57", "#D68910", "#8E44AD", "#17A589", "#8D6E63",
                    "#5D6D7E", "#C2185B")
TARGET_COLOUR = QColor("#C62828")
TOTAL_COLOUR = QColor("#263238")
MARKER_COLOUR = QColor("#6D4C41")
ACTUAL_COLOUR = QColor("#111111")
PLAN_COLOUR = QColor("#607D8B")


def actual_marks(name: str = "") -> QScatterSeries:
    """Solid black dots: the years that are history (annual actuals)."""
    s = QScatterSeries()
    s.setName(name)
    s.setMarkerSize(10)
    s.setColor(ACTUAL_COLOUR)
    s.setBorderColor(QColor("#FFFFFF"))
    return s


def estimate_mark(name: str = "") -> QScatterSeries:
    """A hollow dot: the current year's estimate from the monthly figures."""
    s = QScatterSeries()
    s.setName(name)
    s.setMarkerSize(10)
    s.setColor(QColor("#FFFFFF"))
    s.setBorderColor(ACTUAL_COLOUR)
    return s


def history_points(result: Result, x_of_year) -> tuple[list[QPointF], list[QPointF]]:
    """(actual years y0 < y <= a, the nowcast year a* when it is after a) as points."""
    years = [int(y) for y in result.years]
    y0, a, anchor = years[0], int(result.actual_year), int(result.anchor_year)
    actual = [QPointF(x_of_year(y), float(result.total[y - y0])) for y in years if y0 < y <= a]
    estimate = ([QPointF(x_of_year(anchor), float(result.total[anchor - y0]))]
                if anchor > a and anchor in years else [])
    return actual, estimate


def show_history(actual: QScatterSeries, estimate: QScatterSeries, result: Result, x_of_year,
                 labels: dict[str, str]) -> None:
    """Put a result's actual points and current-year estimate on their two series (hidden
    when there are none), named in the interface language."""
    points, nowcast = history_points(result, x_of_year)
    for series, shown, key in ((actual, points, "actual"), (estimate, nowcast, "estimate")):
        series.replace(shown)
        series.setName(labels[key])
        series.setVisible(bool(shown))


def _pen(colour: QColor | str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour))
    pen.setWidthF(width)
    pen.setStyle(style)
    return pen


def _chart(title_font: QFont) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setTitleFont(title_font)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart


LEGEND_MIN_POINTS = 6.5


class _View(QChartView):
    def __init__(self, parent: QWidget | None, antialias: bool = True) -> None:
        super().__init__(parent)
        self._legend_signature: object = None
        self._legend_fit = QTimer(self)          # after Qt has laid the legend out
        self._legend_fit.setSingleShot(True)
        self._legend_fit.setInterval(0)
        self._legend_fit.timeout.connect(self.fit_legend)
        self._legend_tries = 0
        self.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        self.setMinimumSize(360, 300)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.setChart(_chart(font))
        self._legend_points = self.chart().legend().font().pointSizeF()
        self.draw_count = 0   # how many times the data was updated (tests, diagnostics)

    def _legend_may_change(self, signature: object) -> None:
        """After an update: other series or years can mean another number of legend
        entries (or other texts in them)."""
        if signature != self._legend_signature:
            self._legend_signature = signature
            self._legend_fit.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._legend_fit.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._legend_fit.start()

    def legend_entries(self) -> list:
        """The legend's entries as laid out now, in scene coordinates. QtCharts keeps them
        as the children of one group in the legend, each holding its marker and its text;
        an entry below the legend's bottom edge is cut off."""
        rects = []
        for group in self.chart().legend().childItems():
            for entry in group.childItems():
                if entry.isVisible() and entry.childItems():
                    rects.append(entry.mapRectToScene(entry.boundingRect()))
        return rects

    def fit_legend(self) -> None:
        """Every legend entry in sight. At 1366×768 the output chart is too short for its
        fifteen entries at the normal size and QtCharts cut the last ones off; the
        legend's font shrinks until they fit (not below LEGEND_MIN_POINTS) and grows back
        when there is room again."""
        legend = self.chart().legend()
        if not legend.isVisible():
            return
        rows = self.legend_entries()
        shown = sum(1 for m in legend.markers() if m.isVisible())
        if len(rows) != shown:              # not laid out yet: look again shortly
            self._legend_tries += 1
            if self._legend_tries <= 10:
                self._legend_fit.start()
            return
        self._legend_tries = 0
        if len(rows) < 2:
            return
        top = min(r.top() for r in rows)
        room = legend.mapRectToScene(legend.boundingRect()).bottom() - top
        current = legend.font().pointSizeF()
        base = self._legend_points
        # rows grow a little less than the font (their margins stay): an over-estimate
        needed_at_base = len(rows) * rows[0].height() * base / current
        wanted = base if needed_at_base <= room else max(
            LEGEND_MIN_POINTS, math.floor(2 * base * room / needed_at_base) / 2)
        if wanted != current:
            font = QFont(legend.font())
            font.setPointSizeF(wanted)
            legend.setFont(font)
            if wanted < current:
                self._legend_fit.start()    # check again once laid out at the new size

    def set_title(self, title: str) -> None:
        """Set the chart title only when it changes: QChart relays out its axes (every
        label) on any setTitle call."""
        if self.chart().title() != title:
            self.chart().setTitle(title)

    @staticmethod
    def _tip(text: str) -> None:
        QToolTip.showText(QCursor.pos(), text)


class ChainStackChart(_View):
    """The active scenario's output stacked by chain, its total, the target and year N.

    Drawn without antialiasing: the bars are axis-aligned rectangles, and antialiased
    painting of the whole plot took half the repaint after every edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, antialias=False)
        chart = self.chart()
        self.bars = QStackedBarSeries()
        self.bars.setBarWidth(0.7)
        self.total = QLineSeries()
        self.total.setPen(_pen(TOTAL_COLOUR, 2.5))
        self.total.setPointsVisible(True)
        self.target = QLineSeries()
        self.target.setPen(_pen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine))
        self.year_marker = QLineSeries()
        self.year_marker.setPen(_pen(MARKER_COLOUR, 1.5, Qt.PenStyle.DotLine))
        self.plan = QLineSeries()
        self.plan.setPen(_pen(PLAN_COLOUR, 2, Qt.PenStyle.DashLine))
        self.actual = actual_marks()
        self.estimate = estimate_mark()
        self.axis_x = QBarCategoryAxis()
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.axis_x.setLabelsFont(small)
        self.axis_x.setTruncateLabels(False)
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%.0f")
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        for s in (self.bars, self.total, self.plan, self.target, self.year_marker, self.actual,
                  self.estimate):
            chart.addSeries(s)
            s.attachAxis(self.axis_x)
            s.attachAxis(self.axis_y)
        self.total.hovered.connect(self._on_total_hover)
        self._chains: tuple[str, ...] = ()
        self._years: list[int] = []
        self._result: Result | None = None
        self._bar_values: list[list[float]] | None = None
        self.labels = {"total": "Total", "target": "Target %1", "year": "Target year %1",
                       "unit": fmt.UNIT, "plan": "Plan path", "actual": "Actual",
                       "estimate": "Estimate"}

    def set_labels(self, total: str, target: str, year: str, unit: str = fmt.UNIT,
                   plan: str = "Plan path", actual: str = "Actual",
                   estimate: str = "Estimate") -> None:
        """Translated series names; ``%1`` is replaced by the value."""
        self.labels = {"total": total, "target": target, "year": year, "unit": unit,
                       "plan": plan, "actual": actual, "estimate": estimate}
        self.axis_y.setTitleText(unit)

    def update_result(self, result: Result, title: str) -> None:
        self._result = result
        self.set_title(title)
        years = [int(y) for y in result.years]
        if years != self._years:
            self._years = years
            self.axis_x.setCategories([str(y) for y in years])
            self._chains = ()            # bar sets hold one value per year: rebuild them
        if result.chains != self._chains:
            self._rebuild_sets(result.chains)
        shown = self._bar_values
        for c, (bar_set, row) in enumerate(zip(self.bars.barSets(), result.chain_total)):
            # each replace() repaints: touch only the bars whose value changed
            for i, value in enumerate(row.tolist()):
                if shown is None or shown[c][i] != value:
                    bar_set.replace(i, value)
        self._bar_values = result.chain_total.tolist()
        self._fit_year_labels()
        n = len(years)
        self.total.replace([QPointF(i, float(v)) for i, v in enumerate(result.total)])
        self.total.setName(self.labels["total"])
        has_history = int(result.anchor_year) > years[0]
        # the plan path only says something once there is history to differ from it
        self.plan.replace([QPointF(i, float(v)) for i, v in enumerate(result.plan_total)]
                          if has_history else [])
        self.plan.setName(self.labels["plan"])
        self.plan.setVisible(has_history)
        show_history(self.actual, self.estimate, result, years.index, self.labels)
        target = result.target_value
        self.target.replace([QPointF(-0.5, target), QPointF(n - 0.5, target)])
        self.target.setName(self.labels["target"].replace("%1", fmt.number(target, 0)))
        peak = max(float(result.total.max()), target,
                   float(result.plan_total.max()) if has_history else 0.0)
        top = fmt.axis_max(peak * 1.04)
        set_dynamic_ticks(self.axis_y, 0, top, fmt.axis_step(top))
        goal = result.target_year_goal
        if goal in years:
            x = years.index(goal)
            self.year_marker.replace([QPointF(x, 0), QPointF(x, top)])
            self.year_marker.setName(self.labels["year"].replace("%1", str(goal)))
            self.year_marker.setVisible(True)
        else:
            self.year_marker.setVisible(False)
        self.draw_count += 1
        self._fit_year_labels()
        self._legend_may_change((tuple(years), tuple(result.chains), has_history))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_year_labels()

    def _fit_year_labels(self) -> None:
        """Years upright when there is room for them, turned when the plot is narrow."""
        if not self._years:
            return
        per_year = self.chart().plotArea().width() / len(self._years)
        angle = 0 if per_year >= 38 else -90
        if self.axis_x.labelsAngle() != angle:
            self.axis_x.setLabelsAngle(angle)

    def _rebuild_sets(self, chains: Sequence[str]) -> None:
        """The chain list changed (added, removed, renamed): new bar sets, same chart."""
        self.bars.clear()
        n = len(self._years)
        for c, name in enumerate(chains):
            bar_set = QBarSet(name)
            colour = QColor(CHAIN_COLOURS[c % len(CHAIN_COLOURS)])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour.darker(115))
            bar_set.append([0.0] * n)
            bar_set.hovered.connect(
                lambda state, index, s=bar_set: self._on_bar_hover(state, index, s))
            self.bars.append(bar_set)
        self._bar_values = None
        self._chains = tuple(chains)

    def _on_bar_hover(self, state: bool, index: int, bar_set: QBarSet) -> None:
        if not state or self._result is None:
            QToolTip.hideText()
            return
        year = self._years[index]
        total = float(self._result.total[index])
        value = bar_set.at(index)
        share = value / total if total else None
        self._tip(f"{bar_set.label()} · {year}\n{fmt.yi(value)}  ({fmt.percent(share, 1)})")

    def _on_total_hover(self, point: QPointF, state: bool) -> None:
        if not state or self._result is None:
            QToolTip.hideText()
            return
        i = min(max(round(point.x()), 0), len(self._years) - 1)
        self._tip(f"{self.labels['total']} · {self._years[i]}\n"
                  f"{fmt.yi(float(self._result.total[i]))}")


class ScenarioChart(_View):
    """Every scenario's total output against the target line.

    Drawn without antialiasing as the output chart is (text stays smooth): every line
    changes on every edit of the base data, and antialiased lines and markers were half
    of this chart's repaint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, antialias=False)
        chart = self.chart()
        self.axis_x = QValueAxis()
        self.axis_x.setLabelFormat("%d")
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%.0f")
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        self.target = QLineSeries()
        self.target.setPen(_pen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine))
        self.year_marker = QLineSeries()
        self.year_marker.setPen(_pen(MARKER_COLOUR, 1.5, Qt.PenStyle.DotLine))
        self.actual = actual_marks()
        self.estimate = estimate_mark()
        for s in (self.target, self.year_marker, self.actual, self.estimate):
            chart.addSeries(s)
            s.attachAxis(self.axis_x)
            s.attachAxis(self.axis_y)
        self.lines: list[QLineSeries] = []
        self._shown: list[tuple | None] = []   # (years, totals) each line shows
        self._results: list[Result] = []
        self.labels = {"target": "Target %1", "year": "Target year %1", "unit": fmt.UNIT,
                       "actual": "Actual", "estimate": "Estimate"}

    def set_labels(self, target: str, year: str, unit: str = fmt.UNIT, actual: str = "Actual",
                   estimate: str = "Estimate") -> None:
        self.labels = {"target": target, "year": year, "unit": unit, "actual": actual,
                       "estimate": estimate}
        self.axis_y.setTitleText(unit)

    def update_results(self, results: Mapping[str, Result], active: str, title: str) -> None:
        self.set_title(title)
        self._results = list(results.values())
        while len(self.lines) < len(self._results):
            self._add_line()
        while len(self.lines) > len(self._results):
            self.chart().removeSeries(self.lines.pop())
            self._shown.pop()
        top = 1.0
        for i, (line, result) in enumerate(zip(self.lines, self._results)):
            line.setName(result.scenario)
            points = (tuple(result.years.tolist()), tuple(result.total.tolist()))
            if self._shown[i] != points:    # a replace() re-lays out and repaints the line
                self._shown[i] = points
                line.replace([QPointF(float(y), float(v)) for y, v in zip(*points)])
            colour = SCENARIO_COLOURS[i % len(SCENARIO_COLOURS)]
            line.setPen(_pen(colour, 3.5 if result.scenario == active else 1.8))
            top = max(top, float(result.total.max()))
        if not self._results:
            self.draw_count += 1
            return
        first = self._results[0]
        y0, end = int(first.years[0]), int(first.years[-1])
        # history is the same in every scenario
        show_history(self.actual, self.estimate, first, float, self.labels)
        target = first.target_value
        top = fmt.axis_max(max(top, target) * 1.04)
        set_dynamic_ticks(self.axis_x, y0, end, max(1, -(-(end - y0) // 7)), anchor=y0)
        set_dynamic_ticks(self.axis_y, 0, top, fmt.axis_step(top))
        self.target.replace([QPointF(y0, target), QPointF(end, target)])
        self.target.setName(self.labels["target"].replace("%1", fmt.number(target, 0)))
        goal = first.target_year_goal
        self.year_marker.replace([QPointF(goal, 0), QPointF(goal, top)])
        self.year_marker.setName(self.labels["year"].replace("%1", str(goal)))
        self.draw_count += 1
        self._legend_may_change(len(self.lines))

    def _add_line(self) -> None:
        line = QLineSeries()
        line.setPointsVisible(True)
        self.chart().addSeries(line)
        line.attachAxis(self.axis_x)
        line.attachAxis(self.axis_y)
        line.hovered.connect(lambda point, state, s=line: self._on_hover(point, state, s))
        self.lines.append(line)
        self._shown.append(None)

    def _on_hover(self, point: QPointF, state: bool, line: QLineSeries) -> None:
        if not state:
            QToolTip.hideText()
            return
        result = next((r for r in self._results if r.scenario == line.name()), None)
        if result is None:
            return
        years = [int(y) for y in result.years]
        year = min(max(round(point.x()), years[0]), years[-1])
        value = float(result.total[years.index(year)])
        gap = value - result.target_value
        self._tip(f"{result.scenario} · {year}\n{fmt.yi(value)}  ({fmt.signed_yi(gap)})")
