"""Shared by the analysis panels: language, the "out of date" banner, chart basics."""
from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QLabel, QWidget

from models import Document
from ui import formatting as fmt
from ui.chart_axes import set_dynamic_ticks
from ui.language import current_language
# One palette for every chart: a scenario has the same colour everywhere, never the
# target line's red.
from ui.overview.charts import SCENARIO_COLOURS, TARGET_COLOUR  # noqa: F401

MEDIAN_COLOUR = QColor("#1F4E79")
MUTED_COLOUR = QColor("#5D6D7E")
LOW_COLOUR = QColor("#D6604D")      # a lever at its low setting
HIGH_COLOUR = QColor("#4393C3")     # … at its high setting
POSITIVE_COLOUR = QColor("#1B7F3B")
NEGATIVE_COLOUR = QColor("#B71C1C")


def lang() -> str:
    return current_language()


def arg(text: str, *values: object) -> str:
    """Qt-style placeholders: ``arg("Y(%1)", 2027)`` -> "Y(2027)"."""
    for i, v in reversed(list(enumerate(values, start=1))):
        text = text.replace(f"%{i}", str(v))
    return text


def pen(colour: QColor | str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    p = QPen(QColor(colour))
    p.setWidthF(width)
    p.setStyle(style)
    return p


def bold(widget: QWidget, scale: float = 1.0) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    return font


class ChartView(QChartView):
    """A chart view without animation, with a bold title and the legend at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 260)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitleFont(bold(self, 1.1))
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)
        self.placeholder = ""

    def set_placeholder(self, text: str) -> None:
        """Words in place of an empty chart (before the first run); "" shows the chart."""
        self.placeholder = text
        for axis in self.chart().axes():
            axis.setVisible(not text)
        self.chart().legend().setVisible(not text)
        self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#7B8794"))
            painter.drawText(self.viewport().rect().adjusted(24, 24, -24, -24),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self.placeholder)
            painter.end()

    def add_value_axes(self) -> None:
        """Numeric ``axis_x`` (years) at the bottom and ``axis_y`` at the left."""
        self.axis_x, self.axis_y = QValueAxis(), QValueAxis()
        self.chart().addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart().addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)


def year_axis(axis: QValueAxis, first: int, last: int) -> None:
    """Whole years on a value axis, one tick a year (two when the span is long)."""
    axis.setLabelFormat("%d")
    set_dynamic_ticks(axis, first, last, 1 if last - first <= 14 else 2, anchor=first)


def money_axis(axis: QValueAxis, top: float, bottom: float = 0.0) -> None:
    """0 … a round maximum in 亿元 with round ticks."""
    top = fmt.axis_max(top)
    axis.setLabelFormat("%.0f")
    set_dynamic_ticks(axis, bottom, top, fmt.axis_step(top - bottom))


class StaleBanner(QLabel):
    """A yellow strip saying the shown result no longer matches the document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { background: #FFF3CD; color: #664D03; "
                           "border: 1px solid #FFE69C; padding: 4px 8px; }")
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def update_for(self, snapshot: "Snapshot", document: Document, active: str) -> bool:
        """Show why the result is out of date, if it is; True when it is stale."""
        if snapshot.document is None:
            self.show_text("")
            return False
        if not snapshot.is_current(document):
            self.show_text(self.tr("Out of date: the document has changed since this was "
                                   "computed. Run it again to update."))
            return True
        if snapshot.scenario != active:
            self.show_text(arg(self.tr("Computed for scenario “%1”; the active scenario is "
                                       "“%2”."), snapshot.scenario, active))
            return False
        self.show_text("")
        return False


class Snapshot:
    """Which document and scenario a shown result was computed from."""

    def __init__(self) -> None:
        self.document: Document | None = None
        self.scenario: str = ""
        self._same: list[Document] = []

    def take(self, document: Document, scenario: str) -> None:
        self.document, self.scenario, self._same = document, scenario, [document]

    def also(self, document: Document) -> None:
        """``document`` gives the same answer (e.g. it only added a child scenario)."""
        self._same.append(document)

    def clear(self) -> None:
        self.document, self.scenario, self._same = None, "", []

    def is_current(self, document: Document) -> bool:
        # identity: undo puts the very same Document object back, so a result is fresh again
        return any(d is document for d in self._same)

    def is_stale(self, document: Document) -> bool:
        """A result is shown and ``document`` is not one it was computed for."""
        return self.document is not None and not self.is_current(document)
