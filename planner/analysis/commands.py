"""CLI handlers for goalseek, sensitivity and montecarlo (registered by planner.cli)."""
from __future__ import annotations

import argparse
import json
import math
import sys
import unicodedata

from models import DocumentError, ValidationIssue


def _pad(text: str, width: int) -> str:
    """Left-align by display width (CJK characters take two columns)."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def _dump(data: dict) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, allow_nan=False)
    sys.stdout.write("\n")


def _finite(data: dict) -> dict:
    from planner.output import require_finite
    require_finite(data)
    return data


def _scenario(doc, name: str | None) -> str:
    if name is None:
        return doc.scenario_names[0]
    name = name.strip()
    if name not in doc.scenario_names:
        raise DocumentError([ValidationIssue(
            f"unknown scenario {name!r}; the workbook has {', '.join(doc.scenario_names)}")])
    return name


def parse_mix(text: str | None) -> dict[str, float] | None:
    """'晶硅光伏=0.5,电子信息=0.5' → {chain: share}."""
    if not text:
        return None
    out: dict[str, float] = {}
    for part in text.replace("，", ",").replace("＝", "=").split(","):
        if not part.strip():
            continue
        chain, sep, share = part.partition("=")
        chain = chain.strip()
        try:
            if not sep:
                raise ValueError
            value = float(unicodedata.normalize("NFKC", share).strip())
        except ValueError:
            raise DocumentError([ValidationIssue(
                f"--mix: {part.strip()!r} is not chain=share")]) from None
        if not math.isfinite(value) or value < 0:
            raise DocumentError([ValidationIssue(
                f"--mix: the share of {chain} must be a finite number ≥ 0 "
                f"(found {share.strip()})")])
        if chain in out:
            raise DocumentError([ValidationIssue(f"--mix: {chain} is given twice")])
        out[chain] = value
    return out


def cmd_goalseek(args, load) -> int:
    from planner.analysis.goalseek import seek_growth, seek_investment
    doc = load(args.workbook).document
    name = _scenario(doc, args.scenario)
    if args.lever == "growth":
        if args.mix:
            raise DocumentError([ValidationIssue("--mix applies to --lever investment only")])
        result = seek_growth(doc, name)
    else:
        result = seek_investment(doc, name, parse_mix(args.mix))
    data = _finite(result.to_dict())
    if args.json:
        _dump(data)
    else:
        print(f"情景 {name}: {result.message_zh}")
        print(result.message)
        if result.feasible and result.value_at_target_year_after is not None:
            print(f"Y({result.target_year}) = {result.value_at_target_year_before:,.2f} → "
                  f"{result.value_at_target_year_after:,.2f} 亿元")
    return 0


def cmd_sensitivity(args, load) -> int:
    from planner.analysis.sensitivity import sensitivity
    doc = load(args.workbook).document
    result = sensitivity(doc, _scenario(doc, args.scenario))
    data = _finite(result.to_dict())
    if args.json:
        _dump(data)
        return 0
    print(f"情景 {result.scenario}: Y({result.target_year}) = {result.base_value:,.2f} 亿元")
    print(f"{_pad('因素 lever', 40)} {'低 low':>10} {'高 high':>10} {'摆幅 swing':>9}")
    for r in result.levers:
        print(f"{_pad(r.lever.name_zh, 40)} {r.low.value:10,.2f} {r.high.value:10,.2f} {r.swing:9,.2f}")
    return 0


def cmd_montecarlo(args, load) -> int:
    from planner.analysis.montecarlo import MonteCarloParams, run_montecarlo
    doc = load(args.workbook).document
    name = _scenario(doc, args.scenario)
    params = MonteCarloParams.from_settings(
        doc, draws=args.draws, seed=args.seed, growth_sd=args.growth_sd,
        price_sd=args.price_sd, delay_mode=args.delay_mode, delay_max=args.delay_max)
    problems = params.problems()
    if problems:
        raise DocumentError([ValidationIssue(p) for p in problems])
    result = run_montecarlo(doc, name, params)
    data = _finite(result.to_dict())
    if args.json:
        _dump(data)
        return 0
    print(f"情景 {name}: {params.draws} 次模拟, 种子 {params.seed}")
    print(f"P(Y({result.target_year}) ≥ {result.target_value:g}) = {result.prob_target:.1%}")
    q = data["quantiles"]
    print(f"{'年份':6} {'P5':>10} {'P50':>10} {'P95':>10} {'均值':>10}")
    for i, y in enumerate(data["years"]):
        print(f"{y:<6} {q['p5'][i]:10,.2f} {q['p50'][i]:10,.2f} {q['p95'][i]:10,.2f} "
              f"{data['mean'][i]:10,.2f}")
    firsts = ", ".join(f"{k}: {v:.1%}" for k, v in data["first_year"].items() if v > 0)
    print(f"首次达到目标年份分布: {firsts}")
    return 0


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    g = sub.add_parser("goalseek", parents=[common], help="what closes the gap")
    g.add_argument("workbook")
    g.add_argument("--scenario")
    g.add_argument("--lever", choices=["growth", "investment"], required=True)
    g.add_argument("--mix", help="investment mix, e.g. 晶硅光伏=0.5,电子信息=0.5")
    g.add_argument("--json", action="store_true")

    s = sub.add_parser("sensitivity", parents=[common], help="tornado of the levers")
    s.add_argument("workbook")
    s.add_argument("--scenario")
    s.add_argument("--json", action="store_true")

    m = sub.add_parser("montecarlo", parents=[common], help="how likely the target is")
    m.add_argument("workbook")
    m.add_argument("--scenario")
    m.add_argument("--draws", type=int)
    m.add_argument("--seed", type=int)
    m.add_argument("--growth-sd", type=float)
    m.add_argument("--price-sd", type=float)
    m.add_argument("--delay-mode", type=float)
    m.add_argument("--delay-max", type=float)
    m.add_argument("--json", action="store_true")


HANDLERS = {"goalseek": cmd_goalseek, "sensitivity": cmd_sensitivity,
            "montecarlo": cmd_montecarlo}
