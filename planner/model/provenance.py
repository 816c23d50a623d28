"""Where a cell's effective value comes from, as seen from one scenario.

Kinds: ``default`` (nothing written: a chain's default growth, the settings' default
ramp, a stage's default probability, the chain's value for a project's blank
output_ratio …), ``base`` (an explicit value in the base tables), ``inherited`` (override
rows of an ancestor scenario) and ``override`` (rows of this scenario, including ``*``
rows and year ranges that cover the cell). The nearest scenario in the lineage whose
rows touch the cell decides; ``before`` is the value the scenario's own rows start from.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from models.document import Document, Override
from models.edits import CellRef
from planner.model.resolve import CHAIN_DEFAULTS, resolve
from planner.model.resolved import ResolvedInputs
from planner.model.years import parse_years

DEFAULT, BASE, INHERITED, OVERRIDE = "default", "base", "inherited", "override"
_MATRIX = {("growth", "growth"): "growth", ("prices", "index"): "price",
           ("pipeline", "investment"): "pipeline", ("incubation", "graduates"): "graduates",
           ("incubation", "revenue_per_firm"): "revenue_per_firm"}
_CHAIN_FALLBACK = ("output_ratio", "ramp", "build_years")


@dataclass(frozen=True)
class Provenance:
    kind: str
    value: object
    scenario: str | None = None        # whose rows set it (inherited / override)
    rows: tuple[int, ...] = ()         # indices into Document.overrides
    before: object = None              # override: the value before this scenario's rows
    via: CellRef | None = None         # the chain or stage cell a project value falls back to


def effective_value(resolved: ResolvedInputs, doc: Document, ref: CellRef,
                    chain_index: dict[str, int], project_index: dict[str, int]) -> object:
    """The value of a cell in resolved inputs (money in 亿元, rates as decimals)."""
    table, key, field = ref.table, ref.key, ref.field
    if table == "settings":
        return getattr(doc.settings, key)
    if table == "stages":
        return resolved.stage_probability[key]
    if (table, field) in _MATRIX:
        mat = getattr(resolved, _MATRIX[(table, field)])
        return float(mat[chain_index[key], ref.year - resolved.base_year])
    if table == "chains":
        i = chain_index[key]
        if field in ("chain", "industry", "growth"):
            c = doc.chains[i]
            if field == "growth":
                return c.growth if c.growth is not None else CHAIN_DEFAULTS["growth"]
            return getattr(c, field)
        if field == "ramp":
            return resolved.ramps[i]
        return _plain(getattr(resolved, field)[i])
    if table == "projects":
        j = project_index[key]
        p = resolved.projects
        if field in ("id", "name", "note"):
            return getattr(doc.projects[j], field)
        if field == "chain":
            return resolved.chains[p.chain_index[j]]
        if field == "stage":
            return p.stage[j]
        if field == "ramp":
            return p.ramps[j]
        return _plain(getattr(p, field)[j])
    raise KeyError(ref)


def _plain(x: object) -> object:
    return x.item() if hasattr(x, "item") else x


class CellSources:
    """Effective values and their provenance for one (document, scenario)."""

    def __init__(self, doc: Document, scenario: str, resolved: ResolvedInputs | None = None):
        self.doc, self.scenario = doc, scenario
        self.resolved = resolved or resolve(doc, scenario)
        self.lineage = doc.lineage(scenario)
        self.chain_index = {c: i for i, c in enumerate(self.resolved.chains)}
        self.project_index = {p: i for i, p in enumerate(self.resolved.projects.ids)}
        self._base_project = {p.id: p for p in doc.projects}
        self._base_chain = {c.chain: c for c in doc.chains}
        self._stage_rows = {r.stage for r in doc.stages}
        self._growth_rows = {(r.chain, r.year) for r in doc.growth}
        self._pipeline_rows = {(r.chain, r.year) for r in doc.pipeline}
        self._incubation_rows = {(r.chain, r.year) for r in doc.incubation}
        self._first_price: dict[str, int] = {}
        for r in doc.prices:
            self._first_price[r.chain] = min(r.year, self._first_price.get(r.chain, r.year))
        order = {name: i for i, name in enumerate(self.lineage)}
        self._rows: dict[tuple[str, str], list[tuple[int, Override, tuple[int, int]]]] = {}
        y0, end = doc.settings.base_year, doc.settings.end_year
        for i, o in enumerate(doc.overrides):
            if o.scenario in order:
                try:
                    span = parse_years(o.years, y0 + 1, end)
                except ValueError:
                    continue
                self._rows.setdefault((o.table, o.field), []).append((i, o, span))
        self._before: ResolvedInputs | None = None

    # -- values ----------------------------------------------------------------------
    def value(self, ref: CellRef) -> object:
        return effective_value(self.resolved, self.doc, ref, self.chain_index,
                               self.project_index)

    def before_value(self, ref: CellRef) -> object:
        """The value before this scenario's own override rows."""
        if self._before is None:
            parent = self.lineage[-2] if len(self.lineage) > 1 else None
            if parent is not None:
                self._before = sources(self.doc, parent).resolved
            else:
                own = tuple(o for o in self.doc.overrides if o.scenario != self.scenario)
                self._before = resolve(self.doc.replace(overrides=own), self.scenario)
        return effective_value(self._before, self.doc, ref, self.chain_index,
                               self.project_index)

    # -- provenance ------------------------------------------------------------------
    def touching(self, ref: CellRef) -> dict[str, tuple[int, ...]]:
        """Override rows of the lineage that act on the cell, by scenario."""
        out: dict[str, list[int]] = {}
        for i, o, (start, stop) in self._rows.get((ref.table, ref.field), ()):
            if o.key != "*" and o.key != ref.key:
                continue
            if ref.year is not None and not start <= ref.year <= stop:
                continue
            out.setdefault(o.scenario, []).append(i)
        return {k: tuple(v) for k, v in out.items()}

    def of(self, ref: CellRef) -> Provenance:
        value = self.value(ref)
        touched = self.touching(ref) if ref.table != "settings" else {}
        for name in reversed(self.lineage):
            if name in touched:
                if name == self.scenario:
                    return Provenance(OVERRIDE, value, name, touched[name],
                                      before=self.before_value(ref))
                return Provenance(INHERITED, value, name, touched[name])
        return self._unwritten(ref, value)

    def _unwritten(self, ref: CellRef, value: object) -> Provenance:
        """A cell no override row touches: base or default."""
        t, key, field = ref.table, ref.key, ref.field
        if t == "projects":
            p = self._base_project[key]
            if getattr(p, field, None) is not None or field not in (
                    *_CHAIN_FALLBACK, "probability", "delay", "include"):
                return Provenance(BASE, value)
            if field in ("delay", "include"):
                return Provenance(DEFAULT, value)
            j = self.project_index[key]
            via = (CellRef("stages", self.resolved.projects.stage[j], "probability")
                   if field == "probability" else
                   CellRef("chains", self.resolved.chains[
                       self.resolved.projects.chain_index[j]], field))
            fallback = self.of(via)
            kind = DEFAULT if fallback.kind == BASE else fallback.kind
            return Provenance(kind, value, fallback.scenario, fallback.rows, fallback.before, via)
        if t == "chains":
            explicit = field in ("chain", "industry", "base_output") or getattr(
                self._base_chain[key], field) is not None
        elif t == "stages":
            explicit = key in self._stage_rows
        elif t == "growth":
            explicit = (key, ref.year) in self._growth_rows
        elif t == "prices":
            explicit = key in self._first_price and ref.year >= self._first_price[key]
        elif t == "pipeline":
            explicit = (key, ref.year) in self._pipeline_rows
        elif t == "incubation":
            explicit = (key, ref.year) in self._incubation_rows
        else:
            explicit = True
        return Provenance(BASE if explicit else DEFAULT, value)


_CACHE: OrderedDict[tuple[int, str], tuple[Document, CellSources]] = OrderedDict()
_CACHE_SIZE = 8


def sources(doc: Document, scenario: str) -> CellSources:
    """CellSources for a document and scenario, cached by document identity."""
    k = (id(doc), scenario)
    hit = _CACHE.get(k)
    if hit is not None and hit[0] is doc:
        _CACHE.move_to_end(k)
        return hit[1]
    made = CellSources(doc, scenario)
    _CACHE[k] = (doc, made)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return made


def provenance(doc: Document, scenario: str, ref: CellRef) -> Provenance:
    return sources(doc, scenario).of(ref)
