"""KPI cards: the numbers a planner looks at first, read from one Result."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from planner.model.history import History
from planner.model.result import Result
from ui import formatting as fmt
from ui.overview.steady import SteadyCard

GOOD, BAD, NEUTRAL = "#2E7D32", "#C62828", "#1F2D3D"
UPDATING = "#9AA5B1"   # a previous value while the new one is computed


def probability_text(p: float) -> str:
    """A simulated chance: '<0.1%' and '>99.9%' at the ends rather than a false 0% or 100%."""
    if p < 0.001:
        return "<0.1%"
    if p > 0.999:
        return ">99.9%"
    return fmt.percent(p, 1)


class KpiCard(SteadyCard):
    """Title, a large value and a one-line detail (their texts change on every edit
    without laying out the overview again: ui/overview/steady.py)."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("kpiCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title = self.add_line(QLabel())
        self.title.setObjectName("kpiTitle")
        self.value = self.add_line(QLabel(fmt.DASH))
        self.value.setObjectName("kpiValue")
        self.detail = self.add_line(QLabel())
        self.detail.setObjectName("kpiDetail")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.55)
        big.setBold(True)
        self.value.setFont(big)       # (the texts become selectable under the mouse)

    def set(self, title: str, value: str, detail: str = "", colour: str = NEUTRAL,
            tooltip: str = "") -> None:
        self.title.setText(title)
        self.value.setText(value)
        style = f"color: {colour};"
        if self.value.styleSheet() != style:   # restyling re-polishes the label: only on change
            self.value.setStyleSheet(style)
        self.detail.setText(detail)
        self.setToolTip(tooltip)
        self.fit()


class KpiPanel(QWidget):
    """Seven cards in one row, wrapping to more rows on a narrow window; texts are set by
    :meth:`update_result`."""

    KEYS = ("base", "target", "reached", "value_n", "gap", "cagr", "probability")
    CARD_WIDTH = 150   # the narrowest a card gets before the row wraps

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = {k: KpiCard(k, self) for k in self.KEYS}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.columns = 0
        self._arrange(len(self.KEYS))
        self._probability: float | None = None
        self._updating = False
        self._failure = ""
        self._draws = 0
        self._result: Result | None = None
        self.setStyleSheet(
            "QFrame#kpiCard { background: #FFFFFF; border: 1px solid #D5DCE4;"
            " border-radius: 6px; }"
            "QLabel#kpiTitle { color: #52606D; }"
            "QLabel#kpiDetail { color: #7B8794; }")

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for i in range(max(self.columns, columns, len(self.KEYS))):
            self.grid.setColumnStretch(i, 1 if i < columns else 0)
        for i, key in enumerate(self.KEYS):
            self.grid.addWidget(self.cards[key], i // columns, i % columns)
        self.columns = columns

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        hint.setWidth(min(hint.width(), 2 * self.CARD_WIDTH + 8))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        fits = max(2, (event.size().width() + 8) // (self.CARD_WIDTH + 8))
        columns = len(self.KEYS) if fits >= len(self.KEYS) else min(fits, 4)
        self._arrange(columns)
        super().resizeEvent(event)

    @property
    def shown_result(self) -> Result | None:
        """The result the cards show now."""
        return self._result

    def update_result(self, r: Result, history: History | None = None) -> None:
        self._result = r
        y0, n = r.base_year, r.target_year_goal
        c = self.cards
        self._where_we_stand(r, history)
        c["target"].set(self.tr("Target"), fmt.yi(r.target_value),
                        self.tr("by %1").replace("%1", str(n)))
        if r.target_year is None:
            c["reached"].set(self.tr("Target reached"), self.tr("Not within horizon"),
                             self.tr("projection to %1").replace("%1", str(int(r.years[-1]))),
                             BAD)
        else:
            on_time = r.target_year <= n
            late = r.target_year - n
            detail = (self.tr("on time") if on_time else
                      self.tr("%1 year(s) late").replace("%1", str(late)))
            c["reached"].set(self.tr("Target reached"),
                             self.tr("in %1").replace("%1", str(r.target_year)), detail,
                             GOOD if on_time else BAD)
        share = r.value_at_target_year / r.target_value if r.target_value else None
        c["value_n"].set(self.tr("Output in %1").replace("%1", str(n)),
                         fmt.yi(r.value_at_target_year),
                         self.tr("%1 of target").replace("%1", fmt.percent(share, 1)),
                         GOOD if share is not None and share >= 1 else NEUTRAL)
        gap = r.gap_at_target_year
        if gap > 0:
            c["gap"].set(self.tr("Shortfall in %1").replace("%1", str(n)), fmt.yi(gap),
                         self.tr("below target"), BAD)
        else:
            c["gap"].set(self.tr("Surplus in %1").replace("%1", str(n)), fmt.yi(-gap),
                         self.tr("above target"), GOOD)
        implied, required = r.implied_cagr, r.required_cagr
        start = y0
        if r.anchor_year > y0 and r.anchor_year < n:
            implied, required = r.implied_cagr_from_anchor, r.required_cagr_from_anchor
            start = r.anchor_year
        ok = implied is not None and required is not None and implied >= required
        c["cagr"].set(self.tr("Growth per year %1–%2").replace("%1", str(start))
                      .replace("%2", str(n)), fmt.percent(implied),
                      self.tr("required %1").replace("%1", fmt.percent(required)),
                      GOOD if ok else BAD,
                      self.tr("Projected compound annual growth of total output, against "
                              "the growth needed to reach the target in the target year."))
        self._show_probability()

    def _where_we_stand(self, r: Result, h: History | None) -> None:
        """The first card: "截至2026年10月" with the year to date and the year estimate when
        there are monthly figures; else the last actual year; else the base year."""
        card = self.cards["base"]
        if h is not None and h.months and h.ytd is not None:
            card.set(self.tr("As of %1, month %2").replace("%1", str(h.current_year))
                     .replace("%2", str(h.months)),
                     fmt.yi(float(h.ytd.sum())),
                     self.tr("year estimate %1").replace("%1", fmt.yi(float(h.estimate.sum()))),
                     tooltip=self.tr("Output of months 1–%1 of %2, and the whole year "
                                     "estimated with the usual seasonal pattern")
                     .replace("%1", str(h.months)).replace("%2", str(h.current_year)))
            return
        if h is not None and h.actual_year > h.base_year:
            a = h.actual_year
            total = float(r.total[a - r.base_year])
            card.set(self.tr("Actual %1").replace("%1", str(a)), fmt.yi(total),
                     self.tr("annual statistics"))
            return
        card.set(self.tr("Output in %1").replace("%1", str(r.base_year)),
                 fmt.yi(r.total[0]), self.tr("base year"))

    def set_probability(self, p: float | None, updating: bool = False, failure: str = "",
                        draws: int = 0) -> None:
        """Pr[Y(N) ≥ T] from a Monte Carlo run of ``draws`` draws, or None to show "—";
        ``updating``: ``p`` is the previous result, greyed while the new one is computed;
        ``failure``: why there is no result (already in the interface language)."""
        self._probability, self._updating = p, updating
        self._failure, self._draws = failure, draws
        self._show_probability()

    def _show_probability(self) -> None:
        n = self._result.target_year_goal if self._result is not None else ""
        title = self.tr("Chance to reach target")
        card = self.cards["probability"]
        p = self._probability
        if self._updating:
            card.set(title, fmt.DASH if p is None else probability_text(p), self.tr("updating…"),
                     UPDATING, self.tr("Simulating the latest change; the grey figure is the "
                                       "previous result."))
            return
        if self._failure:
            card.set(title, fmt.DASH, self.tr("simulation failed"), NEUTRAL,
                     self.tr("The simulation could not run: %1").replace("%1", self._failure))
            return
        if p is None:
            card.set(title, fmt.DASH, self.tr("run a simulation"))
            return
        tip = self.tr("P(Y(%1) ≥ T): the share of Monte Carlo draws whose output in %1 is at "
                      "least the target T").replace("%1", str(n))
        if self._draws:
            tip += self.tr(" (%1 draws, parameters from Settings; recomputed after every "
                           "change)").replace("%1", fmt.number(self._draws, 0))
        card.set(title, probability_text(p),
                 self.tr("share of simulations reaching it in %1").replace("%1", str(n)),
                 GOOD if p >= 0.5 else BAD, tip)
