"""A waterfall chart on QtCharts: a stacked bar series whose first (transparent) set
lifts each step to where the previous one ended.

Steps are (label, value, kind): kind "total" bars stand from 0 (start, end), "step"
bars float (green up, red down), "gap" is the distance to the target (hatched)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QHorizontalStackedBarSeries,
                              QStackedBarSeries, QValueAxis)
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from ui import formatting as fmt
from ui.chart_axes import set_dynamic_ticks
from ui.analysis.common import ChartView

UP = QColor("#2E7D32")
DOWN = QColor("#C62828")
TOTAL = QColor("#1F4E79")
GAP = QColor("#E08E0B")
CLEAR = QColor(0, 0, 0, 0)


@dataclass(frozen=True)
class Step:
    label: str
    value: float
    kind: str = "step"      # "total", "step" or "gap"
    tip: str = ""
    valued: bool = False    # the label already states the value


def _floor_and_size(steps: list[Step]) -> list[tuple[float, float, str]]:
    """(invisible base, visible size, colour key) per step; negative levels are fine."""
    out = []
    level = 0.0
    for s in steps:
        if s.kind == "total":
            level = s.value
            out.append((min(0.0, s.value), abs(s.value), "total"))
            continue
        start, end = level, level + s.value
        out.append((min(start, end), abs(s.value),
                    "gap" if s.kind == "gap" else ("up" if s.value >= 0 else "down")))
        level = end
    return out


class WaterfallChart(ChartView):
    def __init__(self, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.series = QHorizontalStackedBarSeries() if horizontal else QStackedBarSeries()
        self.series.setBarWidth(0.65)
        self.axis_cat = QBarCategoryAxis()
        self.axis_cat.setTruncateLabels(False)
        small = self.axis_cat.labelsFont()
        small.setPointSizeF(max(7.5, small.pointSizeF() * 0.85))
        self.axis_cat.setLabelsFont(small)
        self.axis_val = QValueAxis()
        self.axis_val.setLabelFormat("%.0f")
        chart = self.chart()
        chart.addSeries(self.series)
        chart.addAxis(self.axis_cat, Qt.AlignmentFlag.AlignLeft if horizontal
                      else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_val, Qt.AlignmentFlag.AlignBottom if horizontal
                      else Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.axis_cat)
        self.series.attachAxis(self.axis_val)
        chart.legend().hide()
        self.steps: list[Step] = []
        self.draw_count = 0
        self.series.hovered.connect(self._on_hover)

    def set_steps(self, title: str, steps: list[Step], unit: str = fmt.UNIT) -> None:
        self.chart().setTitle(title)
        # horizontal bars are drawn bottom-up: reverse so the first step is at the top
        self.steps = list(reversed(steps)) if self.horizontal else list(steps)
        parts = _floor_and_size(steps)
        if self.horizontal:
            parts = list(reversed(parts))
        self.series.clear()
        base = QBarSet("base")
        base.setColor(CLEAR)
        base.setBorderColor(CLEAR)
        sets = {k: QBarSet(k) for k in ("total", "up", "down", "gap")}
        for key, colour in (("total", TOTAL), ("up", UP), ("down", DOWN), ("gap", GAP)):
            sets[key].setColor(colour)
            sets[key].setBorderColor(colour.darker(120))
            if key == "gap":
                sets[key].setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
        for floor, size, key in parts:
            base.append(floor)
            for k, bar_set in sets.items():
                bar_set.append(size if k == key else 0.0)
        self.series.append(base)
        for bar_set in sets.values():
            self.series.append(bar_set)
        self.axis_cat.setCategories([self._category(s) for s in self.steps])
        if not self.horizontal:
            self.axis_cat.setLabelsAngle(-40 if len(steps) > 8 else 0)
        low = min([0.0] + [f for f, _s, _k in parts])
        high = max([1.0] + [f + s for f, s, _k in parts])
        top = fmt.axis_max(high * 1.05)
        bottom = -fmt.axis_max(-low * 1.1) if low < 0 else 0.0
        set_dynamic_ticks(self.axis_val, bottom, top, fmt.axis_step(top - bottom))
        self.axis_val.setTitleText(unit)
        self.draw_count += 1

    wrap = 0    # wrap labels longer than this many characters onto lines (0: never)

    def _category(self, s: Step) -> str:
        """The bar's label with its value: "存量增长：晶硅光伏  +21.89" (a label that
        already says its value, ``Step.valued``, is left as it is)."""
        if s.valued:
            text = s.label
        else:
            value = fmt.number(s.value) if s.kind == "total" else (
                ("+" if s.value >= 0 else "−") + fmt.number(abs(s.value)))
            if self.wrap:
                return f"{s.label}<br>{value}"
            text = f"{s.label}  {value}"
        if self.wrap and len(text) > self.wrap:
            lines, line = [], ""
            for ch in text:
                line += ch
                if len(line) >= self.wrap and ch in " ：:，,":
                    lines.append(line.strip())
                    line = ""
            lines.append(line.strip())
            text = "<br>".join(x for x in lines if x)
        return text

    def _on_hover(self, state: bool, index: int, _bar_set) -> None:
        if not state or index >= len(self.steps):
            self._tip("")
            return
        s = self.steps[index]
        value = fmt.yi(s.value) if s.kind == "total" else fmt.signed_yi(s.value)
        self._tip(f"{s.label}\n{value}" + (f"\n{s.tip}" if s.tip else ""))

    @staticmethod
    def _tip(text: str) -> None:
        from PySide6.QtGui import QCursor
        from PySide6.QtWidgets import QToolTip
        if text:
            QToolTip.showText(QCursor.pos(), text)
        else:
            QToolTip.hideText()
