"""The engine's notices (English, as `qianyi run --json` gives them) in the report's Chinese.

A notice this table does not know stays English, so nothing is lost.
"""
from __future__ import annotations

import re

from models import labels


def _stage(key: str) -> str:
    return labels.stage_label(key, "zh") if key in labels.STAGES else key


def _op(op: str) -> str:
    return labels.OPS.get(op, op)


def _scenarios(text: str) -> str:
    return "、".join(s.strip() for s in text.split(","))


_RULES: list[tuple[re.Pattern, object]] = [
    (re.compile(r"^scenario (.+?): project (\S+) was due in (\d+) \(a complete year\), stage "
                r"still (\w+): update its stage or production year \(counted from (\d+)\)$"),
     lambda m: f"情景{_scenarios(m[1])}：项目{m[2]}原定{m[3]}年投产（该年已结束），阶段仍为"
               f"{_stage(m[4])}，请更新其阶段或投产年份（测算中按{m[5]}年起投产）"),
    (re.compile(r"^scenario (.+?): project (\S+) is due in (\d+) and not yet producing, stage "
                r"still (\w+): update its stage or production year \(counted from (\d+)\)$"),
     lambda m: f"情景{_scenarios(m[1])}：项目{m[2]}原定{m[3]}年投产，目前尚未投产，阶段仍为"
               f"{_stage(m[4])}，请更新其阶段或投产年份（测算中按{m[5]}年起投产）"),
    (re.compile(r"^scenario (.+?): override (\w+) (\S+) (\w+) (\S+) (\w+) (\S+): its years are "
                r"all at or before (\d+) \(history\), so it changes the plan path only$"),
     lambda m: f"情景{m[1]}的调整行（{labels.SHEETS.get(m[2], m[2])} {m[3]} "
               f"{labels.COLUMNS.get(m[2], {}).get(m[4], m[4])} "
               f"{'全部年份' if m[5] == '(all)' else m[5]} {_op(m[6])} {m[7]}）的年份均不晚于"
               f"{m[8]}年（已是历史），只影响规划路径"),
    (re.compile(r"^target method 'scenario': the reference scenario (.+?) does not grow from "
                r"(\d+) to (\d+) \((\S+) → (\S+)\), so the targets follow the even method$"),
     lambda m: f"目标分解方式为“按情景”，但参考情景{m[1]}从{m[2]}年到{m[3]}年没有增长"
               f"（{m[4]} → {m[5]}），目标改按等速分解"),
    (re.compile(r"^targets for (\d+): every chain is locked and their sum differs from the park "
                r"total by (\S+) \(unallocated\)$"),
     lambda m: f"{m[1]}年各产业链目标均已锁定，其合计与园区总目标相差{m[2]}（未分配）"),
]


def notice_zh(text: str) -> str:
    """One notice in Chinese where its pattern is known, else unchanged."""
    for pattern, words in _RULES:
        m = pattern.match(text)
        if m:
            return words(m)   # type: ignore[operator]
    return text
