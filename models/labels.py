"""The one table of English keys and Chinese labels.

Used by the workbook reader and writers, the CLI and the UI alike, so a column,
sheet, stage or settings key is spelled in exactly one place.
"""
from __future__ import annotations

import re

# Sheets, in workbook order: key -> Chinese name.
SHEETS: dict[str, str] = {
    "settings": "设置",
    "chains": "产业链",
    "projects": "项目",
    "stages": "阶段",
    "growth": "增长率",
    "prices": "价格指数",
    "pipeline": "招商储备",
    "incubation": "孵化",
    "scenarios": "情景",
    "overrides": "情景调整",
    "actuals": "实绩",
    "monthly": "月度实绩",
    "targets": "目标分解",
}
SHEET_EN: dict[str, str] = {
    "settings": "Settings",
    "chains": "Chains",
    "projects": "Projects",
    "stages": "Stages",
    "growth": "Growth",
    "prices": "Prices",
    "pipeline": "Pipeline",
    "incubation": "Incubation",
    "scenarios": "Scenarios",
    "overrides": "Overrides",
    "actuals": "Actuals",
    "monthly": "MonthlyActuals",
    "targets": "Targets",
}
REQUIRED_SHEETS = ("settings", "chains")

# Columns per sheet, in order: key -> Chinese label.
COLUMNS: dict[str, dict[str, str]] = {
    "settings": {"key": "参数", "value": "值"},
    "chains": {
        "chain": "产业链",
        "industry": "主导产业",
        "base_output": "基期产值",
        "growth": "年增长率",
        "output_ratio": "投入产出比",
        "value_added_rate": "增加值率",
        "ramp": "爬坡曲线",
        "build_years": "建设期",
    },
    "projects": {
        "id": "编号",
        "name": "项目名称",
        "chain": "产业链",
        "investment": "投资额",
        "stage": "阶段",
        "production_year": "投产年份",
        "output_ratio": "投入产出比",
        "ramp": "爬坡曲线",
        "probability": "实现概率",
        "delay": "延期年数",
        "include": "纳入",
        "build_years": "建设期",
        "note": "备注",
    },
    "stages": {"stage": "阶段", "probability": "实现概率"},
    "growth": {"chain": "产业链", "year": "年份", "growth": "增长率"},
    "prices": {"chain": "产业链", "year": "年份", "index": "价格指数"},
    "pipeline": {"year": "年份", "chain": "产业链", "investment": "投资额"},
    "incubation": {
        "year": "年份",
        "chain": "产业链",
        "graduates": "毕业企业数",
        "revenue_per_firm": "单企营收",
    },
    "scenarios": {"name": "情景", "parent": "上级情景", "description": "说明"},
    "overrides": {
        "scenario": "情景",
        "table": "表",
        "key": "对象",
        "field": "字段",
        "years": "年份",
        "op": "方式",
        "value": "值",
    },
    "actuals": {
        "chain": "产业链",
        "year": "年份",
        "output": "产值",
        "value_added": "增加值",
        "investment": "固定资产投资",
    },
    "monthly": {
        "chain": "产业链",
        "year": "年份",
        "month": "月份",
        "output": "当月产值",
        "ytd": "累计产值",
    },
    "targets": {"year": "年份", "chain": "产业链", "target": "目标值"},
}
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "settings": ("key", "value"),
    "chains": ("chain", "base_output"),
    "projects": ("id", "chain", "investment", "stage", "production_year"),
    "stages": ("stage", "probability"),
    "growth": ("chain", "year", "growth"),
    "prices": ("chain", "year", "index"),
    "pipeline": ("year", "chain", "investment"),
    "incubation": ("year", "chain", "graduates", "revenue_per_firm"),
    "scenarios": ("name",),
    "overrides": ("scenario", "table", "key", "field", "value"),
    "actuals": ("chain", "year", "output"),
    "monthly": ("chain", "year", "month"),   # and one of output / ytd
    "targets": ("year", "chain", "target"),
}

# Units shown in headers (the reader ignores a trailing bracketed unit).
UNITS: dict[str, str] = {
    "base_output": "亿元",
    "investment": "亿元",
    "revenue_per_firm": "亿元",
    "output": "亿元",
    "value_added": "亿元",
    "ytd": "亿元",
    "target": "亿元",
    "build_years": "年",
    "delay": "年",
}

# English display labels for columns (keys are snake_case; these read better in a UI).
COLUMN_EN: dict[str, str] = {
    "key": "Key", "value": "Value", "chain": "Chain", "industry": "Industry",
    "base_output": "Base output", "growth": "Growth", "output_ratio": "Output ratio",
    "value_added_rate": "Value-added rate", "ramp": "Ramp", "build_years": "Build years",
    "id": "ID", "name": "Name", "investment": "Investment", "stage": "Stage",
    "production_year": "Production year", "probability": "Probability", "delay": "Delay",
    "include": "Include", "note": "Note", "year": "Year", "index": "Price index",
    "graduates": "Graduates", "revenue_per_firm": "Revenue per firm", "parent": "Parent",
    "description": "Description", "scenario": "Scenario", "table": "Table",
    "field": "Field", "years": "Years", "op": "Op", "output": "Output",
    "value_added": "Value added", "month": "Month", "ytd": "Year to date",
    "target": "Target",
}

# Settings keys: key -> (Chinese label, default or None when required).
SETTINGS: dict[str, tuple[str, object]] = {
    "park_name": ("园区名称", ""),
    "metric": ("指标", "营业收入"),
    "base_year": ("基期年份", None),
    "end_year": ("预测终止年份", None),
    "target_value": ("目标值", 1000.0),
    "target_year": ("目标年份", None),
    "default_ramp": ("默认爬坡曲线", "0.3,0.7,1"),
    "default_build_years": ("默认建设期", 2),
    "mc_draws": ("模拟次数", 5000),
    "mc_seed": ("随机种子", 1),
    "growth_sd": ("增长率标准差", 0.03),
    "price_sd": ("价格波动率", 0.10),
    "delay_mode": ("延期众数", 0.0),
    "delay_max": ("最大延期", 2.0),
    "nowcast_anchor": ("以月度推算为基数", 1),
    "target_method": ("目标分解方式", "even"),
    "target_scenario": ("目标参考情景", ""),
}
SETTINGS_EN: dict[str, str] = {
    "park_name": "Park name", "metric": "Metric", "base_year": "Base year",
    "end_year": "End year", "target_value": "Target value", "target_year": "Target year",
    "default_ramp": "Default ramp", "default_build_years": "Default build years",
    "mc_draws": "Monte Carlo draws", "mc_seed": "Random seed", "growth_sd": "Growth SD",
    "price_sd": "Price volatility", "delay_mode": "Delay mode", "delay_max": "Max delay",
    "nowcast_anchor": "Anchor on the nowcast", "target_method": "Target method",
    "target_scenario": "Target reference scenario",
}

# Stages in pipeline order: key -> (Chinese name, default probability).
STAGES: dict[str, tuple[str, float]] = {
    "reserve": ("储备", 0.30),
    "signed": ("签约", 0.55),
    "started": ("开工", 0.85),
    "construction": ("在建", 0.95),
    "production": ("投产", 1.00),
}
STAGE_EN: dict[str, str] = {
    "reserve": "Reserve", "signed": "Signed", "started": "Started",
    "construction": "Under construction", "production": "In production",
}
DEFAULT_STAGE_PROBABILITY: dict[str, float] = {k: v[1] for k, v in STAGES.items()}

OPS: dict[str, str] = {"set": "设定", "add": "增加", "mul": "乘以"}

# Override targets (model.md §4): table -> fields; whether the table has years.
OVERRIDE_FIELDS: dict[str, tuple[str, ...]] = {
    "chains": ("base_output", "output_ratio", "value_added_rate", "ramp", "build_years"),
    "projects": ("investment", "stage", "production_year", "output_ratio", "ramp",
                 "probability", "delay", "include", "build_years"),
    "stages": ("probability",),
    "growth": ("growth",),
    "prices": ("index",),
    "pipeline": ("investment",),
    "incubation": ("graduates", "revenue_per_firm"),
}
YEARLY_TABLES = ("growth", "prices", "pipeline", "incubation")
TEXT_FIELDS = ("stage", "ramp")  # override fields whose value is text

TRUE_WORDS = ("1", "是", "true", "yes", "y", "t", "纳入")
FALSE_WORDS = ("0", "否", "false", "no", "n", "f", "不纳入")


def norm(text: str) -> str:
    """Fold a label for matching: case, surrounding spaces, a trailing bracketed unit,
    and spaces or hyphens between words ("Base output" and "base-output" = base_output)."""
    t = str(text).strip()
    for open_, close in (("(", ")"), ("（", "）"), ("[", "]"), ("【", "】")):
        if t.endswith(close) and open_ in t:
            t = t[: t.rindex(open_)]
            break
    return re.sub(r"[\s\-_]+", "_", t.strip()).casefold()


def _index(pairs: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, zh in pairs.items():
        out[norm(key)] = key
        out[norm(zh)] = key
    return out


_SHEET_INDEX = {**_index(SHEETS), **{norm(v): k for k, v in SHEET_EN.items()}}
_COLUMN_INDEX = {s: _index(c) for s, c in COLUMNS.items()}
_SETTINGS_INDEX = _index({k: v[0] for k, v in SETTINGS.items()})
_STAGE_INDEX = {**_index({k: v[0] for k, v in STAGES.items()}),
                **{norm(v): k for k, v in STAGE_EN.items()}}
_OP_INDEX = _index(OPS)
_FIELD_INDEX = _index({k: v for c in COLUMNS.values() for k, v in c.items()})


def sheet_key(name: str) -> str | None:
    return _SHEET_INDEX.get(norm(name))


def column_key(sheet: str, header: str) -> str | None:
    return _COLUMN_INDEX[sheet].get(norm(header))


def settings_key(name: str) -> str | None:
    return _SETTINGS_INDEX.get(norm(name))


def stage_key(name: str) -> str | None:
    return _STAGE_INDEX.get(norm(name))


def op_key(name: str) -> str | None:
    return _OP_INDEX.get(norm(name))


def field_key(table: str, name: str) -> str | None:
    """An override field for a table, by English key or any Chinese column label."""
    key = _COLUMN_INDEX.get(table, {}).get(norm(name)) or _FIELD_INDEX.get(norm(name))
    # 投资额 etc. are shared labels; 年增长率/增长率 both mean growth.
    if key is None and norm(name) in (norm("年增长率"), norm("增长率")):
        key = "growth"
    return key if key in OVERRIDE_FIELDS.get(table, ()) else None


def sheet_label(key: str, lang: str = "zh") -> str:
    return SHEETS[key] if lang == "zh" else SHEET_EN[key]


def column_label(sheet: str, key: str, lang: str = "zh", unit: bool = True) -> str:
    base = COLUMNS[sheet][key] if lang == "zh" else key
    if unit and key in UNITS and not (sheet == "settings"):
        u = UNITS[key] if lang == "zh" else {"亿元": "100m CNY", "年": "years"}[UNITS[key]]
        return f"{base}({u})" if lang == "zh" else f"{base} ({u})"
    return base


def stage_label(key: str, lang: str = "zh") -> str:
    return STAGES[key][0] if lang == "zh" else STAGE_EN[key]

# Target decomposition methods (model.md §7): key -> Chinese name.
TARGET_METHODS: dict[str, str] = {"even": "等速", "scenario": "按情景"}
TOTAL_WORDS = ("合计", "total", "*")  # the park total in a Targets chain cell


def target_method_key(name: str) -> str | None:
    """'even'/'等速' or 'scenario'/'按情景' (any case, spaces ignored) to its key."""
    folded = re.sub(r"\s+", "", str(name)).casefold()
    for key, zh in TARGET_METHODS.items():
        if folded in (key, zh):
            return key
    return None


def is_total_word(name: str) -> bool:
    """合计, total or * (case and spaces ignored): the park total, not a chain."""
    return re.sub(r"\s+", "", str(name)).casefold() in TOTAL_WORDS


def month_label(month: int, combined: bool = False) -> str:
    """How messages and sheets name a month: '10月', or '1-2月' for the combined
    January–February release (which stands for month 2)."""
    return "1-2月" if combined else f"{month}月"
