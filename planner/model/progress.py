"""This year's progress (model.md §6): YTD, the estimate, and the measures against the
decomposed targets (完成率, 时序进度, seasonally expected YTD)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.model.history import MONTHS, History
from planner.model.targets import Targets


@dataclass(frozen=True)
class Progress:
    year: int                      # t
    months: int                    # m
    time_progress: float           # m / 12
    chains: tuple[str, ...]
    share: np.ndarray              # (C,) s_c
    ytd: np.ndarray                # (C,)
    ytd_total: float
    estimate: np.ndarray           # (C,)
    estimate_total: float
    # against the targets of t; None where t has no target (t > N) or it is 0
    target: np.ndarray | None = None             # (C,)
    target_total: float | None = None
    completion: np.ndarray | None = None         # (C,) NaN where the chain's target is 0
    completion_total: float | None = None
    ahead_pp: np.ndarray | None = None
    ahead_pp_total: float | None = None
    expected_ytd: np.ndarray | None = None
    expected_ytd_total: float | None = None
    ahead_seasonal_pp: np.ndarray | None = None
    ahead_seasonal_pp_total: float | None = None


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den != 0, num / np.where(den != 0, den, 1.0), np.nan)


def progress_of(history: History, targets: Targets | None) -> Progress | None:
    """None when the current year has no monthly rows."""
    m = history.months
    if m == 0 or history.ytd is None or history.estimate is None:
        return None
    share = history.nowcast_share
    ytd, est = history.ytd, history.estimate
    tp = m / MONTHS
    base = dict(year=history.current_year, months=m, time_progress=tp, chains=history.chains,
                share=share, ytd=ytd, ytd_total=float(ytd.sum()), estimate=est,
                estimate_total=float(est.sum()))
    at = targets.at(history.current_year) if targets is not None else None
    if at is None or not at[0] > 0:
        return Progress(**base)
    total, by_chain, unallocated = at
    ytd_total = float(ytd.sum())
    expected = share * by_chain
    expected_total = float(expected.sum() + unallocated * tp)
    completion = _ratio(ytd, by_chain)
    return Progress(
        **base, target=by_chain.copy(), target_total=total, completion=completion,
        completion_total=ytd_total / total,
        ahead_pp=100.0 * (completion - tp),
        ahead_pp_total=100.0 * (ytd_total / total - tp),
        expected_ytd=expected, expected_ytd_total=expected_total,
        ahead_seasonal_pp=100.0 * _ratio(ytd - expected, by_chain),
        ahead_seasonal_pp_total=100.0 * (ytd_total - expected_total) / total)
