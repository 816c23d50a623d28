"""A scenario's projection result and its tabular views."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Result:
    """Output of the engine for one scenario; money in 亿元 at current prices."""

    scenario: str
    years: np.ndarray                 # int (Y,)
    chains: tuple[str, ...]
    base: np.ndarray                  # (C, Y) each component × price index
    projects: np.ndarray              # (C, Y)
    pipeline: np.ndarray              # (C, Y)
    incubation: np.ndarray            # (C, Y)
    chain_total: np.ndarray           # (C, Y) O[c, y]
    total: np.ndarray                 # (Y,) Y(y)
    value_added: np.ndarray           # (Y,)
    investment: np.ndarray            # (Y,) FAI, not price-scaled
    investment_by_chain: np.ndarray   # (C, Y)
    project_ids: tuple[str, ...]
    project_output: np.ndarray        # (J, Y) V_j(y) × price; zero for excluded projects
    target_value: float
    target_year_goal: int             # N
    target_year: int | None           # first year with Y ≥ T, or None
    value_at_target_year: float       # Y(N)
    gap_at_target_year: float         # T − Y(N)
    required_cagr: float | None
    implied_cagr: float | None
    # v2 (model.md §6): the path above is the re-forecast; these describe history and plan
    actual: np.ndarray | None = None          # (C, Y) whole chain output, y0 < y ≤ a*
    plan_total: np.ndarray | None = None      # (Y,) the plan path (v1, every override row)
    plan_chain_total: np.ndarray | None = None  # (C, Y)
    actual_year: int | None = None            # a
    anchor_year: int | None = None            # a*
    required_cagr_from_anchor: float | None = None
    implied_cagr_from_anchor: float | None = None
    slipped_projects: tuple[str, ...] = ()
    slipped_due: tuple[int, ...] = ()         # S'_j of each slipped project

    @property
    def base_year(self) -> int:
        return int(self.years[0])

    def totals_frame(self) -> "pd.DataFrame":
        """Years as rows: total, value added, investment."""
        import pandas as pd  # imported when a table is asked for: `qianyi run` never needs it
        return pd.DataFrame({"total": self.total, "value_added": self.value_added,
                             "investment": self.investment},
                            index=pd.Index(self.years, name="year"))

    def chains_frame(self) -> "pd.DataFrame":
        """Chain × year output at current prices."""
        import pandas as pd
        return pd.DataFrame(self.chain_total, index=pd.Index(self.chains, name="chain"),
                            columns=self.years)

    def components_frame(self) -> "pd.DataFrame":
        """Long table: chain, component, then one column per year."""
        import pandas as pd
        rows = []
        for name in ("actual", "base", "projects", "pipeline", "incubation", "chain_total"):
            block = getattr(self, name)
            if block is None:
                continue
            for c, chain in enumerate(self.chains):
                rows.append((chain, "total" if name == "chain_total" else name, *block[c]))
        return pd.DataFrame(rows, columns=["chain", "component", *self.years])

    def projects_frame(self) -> "pd.DataFrame":
        import pandas as pd
        return pd.DataFrame(self.project_output, index=pd.Index(self.project_ids, name="id"),
                            columns=self.years)
