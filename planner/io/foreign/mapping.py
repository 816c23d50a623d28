"""Which source column feeds which project field: guesses, units, and the CLI spec."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from models import labels

FIELDS: tuple[str, ...] = tuple(labels.COLUMNS["projects"])
REQUIRED: tuple[str, ...] = ("chain", "investment", "stage", "production_year")  # id: generated
UNITS = ("万元", "亿元")
UNIT_FACTOR = {"万元": 1e-4, "亿元": 1.0}  # to 亿元

# Headers seen in 招商 project lists, best first; matched after fold().
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("项目编号", "编号", "序号", "项目序号", "no", "no.", "id"),
    "name": ("项目名称", "名称", "项目", "项目名"),
    "chain": ("所属产业链", "产业链", "所属行业", "行业", "所属产业", "产业", "产业类别",
              "行业类别", "产业方向"),
    "investment": ("总投资", "计划总投资", "投资额", "投资金额", "项目总投资", "投资总额",
                   "总投资额", "协议投资", "协议投资额"),
    "stage": ("项目阶段", "阶段", "项目状态", "状态", "项目进度", "进度", "进展", "推进情况",
              "项目进展"),
    "production_year": ("预计投产时间", "投产年份", "投产时间", "预计投产年份",
                        "计划投产时间", "投产年度", "预计投产"),
    "note": ("备注", "说明"),
}
# Second pass: a header that contains one of these (e.g. 计划总投资额度, 项目推进阶段).
CONTAINS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "名称"),
    "investment": ("总投资", "投资额", "投资金额"),
    "chain": ("产业链", "行业"),
    "stage": ("阶段", "进度", "状态", "进展"),
    "production_year": ("投产",),
    "note": ("备注",),
}
_UNIT_TAIL = re.compile(r"(万元|亿元)$")
_BRACKETS = re.compile(r"[(\[【]([^)\]】]*)[)\]】]")


def fold(header: object) -> str:
    """A header for matching: NFKC, no spaces, case-folded, no trailing unit."""
    text = unicodedata.normalize("NFKC", str(header or ""))
    text = "".join(text.split())
    text = labels.norm(text)
    return _UNIT_TAIL.sub("", text) or text


def _candidates(field: str) -> tuple[str, ...]:
    names = [field, labels.COLUMNS["projects"][field], labels.COLUMN_EN.get(field, "")]
    return tuple(fold(n) for n in (*SYNONYMS.get(field, ()), *names) if n)


def guess_mapping(headers: Sequence[object]) -> dict[str, str]:
    """field -> header, each header used once; exact synonyms first, then containment."""
    folded = [(fold(h), str(h).strip()) for h in headers if h is not None and str(h).strip()]
    out: dict[str, str] = {}
    used: set[str] = set()
    for field in FIELDS:
        for name in _candidates(field):
            hit = next((h for f, h in folded if f == name and h not in used), None)
            if hit is not None:
                out[field] = hit
                used.add(hit)
                break
    for field, parts in CONTAINS.items():
        if field in out:
            continue
        hit = next((h for f, h in folded if h not in used and any(p in f for p in parts)), None)
        if hit is not None:
            out[field] = hit
            used.add(hit)
    return {f: out[f] for f in FIELDS if f in out}


def detect_unit(header: object) -> str | None:
    """"万元" or "亿元" when the header names it ((万元), （万元）, [万元], or plain 万元)."""
    if header is None:
        return None
    text = unicodedata.normalize("NFKC", str(header))
    for unit in UNITS:
        if unit in text:
            return unit
    for inner in _BRACKETS.findall(text):  # (万) / (亿)
        if inner.strip() == "万":
            return "万元"
        if inner.strip() == "亿":
            return "亿元"
    return None


def field_key(name: str) -> str | None:
    """A project field by English key or Chinese label."""
    key = labels.column_key("projects", name)
    return key if key in FIELDS else None


def parse_pairs(specs: Iterable[str], option: str, allow_empty: bool = False
                ) -> tuple[list[tuple[str, str]], list[str]]:
    """'a=b,c=d' (also ，) -> [(a, b), (c, d)], and the parts that are not a=b
    ('a=' is kept as (a, "") when ``allow_empty``)."""
    pairs: list[tuple[str, str]] = []
    bad: list[str] = []
    for spec in specs:
        for part in spec.replace("，", ",").split(","):
            if not part.strip():
                continue
            left, sep, right = part.partition("=")
            if not sep or not left.strip() or not (right.strip() or allow_empty):
                bad.append(f"{option}: {part.strip()!r} is not name=value")
            else:
                pairs.append((left.strip(), right.strip()))
    return pairs, bad
