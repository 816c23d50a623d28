"""Document checks: value rules, references, duplicates and year ranges (workbook.md).

Works on any Document, read from a workbook or edited in the app. Issues are located
through a ``locate(sheet_key, row, field)`` callback; the default names the English
sheet and the row (the ``row`` fields), and the workbook reader passes one that knows
the file, the sheet's name in the file and each field's column.
"""
from __future__ import annotations

from models import labels
from models.document import Document, Settings
from models.issues import ValidationIssue
from models.rules import MAX_SMALL_WHOLE, check_ramp, is_finite_number
from planner.checks.actuals import check_actual_settings, check_actuals
from planner.checks.collector import Checker, Locate, default_locate, found
from planner.checks.scenarios import check_overrides, check_scenarios
from planner.model.memo import IdentityMemo

# Between edits: the issues of the large sheets, keyed by their tables (the same tuple
# objects until an edit touches them) and what else the checks read. Only with the
# default locate; a section's issues are contiguous, so replaying them keeps the order.
_PROJECTS: IdentityMemo[list[ValidationIssue]] = IdentityMemo(2)
_YEARLY: IdentityMemo[list[ValidationIssue]] = IdentityMemo(8)
_ACTUALS: IdentityMemo[list[ValidationIssue]] = IdentityMemo(2)


def _section(c: Checker, memo: IdentityMemo, table: object, key: tuple, check) -> None:
    """Run ``check(checker)`` or replay its issues for the same inputs."""
    if c.locate is not default_locate:
        check(c)
        return

    def compute() -> list[ValidationIssue]:
        fresh = Checker()
        check(fresh)
        return fresh.issues

    c.issues.extend(memo.get(table, key, compute))


def validate_document(doc: Document, locate: Locate | None = None,
                      check_settings: bool = True) -> list[ValidationIssue]:
    """Every problem in a document: errors and warnings, in sheet order.

    ``check_settings=False`` skips the Settings rules and the year ranges that depend
    on them (the reader passes it when Settings could not be read)."""
    c = Checker(locate)
    years_ok = check_settings and check_settings_values(c, doc.settings)
    years = doc.settings if years_ok else None  # no year ranges from broken settings
    names = tuple(doc.chain_names)
    chains = set(names)
    check_chains(c, doc)
    _section(c, _PROJECTS, doc.projects, (names,),
             lambda c: check_projects(c, doc, chains))
    check_stages(c, doc)
    span = None if years is None else (years.base_year, years.end_year)
    for sheet in YEARLY_VALUES:         # one sheet at a time: an edit touches one
        _section(c, _YEARLY, getattr(doc, sheet), (sheet, names, span),
                 lambda c, sheet=sheet: check_yearly(c, doc, chains, years, (sheet,)))
    check_scenarios(c, doc)
    check_overrides(c, doc, years)
    if check_settings:
        check_actual_settings(c, doc)
    span = None if years is None else (years.base_year, years.end_year, years.target_year)
    tables = (doc.monthly, doc.targets)
    _section(c, _ACTUALS, doc.actuals, (tuple(map(id, tables)), tables, names, span),
             lambda c: check_actuals(c, doc, years))
    return c.issues


def check_settings_values(c: Checker, s: Settings) -> bool:
    """Settings rules; True when the projection years are usable for range checks."""
    def bad(field: str, message: str) -> None:
        c.add("settings", None, field, message)

    for field in ("base_year", "end_year", "target_year"):
        if not c.number("settings", None, field, getattr(s, field), rule="year"):
            return False
    years_ok = s.base_year < s.end_year <= s.base_year + 100
    if s.end_year <= s.base_year:
        bad("end_year", f"end_year must be after base_year {s.base_year} (found {s.end_year})")
    elif s.end_year > s.base_year + 100:
        bad("end_year", f"end_year must be at most 100 years after base_year, by "
                        f"{s.base_year + 100} (found {s.end_year})")
    elif not s.base_year + 1 <= s.target_year <= s.end_year:
        bad("target_year", f"target_year must be from {s.base_year + 1} to {s.end_year} "
                           f"(found {s.target_year})")
    c.number("settings", None, "default_build_years", s.default_build_years, "build_years")
    c.ramp("settings", None, "default_ramp", s.default_ramp)
    for field, minimum in (("mc_draws", 1), ("mc_seed", 0)):
        value = getattr(s, field)
        if not is_finite_number(value) or value != int(value) or value < minimum:
            bad(field, f"{field} must be a whole number of at least {minimum} "
                       f"(found {found(value)})")
    for field in ("target_value", "growth_sd", "price_sd", "delay_mode", "delay_max"):
        value = getattr(s, field)
        if not is_finite_number(value) or value < 0:
            bad(field, f"{field} must be a number of at least 0 (found {found(value)})")
            return years_ok
    if s.delay_max > MAX_SMALL_WHOLE:
        bad("delay_max", f"delay_max must be at most {MAX_SMALL_WHOLE} (found {s.delay_max:g})")
    if s.delay_mode > s.delay_max:
        bad("delay_mode", f"delay_mode must not exceed delay_max {s.delay_max:g} "
                          f"(found {s.delay_mode:g})")
    return years_ok


def check_chains(c: Checker, doc: Document) -> None:
    for ch in doc.chains:
        c.required("chains", ch.row, "chain", ch.chain)
        c.number("chains", ch.row, "base_output", ch.base_output)
        for field in ("growth", "output_ratio", "value_added_rate", "build_years"):
            c.number("chains", ch.row, field, getattr(ch, field), optional=True)
        c.ramp("chains", ch.row, "ramp", ch.ramp)
    c.unique("chains", "chain", ((ch.chain, ch.row) for ch in doc.chains if ch.chain),
             lambda k: f"chain name {k!r}")


def chain_ref(c: Checker, sheet: str, row: int | None, chain: str, chains: set[str]) -> None:
    if c.required(sheet, row, "chain", chain) and chain not in chains:
        c.add(sheet, row, "chain", f"unknown chain {chain!r} (not on the Chains sheet)")


def stage_ref(c: Checker, sheet: str, row: int | None, stage: str) -> None:
    if c.required(sheet, row, "stage", stage) and stage not in labels.STAGES:
        names = ", ".join(f"{k}/{v[0]}" for k, v in labels.STAGES.items())
        c.add(sheet, row, "stage", f"unknown stage {stage!r} (expected one of {names})")


def _number_in(value: object, low: float, high: float, whole: bool = False) -> bool:
    return (type(value) in (int, float) and low <= value <= high
            and (not whole or value == int(value)))


def _project_is_clean(p, chains: set[str], ramps_ok: dict) -> bool:
    """A quick pass for the common case: True only when no project rule can fire."""
    inf = float("inf")
    if not (isinstance(p.id, str) and p.id.strip() and p.chain in chains
            and p.stage in labels.STAGES and _number_in(p.investment, 0, inf)
            and _number_in(p.production_year, -inf, inf, whole=True)):
        return False
    if p.output_ratio is not None and not _number_in(p.output_ratio, 0, inf):
        return False
    if p.probability is not None and not _number_in(p.probability, 0, 1):
        return False
    for value in (p.delay, p.build_years):
        if value is not None and not _number_in(value, 0, MAX_SMALL_WHOLE, whole=True):
            return False
    if p.ramp is not None:
        if p.ramp not in ramps_ok:
            ramps_ok[p.ramp] = check_ramp(p.ramp) is None
        return ramps_ok[p.ramp]
    return True


def check_projects(c: Checker, doc: Document, chains: set[str]) -> None:
    ramps_ok: dict = {}
    for p in doc.projects:
        if _project_is_clean(p, chains, ramps_ok):
            continue
        c.required("projects", p.row, "id", p.id)
        chain_ref(c, "projects", p.row, p.chain, chains)
        c.number("projects", p.row, "investment", p.investment)
        stage_ref(c, "projects", p.row, p.stage)
        c.number("projects", p.row, "production_year", p.production_year)
        for field in ("output_ratio", "probability", "delay", "build_years"):
            c.number("projects", p.row, field, getattr(p, field), optional=True)
        c.ramp("projects", p.row, "ramp", p.ramp)
    c.unique("projects", "id", ((p.id, p.row) for p in doc.projects if p.id), lambda k: f"project id {k!r}")


def check_stages(c: Checker, doc: Document) -> None:
    for s in doc.stages:
        stage_ref(c, "stages", s.row, s.stage)
        c.number("stages", s.row, "probability", s.probability)
    c.unique("stages", "stage", ((s.stage, s.row) for s in doc.stages if s.stage),
             lambda k: f"stage {k!r}")


YEARLY_VALUES = {"growth": ("growth",), "prices": ("index",), "pipeline": ("investment",),
                 "incubation": ("graduates", "revenue_per_firm")}


def check_yearly(c: Checker, doc: Document, chains: set[str], s: Settings | None,
                 sheets: tuple[str, ...] = tuple(YEARLY_VALUES)) -> None:
    for sheet in sheets:
        fields = YEARLY_VALUES[sheet]
        rows = getattr(doc, sheet)
        first = 0 if s is None else s.base_year + (0 if sheet == "prices" else 1)
        for r in rows:
            chain_ref(c, sheet, r.row, r.chain, chains)
            if c.number(sheet, r.row, "year", r.year) and s is not None and not (
                    first <= r.year <= s.end_year):
                c.add(sheet, r.row, "year", f"year must be from {first} to {s.end_year} "
                                            f"(found {r.year})")
            for field in fields:
                c.number(sheet, r.row, field, getattr(r, field))
        c.unique(sheet, "year", (((r.chain, r.year), r.row) for r in rows
                                 if is_finite_number(r.year)),
                 lambda k: f"row for chain {k[0]!r} and year {k[1]}")
