"""Scenario resolution (model.md §4): base tables → inheritance → override rows → matrices."""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field

import numpy as np

from models import Document, DocumentError, Location, Override, ValidationIssue
from models import labels
from models.rules import check_number, parse_ramp
from planner.model.resolved import ResolvedInputs, ResolvedProjects
from planner.model.years import parse_years

CHAIN_DEFAULTS = {"growth": 0.0, "output_ratio": 1.0, "value_added_rate": 0.25}
OVERRIDES_SHEET = labels.SHEETS["overrides"]


@dataclass
class _State:
    """Mutable working copy while one scenario is resolved."""

    chains: list[dict]
    projects: dict[str, list]        # column -> one value per project (None = not own)
    stages: dict[str, float]
    mats: dict[str, np.ndarray] = field(default_factory=dict)

    def copy(self) -> "_State":
        return _State([dict(c) for c in self.chains],
                      {k: list(v) for k, v in self.projects.items()},
                      dict(self.stages), {k: v.copy() for k, v in self.mats.items()})


def _root_state(doc: Document) -> _State:
    s = doc.settings
    years = np.arange(s.base_year, s.end_year + 1)
    chains = [dict(chain=c.chain, base_output=c.base_output,
                   growth=c.growth if c.growth is not None else CHAIN_DEFAULTS["growth"],
                   output_ratio=c.output_ratio if c.output_ratio is not None
                   else CHAIN_DEFAULTS["output_ratio"],
                   value_added_rate=c.value_added_rate if c.value_added_rate is not None
                   else CHAIN_DEFAULTS["value_added_rate"],
                   ramp=c.ramp if c.ramp is not None else s.default_ramp,
                   build_years=c.build_years if c.build_years is not None
                   else s.default_build_years)
              for c in doc.chains]
    ps = doc.projects
    projects = {f: [getattr(p, f) for p in ps] for f in _PROJECT_COLUMNS}
    projects["delay"] = [0 if d is None else d for d in projects["delay"]]
    projects["include"] = [True if i is None else i for i in projects["include"]]
    stages = dict(labels.DEFAULT_STAGE_PROBABILITY)
    stages.update({r.stage: r.probability for r in doc.stages})
    state = _State(chains, projects, stages)
    state.mats = _root_matrices(doc, state, years)
    return state


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
    column = state.projects[fld]
    ids = state.projects["id"]
    rows = range(len(ids)) if o.key == "*" else [j for j, i in enumerate(ids) if i == o.key]
    if not rows:
        raise _OverrideError(f"unknown project {o.key!r}")
    for j in rows:
        if fld in labels.TEXT_FIELDS:
            column[j] = value
            continue
        current = column[j]
        if current is None and fld in _PROJECT_FALLBACK:
            current = _project_fallback(state, j, fld)
        column[j] = _combined(fld, op, current, value)


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


def _freeze(name: str, doc: Document, state: _State, years: np.ndarray) -> ResolvedInputs:
    chains = state.chains
    index = {c["chain"]: i for i, c in enumerate(chains)}
    cols = state.projects
    stage_p = state.stages
    chain_index = np.fromiter((index[c] for c in cols["chain"]), dtype=int,
                              count=len(cols["chain"]))

    def own_or(column: str, fallback: list, dtype) -> np.ndarray:
        own = cols[column]
        return np.array([f if v is None else v for v, f in zip(own, fallback)], dtype=dtype)

    chain_values = {f: [chains[i][f] for i in chain_index]
                    for f in ("output_ratio", "build_years", "ramp")}
    projects = ResolvedProjects(
        ids=tuple(cols["id"]),
        names=tuple(cols["name"]),
        chain_index=chain_index,
        investment=np.array(cols["investment"], dtype=float),
        stage=tuple(cols["stage"]),
        production_year=np.array(cols["production_year"], dtype=int),
        output_ratio=own_or("output_ratio", chain_values["output_ratio"], float),
        probability=own_or("probability", [stage_p[s] for s in cols["stage"]], float),
        delay=np.array(cols["delay"], dtype=int),
        include=np.array(cols["include"], dtype=bool),
        build_years=own_or("build_years", chain_values["build_years"], int),
        ramps=tuple(f if v is None else v for v, f in zip(cols["ramp"], chain_values["ramp"])),
    )
    m = state.mats
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
        stage_probability=dict(stage_p), projects=projects,
    )


class Resolver:
    """Resolves a document's scenarios, sharing each ancestor's state between calls."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.years = np.arange(doc.settings.base_year, doc.settings.end_year + 1)
        self._cache: dict[str, _State] = {}
        self._issues: dict[str, list[ValidationIssue]] = {}
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
            state, issues = _root_state(self.doc), []
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
        state = self._state(parent)[0].copy() if parent else _root_state(self.doc)
        token = _STRICT.set(False)
        try:
            states = [_freeze(name, self.doc, state.copy(), self.years)]
            for o in self._by_scenario.get(name, ()):
                _apply(state, o, self.years)
                states.append(_freeze(name, self.doc, state.copy(), self.years))
        except _OverrideError as exc:
            raise DocumentError([_issue(o, str(exc))]) from None
        finally:
            _STRICT.reset(token)
        return states

    def base_matrices(self) -> dict[str, np.ndarray]:
        """The per-year matrices of the base tables (before any override row)."""
        if "" not in self._cache:
            self._cache[""] = _root_state(self.doc)
            self._issues[""] = []
        return self._cache[""].mats

    def resolve(self, name: str, extra: tuple[Override, ...] | list[Override] = ()
                ) -> ResolvedInputs:
        """One scenario; ``extra`` rows are applied last (temporary analysis levers).

        Raises DocumentError naming every override row that cannot be applied.
        """
        state, issues = self._state(name)
        issues = list(issues)
        if extra:
            state = state.copy()
            for o in extra:
                try:
                    _apply(state, o, self.years)
                except _OverrideError as exc:
                    issues.append(_issue(o, str(exc)))
        if issues:
            raise DocumentError(issues)
        return _freeze(name, self.doc, state, self.years)


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
