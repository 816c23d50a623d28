"""Scenario and override checks (model.md §4), used by planner.checks.validate."""
from __future__ import annotations

from models import labels
from models.document import Document, Override, Settings
from models.rules import SMALL_WHOLE, WHOLE, is_finite_number, parse_ramp, parse_years
from planner.checks.collector import Checker, found


def check_scenarios(c: Checker, doc: Document) -> None:
    names = {s.name for s in doc.scenarios}
    for s in doc.scenarios:
        c.required("scenarios", s.row, "name", s.name)
        if s.parent is not None and s.parent not in names:
            c.add("scenarios", s.row, "parent", f"unknown parent scenario {s.parent!r}")
    c.unique("scenarios", "name", ((s.name, s.row) for s in doc.scenarios if s.name),
             lambda k: f"scenario name {k!r}")
    for cycle in scenario_cycles(doc):
        first = next(s for s in doc.scenarios if s.name == cycle[0])
        path = " → ".join(cycle + [cycle[0]])
        c.add("scenarios", first.row, "parent", f"scenario cycle: {path}")


def scenario_cycles(doc: Document) -> list[list[str]]:
    """Each cycle of parent links once, starting at its first scenario in the document."""
    parents: dict[str, str | None] = {}
    for s in doc.scenarios:
        parents.setdefault(s.name, s.parent)
    order = {s.name: i for i, s in reversed(list(enumerate(doc.scenarios)))}
    done: set[str] = set()
    cycles = []
    for start in parents:
        path: list[str] = []
        name: str | None = start
        while name is not None and name in parents and name not in done and name not in path:
            path.append(name)
            name = parents[name]
        if name is not None and name in path:
            cycle = path[path.index(name):]
            i = min(range(len(cycle)), key=lambda j: order[cycle[j]])
            cycles.append(cycle[i:] + cycle[:i])
        done.update(path)
    return cycles


def check_overrides(c: Checker, doc: Document, s: Settings | None) -> None:
    scenarios = {x.name for x in doc.scenarios}
    keys = {"chains": set(doc.chain_names), "projects": {p.id for p in doc.projects},
            "stages": set(labels.STAGES)}
    for o in doc.overrides:
        if c.required("overrides", o.row, "scenario", o.scenario) and o.scenario not in scenarios:
            c.add("overrides", o.row, "scenario", f"unknown scenario {o.scenario!r}")
        if o.op not in labels.OPS:
            c.add("overrides", o.row, "op", f"op must be set, add or mul (设定/增加/乘以) "
                                            f"(found {found(o.op)})")
        if not c.required("overrides", o.row, "table", o.table):
            continue
        if o.table not in labels.OVERRIDE_FIELDS:
            names = ", ".join(labels.SHEET_EN[t] for t in labels.OVERRIDE_FIELDS)
            c.add("overrides", o.row, "table", f"unknown table {o.table!r} "
                                               f"(expected one of {names})")
            continue
        known = keys.get(o.table, set(doc.chain_names))
        if c.required("overrides", o.row, "key", o.key) and o.key != "*" and o.key not in known:
            what = {"projects": "project id", "stages": "stage"}.get(o.table, "chain")
            c.add("overrides", o.row, "key", f"unknown {what} {o.key!r} ('*' means all)")
        check_years(c, o, s)
        if not c.required("overrides", o.row, "field", o.field):
            continue
        if o.field not in labels.OVERRIDE_FIELDS[o.table]:
            c.add("overrides", o.row, "field", f"unknown field {o.field!r} for table "
                  f"{o.table} (expected one of {', '.join(labels.OVERRIDE_FIELDS[o.table])})")
            continue
        check_value(c, o)


def check_years(c: Checker, o: Override, s: Settings | None) -> None:
    parsed = parse_years(o.years)
    if parsed is None:
        c.add("overrides", o.row, "years", "years must be blank, a year (2026), a range "
                                           f"(2026-2030) or an open range (2026-) "
                                           f"(found {found(o.years)})")
        return
    start, end = parsed
    if start is None:
        return
    if o.table not in labels.YEARLY_TABLES:
        c.add("overrides", o.row, "years", f"table {o.table} has no years; leave years blank "
                                           f"(found {found(o.years)})")
    elif end is not None and start > end:
        c.add("overrides", o.row, "years", f"years start after they end (found {o.years!r})")
    elif s is not None and not all(s.base_year + 1 <= y <= s.end_year
                                   for y in (start, end) if y is not None):
        c.add("overrides", o.row, "years", f"years must lie within {s.base_year + 1}"
                                           f"-{s.end_year} (found {o.years!r})")


def check_value(c: Checker, o: Override) -> None:
    field, value = o.field, o.value
    if field in labels.TEXT_FIELDS:
        if o.op in ("add", "mul"):
            c.add("overrides", o.row, "op", f"{o.op} applies to numbers only; {field} is "
                                            "text, use set")
        elif field == "stage" and value not in labels.STAGES:
            names = ", ".join(f"{k}/{v[0]}" for k, v in labels.STAGES.items())
            c.add("overrides", o.row, "value", f"unknown stage {found(value)} "
                                               f"(expected one of {names})")
        elif field == "ramp" and (not isinstance(value, str) or parse_ramp(value) is None):
            c.add("overrides", o.row, "value", "a ramp is a comma list of numbers from 0 "
                                               f"to 5, e.g. 0.3,0.7,1 (found {found(value)})")
        return
    if not is_finite_number(value):
        c.add("overrides", o.row, "value", f"{field}: expected a finite number "
                                           f"(found {found(value)})")
    elif field == "include":
        if o.op != "set":
            c.add("overrides", o.row, "op", "include can only be set (to 1 or 0)")
        elif value not in (0, 1):
            c.add("overrides", o.row, "value", f"include must be 1 or 0 (found {found(value)})")
    elif o.op == "set":
        c.number("overrides", o.row, "value", value, rule=field, label=field)
    elif o.op == "add" and field in SMALL_WHOLE + WHOLE and value != int(value):
        c.add("overrides", o.row, "value", f"{field} is a whole number; add a whole number "
                                           f"(found {found(value)})")
