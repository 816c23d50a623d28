"""Scenario-tree edits as pure functions Document -> Document (model.md §4).

Each raises ``ValueError`` with a short English reason when the edit makes no sense
(unknown scenario, a name already taken, deleting the last scenario); the caller shows
it. Anything deeper (cycles, overrides that break rules) is left to validation.
"""
from __future__ import annotations

from dataclasses import replace

from models.document import Document, Override, Scenario

DELETE_CHILDREN = "delete"
REATTACH_CHILDREN = "reattach"


def unique_name(doc: Document, base: str) -> str:
    """``base``, or ``base 2``, ``base 3`` … whichever is not a scenario yet."""
    taken = set(doc.scenario_names)
    if base not in taken:
        return base
    n = 2
    while f"{base} {n}" in taken:
        n += 1
    return f"{base} {n}"


def children(doc: Document, name: str) -> list[str]:
    return [s.name for s in doc.scenarios if s.parent == name]


def descendants(doc: Document, name: str) -> list[str]:
    """Every scenario below ``name``, depth first, in document order."""
    out: list[str] = []
    for child in children(doc, name):
        if child not in out and child != name:
            out.append(child)
            out.extend(d for d in descendants(doc, child) if d not in out)
    return out


def _require(doc: Document, name: str) -> Scenario:
    try:
        return doc.scenario(name)
    except KeyError:
        raise ValueError(f"unknown scenario {name!r}") from None


def _check_new_name(doc: Document, name: str) -> str:
    name = name.strip()
    if not name:
        raise ValueError("a scenario needs a name")
    if name in doc.scenario_names:
        raise ValueError(f"a scenario named {name!r} already exists")
    return name


def _insert_after_subtree(doc: Document, anchor: str, new: Scenario) -> tuple[Scenario, ...]:
    """Place ``new`` after ``anchor`` and its descendants, so the sheet reads as a tree."""
    block = {anchor, *descendants(doc, anchor)}
    last = max(i for i, s in enumerate(doc.scenarios) if s.name in block)
    rows = list(doc.scenarios)
    rows.insert(last + 1, new)
    return tuple(rows)


def new_child(doc: Document, parent: str, name: str, description: str = "") -> Document:
    """A scenario under ``parent`` with no overrides of its own (same results)."""
    _require(doc, parent)
    name = _check_new_name(doc, name)
    return doc.replace(scenarios=_insert_after_subtree(doc, parent,
                                                       Scenario(name, parent, description)))


def duplicate(doc: Document, name: str, new_name: str) -> Document:
    """A copy of ``name`` with the same parent, description and override rows."""
    source = _require(doc, name)
    new_name = _check_new_name(doc, new_name)
    copy = Scenario(new_name, source.parent, source.description)
    copies = tuple(replace(o, scenario=new_name, row=None) for o in doc.overrides_of(name))
    return doc.replace(scenarios=_insert_after_subtree(doc, name, copy),
                       overrides=doc.overrides + copies)


def rename(doc: Document, old: str, new: str) -> Document:
    """Rename a scenario, its children's parent links and its override rows."""
    _require(doc, old)
    new = new.strip()
    if new == old:
        return doc
    new = _check_new_name(doc, new)
    scenarios = tuple(
        replace(s, name=new if s.name == old else s.name,
                parent=new if s.parent == old else s.parent)
        for s in doc.scenarios)
    overrides = tuple(replace(o, scenario=new) if o.scenario == old else o
                      for o in doc.overrides)
    settings = doc.settings
    if settings.target_scenario == old:  # the target decomposition follows the rename
        settings = replace(settings, target_scenario=new)
    return doc.replace(scenarios=scenarios, overrides=overrides, settings=settings)


def _forget_target_scenario(doc: Document, removed: set[str]) -> Document:
    """A deleted target reference scenario falls back to the default (the first)."""
    if doc.settings.target_scenario in removed:
        return doc.replace(settings=replace(doc.settings, target_scenario=""))
    return doc


def describe(doc: Document, name: str, description: str) -> Document:
    _require(doc, name)
    return doc.replace(scenarios=tuple(
        replace(s, description=description) if s.name == name else s
        for s in doc.scenarios))


def delete(doc: Document, name: str, mode: str = DELETE_CHILDREN) -> Document:
    """Remove a scenario and its override rows; its children are either deleted too
    (``DELETE_CHILDREN``, the whole subtree goes) or re-attached to its parent
    (``REATTACH_CHILDREN``) with its override rows copied in front of their own, so
    every remaining scenario resolves to exactly what it did before."""
    gone = _require(doc, name)
    kids = children(doc, name)
    if mode == DELETE_CHILDREN:
        remove = {name, *descendants(doc, name)}
        if len(remove) >= len(doc.scenarios):
            raise ValueError("cannot delete the last scenario")
        return _forget_target_scenario(doc.replace(
            scenarios=tuple(s for s in doc.scenarios if s.name not in remove),
            overrides=tuple(o for o in doc.overrides if o.scenario not in remove)), remove)
    if mode != REATTACH_CHILDREN:
        raise ValueError(f"unknown delete mode {mode!r}")
    if len(doc.scenarios) == 1:
        raise ValueError("cannot delete the last scenario")
    inherited = doc.overrides_of(name)
    scenarios = tuple(replace(s, parent=gone.parent) if s.parent == name else s
                      for s in doc.scenarios if s.name != name)
    overrides: list[Override] = []
    pending = set(kids)
    for o in doc.overrides:
        if o.scenario == name:
            continue
        if o.scenario in pending:   # the child's first own row: inherited rows go first
            pending.discard(o.scenario)
            overrides.extend(replace(i, scenario=o.scenario, row=None) for i in inherited)
        overrides.append(o)
    for kid in kids:                # children without rows of their own
        if kid in pending:
            overrides.extend(replace(i, scenario=kid, row=None) for i in inherited)
    return _forget_target_scenario(
        doc.replace(scenarios=scenarios, overrides=tuple(overrides)), {name})
