"""The planning document as immutable values (workbook.md, model.md §1).

Optional cells stay ``None`` when the planner left them blank, so the app can tell a
default from an explicit value and a saved file keeps what the planner wrote.
``row`` remembers the source row for error messages and never takes part in equality.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

Ramp = tuple[float, ...]


def _row() -> int | None:
    return field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Settings:
    base_year: int
    end_year: int
    target_year: int
    park_name: str = ""
    metric: str = "营业收入"
    target_value: float = 1000.0
    default_ramp: Ramp = (0.3, 0.7, 1.0)
    default_build_years: int = 2
    mc_draws: int = 5000
    mc_seed: int = 1
    growth_sd: float = 0.03
    price_sd: float = 0.10
    delay_mode: float = 0.0
    delay_max: float = 2.0
    nowcast_anchor: int = 1            # v2 §6: 1 = anchor on the current year's nowcast
    target_method: str = "even"        # v2 §7: "even" (等速) or "scenario" (按情景)
    target_scenario: str = ""          # v2 §7: "" = the first scenario

    @property
    def years(self) -> range:
        return range(self.base_year, self.end_year + 1)


@dataclass(frozen=True)
class Chain:
    chain: str
    base_output: float
    industry: str = ""
    growth: float | None = None
    output_ratio: float | None = None
    value_added_rate: float | None = None
    ramp: Ramp | None = None
    build_years: int | None = None
    row: int | None = _row()


@dataclass(frozen=True)
class Project:
    id: str
    chain: str
    investment: float
    stage: str
    production_year: int
    name: str = ""
    output_ratio: float | None = None
    ramp: Ramp | None = None
    probability: float | None = None
    delay: int | None = None
    include: bool | None = None
    build_years: int | None = None
    note: str = ""
    row: int | None = _row()


@dataclass(frozen=True)
class StageRow:
    stage: str
    probability: float
    row: int | None = _row()


@dataclass(frozen=True)
class GrowthRow:
    chain: str
    year: int
    growth: float
    row: int | None = _row()


@dataclass(frozen=True)
class PriceRow:
    chain: str
    year: int
    index: float
    row: int | None = _row()


@dataclass(frozen=True)
class PipelineRow:
    year: int
    chain: str
    investment: float
    row: int | None = _row()


@dataclass(frozen=True)
class IncubationRow:
    year: int
    chain: str
    graduates: float
    revenue_per_firm: float
    row: int | None = _row()


@dataclass(frozen=True)
class Scenario:
    name: str
    parent: str | None = None
    description: str = ""
    row: int | None = _row()


@dataclass(frozen=True)
class Override:
    """One override row (model.md §4). ``years`` is "", "2026", "2026-2030" or "2026-"."""

    scenario: str
    table: str
    key: str
    field: str
    value: float | str
    years: str = ""
    op: str = "set"
    row: int | None = _row()


@dataclass(frozen=True)
class ActualRow:
    """Annual actuals of one chain and year (model.md §6), 亿元 at current prices."""

    chain: str
    year: int
    output: float
    value_added: float | None = None
    investment: float | None = None
    row: int | None = _row()


@dataclass(frozen=True)
class MonthlyRow:
    """One month's actual output of a chain (model.md §6).

    ``month`` is 1–12. ``combined`` marks the 1–2月 release: the row stands for month 2
    and its ``output`` covers January and February together (month 1 has no row).
    ``output`` is always the month's own output (a ytd column is differenced on reading).
    """

    chain: str
    year: int
    month: int
    output: float
    combined: bool = False
    row: int | None = _row()


TOTAL_KEY = "*"  # the park total in Targets rows (合计/total/* in the workbook)


@dataclass(frozen=True)
class TargetRow:
    """A given target (model.md §7): ``chain`` is a chain name or ``TOTAL_KEY``."""

    year: int
    chain: str
    target: float
    row: int | None = _row()


DEFAULT_SCENARIO = "基准"


@dataclass(frozen=True)
class Document:
    settings: Settings
    chains: tuple[Chain, ...] = ()
    projects: tuple[Project, ...] = ()
    stages: tuple[StageRow, ...] = ()
    growth: tuple[GrowthRow, ...] = ()
    prices: tuple[PriceRow, ...] = ()
    pipeline: tuple[PipelineRow, ...] = ()
    incubation: tuple[IncubationRow, ...] = ()
    scenarios: tuple[Scenario, ...] = (Scenario(DEFAULT_SCENARIO),)
    overrides: tuple[Override, ...] = ()
    actuals: tuple[ActualRow, ...] = ()
    monthly: tuple[MonthlyRow, ...] = ()
    targets: tuple[TargetRow, ...] = ()

    def scenario(self, name: str) -> Scenario:
        for s in self.scenarios:
            if s.name == name:
                return s
        raise KeyError(name)

    @property
    def scenario_names(self) -> list[str]:
        return [s.name for s in self.scenarios]

    @property
    def chain_names(self) -> list[str]:
        return [c.chain for c in self.chains]

    def overrides_of(self, scenario: str) -> tuple[Override, ...]:
        return tuple(o for o in self.overrides if o.scenario == scenario)

    def lineage(self, scenario: str) -> list[str]:
        """The scenario's ancestors, root first, ending with the scenario itself."""
        chain: list[str] = []
        name: str | None = scenario
        parents = {s.name: s.parent for s in self.scenarios}
        while name is not None:
            if name in chain:
                raise ValueError(f"scenario cycle through {name}")
            chain.append(name)
            name = parents.get(name)
        return list(reversed(chain))

    def replace(self, **changes) -> "Document":
        return replace(self, **changes)


def format_ramp(ramp: Ramp | None) -> str:
    if ramp is None:
        return ""
    return ",".join(_exact(u) for u in ramp)


def _exact(u: float) -> str:
    """A ramp value at full precision: 1 -> '1', 0.1000004999 stays as written."""
    v = float(u)
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)


def format_years(start: int | None, end: int | None, open_end: bool = False) -> str:
    if start is None:
        return ""
    if open_end:
        return f"{start}-"
    if end is None or end == start:
        return str(start)
    return f"{start}-{end}"
