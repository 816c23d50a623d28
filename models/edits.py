"""Edits as pure functions: a Document in, a new Document out (standard library only).

The editors call these and push the result on the undo stack; nothing here validates
values beyond what is needed to build the new rows (planner.checks.validate does that).

Scenario-aware editing (``set_value``): in the root scenario an edit changes the base
tables; in a child scenario it writes that scenario's ``set`` override row for exactly
this cell (table, key, field, years = the year or ""), updating such a row in place when
it exists. ``reset_to_inherited`` removes the scenario's rows that target exactly this
cell (same table, key, field and years, any op); rows on ``*`` or on a year range that
merely cover the cell stay, since they are edits of many cells.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, NamedTuple

from models import labels
from models.document import (Chain, Document, GrowthRow, IncubationRow, Override,
                             PipelineRow, PriceRow, Project, Settings, StageRow, format_ramp)

YEARLY_FIELD = {"growth": "growth", "prices": "index", "pipeline": "investment"}
# Fields that are the identity or description of a row: always edited in the base tables.
BASE_ONLY = {"chains": ("chain", "industry"), "projects": ("id", "name", "chain", "note")}


class EditError(ValueError):
    """An edit that cannot be expressed (the message says why, in English)."""


CELL_TEXT_LIMIT = 32_767  # Excel's (and WPS's) characters per cell


def check_text(field: str, value: object) -> None:
    """Text a saved workbook could not hold is refused now, not truncated later."""
    if isinstance(value, str) and len(value) > CELL_TEXT_LIMIT:
        raise EditError(f"{field} is {len(value):,} characters long; a workbook cell holds "
                        f"at most {CELL_TEXT_LIMIT:,}")


def check_name(field: str, value: object) -> None:
    """A name that differs from another only by surrounding spaces would not reopen."""
    check_text(field, value)
    if isinstance(value, str) and value != value.strip():
        raise EditError(f"{field} must not begin or end with spaces")


# -- chains ---------------------------------------------------------------------------
def set_chain_field(doc: Document, chain: str, field: str, value: object) -> Document:
    """Set one Chains cell; renaming a chain renames every reference to it."""
    if field == "chain":
        return rename_chain(doc, chain, str(value))
    check_text(field, value)
    chains = tuple(replace(c, **{field: value}) if c.chain == chain else c for c in doc.chains)
    if chains == doc.chains and chain not in doc.chain_names:
        raise EditError(f"unknown chain {chain!r}")
    return doc.replace(chains=chains)


def rename_chain(doc: Document, old: str, new: str) -> Document:
    if old == new:
        return doc
    check_name("chain", new)
    if new in doc.chain_names:
        raise EditError(f"a chain named {new!r} already exists")

    def ren(rows):
        return tuple(replace(r, chain=new) if r.chain == old else r for r in rows)

    overrides = tuple(replace(o, key=new) if o.key == old and o.table not in
                      ("projects", "stages") else o for o in doc.overrides)
    return doc.replace(chains=ren(doc.chains), projects=ren(doc.projects),
                       growth=ren(doc.growth), prices=ren(doc.prices),
                       pipeline=ren(doc.pipeline), incubation=ren(doc.incubation),
                       overrides=overrides, actuals=ren(doc.actuals),
                       monthly=ren(doc.monthly), targets=ren(doc.targets))


def new_chain_name(doc: Document, stem: str = "新产业链") -> str:
    names = set(doc.chain_names)
    n = 1
    while f"{stem}{n}" in names:
        n += 1
    return f"{stem}{n}"


def add_chain(doc: Document, chain: Chain | None = None) -> Document:
    chain = chain or Chain(chain=new_chain_name(doc), base_output=0.0)
    check_name("chain", chain.chain)
    check_text("industry", chain.industry)
    return doc.replace(chains=doc.chains + (chain,))


def delete_chain(doc: Document, chain: str) -> Document:
    """Remove a chain with its per-year rows, actuals, monthly rows, targets and
    overrides; refused while projects use it."""
    if any(p.chain == chain for p in doc.projects):
        raise EditError(f"chain {chain!r} still has projects; move or delete them first")

    def keep(rows):
        return tuple(r for r in rows if r.chain != chain)

    overrides = tuple(o for o in doc.overrides if not (
        o.key == chain and o.table not in ("projects", "stages")))
    return doc.replace(chains=keep(doc.chains), growth=keep(doc.growth),
                       prices=keep(doc.prices), pipeline=keep(doc.pipeline),
                       incubation=keep(doc.incubation), overrides=overrides,
                       actuals=keep(doc.actuals), monthly=keep(doc.monthly),
                       targets=keep(doc.targets))


# -- projects -------------------------------------------------------------------------
def new_project_id(doc: Document, taken: Iterable[str] = ()) -> str:
    """The next free id of the form P13 (one more than the largest P-number)."""
    ids = {p.id for p in doc.projects} | set(taken)
    numbers = [int(i[1:]) for i in ids if i[:1] == "P" and i[1:].isdecimal()]
    n = max(numbers, default=0) + 1
    while f"P{n:02d}" in ids:
        n += 1
    return f"P{n:02d}"


def set_project_field(doc: Document, pid: str, field: str, value: object) -> Document:
    """Set one Projects cell; a new id is carried into the overrides that name the project."""
    check_text(field, value)
    if field == "id":
        new = str(value)
        check_name("id", new)
        if new != pid and new in {p.id for p in doc.projects}:
            raise EditError(f"project id {new!r} already exists")
        overrides = tuple(replace(o, key=new) if o.table == "projects" and o.key == pid
                          else o for o in doc.overrides)
        doc = doc.replace(overrides=overrides)
    if not any(p.id == pid for p in doc.projects):
        raise EditError(f"unknown project {pid!r}")
    return doc.replace(projects=tuple(replace(p, **{field: value}) if p.id == pid else p
                                      for p in doc.projects))


def blank_project(doc: Document, pid: str | None = None) -> Project:
    s = doc.settings
    return Project(id=pid or new_project_id(doc),
                   chain=doc.chains[0].chain if doc.chains else "", investment=0.0,
                   stage="reserve", production_year=min(s.base_year + 1, s.end_year))


def add_project(doc: Document, project: Project | None = None, index: int | None = None,
                scenario: str | None = None) -> Document:
    """Insert a project (a blank one with the next id by default) at ``index`` (end).

    Added while a child scenario is active, the project is carried switched off in the
    base tables and switched on by that scenario's override (model.md §4, include)."""
    project = project or blank_project(doc)
    check_name("id", project.id)
    for name in ("name", "note"):
        check_text(name, getattr(project, name))
    if project.id in {p.id for p in doc.projects}:
        raise EditError(f"project id {project.id!r} already exists")
    overrides = doc.overrides
    if scenario is not None and not is_root(doc, scenario):
        project = replace(project, include=False)
        overrides += (Override(scenario, "projects", project.id, "include", 1.0),)
    projects = list(doc.projects)
    projects.insert(len(projects) if index is None else index, project)
    return doc.replace(projects=tuple(projects), overrides=overrides)


def delete_projects(doc: Document, ids: Iterable[str]) -> Document:
    """Remove projects and the override rows that name them."""
    gone = set(ids)
    return doc.replace(
        projects=tuple(p for p in doc.projects if p.id not in gone),
        overrides=tuple(o for o in doc.overrides
                        if not (o.table == "projects" and o.key in gone)))


def duplicate_projects(doc: Document, ids: Iterable[str]) -> Document:
    """Copy each project right after itself, under a new id (name, note and values kept)."""
    wanted = set(ids)
    out: list[Project] = []
    taken: set[str] = set()
    for p in doc.projects:
        out.append(p)
        if p.id in wanted:
            new = new_project_id(doc, taken)
            taken.add(new)
            out.append(replace(p, id=new, row=None))
    return doc.replace(projects=tuple(out))


# -- stages, settings -------------------------------------------------------------------
def set_stage_probability(doc: Document, stage: str, value: float | None) -> Document:
    """Set a stage's probability; None removes the row (back to the default)."""
    rows = [r for r in doc.stages if r.stage != stage]
    if value is not None:
        old = next((i for i, r in enumerate(doc.stages) if r.stage == stage), None)
        row = StageRow(stage, value)
        if old is None:
            rows.append(row)
        else:
            rows.insert(old, row)
    return doc.replace(stages=tuple(rows))


def set_setting(doc: Document, key: str, value: object) -> Document:
    if key not in labels.SETTINGS:
        raise EditError(f"unknown setting {key!r}")
    if value is None:
        default = labels.SETTINGS[key][1]
        if default is None:
            raise EditError(f"setting {key} is required")
        value = Settings.__dataclass_fields__[key].default
    return doc.replace(settings=replace(doc.settings, **{key: value}))


# -- per-year tables --------------------------------------------------------------------
def _upsert(rows: tuple, chain: str, year: int, make, update) -> tuple:
    for i, r in enumerate(rows):
        if r.chain == chain and r.year == year:
            return rows[:i] + (update(r),) + rows[i + 1:]
    return rows + (make(),)


def set_growth(doc: Document, chain: str, year: int, value: float | None) -> Document:
    if value is None:
        return remove_yearly(doc, "growth", chain, year)
    return doc.replace(growth=_upsert(doc.growth, chain, year,
                                      lambda: GrowthRow(chain, year, value),
                                      lambda r: replace(r, growth=value)))


def set_price(doc: Document, chain: str, year: int, value: float | None) -> Document:
    """Set a price point (a level that carries forward to the next point)."""
    if value is None:
        return remove_yearly(doc, "prices", chain, year)
    return doc.replace(prices=_upsert(doc.prices, chain, year,
                                      lambda: PriceRow(chain, year, value),
                                      lambda r: replace(r, index=value)))


def set_pipeline(doc: Document, chain: str, year: int, value: float | None) -> Document:
    if value is None:
        return remove_yearly(doc, "pipeline", chain, year)
    return doc.replace(pipeline=_upsert(doc.pipeline, chain, year,
                                        lambda: PipelineRow(year, chain, value),
                                        lambda r: replace(r, investment=value)))


def set_incubation(doc: Document, chain: str, year: int, field: str,
                   value: float | None) -> Document:
    """Set graduates or revenue_per_firm; a new row gets 0 for the other field.
    None clears the field to 0, and the row goes when both are 0."""
    if field not in ("graduates", "revenue_per_firm"):
        raise EditError(f"unknown incubation field {field!r}")
    new = 0.0 if value is None else value
    rows = _upsert(doc.incubation, chain, year,
                   lambda: IncubationRow(year, chain, **{"graduates": 0.0,
                                                         "revenue_per_firm": 0.0,
                                                         field: new}),
                   lambda r: replace(r, **{field: new}))
    if value is None:
        rows = tuple(r for r in rows if not (r.chain == chain and r.year == year
                                             and r.graduates == 0 and r.revenue_per_firm == 0))
    return doc.replace(incubation=rows)


def remove_yearly(doc: Document, table: str, chain: str, year: int) -> Document:
    rows = getattr(doc, table)
    return doc.replace(**{table: tuple(r for r in rows
                                       if not (r.chain == chain and r.year == year))})


# -- overrides --------------------------------------------------------------------------
def add_override(doc: Document, override: Override, index: int | None = None) -> Document:
    rows = list(doc.overrides)
    rows.insert(len(rows) if index is None else index, override)
    return doc.replace(overrides=tuple(rows))


def update_override(doc: Document, index: int, override: Override) -> Document:
    rows = list(doc.overrides)
    rows[index] = override
    return doc.replace(overrides=tuple(rows))


def delete_override(doc: Document, index: int) -> Document:
    return doc.replace(overrides=doc.overrides[:index] + doc.overrides[index + 1:])


def override_value(field: str, value: object) -> float | str:
    """A model value as an override row holds it (as the workbook reader reads it)."""
    if field == "ramp":
        return format_ramp(value) if isinstance(value, tuple) else str(value)  # type: ignore[arg-type]
    if field == "stage":
        return str(value)
    if isinstance(value, (bool, int, float)):
        return float(value)
    return value  # type: ignore[return-value]


# -- scenario-aware edits ---------------------------------------------------------------
def is_root(doc: Document, scenario: str) -> bool:
    return doc.scenario(scenario).parent is None


def _years_text(year: int | None) -> str:
    return "" if year is None else str(year)


def set_base_value(doc: Document, table: str, key: str, field: str, value: object,
                   year: int | None = None) -> Document:
    """Edit the base tables (None = blank / remove the row)."""
    if table == "chains":
        return set_chain_field(doc, key, field, value)
    if table == "projects":
        return set_project_field(doc, key, field, value)
    if table == "stages":
        return set_stage_probability(doc, key, value)  # type: ignore[arg-type]
    if table == "settings":
        return set_setting(doc, key, value)
    if year is None:
        raise EditError(f"table {table} needs a year")
    if table == "growth":
        return set_growth(doc, key, year, value)  # type: ignore[arg-type]
    if table == "prices":
        return set_price(doc, key, year, value)  # type: ignore[arg-type]
    if table == "pipeline":
        return set_pipeline(doc, key, year, value)  # type: ignore[arg-type]
    if table == "incubation":
        return set_incubation(doc, key, year, field, value)  # type: ignore[arg-type]
    raise EditError(f"unknown table {table!r}")


def edits_base(doc: Document, scenario: str, table: str, field: str) -> bool:
    """Whether an edit of this cell in ``scenario`` changes the base tables."""
    return (is_root(doc, scenario) or table == "settings"
            or field in BASE_ONLY.get(table, ()))


def set_value(doc: Document, scenario: str, table: str, key: str, field: str,
              value: object, year: int | None = None) -> Document:
    """Set a cell as seen from ``scenario`` (see the module docstring).

    In a child scenario ``None`` resets the cell to its inherited value. Settings and
    identity fields (names, ids, notes, a project's chain) are edited in the base tables
    from any scenario; a chain's default growth has no override (override the growth
    table), so editing it in a child scenario is an EditError."""
    if edits_base(doc, scenario, table, field):
        return set_base_value(doc, table, key, field, value, year)
    if field not in labels.OVERRIDE_FIELDS.get(table, ()):
        if table == "chains" and field == "growth":
            raise EditError("a chain's default growth is not an override target in a "
                            "scenario; edit the growth table instead")
        raise EditError(f"field {field} of table {table} cannot be overridden")
    if value is None:
        return reset_to_inherited(doc, scenario, table, key, field, year)
    years = _years_text(year)
    new = Override(scenario, table, key, field, override_value(field, value), years, "set")
    for i, o in enumerate(doc.overrides):
        if (o.scenario, o.table, o.key, o.field, o.years, o.op) == (
                scenario, table, key, field, years, "set"):
            return update_override(doc, i, replace(new, row=o.row))
    return add_override(doc, new)


def reset_to_inherited(doc: Document, scenario: str, table: str, key: str, field: str,
                       year: int | None = None) -> Document:
    """Remove the scenario's override rows that target exactly this cell (any op)."""
    years = _years_text(year)
    return doc.replace(overrides=tuple(
        o for o in doc.overrides
        if (o.scenario, o.table, o.key, o.field, o.years) != (scenario, table, key, field,
                                                               years)))


def has_own_override(doc: Document, scenario: str, table: str, key: str, field: str,
                     year: int | None = None) -> bool:
    years = _years_text(year)
    return any((o.scenario, o.table, o.key, o.field, o.years) ==
               (scenario, table, key, field, years) for o in doc.overrides)


class CellRef(NamedTuple):
    """One editable cell of the document: settings use (\"settings\", key, \"value\")."""

    table: str
    key: str
    field: str
    year: int | None = None


def set_cells(doc: Document, scenario: str,
              cells: Iterable[tuple[CellRef, object]]) -> Document:
    """Several set_value edits in order, as one new Document (a paste)."""
    for ref, value in cells:
        doc = set_value(doc, scenario, ref.table, ref.key, ref.field, value, ref.year)
    return doc
