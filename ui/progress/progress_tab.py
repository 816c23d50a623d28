"""The 进度 tab: where this year stands — YTD against the decomposed targets (完成率,
时序进度, ahead/behind in points, the seasonally expected YTD) per chain and in total,
the year estimate, and a chart of cumulative actual vs the target's cumulative months."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel, QWidget

from ui.progress.common import (TOTAL_TINT, money, percent, points, sign_brush,
                                tr, year_month)
from ui.progress.grid import GridCell, GridModel
from ui.progress.grid_view import GridView
from ui.progress.progress_chart import ProgressChart
from ui.progress.tab import ProgressTab
from ui.session import Session

PARK = -1   # the chart's "chain" index for the park total


def _signed_cell(x: float | None, text: str, tip: str = "") -> GridCell:
    brush = sign_brush(x)
    return GridCell(text, x, tooltip=tip, foreground=brush.color() if brush else None,
                    bold=brush is not None)


def _at(values, c: int):
    return None if values is None else float(values[c])


class ProgressTabWidget(ProgressTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.layout_.addWidget(self.heading)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { background: #FFF3CD; color: #664D03; "
                                  "border: 1px solid #FFE69C; padding: 6px 10px; }")
        self.layout_.addWidget(self.notice)
        self.model = GridModel(None, self)
        self.view = GridView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setDefaultSectionSize(104)
        self.view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(GridView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(GridView.SelectionMode.SingleSelection)
        self.view.clicked.connect(self._on_row)
        self.chart = ProgressChart(self)
        self.chart.setMinimumHeight(240)
        self.layout_.addWidget(self.view)
        self.layout_.addWidget(self.chart, 1)
        self.chart_chain = PARK
        self.refresh()

    def _on_row(self, index: QModelIndex) -> None:
        chains = self.session.evaluation.history.chains
        self.chart_chain = index.row() if index.row() < len(chains) else PARK
        self._draw_chart()

    # -- drawing -------------------------------------------------------------------------
    def redraw(self) -> None:
        ev = self.session.evaluation
        h, p = ev.history, ev.progress
        if self.chart_chain >= len(h.chains):
            self.chart_chain = PARK
        if p is None or h.months == 0:
            self.heading.setText(tr("Progress of %1").replace("%1", str(h.current_year)))
            self.notice.setText(tr(
                "No monthly figures for %1 yet, so there is no year-to-date, completion or "
                "estimate. Enter or paste the months on the Actuals tab (实绩).").replace(
                "%1", str(h.current_year)))
            self.notice.show()
            self.model.set_grid([], [], [])
            self.view.hide()
        else:
            self.view.show()
            self._fill_table(p)
            self.heading.setText(self._heading(p))
            warn = self._target_notice(p)
            self.notice.setText(warn)
            self.notice.setVisible(bool(warn))
        self._draw_chart()

    def _heading(self, p) -> str:
        text = tr("%1: time progress %2").replace("%1", year_month(p.year, p.months)) \
            .replace("%2", percent(p.time_progress, 1))
        if p.completion_total is not None and not np.isnan(p.completion_total):
            text += tr(", completion %1 (%2)").replace(
                "%1", percent(p.completion_total, 1)).replace("%2", points(p.ahead_pp_total))
        text += tr("; year estimate %1 亿元").replace("%1", money(p.estimate_total))
        return text

    def _target_notice(self, p) -> str:
        if p.target_total is None:
            return tr("There is no target for %1 (it lies after the target year), so "
                      "completion is not measured; YTD and the estimate are shown.").replace(
                "%1", str(p.year))
        if p.target_total == 0:
            return tr("The target for %1 is 0: completion is not measured.").replace(
                "%1", str(p.year))
        return ""

    def _fill_table(self, p) -> None:
        rows = []
        names = list(p.chains) + [tr("Park total")]
        for c in range(len(p.chains) + 1):
            total = c == len(p.chains)
            get = (lambda name: getattr(p, name + "_total")) if total else \
                (lambda name, c=c: _at(getattr(p, name), c))
            ytd, target, completion = get("ytd"), get("target"), get("completion")
            ahead, expected = get("ahead_pp"), get("expected_ytd")
            seasonal, estimate = get("ahead_seasonal_pp"), get("estimate")
            est_share = (estimate / target if target else None) if target is not None else None
            line = [
                GridCell(money(ytd), ytd),
                GridCell(money(target), target),
                GridCell(percent(completion, 1), completion),
                GridCell(percent(p.time_progress, 1), p.time_progress),
                _signed_cell(ahead, points(ahead),
                             tr("Completion minus time progress")),
                GridCell(money(expected), expected,
                         tooltip=tr("What the target would have reached by now with the "
                                    "chain's usual seasonal pattern")),
                _signed_cell(seasonal, points(seasonal),
                             tr("(YTD − seasonally expected YTD) ÷ the year's target")),
                GridCell(money(estimate), estimate, bold=True),
                _signed_cell(None if est_share is None else est_share - 1,
                             percent(est_share, 1)),
            ]
            if total:
                line = [replace(cell, background=TOTAL_TINT, bold=True) for cell in line]
            rows.append(line)
        year = str(p.year)
        headers = [tr("YTD (1–%1)").replace("%1", str(p.months)),
                   tr("%1 target").replace("%1", year), tr("Completion"),
                   tr("Time progress"), tr("vs time progress"), tr("Seasonal expectation"),
                   tr("vs seasonal"), tr("%1 estimate").replace("%1", year),
                   tr("Estimate ÷ target")]
        tips = [tr("Output of months 1–%1 (亿元)").replace("%1", str(p.months)),
                tr("The decomposed target of the year (目标分解, 亿元)"),
                tr("YTD ÷ the year's target (完成率)"),
                tr("Months passed ÷ 12 (时序进度)"),
                tr("Ahead (+) or behind (−) time progress, in percentage points"),
                tr("Target × the usual seasonal share of months 1–%1 (亿元)").replace(
                    "%1", str(p.months)),
                tr("Ahead (+) or behind (−) the seasonal expectation, in percentage points"),
                tr("YTD ÷ the usual seasonal share: where the year lands (亿元)"),
                tr("The estimate against the year's target")]
        self.model.set_grid(names, headers, rows, tips)
        self.view.fit(72)

    def _draw_chart(self) -> None:
        ev = self.session.evaluation
        h, t = ev.history, ev.targets
        c = self.chart_chain
        name = tr("Park total") if c == PARK else h.chains[c]
        year = h.current_year
        actual = target = path = None
        if h.months:
            monthly = h.monthly if c == PARK else h.monthly[c:c + 1]
            months = np.nansum(monthly, axis=0)
            cum = np.cumsum(months)
            cum[h.months:] = np.nan
            actual = cum
            est = h.estimate if c == PARK else h.estimate[c:c + 1]
            profile = h.profile if c == PARK else h.profile[c:c + 1]
            path = (est[:, None] * profile[:, 1:]).sum(axis=0)
            path[:h.months - 1] = np.nan
            path[h.months - 1] = cum[h.months - 1]
        if t is not None and t.months_total is not None and t.current_year == year:
            months = t.months_total if c == PARK else t.months_chains[c]
            target = np.cumsum(months)
        title = tr("%1 — cumulative output %2").replace("%1", name).replace("%2", str(year))
        names = {"actual": tr("Actual (cumulative)"),
                 "target": tr("Target (cumulative months)"),
                 "estimate": tr("Seasonal path to the estimate"),
                 "month": tr("Month"), "unit": tr("100m CNY (亿元)")}
        self.chart.update_series(title, names, actual, target, path)
