"""KPI cards over two charts, kept in step with the Session."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ui.overview.charts import ChainStackChart, ScenarioChart
from ui.overview.kpis import KpiPanel
from ui.overview.live_probability import FAILED, UPDATING, LiveProbability
from ui.overview.steady import SteadyText
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
        self.anchor_line = SteadyText(self)     # changes with most edits: no relayout
        self.anchor_line.setObjectName("anchorLine")
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
        self.follow(session)
        self.refresh()
        self.live = LiveProbability(session, self)   # the 达标概率 card, kept current
        self.live.changed.connect(self._show_live)
        self._show_live()

    def _show_live(self) -> None:
        state = self.live.state
        failure = ""
        if state.status == FAILED:
            from ui import messages
            from ui.language import current_language
            failure = messages.translate(state.error, current_language())
        self.kpis.set_probability(state.probability, updating=state.status == UPDATING,
                                  failure=failure, draws=state.draws)

    def remember_probability(self, scenario: str, p: float) -> None:
        """A result of the Monte Carlo tab: the card takes it when it was run on this
        document with the live parameters (the Settings), the number the card would get."""
        result = self.session.analysis("montecarlo")
        if result is not None and result.scenario == scenario and result.prob_target == p:
            self.live.take_result(self.session.document, scenario, result.params, p)

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
