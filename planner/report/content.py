"""Numbers → the report's sentences, tables and figure list (no files, no drawing).

Built only from :class:`ReportInputs`: the dict of `qianyi run --json`, the Monte Carlo
and sensitivity results, and the document's project and override rows (inputs).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from planner import numbers as num
from planner.report.gather import ReportInputs
from planner.report.words import MONTHS_EN, Words


@dataclass(frozen=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    numeric: list[bool]            # right-aligned columns
    bold_last: bool = False        # a total row


@dataclass(frozen=True)
class Figure:
    kind: str                      # path, chains, progress, waterfall, tornado, fan
    title: str
    caption: str = ""


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: list[str | Table | Figure] = field(default_factory=list)
    bullets: bool = False          # plain strings as a list


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    goal_line: str
    conclusions: list[str]
    sections: list[Section]        # after the conclusions, in order


class View:
    """The run JSON read for one scenario, with the words of the report's language."""

    def __init__(self, inputs: ReportInputs, lang: str) -> None:
        self.inputs = inputs
        self.words = Words(lang)
        self.run = inputs.run
        self.s = inputs.scenario_run()
        self.unit = self.run["unit"]
        self.metric = self.run.get("metric") or ""
        self.target_value = float(self.run["target"]["value"])
        self.target_year = int(self.run["target"]["year"])
        self.years = [int(y) for y in self.s["years"]]
        self.progress = self.run["progress"]
        self.targets = self.run["targets"]
        self.actual_year = int(self.run["actual_year"])      # a (= y0 without actuals)
        self.anchor_year = int(self.s["anchor_year"])        # a*

    def yi(self, x: float | None, decimals: int = 2) -> str:
        return num.yi(x, self.unit, decimals)

    def target_text(self) -> str:
        """The target as planners write it: "1,000 亿元" (decimals only when it has them)."""
        whole = float(self.target_value).is_integer()
        return self.yi(self.target_value, 0 if whole else 2)

    def total_at(self, scenario: dict, year: int) -> float:
        return float(scenario["total"][self.years.index(year)])

    @property
    def as_of(self) -> str:
        w = self.words
        p = self.progress
        if p and p.get("months"):
            m = int(p["months"])
            return w("as_of_month", year=p["year"], month=m, month_en=MONTHS_EN[m - 1])
        if self.actual_year > self.years[0]:
            return w("as_of_year", year=self.actual_year)
        return w("as_of_plan", year=self.years[0])


def build(inputs: ReportInputs, lang: str = "zh") -> Report:
    """The whole report as plain text, tables and figure captions."""
    from planner.report.appendix import appendix_sections
    from planner.report.conclusions import conclusions
    from planner.report.tables import body_sections
    v = View(inputs, lang)
    w = v.words
    park = v.run.get("park") or w("park_default")
    title = w("title", park=park, metric=v.metric)
    goal = w("goal_line", year=v.target_year, metric=v.metric, value=v.target_text(),
             scenario=inputs.scenario, date=w.date(inputs.issued))
    sections = body_sections(v) + appendix_sections(v)
    return Report(title=title, subtitle=f"（{v.as_of}）" if w.zh else f"({v.as_of})",
                  goal_line=goal, conclusions=conclusions(v), sections=sections)
