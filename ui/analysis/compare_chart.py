"""Total output of the chosen scenarios, overlaid, with the target line."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from planner.model.result import Result
from ui import formatting as fmt
from ui.analysis.common import (SCENARIO_COLOURS, TARGET_COLOUR, ChartView, arg, money_axis,
                                pen, year_axis)


class TotalsChart(ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = self.chart()
        self.add_value_axes()
        self.target = QLineSeries()
        self.target.setPen(pen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine))
        chart.addSeries(self.target)
        self.target.attachAxis(self.axis_x)
        self.target.attachAxis(self.axis_y)
        self.lines: dict[str, QLineSeries] = {}
        self.labels = {"target": "Target %1", "reference": "%1 (reference)", "axis": "亿元",
                       "title": ""}

    def set_labels(self, **labels: str) -> None:
        self.labels.update(labels)
        self.axis_y.setTitleText(self.labels["axis"])
        self.chart().setTitle(self.labels["title"])

    def update_results(self, results: Sequence[Result], reference: str,
                       order: Sequence[str]) -> None:
        """One line per result; colours follow the scenario's place in ``order``."""
        for name in [n for n in self.lines if n not in {r.scenario for r in results}]:
            self.chart().removeSeries(self.lines.pop(name))
        top = 1.0
        for r in results:
            line = self.lines.get(r.scenario)
            if line is None:
                line = self.lines[r.scenario] = QLineSeries()
                line.setPointsVisible(True)
                self.chart().addSeries(line)
                line.attachAxis(self.axis_x)
                line.attachAxis(self.axis_y)
            i = order.index(r.scenario) if r.scenario in order else 0
            is_ref = r.scenario == reference
            line.setPen(pen(SCENARIO_COLOURS[i % len(SCENARIO_COLOURS)], 3.5 if is_ref else 2))
            line.setName(arg(self.labels["reference"], r.scenario) if is_ref else r.scenario)
            line.replace([QPointF(float(y), float(v)) for y, v in zip(r.years, r.total)])
            top = max(top, float(r.total.max()))
        self.target.setVisible(bool(results))
        if not results:
            return
        first = results[0]
        y0, end = int(first.years[0]), int(first.years[-1])
        year_axis(self.axis_x, y0, end)
        money_axis(self.axis_y, max(top, first.target_value) * 1.04)
        self.target.replace([QPointF(y0, first.target_value), QPointF(end, first.target_value)])
        self.target.setName(arg(self.labels["target"], fmt.yi(first.target_value, 0)))
