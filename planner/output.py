"""Results as plain JSON-ready dicts and readable text (the CLI's output)."""
from __future__ import annotations

import math

from models import Document, DocumentError, ValidationIssue
from planner.model.result import Result


def _num(x: float | None) -> float | None:
    if x is None or not math.isfinite(x):
        return None
    return float(x)


def _list(values) -> list[float]:
    return [float(v) for v in values]


def _opt(values) -> list[float | None]:
    """A list with NaN/inf as null (JSON has no NaN)."""
    return [_num(float(v)) for v in values]


def _shape(total, chains: tuple[str, ...], per_chain) -> dict:
    """{"total": x, "chains": {chain: x}} for a park value and its per-chain values."""
    return {"total": _num(total) if not isinstance(total, list) else total,
            "chains": {c: (_num(float(v)) if not isinstance(v, list) else v)
                       for c, v in zip(chains, per_chain)}}


def deviation_dict(result: Result) -> dict:
    """Act − Plan for y0 < y ≤ a (model.md §6), total and per chain, with ratios."""
    y0, a = result.base_year, result.actual_year or result.base_year
    cols = slice(1, a - y0 + 1)
    actual = result.chain_total[:, cols]
    plan = result.plan_chain_total[:, cols]
    dev = actual - plan
    total_dev = actual.sum(axis=0) - plan.sum(axis=0)
    plan_total = plan.sum(axis=0)

    def ratio(num, den):
        return [None if d == 0 else _num(float(n / d)) for n, d in zip(num, den)]

    return {"years": [int(y) for y in result.years[cols]], "total": _list(total_dev),
            "ratio": ratio(total_dev, plan_total),
            "chains": {c: _list(dev[i]) for i, c in enumerate(result.chains)},
            "chain_ratio": {c: ratio(dev[i], plan[i]) for i, c in enumerate(result.chains)}}


def attribution_dict(att) -> dict | None:
    if att is None:
        return None

    def parts(p) -> dict:
        return {"start": p.start, "base_growth": p.base_growth, "projects": dict(p.projects),
                "pipeline": p.pipeline, "incubation": p.incubation, "price": p.price,
                "end": p.end, "gap": p.gap}

    return {"from_year": att.from_year, "to_year": att.to_year, **parts(att),
            "chains": {c: parts(p) for c, p in att.chains.items()}}


def effects_list(effects) -> list[dict]:
    return [{"table": e.override.table, "key": e.override.key, "field": e.override.field,
             "years": e.override.years, "op": e.override.op, "value": e.override.value,
             "effect": e.effect} for e in effects]


def scenario_dict(doc: Document, result: Result, attribution=None,
                  effects=None) -> dict:
    scenario = doc.scenario(result.scenario)
    chains = {
        chain: {"actual": _list(result.actual[c]), "base": _list(result.base[c]),
                "projects": _list(result.projects[c]),
                "pipeline": _list(result.pipeline[c]),
                "incubation": _list(result.incubation[c]),
                "total": _list(result.chain_total[c])}
        for c, chain in enumerate(result.chains)
    }
    return {
        "name": scenario.name, "parent": scenario.parent,
        "description": scenario.description,
        "years": [int(y) for y in result.years], "total": _list(result.total),
        "chains": chains, "value_added": _list(result.value_added),
        "investment": _list(result.investment), "target_year": result.target_year,
        "value_at_target_year": _num(result.value_at_target_year),
        "gap_at_target_year": _num(result.gap_at_target_year),
        "required_cagr": _num(result.required_cagr),
        "implied_cagr": _num(result.implied_cagr),
        "plan_total": _list(result.plan_total),
        "plan_chains": {c: _list(result.plan_chain_total[i])
                        for i, c in enumerate(result.chains)},
        "deviation": deviation_dict(result),
        "anchor_year": result.anchor_year,
        "required_cagr_from_anchor": _num(result.required_cagr_from_anchor),
        "implied_cagr_from_anchor": _num(result.implied_cagr_from_anchor),
        "slipped_projects": list(result.slipped_projects),
        "attribution": attribution_dict(attribution),
        "override_effects": effects_list(effects or []),
    }


def progress_dict(p) -> dict | None:
    if p is None:
        return None
    ch = p.chains

    def field(total, per_chain):
        if per_chain is None:
            return None
        return _shape(total, ch, per_chain)

    return {"year": p.year, "months": p.months, "time_progress": p.time_progress,
            "ytd": _shape(p.ytd_total, ch, p.ytd),
            "estimate": _shape(p.estimate_total, ch, p.estimate),
            "target": field(p.target_total, p.target),
            "completion": field(p.completion_total, p.completion),
            "ahead_pp": field(p.ahead_pp_total, p.ahead_pp),
            "expected_ytd": field(p.expected_ytd_total, p.expected_ytd),
            "ahead_seasonal_pp": field(p.ahead_seasonal_pp_total, p.ahead_seasonal_pp)}


def targets_dict(t) -> dict | None:
    if t is None:
        return None
    ch = t.chains

    def block(total, chains):
        if total is None:
            return None
        return {"total": _opt(total), "chains": {c: _opt(chains[i]) for i, c in enumerate(ch)}}

    return {
        "method": t.method, "effective_method": "even" if t.fallback else t.method,
        "reference_scenario": t.reference_scenario, "anchor_year": t.anchor_year,
        "years": list(t.years), "total": _list(t.total),
        "chains": {c: _list(t.by_chain[i]) for i, c in enumerate(ch)},
        "locked": {c: [bool(x) for x in t.locked[i]] for i, c in enumerate(ch)},
        "unallocated": _list(t.unallocated), "current_year": t.current_year,
        "months": block(t.months_total, t.months_chains),
        "quarters": block(t.quarters_total, t.quarters_chains),
        "history": {"years": list(t.history_years),
                    "target": block(t.history_target_total, t.history_target_chains),
                    "actual": block(t.history_actual_total, t.history_actual_chains),
                    "completion": block(t.history_completion_total,
                                        t.history_completion_chains)},
        "warnings": list(t.warnings),
    }


def run_dict(evaluation, warnings: list[str], with_attribution: bool = True) -> dict:
    """The `qianyi run --json` document (README, model.md §6–§8)."""
    from planner.model.attribution import attribution_of, override_effects_of
    doc = evaluation.document
    s = doc.settings
    h = evaluation.history
    scenarios = []
    for name, r in evaluation.results.items():
        att = attribution_of(evaluation, name) if with_attribution else None
        effects = override_effects_of(evaluation, name) if with_attribution else []
        scenarios.append(scenario_dict(doc, r, att, effects))
    return {
        "park": s.park_name, "metric": s.metric, "unit": "亿元", "base_year": s.base_year,
        "end_year": s.end_year,
        "target": {"value": s.target_value, "year": s.target_year},
        "actual_year": h.actual_year, "anchor_year": h.anchor_year,
        "progress": progress_dict(evaluation.progress),
        "targets": targets_dict(evaluation.targets),
        "warnings": warnings, "notices": list(evaluation.notices),
        "scenarios": scenarios,
    }


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.2f}%"


def _year_mark(r: Result, year: int, goal: int) -> str:
    marks = []
    a, a_star = r.actual_year or r.base_year, r.anchor_year or r.base_year
    if r.base_year < year <= a:
        marks.append("实绩")
    elif a < year <= a_star:
        marks.append("预计")
    if year == goal:
        marks.append("目标年")
    return (" ◀ " + "，".join(marks)) if marks else ""


def scenario_text(doc: Document, r: Result) -> str:
    s = doc.settings
    sc = doc.scenario(r.scenario)
    head = f"情景 {sc.name}" + (f"（上级 {sc.parent}）" if sc.parent else "")
    if sc.description:
        head += f" — {sc.description}"
    reached = (f"{r.target_year} 年达到 {s.target_value:,.2f} 亿元"
               if r.target_year is not None
               else f"预测期内（至 {s.end_year} 年）未达到 {s.target_value:,.2f} 亿元")
    gap = r.gap_at_target_year
    gap_text = (f"缺口 {gap:,.2f} 亿元" if gap > 0 else f"超出 {-gap:,.2f} 亿元")
    lines = [
        head,
        f"  目标: {reached}",
        f"  {s.target_year} 年产值 Y(N) = {r.value_at_target_year:,.2f} 亿元，{gap_text}",
        f"  所需年均增速 {_pct(r.required_cagr)}，预测年均增速 {_pct(r.implied_cagr)}",
    ]
    if r.anchor_year is not None and r.anchor_year > r.base_year:
        if r.required_cagr_from_anchor is not None:
            lines.append(f"  从 {r.anchor_year} 年出发：所需年均增速 "
                         f"{_pct(r.required_cagr_from_anchor)}，预测年均增速 "
                         f"{_pct(r.implied_cagr_from_anchor)}")
        else:
            lines.append(f"  目标年 {s.target_year} 已是历史（基数年 {r.anchor_year}）")
    if r.slipped_projects:
        lines.append(f"  延误项目（尚未投产）: {', '.join(r.slipped_projects)}")
    lines.append("  年份    总产值(亿元)  计划路径(亿元)  增加值(亿元)  投资(亿元)")
    plan = r.plan_total if r.plan_total is not None else r.total
    for y, t, p, va, inv in zip(r.years, r.total, plan, r.value_added, r.investment):
        mark = _year_mark(r, int(y), s.target_year)
        lines.append(f"  {int(y)}  {t:12,.2f}  {p:14,.2f}  {va:12,.2f}  {inv:10,.2f}{mark}")
    return "\n".join(lines)


def progress_headline(evaluation) -> str | None:
    """"2026年1-10月累计 540.24 亿元，全年预计 679.53 亿元" and the target measures."""
    p = evaluation.progress
    if p is None:
        h = evaluation.history
        if h.actual_year > h.base_year:
            return f"最新完整年度实绩：{h.actual_year} 年（无当年月度数据）"
        return None
    span = "1月" if p.months == 1 else f"1-{p.months}月"
    text = (f"{p.year}年{span}累计 {p.ytd_total:,.2f} 亿元，全年预计 "
            f"{p.estimate_total:,.2f} 亿元")
    if p.target_total is not None:
        text += (f"；全年目标 {p.target_total:,.2f} 亿元，完成率 {p.completion_total:.1%}，"
                 f"时序进度 {p.time_progress:.1%}，"
                 f"{'快于' if p.ahead_pp_total >= 0 else '慢于'}时序进度 "
                 f"{abs(p.ahead_pp_total):.1f} 个百分点")
    return text


def run_text(evaluation) -> str:
    doc = evaluation.document
    s = doc.settings
    title = f"{s.park_name or '园区'} {s.metric}（亿元），基期 {s.base_year}，" \
            f"目标 {s.target_value:,.0f} 亿元 / {s.target_year} 年"
    head = [title]
    headline = progress_headline(evaluation)
    if headline:
        head.append(headline)
    parts = ["\n".join(head), *(scenario_text(doc, r) for r in evaluation.results.values())]
    return "\n\n".join(parts) + "\n"


def require_finite(data: object, path: str = "") -> None:
    """Refuse results holding Infinity or NaN (an input too large, say 1e308 亿元)."""
    bad = _first_non_finite(data, path)
    if bad is not None:
        raise DocumentError([ValidationIssue(
            f"the results are not finite numbers ({bad}): an input is far too large or a "
            "growth is too close to −100%; check the base outputs, investments, growth "
            "rates and the analysis options")])


def _first_non_finite(data: object, path: str) -> str | None:
    if isinstance(data, float) and not math.isfinite(data):
        return path or "a value"
    if isinstance(data, dict):
        for k, v in data.items():
            found = _first_non_finite(v, f"{path}.{k}" if path else str(k))
            if found:
                return found
    elif isinstance(data, (list, tuple)):
        for i, v in enumerate(data):
            found = _first_non_finite(v, f"{path}[{i}]")
            if found:
                return found
    return None
