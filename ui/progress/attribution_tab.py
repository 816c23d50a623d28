"""The 产值来源 tab: where Y(N) comes from — a waterfall from the anchor year's output to
Y(N) (base growth by chain, projects by stage, 招商储备, 孵化, price, then the gap to the
target), a per-chain table, and for a child scenario a second waterfall from its parent's
Y(N) to its own, one bar per override row in words.

Attribution and override effects are computed on demand — when the tab is shown or the
results change while it is visible — never on every edit behind the planner's back; big
documents are computed in the thread pool (ui/worker.py)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QWidget

from models import labels
from planner.model.attribution import attribution_of, override_effects_of
from ui import formatting as fmt
from ui.progress.common import TOTAL_TINT, lang, money, signed, tr
from ui.progress.grid import GridCell, GridModel
from ui.progress.grid_view import GridView
from ui.progress.override_words import describe, describe_effect, effect_text
from ui.progress.tab import ProgressTab
from ui.progress.waterfall import Step, WaterfallChart
from ui.session import Session
from ui.worker import run_task

STAGE_ORDER = ("production", "construction", "started", "signed", "reserve")
BACKGROUND_WORK = 200_000   # projects × (override rows + 1) above this: compute in a worker


def compute(evaluation, scenario: str):
    """(attribution, override effects, parent name) of ``scenario``; Qt-free."""
    doc = evaluation.document
    parent = doc.scenario(scenario).parent
    effects = override_effects_of(evaluation, scenario) if doc.overrides_of(scenario) else []
    return attribution_of(evaluation, scenario), effects, parent


def _stage(key: str) -> str:
    return labels.stage_label(key, lang())


class AttributionTab(ProgressTab):
    computed = Signal()     # after the tab has drawn a fresh attribution

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.layout_.addWidget(self.heading)
        self.waterfall = WaterfallChart(True, self)
        self.model = GridModel(None, self)
        self.view = GridView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setDefaultSectionSize(82)
        self.effects_chart = WaterfallChart(True, self)
        self.effects_chart.setMinimumHeight(200)
        self.effects_chart.wrap = 14
        self.top = QSplitter(Qt.Orientation.Horizontal, self)
        self.top.addWidget(self.waterfall)
        self.top.addWidget(self.effects_chart)
        self.top.setStretchFactor(0, 1)
        self.top.setStretchFactor(1, 1)
        self.top.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.top)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([560, 160])
        self.view.setMinimumHeight(110)
        self.layout_.addWidget(self.splitter, 1)
        self._shown_for: tuple[object, str] | None = None
        self._task = None
        self.compute_count = 0
        self.redraw()

    # -- on demand -----------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.redraw()

    def redraw(self) -> None:
        if not self.isVisible():
            return   # computed when shown
        self.update_now()

    def update_now(self) -> None:
        """Compute (if the document or scenario changed since) and draw."""
        ev, scenario = self.session.evaluation, self.session.active_scenario
        key = (ev, scenario)
        if self._shown_for is not None and self._shown_for[0] is ev \
                and self._shown_for[1] == scenario:
            return
        doc = ev.document
        work = len(doc.projects) * (len(doc.overrides_of(scenario)) + 1)
        if work <= BACKGROUND_WORK:
            self._draw(key, compute(ev, scenario))
            return
        self.heading.setText(tr("Computing where the output comes from…"))
        if self._task is not None:
            self._task.cancel()
        task = self._task = run_task(lambda _progress: compute(ev, scenario),
                                     title=tr("Attribution"))
        task.finished.connect(lambda value, key=key: self._on_done(key, value))
        task.failed.connect(lambda exc: self.heading.setText(
            tr("The attribution could not be computed: %1").replace("%1", str(exc))))

    def _on_done(self, key, value) -> None:
        ev, scenario = self.session.evaluation, self.session.active_scenario
        if key[0] is ev and key[1] == scenario:
            self._draw(key, value)

    # -- drawing -------------------------------------------------------------------------
    def _draw(self, key, value) -> None:
        attribution, effects, parent = value
        ev, scenario = key
        self._shown_for = key
        self.compute_count += 1
        result = ev.results[scenario]
        if attribution is None:
            self.heading.setText(tr(
                "The target year %1 is not after the anchor year %2: there is nothing left to "
                "attribute.").replace("%1", str(result.target_year_goal))
                .replace("%2", str(result.anchor_year)))
            self.waterfall.set_steps("", [])
            self.model.set_grid([], [], [])
        else:
            self._draw_attribution(attribution, scenario, result)
        self._draw_effects(ev, scenario, parent, effects)
        self.computed.emit()

    def _anchor_label(self, year: int, result) -> str:
        h = self.session.evaluation.history
        if year == h.current_year and h.months:
            return tr("%1 estimate").replace("%1", str(year))
        if year <= h.actual_year and year > h.base_year:
            return tr("%1 actual").replace("%1", str(year))
        return str(year)

    def _steps(self, a, chains_by_name: bool = True) -> list[Step]:
        steps = [Step(self._anchor_label(a.from_year, None), a.start, "total")]
        for chain, ca in a.chains.items():
            if abs(ca.base_growth) > 1e-9:
                steps.append(Step(tr("Base growth: %1").replace("%1", chain), ca.base_growth,
                                  tip=tr("Growth of the chain's existing output")))
        for stage in STAGE_ORDER:
            v = a.projects.get(stage, 0.0)
            if abs(v) > 1e-9:
                steps.append(Step(tr("Projects: %1").replace("%1", _stage(stage)), v))
        for label, v in ((tr("Pipeline (招商储备)"), a.pipeline),
                         (tr("Incubation (孵化)"), a.incubation), (tr("Price"), a.price)):
            if abs(v) > 1e-9:
                steps.append(Step(label, v))
        steps.append(Step(tr("%1 projected").replace("%1", str(a.to_year)), a.end, "total"))
        if a.gap is not None and a.gap > 1e-9:
            steps.append(Step(tr("Gap to target"), a.gap, "gap",
                              tip=tr("Still missing to reach the target")))
        return steps

    def _draw_attribution(self, a, scenario: str, result) -> None:
        gap = (tr("short of the target by %1").replace("%1", fmt.yi(a.gap)) if a.gap > 0
               else tr("above the target by %1").replace("%1", fmt.yi(-a.gap))) \
            if a.gap is not None else ""
        self.heading.setText(tr("Scenario “%1”: from %2 (%3) to %4 in %5, %6.")
                             .replace("%1", scenario).replace("%2", fmt.yi(a.start))
                             .replace("%3", self._anchor_label(a.from_year, result))
                             .replace("%4", fmt.yi(a.end)).replace("%5", str(a.to_year))
                             .replace("%6", gap))
        self.waterfall.set_steps(tr("Where the %1 output comes from (%2)").replace(
            "%1", str(a.to_year)).replace("%2", scenario), self._steps(a))
        self._fill_table(a)

    def _fill_table(self, a) -> None:
        columns = ([("start", tr("Start"))] + [("base_growth", tr("Base growth"))]
                   + [(f"stage:{s}", tr("Projects: %1").replace("%1", _stage(s)))
                      for s in STAGE_ORDER]
                   + [("pipeline", tr("Pipeline")), ("incubation", tr("Incubation")),
                      ("price", tr("Price")), ("end", tr("End")), ("gap", tr("Gap"))])
        rows, names = [], []
        for name, part in list(a.chains.items()) + [(tr("Park total"), a)]:
            line = []
            for key, _title in columns:
                if key.startswith("stage:"):
                    v = part.projects.get(key[6:], 0.0)
                else:
                    v = getattr(part, key, None)
                if v is None:
                    line.append(GridCell(fmt.DASH))
                    continue
                total = key in ("start", "end")
                text = money(v) if total or key == "gap" else signed(v)
                line.append(GridCell(text, float(v), bold=total))
            if part is a:
                line = [replace(c, background=TOTAL_TINT, bold=True) for c in line]
            rows.append(line)
            names.append(name)
        tips = [tr("Output in the anchor year (亿元)")] + [""] * (len(columns) - 3) + [
            tr("Projected output in the target year (亿元)"),
            tr("Target minus the projected output (亿元)")]
        self.model.set_grid(names, [t for _k, t in columns], rows, tips)
        self.view.fit(64)
        self.view.setMaximumHeight(16777215)   # the splitter decides its height

    def _draw_effects(self, ev, scenario: str, parent: str | None, effects) -> None:
        own = ev.document.overrides_of(scenario)
        if parent is None or not own:
            self.effects_chart.hide()
            return
        self.effects_chart.show()
        n = ev.results[scenario].target_year_goal
        start = ev.results[parent].value_at_target_year if parent in ev.results else None
        end = ev.results[scenario].value_at_target_year
        if start is None:
            start = end - sum(e.effect for e in effects)
        steps = [Step(tr("“%1” in %2").replace("%1", parent).replace("%2", str(n)), start,
                      "total")]
        for e in effects:
            steps.append(Step(describe_effect(e.override, e.effect), e.effect,
                              tip=describe(e.override), valued=True))
        steps.append(Step(tr("“%1” in %2").replace("%1", scenario).replace("%2", str(n)), end,
                          "total"))
        total = sum(e.effect for e in effects)
        self.effects_chart.set_steps(
            tr("From “%1” to “%2”: %3").replace("%1", parent).replace("%2", scenario)
            .replace("%3", effect_text(total)), steps)
