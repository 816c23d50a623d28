"""Scenario resolution (model.md §4): base tables → inheritance → override rows → matrices."""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from operator import attrgetter

import numpy as np

from models import Document, DocumentError, Location, Override, ValidationIssue
from models import labels
from models import rules
from models.rules import check_number, parse_ramp
from planner.model.memo import IdentityMemo, frozen, on_clear
from planner.model.resolved import RAMP_STEPS_KEY, ResolvedInputs, ResolvedProjects
from planner.model.years import parse_years

CHAIN_DEFAULTS = {"growth": 0.0, "output_ratio": 1.0, "value_added_rate": 0.25}
OVERRIDES_SHEET = labels.SHEETS["overrides"]


@dataclass
class _State:
    """Working copy while one scenario is resolved. Project columns are tuples, replaced
    whole when an override row writes one (so copies share them safely); ``frozen`` is
    the ResolvedProjects of the current columns, chains and stages, kept while only
    per-year tables change (a child scenario usually shares its parent's)."""

    chains: list[dict]
    projects: dict[str, tuple]       # column -> one value per project (None = not own)
    stages: dict[str, float]
    mats: dict[str, np.ndarray] = field(default_factory=dict)
    frozen: ResolvedProjects | None = None
    # the base tables' ResolvedProjects and the rows applied since that changed projects,
    # chains or stages: together they determine ``frozen`` (None: not tracked)
    root: ResolvedProjects | None = None
    rows: tuple[Override, ...] | None = None
    basis: "_Basis | None" = None    # what the last ResolvedProjects was built from

    def copy(self) -> "_State":
        return _State([dict(c) for c in self.chains], dict(self.projects),
                      dict(self.stages), {k: v.copy() for k, v in self.mats.items()},
                      self.frozen, self.root, self.rows, self.basis)


def _chains_of(doc: Document) -> list[dict]:
    s = doc.settings
    return [dict(chain=c.chain, base_output=c.base_output,
                 growth=c.growth if c.growth is not None else CHAIN_DEFAULTS["growth"],
                 output_ratio=c.output_ratio if c.output_ratio is not None
                 else CHAIN_DEFAULTS["output_ratio"],
                 value_added_rate=c.value_added_rate if c.value_added_rate is not None
                 else CHAIN_DEFAULTS["value_added_rate"],
                 ramp=c.ramp if c.ramp is not None else s.default_ramp,
                 build_years=c.build_years if c.build_years is not None
                 else s.default_build_years)
            for c in doc.chains]


def _project_columns(projects: tuple) -> dict[str, tuple]:
    columns = {f: tuple(map(attrgetter(f), projects)) for f in _PROJECT_COLUMNS}
    columns["delay"] = tuple(0 if d is None else d for d in columns["delay"])
    columns["include"] = tuple(True if i is None else i for i in columns["include"])
    return columns


# Between edits: the base tables' project columns and their ResolvedProjects, keyed by
# the Projects table (the same tuple object until an edit touches it) and the chain and
# stage values the fallbacks read.
_ROOT_PROJECTS: IdentityMemo[tuple[dict, "_Basis"]] = IdentityMemo(2)
_LAST_ROOT: "_Basis | None" = None


def _forget_last_root() -> None:
    global _LAST_ROOT
    _LAST_ROOT = None


on_clear(_forget_last_root)
# a scenario's ResolvedProjects, keyed by the base tables' and the rows applied since
_SCENARIO_PROJECTS: IdentityMemo["_Basis"] = IdentityMemo(12)
# the base tables' per-year matrices, keyed by the four yearly tables and the chains
_ROOT_MATRICES: IdentityMemo[dict[str, np.ndarray]] = IdentityMemo(4)


def _root_state(doc: Document) -> _State:
    s = doc.settings
    years = np.arange(s.base_year, s.end_year + 1)
    chains = _chains_of(doc)
    stages = dict(labels.DEFAULT_STAGE_PROBABILITY)
    stages.update({r.stage: r.probability for r in doc.stages})
    fallback_key = (tuple((c["chain"], c["output_ratio"], c["build_years"], c["ramp"])
                          for c in chains), tuple(stages.items()))

    def compute() -> tuple[dict, _Basis]:
        global _LAST_ROOT
        columns = _project_columns(doc.projects)
        _, basis = _freeze_projects(chains, columns, stages, _LAST_ROOT)
        _LAST_ROOT = basis      # after an edit of one project, the rest is reused
        return columns, basis

    columns, basis = _ROOT_PROJECTS.get(doc.projects, fallback_key, compute)
    state = _State(chains, dict(columns), stages, frozen=basis.projects,
                   root=basis.projects, rows=(), basis=basis)
    tables = (doc.growth, doc.prices, doc.pipeline, doc.incubation)
    matrix_key = (tuple(map(id, tables)), tuple(c["chain"] for c in chains),
                  tuple(c["growth"] for c in chains), int(years[0]), len(years))

    def matrices() -> dict[str, np.ndarray]:
        mats = _root_matrices(doc, state, years)
        frozen(*mats.values())
        return mats

    # the key holds ids of the other three tables: the entry holds the first and the
    # tables are compared by identity below, so no id can be reused while it lives
    state.mats = dict(_ROOT_MATRICES.get(doc.growth, (matrix_key, tables), matrices))
    return state        # read-only matrices: copy() the state before applying rows


def _root_matrices(doc: Document, state: _State, years: np.ndarray) -> dict[str, np.ndarray]:
    index = {c["chain"]: i for i, c in enumerate(state.chains)}
    shape = (len(state.chains), len(years))
    y0 = int(years[0])
    growth = np.repeat(np.array([c["growth"] for c in state.chains], float)[:, None],
                       len(years), axis=1).reshape(shape)
    growth[:, 0] = 0.0
    for r in doc.growth:
        growth[index[r.chain], r.year - y0] = r.growth
    price = np.ones(shape)
    for r in sorted(doc.prices, key=lambda r: r.year):  # carry each level forward
        price[index[r.chain], r.year - y0:] = r.index
    pipeline = np.zeros(shape)
    for r in doc.pipeline:
        pipeline[index[r.chain], r.year - y0] = r.investment
    graduates = np.zeros(shape)
    revenue = np.zeros(shape)
    for r in doc.incubation:
        graduates[index[r.chain], r.year - y0] = r.graduates
        revenue[index[r.chain], r.year - y0] = r.revenue_per_firm
    return {"growth": growth, "prices": price, "pipeline": pipeline,
            "graduates": graduates, "revenue_per_firm": revenue}


_MATRIX_OF = {("growth", "growth"): "growth", ("prices", "index"): "prices",
              ("pipeline", "investment"): "pipeline",
              ("incubation", "graduates"): "graduates",
              ("incubation", "revenue_per_firm"): "revenue_per_firm"}
_PROJECT_FALLBACK = {"output_ratio", "probability", "build_years", "ramp"}
_PROJECT_COLUMNS = ("id", "name", "chain", "investment", "stage", "production_year",
                    "output_ratio", "ramp", "probability", "delay", "include", "build_years")


class _OverrideError(Exception):
    pass


# Off while override effects step through intermediate states (model.md §8: "each
# intermediate state computed as it is (not validated)"). A ContextVar, so a worker
# thread computing effects never relaxes the checks of another thread.
_STRICT: ContextVar[bool] = ContextVar("strict_overrides", default=True)


def _combine(op: str, current: float, value: float) -> float:
    if op == "add":
        return current + value
    if op == "mul":
        return current * value
    return value


def _number(o: Override) -> float:
    if isinstance(o.value, str):
        try:
            return float(o.value)
        except ValueError:
            raise _OverrideError(f"value {o.value!r} is not a number") from None
    return float(o.value)


def _apply(state: _State, o: Override, years: np.ndarray) -> None:
    table, fld, op = o.table, o.field, o.op
    if op not in labels.OPS:
        raise _OverrideError(f"unknown op {op!r}; expected set, add or mul")
    if fld not in labels.OVERRIDE_FIELDS.get(table, ()):
        raise _OverrideError(f"field {fld!r} cannot be overridden in table {table!r}")
    if table in labels.YEARLY_TABLES:
        _apply_yearly(state, o, years)
        return
    rows = state.rows           # projects, chains or stages change: freeze anew
    state.frozen = state.rows = None
    _apply_table(state, o, table, fld, op)
    state.rows = None if rows is None else (*rows, o)


def _apply_table(state: _State, o: Override, table: str, fld: str, op: str) -> None:
    if o.years not in ("", None):
        raise _OverrideError(f"table {table} has no years; leave years empty")
    if fld in labels.TEXT_FIELDS and op != "set":
        raise _OverrideError(f"{op} cannot apply to text field {fld}")
    if table == "stages":
        keys = list(state.stages) if o.key == "*" else [o.key]
        for k in keys:
            if k not in state.stages:
                raise _OverrideError(f"unknown stage {o.key!r}")
            state.stages[k] = _combine(op, state.stages[k], _number(o))
            _check(fld, state.stages[k])
        return
    value = _text_value(o) if fld in labels.TEXT_FIELDS else _number(o)
    if table == "chains":
        targets = state.chains if o.key == "*" else [c for c in state.chains
                                                    if c["chain"] == o.key]
        if not targets:
            raise _OverrideError(f"unknown chain {o.key!r}")
        for row in targets:
            row[fld] = value if fld in labels.TEXT_FIELDS else _combined(fld, op, row[fld], value)
        return
    ids = state.projects["id"]
    rows = range(len(ids)) if o.key == "*" else [j for j, i in enumerate(ids) if i == o.key]
    if not rows:
        raise _OverrideError(f"unknown project {o.key!r}")
    if fld in labels.TEXT_FIELDS:
        column = list(state.projects[fld])
        for j in rows:
            column[j] = value
    elif len(rows) >= _VECTOR_ROWS and (done := _combined_rows(state, fld, op, rows, value)):
        column = done
    else:
        column = list(state.projects[fld])
        for j in rows:
            current = column[j]
            if current is None and fld in _PROJECT_FALLBACK:
                current = _project_fallback(state, j, fld)
            column[j] = _combined(fld, op, current, value)
    state.projects[fld] = tuple(column)


# a row applied to at least this many projects (a "*" key) is combined as arrays
_VECTOR_ROWS = 16
_WHOLE_FIELDS = ("build_years", "delay", "production_year")


def _combined_rows(state: _State, fld: str, op: str, rows, value: float) -> list | None:
    """The column after ``_combined`` on ``rows``, as arrays; None (nothing changed) when
    any value is not plainly valid, so the row-by-row path gives its exact outcome."""
    column = list(state.projects[fld])
    current = [column[j] for j in rows]
    if fld in _PROJECT_FALLBACK and any(v is None for v in current):
        chain_of = {c["chain"]: c for c in state.chains}
        stage_of = state.projects["stage"]
        chain_col = state.projects["chain"]
        current = [v if v is not None else
                   (state.stages[stage_of[j]] if fld == "probability"
                    else chain_of[chain_col[j]][fld])
                   for v, j in zip(current, rows)]
    if fld == "include":
        new = _combine_array(op, np.array([1.0 if v else 0.0 for v in current]), value)
        if not np.all((new == 0.0) | (new == 1.0)):
            return None
        out = (new == 1.0).tolist()
    else:
        try:
            new = _combine_array(op, np.array(current, dtype=float), value)
        except (TypeError, ValueError):
            return None
        if not _plainly_valid(fld, new).all():
            return None
        out = np.rint(new).astype(int).tolist() if fld in _WHOLE_FIELDS else new.tolist()
    for j, v in zip(rows, out):
        column[j] = v
    return column


def _combine_array(op: str, current: np.ndarray, value: float) -> np.ndarray:
    if op == "add":
        return current + value
    if op == "mul":
        return current * value
    return np.full_like(current, value)


def _plainly_valid(fld: str, v: np.ndarray) -> np.ndarray:
    """Elementwise ``check_number(fld, v) is None`` (models.rules)."""
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(v)
        if fld in rules.NON_NEGATIVE:
            ok &= v >= 0
        if fld == "growth":
            ok &= v > -1
        if fld in rules.UNIT_INTERVAL:
            ok &= (v >= 0) & (v <= 1)
        if fld in rules.SMALL_WHOLE:
            ok &= (v == np.trunc(v)) & (v >= 0) & (v <= rules.MAX_SMALL_WHOLE)
        if fld in rules.WHOLE:
            ok &= v == np.trunc(v)
    return ok


def _combined(fld: str, op: str, current, value: float):
    """The new value of a numeric field, checked, in the field's type."""
    if fld == "include":
        new = _combine(op, 1.0 if current else 0.0, value)
        if new not in (0.0, 1.0) and _STRICT.get():
            raise _OverrideError("include must be 1 or 0")
        return bool(new)
    new = _combine(op, float(current), value)
    _check(fld, new)
    if fld in ("build_years", "delay", "production_year"):
        return int(round(new))
    return new


def _text_value(o: Override):
    if o.field == "stage":
        key = labels.stage_key(str(o.value))
        if key is None:
            raise _OverrideError(f"unknown stage {o.value!r}")
        return key
    ramp = parse_ramp(o.value)
    if ramp is None:
        raise _OverrideError(f"ramp {o.value!r} is not a comma list of numbers in [0, 5]")
    return ramp


def _project_fallback(state: _State, j: int, fld: str):
    if fld == "probability":
        return state.stages[state.projects["stage"][j]]
    chain = state.projects["chain"][j]
    return next(c for c in state.chains if c["chain"] == chain)[fld]


def _apply_yearly(state: _State, o: Override, years: np.ndarray) -> None:
    y0, end = int(years[0]), int(years[-1])
    try:
        start, stop = parse_years(o.years, y0 + 1, end)
    except ValueError as exc:
        raise _OverrideError(str(exc)) from None
    names = [c["chain"] for c in state.chains]
    if o.key == "*":
        rows = slice(None)
    elif o.key in names:
        rows = names.index(o.key)
    else:
        raise _OverrideError(f"unknown chain {o.key!r}")
    mat = state.mats[_MATRIX_OF[(o.table, o.field)]]
    cols = slice(start - y0, stop - y0 + 1)
    value = _number(o)
    if o.op == "add":
        mat[rows, cols] += value
    elif o.op == "mul":
        mat[rows, cols] *= value
    else:
        mat[rows, cols] = value
    block = mat[rows, cols]
    bad = _first_bad(o.field, block)
    if bad is not None:
        raise _OverrideError(f"gives {o.field} {bad:g}: " + (check_number(o.field, bad) or ""))


def _first_bad(fld: str, block: np.ndarray) -> float | None:
    if not _STRICT.get():
        return None
    flat = np.atleast_1d(block).ravel()
    if fld == "growth":
        bad = flat[~(flat > -1) | ~np.isfinite(flat)]
    else:
        bad = flat[~(flat >= 0) | ~np.isfinite(flat)]
    return float(bad[0]) if bad.size else None


def _check(fld: str, value: float) -> None:
    if not _STRICT.get():
        return
    reason = check_number(fld, value)
    if reason is not None:
        raise _OverrideError(f"gives {fld} {value:g}: {reason}")


def _issue(o: Override, msg: str) -> ValidationIssue:
    what = f"override {o.table} {o.key} {o.field} {o.years or '(all)'} {o.op} {o.value}"
    return ValidationIssue(f"scenario {o.scenario}: {what}: {msg}",
                           Location(sheet=OVERRIDES_SHEET, row=o.row))


@dataclass(frozen=True)
class _Basis:
    """What a ResolvedProjects was built from, so the next one can reuse the arrays whose
    inputs are equal (an override row or an edit changes one column, rarely more)."""

    cols: dict[str, tuple]
    chains: tuple[tuple, ...]          # (chain, output_ratio, build_years, ramp) per chain
    stages: dict[str, float]
    projects: ResolvedProjects


def _chain_fallbacks(chains: list[dict]) -> tuple[tuple, ...]:
    return tuple((c["chain"], c["output_ratio"], c["build_years"], c["ramp"]) for c in chains)


def _freeze_projects(chains: list[dict], cols: dict[str, tuple], stage_p: dict[str, float],
                     basis: _Basis | None = None) -> tuple[ResolvedProjects, _Basis]:
    """Effective per-project values; arrays whose inputs equal ``basis``'s are reused
    (equal values give identical arrays), the rest is built."""
    fallbacks = _chain_fallbacks(chains)
    old = basis.projects if basis is not None else None

    def same(*columns: str, chain_field: int | None = None, stages: bool = False) -> bool:
        if basis is None:
            return False
        if chain_field is not None:
            columns = (*columns, "chain")
        if any(cols[c] != basis.cols[c] for c in columns):
            return False
        if chain_field is not None and (
                [f[0] for f in fallbacks] != [f[0] for f in basis.chains]
                or [f[chain_field] for f in fallbacks] != [f[chain_field] for f in basis.chains]):
            return False
        return not stages or stage_p == basis.stages

    index = {c["chain"]: i for i, c in enumerate(chains)}
    if same("chain", chain_field=0):
        chain_index = old.chain_index
    else:
        chain_index = np.fromiter((index[c] for c in cols["chain"]), dtype=int,
                                  count=len(cols["chain"]))
    chain_values: dict[str, list] = {}

    def fallback(f: str) -> list:
        if f not in chain_values:
            chain_values[f] = [chains[i][f] for i in chain_index]
        return chain_values[f]

    def own_or(column: str, fallback: list, dtype) -> np.ndarray:
        own = cols[column]
        return np.array([f if v is None else v for v, f in zip(own, fallback)], dtype=dtype)

    def array(column: str, dtype, build=None, *more: str, **deps) -> np.ndarray:
        if same(column, *more, **deps):
            return getattr(old, column)
        return build() if build is not None else np.array(cols[column], dtype=dtype)

    ramps_same = same("ramp", "chain", chain_field=3)
    projects = ResolvedProjects(
        ids=tuple(cols["id"]),
        names=tuple(cols["name"]),
        chain_index=chain_index,
        investment=array("investment", float),
        stage=tuple(cols["stage"]),
        production_year=array("production_year", int),
        output_ratio=array("output_ratio", float, lambda: own_or(
            "output_ratio", fallback("output_ratio"), float), chain_field=1),
        probability=array("probability", float, lambda: own_or(
            "probability", [stage_p[s] for s in cols["stage"]], float), "stage", stages=True),
        delay=array("delay", int),
        include=array("include", bool),
        build_years=array("build_years", int, lambda: own_or(
            "build_years", fallback("build_years"), int), chain_field=2),
        ramps=tuple(f if v is None else v for v, f in zip(cols["ramp"], fallback("ramp"))),
    )
    frozen(projects.chain_index, projects.investment, projects.production_year,
           projects.output_ratio, projects.probability, projects.delay, projects.include,
           projects.build_years)
    if ramps_same and "ramp_table" in old._memo:      # equal ramps: the same table
        projects._memo["ramp_table"] = old._memo["ramp_table"]
    if same("stage") and "producing" in old._memo:
        projects._memo["producing"] = old._memo["producing"]
        if (ramps_same and projects.production_year is old.production_year
                and projects.delay is old.delay):
            for key, value in list(old._memo.items()):
                if isinstance(key, tuple) and key[0] == RAMP_STEPS_KEY:
                    projects._memo[key] = value
    return projects, _Basis(dict(cols), fallbacks, dict(stage_p), projects)


def _freeze(name: str, doc: Document, state: _State, years: np.ndarray) -> ResolvedInputs:
    """The state's values as ResolvedInputs (read-only arrays; the state's matrices are
    handed over, so the state must not be written afterwards: copy it first)."""
    chains = state.chains
    if state.frozen is None:
        def compute() -> _Basis:
            return _freeze_projects(chains, state.projects, state.stages, state.basis)[1]

        if state.root is not None and state.rows is not None:
            state.basis = _SCENARIO_PROJECTS.get(state.root, state.rows, compute)
        else:
            state.basis = compute()
        state.frozen = state.basis.projects
    m = state.mats
    frozen(*m.values())
    return ResolvedInputs(
        scenario=name, settings=doc.settings, years=years,
        chains=tuple(c["chain"] for c in chains),
        base_output=np.array([c["base_output"] for c in chains], dtype=float),
        output_ratio=np.array([c["output_ratio"] for c in chains], dtype=float),
        value_added_rate=np.array([c["value_added_rate"] for c in chains], dtype=float),
        build_years=np.array([c["build_years"] for c in chains], dtype=int),
        ramps=tuple(c["ramp"] for c in chains),
        growth=m["growth"], price=m["prices"], pipeline=m["pipeline"],
        graduates=m["graduates"], revenue_per_firm=m["revenue_per_firm"],
        stage_probability=dict(state.stages), projects=state.frozen,
    )


class Resolver:
    """Resolves a document's scenarios, sharing each ancestor's state between calls."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.years = np.arange(doc.settings.base_year, doc.settings.end_year + 1)
        self._cache: dict[str, _State] = {}
        self._issues: dict[str, list[ValidationIssue]] = {}
        self._resolved: dict[str, ResolvedInputs] = {}
        self._by_scenario: dict[str, list[Override]] = {}
        for o in doc.overrides:
            self._by_scenario.setdefault(o.scenario, []).append(o)

    def _state(self, name: str) -> tuple[_State, list[ValidationIssue]]:
        if name in self._cache:
            return self._cache[name], self._issues[name]
        if name not in self.doc.scenario_names:
            raise DocumentError([ValidationIssue(f"unknown scenario {name!r}")])
        try:
            lineage = self.doc.lineage(name)
        except ValueError as exc:
            raise DocumentError([ValidationIssue(str(exc))]) from None
        parent = lineage[-2] if len(lineage) > 1 else None
        if parent:
            base, inherited = self._state(parent)
            state, issues = base.copy(), list(inherited)
        else:
            state, issues = self._root().copy(), []
        for o in self._by_scenario.get(name, ()):
            try:
                _apply(state, o, self.years)
            except _OverrideError as exc:
                issues.append(_issue(o, str(exc)))
        self._cache[name], self._issues[name] = state, issues
        return state, issues

    def stepwise(self, name: str) -> list[ResolvedInputs]:
        """The scenario's starting point (its parent's resolved inputs, or the base tables)
        and the state after each of its own override rows, in sheet order, unvalidated."""
        lineage = self.doc.lineage(name)
        parent = lineage[-2] if len(lineage) > 1 else None
        state = (self._state(parent)[0] if parent else self._root()).copy()

        def snapshot() -> ResolvedInputs:
            snap = state.copy()
            inputs = _freeze(name, self.doc, snap, self.years)
            state.frozen, state.basis = snap.frozen, snap.basis  # the next row may keep
            return inputs

        token = _STRICT.set(False)
        try:
            states = [snapshot()]
            for o in self._by_scenario.get(name, ()):
                _apply(state, o, self.years)
                states.append(snapshot())
        except _OverrideError as exc:
            raise DocumentError([_issue(o, str(exc))]) from None
        finally:
            _STRICT.reset(token)
        return states

    def _root(self) -> _State:
        """The base tables' state (read-only matrices; copy it to apply rows)."""
        if "" not in self._cache:
            self._cache[""] = _root_state(self.doc)
            self._issues[""] = []
        return self._cache[""]

    def base_matrices(self) -> dict[str, np.ndarray]:
        """The per-year matrices of the base tables (before any override row), read-only."""
        return self._root().mats

    def resolve(self, name: str, extra: tuple[Override, ...] | list[Override] = ()
                ) -> ResolvedInputs:
        """One scenario; ``extra`` rows are applied last (temporary analysis levers).

        Raises DocumentError naming every override row that cannot be applied.
        """
        if not extra and name in self._resolved:
            return self._resolved[name]
        state, issues = self._state(name)
        issues = list(issues)
        if extra:
            state = state.copy()
            state.rows = None       # temporary levers: not worth keeping between calls
            for o in extra:
                try:
                    _apply(state, o, self.years)
                except _OverrideError as exc:
                    issues.append(_issue(o, str(exc)))
        if issues:
            raise DocumentError(issues)
        inputs = _freeze(name, self.doc, state, self.years)
        if not extra:
            self._resolved[name] = inputs
        return inputs


def resolve(doc: Document, scenario: str, extra: tuple[Override, ...] = ()) -> ResolvedInputs:
    """Resolve one scenario (see Resolver.resolve)."""
    return Resolver(doc).resolve(scenario, extra)


def resolve_all(doc: Document, scenarios: list[str] | None = None) -> dict[str, ResolvedInputs]:
    """Resolve several scenarios (all by default); every problem is reported at once."""
    resolver = Resolver(doc)
    out: dict[str, ResolvedInputs] = {}
    issues: list[ValidationIssue] = []
    for n in scenarios if scenarios is not None else doc.scenario_names:
        try:
            out[n] = resolver.resolve(n)
        except DocumentError as exc:
            issues.extend(i for i in exc.issues if i not in issues)
    if issues:
        raise DocumentError(issues)
    return out
