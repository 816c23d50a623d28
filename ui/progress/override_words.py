"""One override row and its effect in words, for the 产值来源 tab:
"晶硅光伏价格指数 2025年起设定为 0.85：+89.5亿元" / "晶硅光伏 price index from 2025 set to
0.85: +89.5 亿元"."""
from __future__ import annotations

from models import labels
from models.document import Override
from models.rules import parse_years
from ui.progress.common import lang, tr

RATE_FIELDS = ("growth", "probability", "value_added_rate")
PIPELINE_EN = {"investment": "pipeline investment"}


def _field(o: Override) -> str:
    zh = lang() == "zh"
    if o.table == "pipeline" and o.field == "investment":
        return "招商储备投资" if zh else "pipeline investment"
    if zh:
        return labels.COLUMNS.get(o.table, {}).get(o.field, o.field)
    return labels.COLUMN_EN.get(o.field, o.field).lower()


def _key(o: Override) -> str:
    if o.key == "*":
        if o.table == "projects":
            return tr("every project") + " "
        if o.table == "stages":
            return tr("every stage") + " "
        return tr("every chain") + " "
    if o.table == "stages" and o.key in labels.STAGES:
        return labels.stage_label(o.key, lang()) + tr(" stage ")
    if o.table == "projects":
        return tr("project %1 ").replace("%1", o.key)
    return o.key + ("" if lang() == "zh" else " ")


def _years(o: Override) -> str:
    parsed = parse_years(o.years)
    if parsed is None or parsed == (None, None):
        return ""
    start, end = parsed
    if end is None:
        return tr("from %1").replace("%1", str(start))
    if start == end:
        return tr("in %1").replace("%1", str(start))
    return tr("%1–%2").replace("%1", str(start)).replace("%2", str(end))


def _value(o: Override) -> str:
    v = o.value
    if o.field == "stage" and isinstance(v, str) and v in labels.STAGES:
        return labels.stage_label(v, lang())
    if isinstance(v, str):
        return v
    if o.op == "mul":
        return f"{v:g}"
    if o.field in RATE_FIELDS:
        if o.op == "add":   # a rate plus a rate: percentage points
            return tr("%1 pp").replace("%1", f"{v * 100:.4g}")
        return f"{v * 100:.4g}%"
    return f"{v:g}"


def _op(o: Override) -> str:
    return {"set": tr("set to"), "add": tr("plus"), "mul": tr("times")}.get(o.op, o.op)


def describe(o: Override) -> str:
    """The row in words, without its effect."""
    years = _years(o)
    if lang() == "zh":
        return f"{_key(o).strip()}{_field(o)} {years}{_op(o)} {_value(o)}".replace("  ", " ")
    parts = [f"{_key(o)}{_field(o)}", years, _op(o), _value(o)]
    return " ".join(p.strip() for p in parts if p.strip())


def effect_text(effect: float) -> str:
    """"+89.5亿元" (one decimal, as planners quote a contribution)."""
    rounded = round(effect, 1)
    sign = "+" if rounded > 0 else "−" if rounded < 0 else ""
    return f"{sign}{abs(rounded):,.1f}" + ("亿元" if lang() == "zh" else " 亿元")


def describe_effect(o: Override, effect: float) -> str:
    sep = "：" if lang() == "zh" else ": "
    return f"{describe(o)}{sep}{effect_text(effect)}"
