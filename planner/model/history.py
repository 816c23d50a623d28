"""What has already happened (model.md §6): actuals, the seasonal profile, the nowcast
and the anchor year. Scenario-independent: history is fact, scenarios act on the future."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from models import Document
from planner.model.memo import IdentityMemo, frozen

MONTHS = 12


@dataclass(frozen=True)
class History:
    base_year: int                      # y0
    actual_year: int                    # a: last year with complete annual actuals
    current_year: int                   # t = a + 1
    months: int                         # m: months of monthly actuals in t (0 = none)
    anchor_year: int                    # a*
    chains: tuple[str, ...]
    actual: np.ndarray                  # (C, Y) Act[c,y] for y0 < y <= a, NaN elsewhere
    actual_value_added: np.ndarray      # (C, Y) NaN where not given
    actual_investment: np.ndarray       # (C, Y) NaN where not given
    profile: np.ndarray                 # (C, 13) S[c,k], k = 0..12
    profile_year: tuple[int | None, ...]  # year each chain's profile comes from (None: k/12)
    monthly: np.ndarray                 # (C, 12) M[c,t,k] (NaN where no row)
    ytd: np.ndarray | None              # (C,) YTD[c]; None when m == 0
    estimate: np.ndarray | None         # (C,) Est[c]
    anchor_output: np.ndarray | None    # (C,) O[c,a*] at current prices; None when a* == y0

    @property
    def has_actuals(self) -> bool:
        return self.actual_year > self.base_year

    @property
    def nowcast_share(self) -> np.ndarray | None:
        """s_c = S[c,m] (m/12 where that is 0), the share of the year done by month m."""
        if self.months == 0:
            return None
        s = self.profile[:, self.months].copy()
        s[s == 0] = self.months / MONTHS
        return s


def monthly_cube(doc: Document, chains: list[str]) -> dict[int, np.ndarray]:
    """year -> (C, 12) monthly outputs, NaN where no row; a combined 1–2月 row is halved."""
    index = {c: i for i, c in enumerate(chains)}
    cube: dict[int, np.ndarray] = {}
    for r in doc.monthly:
        if r.chain not in index:
            continue
        block = cube.get(r.year)
        if block is None:
            block = cube[r.year] = np.full((len(chains), MONTHS), np.nan)
        c = index[r.chain]
        if r.combined:
            block[c, 0] = block[c, 1] = r.output / 2.0
        else:
            block[c, r.month - 1] = r.output
    return cube


def seasonal_profile(cube: dict[int, np.ndarray], last_complete: int, n_chains: int
                     ) -> tuple[np.ndarray, tuple[int | None, ...]]:
    """S[c,k] from the latest year <= a with all twelve months and a positive sum."""
    profile = np.tile(np.arange(MONTHS + 1) / MONTHS, (n_chains, 1))
    source: list[int | None] = [None] * n_chains
    for year in sorted((y for y in cube if y <= last_complete), reverse=True):
        block = cube[year]
        for c in range(n_chains):
            if source[c] is not None:
                continue
            row = block[c]
            if np.isnan(row).any() or not row.sum() > 0:
                continue
            profile[c, 1:] = np.cumsum(row) / row.sum()
            profile[c, MONTHS] = 1.0
            source[c] = year
    return profile, tuple(source)


def annual_history(history: History) -> History:
    """The same history anchored on the last complete year (monthly rows ignored), §7."""
    if history.anchor_year == history.actual_year:
        return history
    a, y0 = history.actual_year, history.base_year
    anchor_output = history.actual[:, a - y0].copy() if a > y0 else None
    return replace(history, anchor_year=a, anchor_output=anchor_output)


# Between edits: the history of the same Actuals and Monthly tables (read-only arrays)
_HISTORY: IdentityMemo[History] = IdentityMemo(4)


def history_of(doc: Document, nowcast: bool | None = None) -> History:
    """The document's history; ``nowcast=False`` ignores monthly rows for the anchor
    (target decomposition anchors on complete years), ``None`` follows the setting.
    Its arrays are read-only (shared between evaluations of unchanged tables)."""
    s = doc.settings
    use_nowcast = bool(s.nowcast_anchor) if nowcast is None else nowcast
    key = (id(doc.monthly), doc.monthly, tuple(doc.chain_names), s.base_year, s.end_year,
           use_nowcast)
    return _HISTORY.get(doc.actuals, key, lambda: _history(doc, use_nowcast))


def _history(doc: Document, use_nowcast: bool) -> History:
    s = doc.settings
    chains = doc.chain_names
    n_chains = len(chains)
    years = np.arange(s.base_year, s.end_year + 1)
    y0 = s.base_year
    index = {c: i for i, c in enumerate(chains)}
    shape = (n_chains, years.size)
    actual = np.full(shape, np.nan)
    va = np.full(shape, np.nan)
    inv = np.full(shape, np.nan)
    a = y0
    for r in doc.actuals:
        if r.chain not in index or not (y0 < r.year <= s.end_year):
            continue
        c, k = index[r.chain], r.year - y0
        actual[c, k] = r.output
        if r.value_added is not None:
            va[c, k] = r.value_added
        if r.investment is not None:
            inv[c, k] = r.investment
        a = max(a, r.year)
    t = a + 1
    cube = monthly_cube(doc, chains)
    profile, source = seasonal_profile(cube, a, n_chains)
    current = cube.get(t) if t <= s.end_year else None
    months = 0
    monthly = np.full((n_chains, MONTHS), np.nan)
    ytd = estimate = None
    if current is not None:
        monthly = current
        filled = ~np.isnan(current)
        # the same months 1..m for every chain (the reader checks); m = the last month held
        months = int(np.max(np.nonzero(filled.any(axis=0))[0]) + 1) if filled.any() else 0
    if months:
        ytd = np.nansum(monthly[:, :months], axis=1)
        share = profile[:, months].copy()
        share[share == 0] = months / MONTHS
        estimate = ytd / share
    anchor_year = t if (months and use_nowcast) else a
    anchor_output = None
    if anchor_year > y0:
        anchor_output = estimate.copy() if anchor_year == t else actual[:, a - y0].copy()
    frozen(*(x for x in (actual, va, inv, profile, monthly, ytd, estimate, anchor_output)
             if x is not None))
    return History(base_year=y0, actual_year=a, current_year=t, months=months,
                   anchor_year=anchor_year, chains=tuple(chains), actual=actual,
                   actual_value_added=va, actual_investment=inv, profile=profile,
                   profile_year=source, monthly=monthly, ytd=ytd, estimate=estimate,
                   anchor_output=anchor_output)
