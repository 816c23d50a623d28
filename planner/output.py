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


def scenario_dict(doc: Document, result: Result) -> dict:
    scenario = doc.scenario(result.scenario)
    chains = {
        chain: {"base": _list(result.base[c]), "projects": _list(result.projects[c]),
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
    }


def run_dict(doc: Document, results: list[Result], warnings: list[str]) -> dict:
    s = doc.settings
    return {
        "park": s.park_name, "metric": s.metric, "unit": "亿元", "base_year": s.base_year,
        "end_year": s.end_year,
        "target": {"value": s.target_value, "year": s.target_year},
        "warnings": warnings,
        "scenarios": [scenario_dict(doc, r) for r in results],
    }


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.2f}%"


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
        "  年份    总产值(亿元)  增加值(亿元)  投资(亿元)",
    ]
    for y, t, va, inv in zip(r.years, r.total, r.value_added, r.investment):
        mark = " ◀ 目标年" if int(y) == s.target_year else ""
        lines.append(f"  {int(y)}  {t:12,.2f}  {va:12,.2f}  {inv:10,.2f}{mark}")
    return "\n".join(lines)


def run_text(doc: Document, results: list[Result]) -> str:
    s = doc.settings
    title = f"{s.park_name or '园区'} {s.metric}（亿元），基期 {s.base_year}，" \
            f"目标 {s.target_value:,.0f} 亿元 / {s.target_year} 年"
    return "\n\n".join([title, *(scenario_text(doc, r) for r in results)]) + "\n"


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
