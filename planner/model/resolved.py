"""A scenario's resolved inputs: everything the engine needs, as numpy arrays."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models import Ramp, Settings


@dataclass(frozen=True)
class ResolvedProjects:
    """Effective per-project values (model.md §1), one entry per project in document order."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    chain_index: np.ndarray        # int (J,)
    investment: np.ndarray         # (J,)
    stage: tuple[str, ...]
    production_year: np.ndarray    # int (J,)
    output_ratio: np.ndarray       # (J,)
    probability: np.ndarray        # (J,)
    delay: np.ndarray              # int (J,)
    include: np.ndarray            # bool (J,)
    build_years: np.ndarray        # int (J,)
    ramps: tuple[Ramp, ...]

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def effective_year(self) -> np.ndarray:
        """S' = S + d, except that delay is ignored for stage production."""
        producing = np.array([s == "production" for s in self.stage], dtype=bool)
        return np.where(producing, self.production_year, self.production_year + self.delay)


@dataclass(frozen=True)
class ResolvedInputs:
    scenario: str
    settings: Settings
    years: np.ndarray              # int (Y,), y0..E
    chains: tuple[str, ...]
    base_output: np.ndarray        # (C,)
    output_ratio: np.ndarray       # (C,)
    value_added_rate: np.ndarray   # (C,)
    build_years: np.ndarray        # int (C,)
    ramps: tuple[Ramp, ...]
    growth: np.ndarray             # (C, Y); column 0 (y0) unused and 0
    price: np.ndarray              # (C, Y)
    pipeline: np.ndarray           # (C, Y); column 0 is 0
    graduates: np.ndarray          # (C, Y)
    revenue_per_firm: np.ndarray   # (C, Y)
    stage_probability: dict[str, float]
    projects: ResolvedProjects

    @property
    def base_year(self) -> int:
        return int(self.years[0])
