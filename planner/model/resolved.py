"""A scenario's resolved inputs: everything the engine needs, as numpy arrays."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Hashable, TypeVar

import numpy as np

from models import Ramp, Settings
from planner.model.memo import frozen
from planner.model.ramp import ramp_matrix

T = TypeVar("T")

# memo key of the engine's ramp steps (they depend on production year, delay, stage and
# ramp only; resolution carries them to projects that share those)
RAMP_STEPS_KEY = "ramp steps"


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
    # values derived from the fields above, computed once (see memo); never compared,
    # never copied by dataclasses.replace (a replaced object starts empty)
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.ids)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()`` once per key for this object. Only for values that depend on
        nothing but these fields (and the key); arrays come back read-only, so the
        fields' arrays must never be written in place (resolution makes them read-only)."""
        value = self._memo.get(key)
        if value is None:
            value = compute()
            frozen(*(v for v in (value if isinstance(value, tuple) else (value,))
                     if isinstance(v, np.ndarray)))
            self._memo[key] = value
        return value

    @property
    def ramp_table(self) -> np.ndarray:
        """ramp_matrix(ramps), read-only."""
        return self.memo("ramp_table", lambda: ramp_matrix(self.ramps))

    @property
    def producing(self) -> np.ndarray:
        """(J,) bool: stage production."""
        return self.memo("producing", lambda: np.fromiter(
            (s == "production" for s in self.stage), dtype=bool, count=len(self.stage)))

    @property
    def effective_year(self) -> np.ndarray:
        """S' = S + d, except that delay is ignored for stage production."""
        return np.where(self.producing, self.production_year,
                        self.production_year + self.delay)


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
