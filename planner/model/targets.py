"""Target decomposition (model.md §7): park and chain targets for a+1 … N, the current
year's months and quarters, and targets beside the actuals of complete years."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from models import TOTAL_KEY, Document, DocumentError, Location, ValidationIssue, labels
from planner.model.history import annual_history
from planner.model.result import Result

if TYPE_CHECKING:
    from planner.model.evaluate import Evaluator


@dataclass(frozen=True)
class Targets:
    method: str                       # "even" or "scenario" (as set; see fallback)
    reference_scenario: str
    anchor_year: int                  # a
    years: tuple[int, ...]            # a+1 … N
    chains: tuple[str, ...]
    total: np.ndarray                 # (n,) Tgt(y)
    by_chain: np.ndarray              # (C, n) Tgt[c,y]
    locked: np.ndarray                # (C, n) bool: a given row
    given_total: np.ndarray           # (n,) bool: a given park total row
    unallocated: np.ndarray           # (n,)
    current_year: int                 # t
    months_total: np.ndarray | None   # (12,) when t ≤ N
    months_chains: np.ndarray | None  # (C, 12)
    quarters_total: np.ndarray | None
    quarters_chains: np.ndarray | None
    history_years: tuple[int, ...]    # y0+1 … a
    history_target_total: np.ndarray  # (k,) NaN where none given
    history_target_chains: np.ndarray  # (C, k)
    history_actual_total: np.ndarray  # (k,)
    history_actual_chains: np.ndarray  # (C, k)
    fallback: bool                    # scenario method fell back to even
    warnings: tuple[str, ...]

    def at(self, year: int) -> tuple[float, np.ndarray, float] | None:
        """(Tgt(y), Tgt[c,y], unallocated(y)) or None outside a+1 … N."""
        if year not in self.years:
            return None
        i = self.years.index(year)
        return float(self.total[i]), self.by_chain[:, i], float(self.unallocated[i])

    @property
    def history_completion_total(self) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.history_target_total > 0,
                            self.history_actual_total / self.history_target_total, np.nan)

    @property
    def history_completion_chains(self) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.history_target_chains > 0,
                            self.history_actual_chains / self.history_target_chains, np.nan)


class NoTargets(Exception):
    """The decomposition has no defined answer for this document (said in a notice)."""


def reference_name(doc: Document) -> str:
    name = doc.settings.target_scenario
    if name and name in doc.scenario_names:
        return name
    return doc.scenario_names[0]


def _reference_result(doc: Document, evaluator: "Evaluator", results: dict[str, Result],
                      name: str) -> Result:
    """Z: the reference scenario's re-forecast anchored on a (monthly rows ignored)."""
    history = evaluator.history
    if history.anchor_year == history.actual_year and name in results:
        return results[name]
    from planner.model.evaluate import Evaluator as _Evaluator
    annual = _Evaluator(doc, annual_history(history), evaluator.resolver)
    return annual.run(name, with_plan=False)    # Z's totals never read the plan path


def decompose(doc: Document, evaluator: "Evaluator", results: dict[str, Result]
              ) -> Targets:
    s = doc.settings
    history = evaluator.history
    chains = history.chains
    n_chains = len(chains)
    a, t, y0 = history.actual_year, history.current_year, history.base_year
    N, T = s.target_year, s.target_value
    name = reference_name(doc)
    warnings: list[str] = []
    years = tuple(range(a + 1, N + 1))
    n = len(years)
    total = np.zeros(n)
    by_chain = np.zeros((n_chains, n))
    locked = np.zeros((n_chains, n), dtype=bool)
    given_total = np.zeros(n, dtype=bool)
    unallocated = np.zeros(n)
    fallback = False
    index = {c: i for i, c in enumerate(chains)}
    given: dict[tuple[int, str], float] = {(r.year, r.chain): r.target for r in doc.targets}
    if n:
        z = _reference_result(doc, evaluator, results, name)
        za = float(z.total[a - y0])
        method = s.target_method
        if method == "scenario":
            zn = float(z.total[N - y0])
            if zn <= za:
                fallback = True
                warnings.append(
                    f"target method 'scenario': the reference scenario {name} does not grow "
                    f"from {a} to {N} ({za:,.2f} → {zn:,.2f}), so the targets follow the "
                    f"even method")
        errors = []
        for i, y in enumerate(years):
            if (y, TOTAL_KEY) in given:
                total[i] = given[(y, TOTAL_KEY)]
                given_total[i] = True
            elif method == "scenario" and not fallback:
                total[i] = za + (float(z.total[y - y0]) - za) * (T - za) / (zn - za)
            elif za > 0:
                total[i] = za * (T / za) ** ((y - a) / (N - a))
            else:
                raise NoTargets(
                    f"targets cannot be decomposed: the even method needs a positive output "
                    f"in {a} ({za:,.2f}); give the park total for {y} in the Targets sheet")
            for c, chain in enumerate(chains):
                if (y, chain) in given:
                    locked[c, i] = True
                    by_chain[c, i] = given[(y, chain)]
            rest = total[i] - by_chain[locked[:, i], i].sum()
            free = ~locked[:, i]
            if free.any():
                if rest < 0:
                    errors.append(ValidationIssue(
                        f"targets for {y}: the locked chains ({by_chain[locked[:, i], i].sum():,.2f}) "
                        f"exceed the park total ({total[i]:,.2f}) with chains left to share "
                        f"the remainder", Location(sheet=labels.SHEET_EN["targets"])))
                    continue
                weight = z.chain_total[free, y - y0]
                if weight.sum() > 0:
                    by_chain[free, i] = rest * weight / weight.sum()
                else:
                    by_chain[free, i] = rest / free.sum()
            else:
                unallocated[i] = rest
                if rest != 0:
                    warnings.append(
                        f"targets for {y}: every chain is locked and their sum differs from "
                        f"the park total by {rest:,.2f} (unallocated)")
        if errors:
            raise DocumentError(errors)
    months_total = months_chains = quarters_total = quarters_chains = None
    if a < t <= N:
        i = years.index(t)
        share = np.diff(history.profile, axis=1)                      # (C, 12)
        months_chains = by_chain[:, i][:, None] * share
        months_total = months_chains.sum(axis=0) + unallocated[i] / 12.0
        quarters_chains = months_chains.reshape(n_chains, 4, 3).sum(axis=2)
        quarters_total = months_total.reshape(4, 3).sum(axis=1)
    hist_years = tuple(range(y0 + 1, a + 1))
    k = len(hist_years)
    h_total = np.full(k, np.nan)
    h_chains = np.full((n_chains, k), np.nan)
    for (y, chain), value in given.items():
        if y0 < y <= a:
            if chain == TOTAL_KEY:
                h_total[y - y0 - 1] = value
            elif chain in index:
                h_chains[index[chain], y - y0 - 1] = value
    act_chains = history.actual[:, 1: a - y0 + 1] if k else np.zeros((n_chains, 0))
    return Targets(
        method=s.target_method, reference_scenario=name, anchor_year=a, years=years,
        chains=chains, total=total, by_chain=by_chain, locked=locked,
        given_total=given_total, unallocated=unallocated, current_year=t,
        months_total=months_total, months_chains=months_chains,
        quarters_total=quarters_total, quarters_chains=quarters_chains,
        history_years=hist_years, history_target_total=h_total,
        history_target_chains=h_chains, history_actual_total=act_chains.sum(axis=0),
        history_actual_chains=act_chains, fallback=fallback, warnings=tuple(warnings))
