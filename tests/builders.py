"""Small Documents for focused engine tests."""
from __future__ import annotations

from planner.model.engine import project
from planner.model.resolve import resolve
from models import Chain, Document, Override, Project, Scenario, Settings

Y0, END = 2023, 2030


def settings(**kw) -> Settings:
    base = dict(base_year=Y0, end_year=END, target_year=2027, target_value=1000.0)
    base.update(kw)
    return Settings(**base)


def chain(name="A", base=100.0, **kw) -> Chain:
    return Chain(chain=name, base_output=base, **kw)


def proj(pid="P1", chain="A", investment=10.0, stage="production", year=2025, **kw) -> Project:
    return Project(id=pid, chain=chain, investment=investment, stage=stage,
                   production_year=year, **kw)


def doc(chains=(chain(),), projects=(), **kw) -> Document:
    kw.setdefault("settings", settings())
    return Document(chains=tuple(chains), projects=tuple(projects), **kw)


def run(d: Document, scenario: str | None = None):
    return project(resolve(d, scenario or d.scenarios[0].name))


def ov(table, key, field, value, years="", op="set", scenario="S") -> Override:
    return Override(scenario=scenario, table=table, key=key, field=field, value=value,
                    years=years, op=op)


def with_child(d: Document, *overrides: Override, name="S", parent=None) -> Document:
    parent = parent or d.scenarios[0].name
    return d.replace(scenarios=d.scenarios + (Scenario(name, parent),),
                     overrides=d.overrides + tuple(overrides))
