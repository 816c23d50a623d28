"""Helpers for the export tests: formula scanning and cached-vs-recalculated comparison."""
from __future__ import annotations

import math
import re
from dataclasses import replace
from pathlib import Path

import openpyxl

from models import (Chain, Document, GrowthRow, IncubationRow, Override, PipelineRow,
                    PriceRow, Project, Scenario, Settings, StageRow)

# Functions that either program lacks, that are volatile, or that need dynamic arrays.
FORBIDDEN = re.compile(r"\b(XLOOKUP|XMATCH|LET|LAMBDA|OFFSET|INDIRECT|NOW|TODAY|RAND|"
                       r"RANDBETWEEN|RANDARRAY|FILTER|SORT|SORTBY|UNIQUE|SEQUENCE|"
                       r"TEXTJOIN|CONCAT|IFS|SWITCH|MAXIFS|MINIFS)\s*\(", re.IGNORECASE)
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")

HOSTILE = ['=HYPERLINK("http://x","y")', "@SUM(1)", "+1+2", "-3+4"]


def formula_cells(path: Path):
    """(sheet, coordinate, formula) of every formula cell."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    yield ws.title, c.coordinate, str(c.value)


def forbidden_in(formula: str) -> list[str]:
    """Forbidden function names in a formula, ignoring sheet names and string literals."""
    return FORBIDDEN.findall(_QUOTED.sub("''", formula))


def same(a, b, rel: float = 1e-9, abs_: float = 1e-6) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)
    return (a if a != "" else None) == (b if b != "" else None)


def compare_recalculated(exported: Path, recalculated: Path) -> tuple[int, list[str]]:
    """Compare every formula cell's cached value with LibreOffice's; (count, mismatches)."""
    cached = openpyxl.load_workbook(exported, data_only=True)
    fresh = openpyxl.load_workbook(recalculated, data_only=True)
    checked, bad = 0, []
    for sheet, coord, formula in formula_cells(exported):
        checked += 1
        a, b = cached[sheet][coord].value, fresh[sheet][coord].value
        if not same(a, b):
            bad.append(f"{sheet}!{coord} {formula[:100]}: cached {a!r}, LibreOffice {b!r}")
    return checked, bad


def summary_rows(path: Path, sheet: str) -> dict[str, list]:
    """Scenario name -> the row's cached values after the name (years, indicators)."""
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    out = {}
    for row in ws.iter_rows(min_row=2):
        if row[0].value is None:
            break
        out[row[0].value] = [c.value for c in row[1:]]
    return out


def rich_document() -> Document:
    """Everything the formulas must get right: ramps of several lengths, build_years 0,
    delays (ignored for production), projects already ramping in y0, prices with a y0
    point, pipeline with b = 0 and b > 0, incubation, own and inherited probabilities and
    output ratios, excluded projects, and overrides on all of them."""
    s = Settings(base_year=2023, end_year=2033, target_year=2028, target_value=400.0,
                 park_name="测试园区")
    chains = (Chain("甲", 120.0, growth=0.05, output_ratio=1.2, ramp=(0.2, 0.5, 0.9, 1.0),
                    build_years=0),
              Chain("B [x]", 60.0, growth=0.1, output_ratio=0.8, value_added_rate=0.3,
                    ramp=(0.5,), build_years=2),
              Chain("c", 0.0, build_years=3))
    projects = (
        Project("P1", "甲", 30.0, "construction", 2025, name=HOSTILE[0]),
        Project("P2", "甲", 12.5, "production", 2021, name="@SUM(1)", delay=2),
        Project("P3", "B [x]", 40.0, "signed", 2026, name="+1+2", probability=0.4,
                ramp=(0.1, 0.3, 0.6, 0.8, 1.0), build_years=0, delay=1),
        Project("P4", "B [x]", 22.0, "reserve", 2024, name="-3+4", output_ratio=2.5,
                build_years=4),
        Project("P5", "c", 15.0, "started", 2022, ramp=(0.4, 1.2), delay=3),
        Project("P6", "c", 9.0, "signed", 2030, include=False),
        Project("P7", "甲", 5.0, "reserve", 2035, build_years=1),
    )
    return Document(
        settings=s, chains=chains, projects=projects,
        stages=(StageRow("signed", 0.5),),
        growth=(GrowthRow("甲", 2025, -0.1), GrowthRow("c", 2024, 0.3)),
        prices=(PriceRow("甲", 2023, 0.9), PriceRow("甲", 2026, 1.2),
                PriceRow("B [x]", 2025, 0.7)),
        pipeline=(PipelineRow(2024, "甲", 10.0), PipelineRow(2026, "B [x]", 20.0),
                  PipelineRow(2025, "c", 8.0), PipelineRow(2033, "甲", 4.0)),
        incubation=(IncubationRow(2024, "c", 3, 0.5), IncubationRow(2027, "B [x]", 2, 1.5)),
        scenarios=(Scenario("基准", None, "base"),
                   Scenario("O'Brien", "基准", HOSTILE[3]),
                   Scenario("FILTER(x)/y", "O'Brien", "deep child")),
        overrides=(
            Override("O'Brien", "growth", "*", "growth", 0.02, "2026-", "add"),
            Override("O'Brien", "projects", "P1", "probability", 0.8, "", "mul"),
            Override("O'Brien", "chains", "甲", "output_ratio", 1.5, "", "set"),
            Override("O'Brien", "stages", "*", "probability", 0.9, "", "mul"),
            Override("FILTER(x)/y", "projects", "*", "delay", 1, "", "add"),
            Override("FILTER(x)/y", "prices", "B [x]", "index", 1.1, "2028-2030", "set"),
            Override("FILTER(x)/y", "projects", "P6", "include", 1, "", "set"),
            Override("FILTER(x)/y", "pipeline", "*", "investment", 2, "", "mul"),
        ))


def hostile_document(base: Document) -> Document:
    """``base`` with formula-like project names, ids, notes and chain names."""
    projects = tuple(replace(p, name=HOSTILE[i % 4], note=HOSTILE[(i + 1) % 4])
                     for i, p in enumerate(base.projects))
    return base.replace(projects=projects)


def with_history(base: Document, months_done: int = 10, nowcast: bool = True,
                 targets: bool = True) -> Document:
    """``base`` (y0 = 2023) with annual actuals for 2024–2025 (one chain's value added and
    investment given), a complete monthly year 2025 for all but the last chain (which
    falls back to k/12), this year's months 1..m of 2026 with a combined 1–2月 release
    for the first chain, and target rows (a park total and a locked chain)."""
    from models import ActualRow, MonthlyRow, TargetRow
    chains = base.chain_names
    actuals, monthly = [], []
    for i, c in enumerate(chains):
        b = next(ch.base_output for ch in base.chains if ch.chain == c)
        a24, a25 = round(b * (1.02 + 0.01 * i), 2), round(b * (1.1 + 0.013 * i), 2)
        actuals.append(ActualRow(c, 2024, a24, value_added=round(a24 * 0.3, 2) if i == 0
                                 else None, investment=12.5 if i == 1 else None))
        actuals.append(ActualRow(c, 2025, a25))
        if i < len(chains) - 1:
            shape = [0.6, 0.7, 0.8, 0.8, 0.85, 0.9, 0.85, 0.8, 0.9, 0.95, 1.0, 1.35]
            total = sum(shape)
            monthly += [MonthlyRow(c, 2025, k + 1, round(a25 * s / total, 3))
                        for k, s in enumerate(shape)]
        now = [round(a25 * (0.07 + 0.002 * k + 0.001 * i), 3) for k in range(months_done)]
        if i == 0 and months_done >= 2:
            monthly.append(MonthlyRow(c, 2026, 2, now[0] + now[1], combined=True))
            monthly += [MonthlyRow(c, 2026, k + 1, v) for k, v in enumerate(now) if k >= 2]
        else:
            monthly += [MonthlyRow(c, 2026, k + 1, v) for k, v in enumerate(now)]
    rows = []
    if targets and chains:
        goal = base.settings.target_value
        rows = [TargetRow(2026, "*", 0.82 * goal), TargetRow(2027, chains[0], 0.3 * goal),
                TargetRow(2025, "*", 0.7 * goal)]
    settings = replace(base.settings, nowcast_anchor=nowcast)
    return base.replace(settings=settings, actuals=tuple(actuals), monthly=tuple(monthly),
                        targets=tuple(rows))
