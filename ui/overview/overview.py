"""KPI cards over two charts, kept in step with the Session."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ui.overview.charts import ChainStackChart, ScenarioChart
from ui.overview.kpis import KpiPanel
from ui import formatting as fmt
from ui.session import Session
from ui.when_shown import RedrawsWithSession


class OverviewTab(RedrawsWithSession, QWidget):
    """Updates once per edit (ui/when_shown.RedrawsWithSession)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = QLabel(self)
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kpis = KpiPanel(self)
        self.chain_chart = ChainStackChart(self)
        self.scenario_chart = ScenarioChart(self)
        self.anchor_line = QLabel(self)
        self.anchor_line.setObjectName("anchorLine")
        self.anchor_line.setWordWrap(True)
        self.anchor_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chain_chart.set_labels(self.tr("Total"), self.tr("Target %1"),
                                    self.tr("Target year %1"), self.tr("100m CNY (亿元)"),
                                    self.tr("Plan path"), self.tr("Actual"),
                                    self.tr("Estimate"))
        self.scenario_chart.set_labels(self.tr("Target %1"), self.tr("Target year %1"),
                                       self.tr("100m CNY (亿元)"), self.tr("Actual"),
                                       self.tr("Estimate"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.chain_chart)
        self.splitter.addWidget(self.scenario_chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 420])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.kpis)
        layout.addWidget(self.anchor_line)
        layout.addWidget(self.splitter, 1)
        self._probabilities: dict[str, tuple[object, float]] = {}   # scenario -> (doc, p)
        self._shown: tuple[object, str] | None = None
        self.follow(session)
        self.refresh()

    def set_probability(self, p: float | None) -> None:
        """Show a Monte Carlo Pr[Y(N) ≥ T] for the active scenario ("—" for None).

        Kept per scenario for the document it was computed on: switching back to a
        scenario shows its last result again; an edit clears it.
        """
        self.remember_probability(self.session.active_scenario, p)

    def remember_probability(self, scenario: str, p: float | None) -> None:
        if p is None:
            self._probabilities.pop(scenario, None)
        else:
            self._probabilities[scenario] = (self.session.document, p)
        if scenario == self.session.active_scenario:
            self.kpis.set_probability(p)

    def _known_probability(self) -> float | None:
        got = self._probabilities.get(self.session.active_scenario)
        return got[1] if got is not None and got[0] is self.session.document else None

    def anchor_text(self, r, h) -> str:
        """"从2026年预计值出发，2027年需增长 47.2%" — the growth still needed from where the
        park actually stands, against what the scenario expects."""
        anchor, n = int(r.anchor_year), int(r.target_year_goal)
        if anchor <= r.base_year:
            return ""
        estimate = h is not None and h.months > 0 and anchor == h.current_year
        if n <= anchor:
            return self.tr("The target year %1 is already history (actuals up to %2).") \
                .replace("%1", str(n)).replace("%2", str(anchor))
        required = fmt.percent(r.required_cagr_from_anchor, 1)
        implied = fmt.percent(r.implied_cagr_from_anchor, 1)
        if n - anchor == 1:
            text = (self.tr("From the %1 estimate, %2 needs growth of %3") if estimate else
                    self.tr("From the %1 actual, %2 needs growth of %3"))
        else:
            text = (self.tr("From the %1 estimate, reaching the target in %2 needs %3 a year")
                    if estimate else
                    self.tr("From the %1 actual, reaching the target in %2 needs %3 a year"))
        text = text.replace("%1", str(anchor)).replace("%2", str(n)).replace("%3", required)
        return text + self.tr("; scenario “%1” projects %2.").replace(
            "%1", r.scenario).replace("%2", implied)

    def redraw(self) -> None:
        s = self.session
        result = s.active_result
        if self._shown is not None and (self._shown[0] is not s.document
                                        or self._shown[1] != s.active_scenario):
            self.kpis.set_probability(self._known_probability())
        self._shown = (s.document, s.active_scenario)
        doc = s.document
        description = doc.scenario(s.active_scenario).description
        park = doc.settings.park_name or self.tr("Park")
        head = self.tr("%1 · scenario “%2”").replace("%1", park).replace("%2", s.active_scenario)
        if description:
            head += f" — {description}"
        self.heading.setText(head)
        history = s.evaluation.history
        self.kpis.update_result(result, history)
        self.anchor_line.setText(self.anchor_text(result, history))
        self.anchor_line.setVisible(bool(self.anchor_line.text()))
        self.chain_chart.update_result(
            result, self.tr("Output by industry chain — %1").replace("%1", s.active_scenario))
        self.scenario_chart.update_results(s.results, s.active_scenario,
                                           self.tr("Total output by scenario"))
