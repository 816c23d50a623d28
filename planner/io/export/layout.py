"""Where everything sits on a calculation sheet (0-based rows and columns).

Rows 0–2 are a title, a units note and the year header that every formula refers to
(``$3``). Blocks follow top to bottom, each with a section row; year blocks put year
``y0 + j`` in column ``YEAR_COL + j``. Non-year blocks (stage probabilities, chain
parameters, project parameters) have their own header row.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from models import labels

YEAR_COL = 2          # first year column (C); A holds the chain/project, B the unit/name
HEADER_ROW = 2        # the year header row, frozen
YEAR_BLOCKS = ("chain_output", "growth", "price", "pipeline", "graduates",
               "revenue_per_firm", "base", "projects_output", "pipeline_output",
               "incubation_output", "project_investment", "pipeline_investment", "kernel")
# chain parameter columns
CH_NAME, CH_NO, CH_BASE, CH_K, CH_V, CH_B, CH_RAMP = range(7)
# project parameter columns, relative to the first parameter column
PROJECT_FIELDS = ("chain_no", "chain", "investment_in", "stage", "production_year", "delay",
                  "effective_year", "output_ratio", "probability", "include", "build_years")


# optional history blocks (model.md §6), in sheet order: key years, annual actuals,
# actual value added, the profile year's months, the seasonal profile, this year's
# months, the nowcast and anchor, history years' investment
HISTORY_BLOCKS = ("key_years", "actual", "actual_va", "profile_months", "profile",
                  "current_months", "nowcast", "history_investment")
HEADED = {"profile_months", "profile", "current_months", "nowcast"}
# nowcast block columns, from YEAR_COL: YTD, s_c, Est, O[a*], P[a*], B'
NOWCAST_COLS = ("ytd", "share", "estimate", "anchor_output", "anchor_price", "anchor_volume")
KEY_YEARS = ("actual_year", "anchor_year", "months")


@dataclass
class CalcLayout:
    n_chains: int
    n_years: int
    n_projects: int
    width: int                                   # ramp columns M
    history: frozenset[str] = frozenset()        # which HISTORY_BLOCKS the sheet has
    rows: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        r = HEADER_ROW + 2
        c = self.chain_rows

        def block(name: str, n: int, header: bool = False) -> None:
            nonlocal r
            self.rows[name + "_section"] = r
            r += 1
            if header:
                self.rows[name + "_header"] = r
                r += 1
            self.rows[name] = r
            r += n + 1

        block("results", 3)
        block("chain_output", c)
        for name in HISTORY_BLOCKS:
            if name in self.history:
                block(name, len(KEY_YEARS) if name == "key_years" else c,
                      header=name in HEADED)
        block("stages", len(labels.STAGES), header=True)
        block("chains", c, header=True)
        for name in YEAR_BLOCKS[1:-1]:
            block(name, c)
        block("kernel", c, header=True)
        block("projects", max(self.n_projects, 1), header=True)
        self.last_row = r

    # --- rows -----------------------------------------------------------------------
    @property
    def chain_rows(self) -> int:
        """Rows per chain block: one blank row when there are no chains, so that ranges
        stay valid and sum to zero."""
        return max(self.n_chains, 1)

    def chain_range_rows(self, block: str) -> tuple[int, int]:
        """First and last 0-based row of a chain block."""
        first = self.rows[block]
        return first, first + self.chain_rows - 1

    @property
    def total_row(self) -> int:
        return self.rows["results"]

    @property
    def value_added_row(self) -> int:
        return self.rows["results"] + 1

    @property
    def investment_row(self) -> int:
        return self.rows["results"] + 2

    def chain_row(self, block: str, c: int) -> int:
        return self.rows[block] + c

    def key_year_cell(self, key: str) -> str:
        """Absolute reference of a key year (a, a*, m) of the key_years block."""
        return f"${_col(YEAR_COL)}${self.rows['key_years'] + KEY_YEARS.index(key) + 1}"

    def nowcast_col(self, key: str) -> int:
        return YEAR_COL + NOWCAST_COLS.index(key)

    def month_col(self, k: int) -> int:
        """Column of month k (1–12) in the month blocks."""
        return YEAR_COL + k - 1

    def stage_row(self, stage: str) -> int:
        return self.rows["stages"] + list(labels.STAGES).index(stage)

    @property
    def project_rows(self) -> tuple[int, int]:
        """First and last row of the project ranges (one blank row when there are none)."""
        first = self.rows["projects"]
        return first, first + max(self.n_projects, 1) - 1

    # --- columns --------------------------------------------------------------------
    def year_col(self, j: int) -> int:
        return YEAR_COL + j

    @property
    def last_year_col(self) -> int:
        return YEAR_COL + self.n_years - 1

    @property
    def param_col(self) -> int:
        """First project parameter column, one blank column right of the years."""
        return YEAR_COL + self.n_years + 1

    def pcol(self, name: str) -> int:
        """Project parameter column by name (PROJECT_FIELDS, ramp, scale, r0)."""
        m = self.width
        if name in PROJECT_FIELDS:
            return self.param_col + PROJECT_FIELDS.index(name)
        tail = ("scale", "r0")
        base = self.param_col + len(PROJECT_FIELDS)
        if name == "ramp":
            return base
        return base + m + tail.index(name)

    @property
    def last_col(self) -> int:
        return max(self.pcol("r0"), self.month_col(12))


def _col(index: int) -> str:
    from xlsxwriter.utility import xl_col_to_name
    return xl_col_to_name(index)
