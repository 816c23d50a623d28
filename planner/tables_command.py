"""`qianyi progress` and `qianyi targets`: this year's months and the target breakdown."""
from __future__ import annotations

import json
import sys
import unicodedata


def width(text: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def left(text: str, n: int = 16) -> str:
    return text + " " * max(n - width(text), 1)


def right(text: str, n: int) -> str:
    return " " * max(n - width(text), 1) + text


MONTH_HEAD = "".join(right(f"{k}月", 9) for k in range(1, 13))


def _evaluate(args, load, warnings):
    from planner.model.evaluate import evaluate
    read = load(args.workbook)
    for w in warnings(read):
        print(f"warning: {w}", file=sys.stderr)
    return evaluate(read.document)


def _dump(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n")


def _cell(x) -> str:
    return f"{x:9,.2f}" if x == x else f"{'—':>9}"   # NaN (no value) shows as —


def cmd_progress(args, load, warnings) -> int:
    from planner.output import progress_dict, progress_headline
    ev = _evaluate(args, load, warnings)
    p, h = ev.progress, ev.history
    if args.json:
        _dump({"year": h.current_year, "actual_year": h.actual_year,
               "anchor_year": h.anchor_year,
               "monthly": {c: [None if v != v else float(v) for v in h.monthly[i]]
                           for i, c in enumerate(h.chains)},
               "profile": {c: [float(v) for v in h.profile[i]] for i, c in enumerate(h.chains)},
               "progress": progress_dict(p)})
        return 0
    if p is None:
        print(f"{h.current_year} 年没有月度实绩。" if h.current_year <= ev.document.settings.end_year
              else "没有当年的月度实绩。")
        return 0
    out = [progress_headline(ev), "",
           f"{h.current_year}年当月产值（亿元）",
           left("产业链") + MONTH_HEAD + right("累计", 10) + right("全年预计", 10)
           + right("完成率", 8) + right("快慢(百分点)", 14)]
    for i, c in enumerate(h.chains):
        done = ("—" if p.completion is None or p.completion[i] != p.completion[i]
                else f"{p.completion[i]:.1%}")
        ahead = ("—" if p.ahead_pp is None or p.ahead_pp[i] != p.ahead_pp[i]
                 else f"{p.ahead_pp[i]:+.1f}")
        row = "".join(_cell(v) for v in h.monthly[i])
        out.append(f"{left(c)}{row}{p.ytd[i]:10,.2f}{p.estimate[i]:10,.2f}{done:>8}{ahead:>14}")
    total = "".join(_cell(v) for v in h.monthly.sum(axis=0)) if p else ""
    out.append(f"{left('合计')}{total}{p.ytd_total:10,.2f}{p.estimate_total:10,.2f}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def cmd_targets(args, load, warnings) -> int:
    from planner.output import targets_dict
    ev = _evaluate(args, load, warnings)
    t = ev.targets
    if args.json:
        _dump(targets_dict(t))
        return 0
    for w in t.warnings:
        print(f"warning: {w}", file=sys.stderr)
    method = {"even": "等速", "scenario": "按情景"}.get(t.method, t.method)
    out = [f"目标分解（亿元）：方式 {method}{'（回退为等速）' if t.fallback else ''}，参考情景 "
           f"{t.reference_scenario}，基数年 {t.anchor_year}"]
    if not t.years:
        out.append(f"目标年 {ev.document.settings.target_year} 不晚于最近完整年度 {t.anchor_year}，无需分解。")
    else:
        out.append(left("产业链") + "".join(f"{y:>12}" for y in t.years))
        for i, c in enumerate(t.chains):
            out.append(left(c) + "".join(
                f"{t.by_chain[i, j]:11,.2f}{'*' if t.locked[i, j] else ' '}"
                for j in range(len(t.years))))
        if t.unallocated.any():
            out.append(left("未分配") + "".join(f"{u:11,.2f} " for u in t.unallocated))
        out.append(left("合计") + "".join(f"{v:11,.2f} " for v in t.total))
        out.append("（* 为锁定的目标）")
    if t.months_total is not None:
        out += ["", f"{t.current_year}年分月目标", left("产业链") + MONTH_HEAD]
        for i, c in enumerate(t.chains):
            out.append(left(c) + "".join(_cell(v) for v in t.months_chains[i]))
        out.append(left("合计") + "".join(_cell(v) for v in t.months_total))
        out += ["", f"{t.current_year}年分季度目标",
                left("产业链") + "".join(right(f"{q}季度", 10) for q in range(1, 5))]
        for i, c in enumerate(t.chains):
            out.append(left(c) + "".join(f"{v:10,.2f}" for v in t.quarters_chains[i]))
        out.append(left("合计") + "".join(f"{v:10,.2f}" for v in t.quarters_total))
    sys.stdout.write("\n".join(out) + "\n")
    return 0


HANDLERS = {"progress": cmd_progress, "targets": cmd_targets}


def add_parsers(sub, common) -> None:
    for name, text in (("progress", "this year's monthly progress by chain"),
                       ("targets", "the target decomposition by year and chain")):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("workbook")
        p.add_argument("--json", action="store_true", help="machine-readable output")
