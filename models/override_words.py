"""One override row in a planner's words: "增长率 · 全部 · 增长率：增加 7.17 个百分点".

Used by the scenario panel, the editors' provenance tooltips and the leadership report, so
a row reads the same everywhere: rates as percent (points for an add), 是/否 for include, 全部 for '*', years
as 2026–2030.
"""
from __future__ import annotations

from models import labels
from models.document import Override

RATE_FIELDS = ("growth", "probability", "value_added_rate")
WHOLE_FIELDS = ("production_year", "build_years", "delay", "year")


def _points(x: float) -> str:
    return f"{round(x * 100, 2):g}"


def _number(x: float) -> str:
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def value_words(o: Override, lang: str) -> str:
    """What the row does to its value: "增加 7.17 个百分点", "set to 12%", "乘以 1.1"."""
    zh = lang == "zh"
    v = o.value
    if o.field == "stage" and v in labels.STAGES:
        shown = labels.stage_label(str(v), lang)
    elif o.field == "include" and v in (0, 1):
        shown = ("是" if v else "否") if zh else ("yes" if v else "no")
    elif o.field == "ramp" or not isinstance(v, (int, float)):
        shown = str(v)
    elif o.field in RATE_FIELDS and o.op == "add":
        amount = _points(abs(v))
        if zh:
            return f"{'减少' if v < 0 else '增加'} {amount} 个百分点"
        return f"{'minus' if v < 0 else 'plus'} {amount} percentage points"
    elif o.field in RATE_FIELDS and o.op == "set":
        shown = f"{_points(v)}%"
    elif o.field in WHOLE_FIELDS and float(v) == int(v):
        shown = str(int(v))                     # a year reads 2026, not 2,026 or 2026.0
    else:
        shown = _number(float(v))
    if o.op == "mul":
        return f"乘以 {shown}" if zh else f"× {shown}"
    if o.op == "add":
        return f"增加 {shown}" if zh else f"plus {shown}"
    return f"设定为 {shown}" if zh else f"set to {shown}"


def years_words(years: str, lang: str) -> str:
    zh = lang == "zh"
    if not years:
        return "全部年份" if zh else "all years"
    if years.endswith("-"):
        return f"{years[:-1]}年起" if zh else f"from {years[:-1]}"
    text = years.replace("-", "–")
    return f"{text}年" if zh else text


def key_words(o: Override, lang: str) -> str:
    if o.key == "*":
        return "全部" if lang == "zh" else "all"
    if o.table == "stages" and o.key in labels.STAGES:
        return labels.stage_label(o.key, lang)
    return o.key


def field_words(o: Override, lang: str) -> str:
    columns = labels.COLUMNS.get(o.table, {})
    if lang == "zh":
        return columns.get(o.field, o.field)
    return labels.COLUMN_EN.get(o.field, o.field)


def override_words(o: Override, lang: str) -> str:
    """The whole row: table · key · field (years): what it does."""
    table = labels.sheet_label(o.table, lang) if o.table in labels.SHEETS else o.table
    colon = "：" if lang == "zh" else ": "
    return (f"{table} · {key_words(o, lang)} · {field_words(o, lang)} "
            f"({years_words(o.years, lang)}){colon}{value_words(o, lang)}")
