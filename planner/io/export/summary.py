"""The Summary sheet: one row per scenario, total output by year as live links to the
calculation sheets, and the target indicators as formulas on those links."""
from __future__ import annotations

from dataclasses import dataclass

from xlsxwriter.worksheet import Worksheet

from planner.model.engine import REACH_TOLERANCE
from planner.io.export.cells import absref, col, put_formula, quote_sheet, row_range
from planner.io.export.formats import Formats
from planner.io.export.layout import CalcLayout
from planner.io.export.texts import text
from planner.io.input_sheets import SheetRef
from planner.model.result import Result

NAME_WIDTH, YEAR_WIDTH, INDICATOR_WIDTH = 18, 10, 16   # column widths, characters
INDICATORS = ("target_year_reached", "value_at_target", "gap", "required_cagr",
              "implied_cagr")


@dataclass(frozen=True)
class SummaryLayout:
    """0-based positions that the charts and tests rely on."""

    n_scenarios: int
    n_years: int

    @property
    def first_indicator_col(self) -> int:
        return 1 + self.n_years

    def indicator_col(self, key: str) -> int:
        return self.first_indicator_col + INDICATORS.index(key)

    @property
    def target_value_row(self) -> int:
        return self.n_scenarios + 2

    @property
    def target_year_row(self) -> int:
        return self.n_scenarios + 3

    @property
    def target_line_row(self) -> int:
        return self.n_scenarios + 4

    @property
    def chart_row(self) -> int:
        return self.n_scenarios + 7

    @property
    def last_col(self) -> int:
        return self.first_indicator_col + len(INDICATORS) - 1

    @property
    def width_px(self) -> int:
        """Printed width of the table, in pixels (the charts below it keep within)."""
        from planner.io.export.charts import column_px
        return (column_px(NAME_WIDTH) + self.n_years * column_px(YEAR_WIDTH)
                + len(INDICATORS) * column_px(INDICATOR_WIDTH))


def write_summary(ws: Worksheet, fm: Formats, lang: str, results: list[Result],
                  calc: list[tuple[str, CalcLayout]], settings: SheetRef) -> SummaryLayout:
    t = lambda key: text(key, lang)  # noqa: E731
    first = results[0]
    years = first.years.tolist()
    n = len(years)
    lay = SummaryLayout(len(results), n)
    last = col(n)                                   # last year column letter
    hdr = row_range(0, 1, n)                        # $B$1:$N$1
    T = absref(lay.target_value_row, 1)
    N = absref(lay.target_year_row, 1)
    reach = f"(1-{REACH_TOLERANCE:.0E})"

    ws.write_string(0, 0, t("scenario"), fm.header)
    for j, y in enumerate(years):
        ws.write_number(0, 1 + j, y, fm.header_year)
    for key in INDICATORS:
        ws.write_string(0, lay.indicator_col(key), t(key), fm.header)

    amount, rate = fm.fmt("amount"), fm.fmt("rate")
    c_reach, c_yn, c_gap, c_req, c_imp = (col(lay.indicator_col(k)) for k in INDICATORS)
    for i, (res, (sheet, calc_layout)) in enumerate(zip(results, calc), start=1):
        r = i + 1                                   # 1-based row
        ws.write_string(i, 0, res.scenario, fm.bold)
        source = quote_sheet(sheet)
        total_row = calc_layout.total_row + 1
        totals = res.total.tolist()
        for j in range(n):
            put_formula(ws, i, 1 + j, f"{source}!{col(calc_layout.year_col(j))}{total_row}",
                        amount, totals[j])
        row = f"$B{r}:${last}{r}"
        put_formula(ws, i, lay.indicator_col("target_year_reached"),
                    f"IFERROR(INDEX({hdr},MATCH(TRUE,INDEX({row}>={T}*{reach},0),0)),"
                    f"\"{t('not_reached')}\")", fm.fmt("year"),
                    res.target_year if res.target_year is not None else t("not_reached"))
        yn = f"{c_yn}{r}"
        put_formula(ws, i, lay.indicator_col("value_at_target"),
                    f"INDEX({row},MATCH({N},{hdr},0))", amount, res.value_at_target_year)
        put_formula(ws, i, lay.indicator_col("gap"), f"{T}-{yn}", fm.fmt("gap"),
                    res.gap_at_target_year)
        span = f"(1/({N}-$B$1))"
        put_formula(ws, i, lay.indicator_col("required_cagr"),
                    f"IF($B{r}>0,({T}/$B{r})^{span}-1,\"\")", rate, res.required_cagr)
        put_formula(ws, i, lay.indicator_col("implied_cagr"),
                    f"IF(AND($B{r}>0,{yn}>=0),({yn}/$B{r})^{span}-1,\"\")", rate,
                    res.implied_cagr)

    s = first
    ws.write_string(lay.target_value_row, 0, t("target_value"), fm.bold)
    put_formula(ws, lay.target_value_row, 1, "=" + settings.cell("target_value", "value"),
                fm.fmt("amount"), s.target_value)
    ws.write_string(lay.target_year_row, 0, t("target_year"), fm.bold)
    put_formula(ws, lay.target_year_row, 1, "=" + settings.cell("target_year", "value"),
                fm.fmt("year"), s.target_year_goal)
    ws.write_string(lay.target_line_row, 0, t("target_line"))
    for j in range(n):
        put_formula(ws, lay.target_line_row, 1 + j, T, amount, s.target_value)
    ws.write_string(lay.target_line_row + 1, 0, t("summary_note"), fm.note)

    ws.freeze_panes(1, 1)
    ws.set_column(0, 0, NAME_WIDTH)
    ws.set_column(1, n, YEAR_WIDTH)
    ws.set_column(lay.first_indicator_col, lay.last_col, INDICATOR_WIDTH)
    ws.set_row(0, 32)
    return lay
