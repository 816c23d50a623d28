"""Shared by the editors: roles, how values read and look, and provenance tooltips."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models import labels
from models.document import Document, Override, format_ramp
from models.edits import CellRef
from planner.model.provenance import BASE, DEFAULT, INHERITED, OVERRIDE, Provenance
from ui import formatting
from ui.language import current_language
from models.override_words import override_words

CONTEXT = "Editors"

# Custom item roles.
ProvenanceRole = Qt.ItemDataRole.UserRole + 1   # the cell's Provenance
CellRefRole = Qt.ItemDataRole.UserRole + 2      # the cell's models.edits.CellRef
SortRole = Qt.ItemDataRole.UserRole + 3         # a raw value to sort by
ChoicesRole = Qt.ItemDataRole.UserRole + 4      # [(label, text to set)] for a dropdown

RATE_FIELDS = ("growth", "probability", "value_added_rate")
MONEY_FIELDS = ("base_output", "investment", "revenue_per_firm")
RATE_SETTINGS = ("growth_sd", "price_sd")
LEVEL_FIELDS = ("index", "output_ratio")
MONEY_SETTINGS = ("target_value",)

TARGET_METHODS = {"even": ("等速", "even"), "scenario": ("按情景", "scenario")}

DEFAULT_COLOR = QColor(128, 128, 128)
INHERITED_COLOR = QColor(30, 90, 190)
OVERRIDE_TINT = QColor(255, 236, 179)
BASE_ONLY_TINT = QColor(232, 236, 241)   # cells that cannot be overridden in a scenario


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def lang() -> str:
    return current_language()


def header(sheet: str, key: str) -> str:
    """A column header from models.labels, with its unit, in the current language."""
    percent = "(%)" if key in RATE_FIELDS else ""
    if lang() == "zh":
        return labels.column_label(sheet, key, "zh") + percent
    label = labels.column_label(sheet, key, "en")
    return labels.COLUMN_EN.get(key, key) + label[len(key):] + (" (%)" if percent else "")


# Units of the settings, shown beside their names: (Chinese, English).
SETTING_UNITS = {"target_value": ("亿元", "100m CNY"), "growth_sd": ("%", "%"),
                 "price_sd": ("%", "%"), "default_build_years": ("年", "years"),
                 "delay_mode": ("年", "years"), "delay_max": ("年", "years"),
                 "mc_draws": ("次", "draws")}


def setting_label(key: str) -> str:
    """A setting's name with its unit: 目标值(亿元), Monte Carlo draws (draws)."""
    zh = lang() == "zh"
    name = labels.SETTINGS[key][0] if zh else labels.SETTINGS_EN[key]
    unit = SETTING_UNITS.get(key)
    if unit is None:
        return name
    return f"{name}({unit[0]})" if zh else f"{name} ({unit[1]})"


def setting_tip(key: str) -> str:
    from planner.io.column_help import SETTINGS_HELP, pick
    text = pick(SETTINGS_HELP[key], lang()) if key in SETTINGS_HELP else ""
    if key in ("growth_sd", "price_sd"):
        text += "\n" + percent_rule_tip()
    return text.strip()


def percent_rule_tip() -> str:
    return tr("Type 12 for 12% (a number typed or pasted here is a percentage).")


def column_tip(sheet: str, key: str) -> str:
    """What a column means and its unit, for the header's tooltip."""
    from planner.io.column_help import COLUMN_HELP, pick
    text = pick(COLUMN_HELP[sheet][key], lang()) if key in COLUMN_HELP.get(sheet, {}) else ""
    if key in RATE_FIELDS:
        # the workbook's help speaks of decimals in a cell; typing here follows the % rule
        text = (text.split("(")[0].split("(")[0].rstrip("，,；; ") + "\n" + percent_rule_tip()
                if text else percent_rule_tip())
    return text.strip()


def field_label(ref: CellRef) -> str:
    """The cell's column (or setting) name in the current language."""
    if ref.table == "settings":
        return setting_label(ref.key)
    if ref.field in labels.COLUMNS.get(ref.table, {}):
        return header(ref.table, ref.field)
    return ref.field


def _rate_kind(ref: CellRef) -> str:
    key = ref.key if ref.table == "settings" else ref.field
    if key in RATE_FIELDS or key in RATE_SETTINGS:
        return "rate"
    if key in MONEY_FIELDS or key in MONEY_SETTINGS or (
            ref.table == "pipeline" and ref.field == "investment"):
        return "money"
    return "plain"


def _level(x: float) -> str:
    """A ratio or index: at least two decimals (0.50), more when the value has them."""
    text = f"{x:.2f}"
    return text if float(text) == x else f"{x:.10g}"


def _plain_number(x: float) -> str:
    if float(x) == int(x) and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.10g}"


def display_text(ref: CellRef, value: object) -> str:
    """How a value reads in a cell: rates as 8.0%, money with 2 decimals."""
    if value is None:
        return ""
    field = ref.key if ref.table == "settings" else ref.field
    if field == "stage":
        return labels.stage_label(value, lang()) if value in labels.STAGES else str(value)
    if field in ("ramp", "default_ramp"):
        return format_ramp(value)  # type: ignore[arg-type]
    if field == "include" or (field == "nowcast_anchor" and value in (0, 1)):
        return tr("Yes") if value else tr("No")
    if field == "target_method" and value in TARGET_METHODS:
        return TARGET_METHODS[value][0 if lang() == "zh" else 1]
    if isinstance(value, str):
        return value
    kind = _rate_kind(ref)
    if kind == "rate":
        return formatting.percent(value, 1)  # type: ignore[arg-type]
    if kind == "money":
        return formatting.number(value, 2)  # type: ignore[arg-type]
    if field in LEVEL_FIELDS:
        return _level(float(value))  # type: ignore[arg-type]
    return _plain_number(value)  # type: ignore[arg-type]


def edit_text(ref: CellRef, value: object) -> str:
    """The text an editor starts from: full precision, so committing it changes nothing."""
    if ref.table == "settings" and ref.key in ("target_method", "nowcast_anchor"):
        return "" if value is None else str(value)
    if value is None or isinstance(value, (str, tuple, bool)):
        return display_text(ref, value)
    if _rate_kind(ref) == "rate":
        return f"{round(float(value) * 100, 10):.10g}%"  # type: ignore[arg-type]
    return _plain_number(value)  # type: ignore[arg-type]


def sort_value(value: object) -> object:
    if isinstance(value, tuple):
        return format_ramp(value)
    if isinstance(value, bool):
        return int(value)
    return value if value is not None else ""


# -- provenance look ---------------------------------------------------------------------
def font_for(kind: str) -> QFont | None:
    if kind == DEFAULT:
        f = QFont()
        f.setItalic(True)
        return f
    if kind == OVERRIDE:
        f = QFont()
        f.setBold(True)
        return f
    return None


def foreground_for(kind: str) -> QBrush | None:
    if kind == DEFAULT:
        return QBrush(DEFAULT_COLOR)
    if kind == INHERITED:
        return QBrush(INHERITED_COLOR)
    return None


def base_only_brush() -> QBrush:
    return QBrush(BASE_ONLY_TINT)


def base_only_tip() -> str:
    return tr("Base data: the same in every scenario. Editing it here changes all "
              "scenarios.")


def background_for(kind: str) -> QBrush | None:
    return QBrush(OVERRIDE_TINT) if kind == OVERRIDE else None


def describe_override(o: Override) -> str:
    """One override row in words: '增长率 · 全部 · 增长率 (全部年份)：增加 3 个百分点'."""
    return override_words(o, lang())


def _default_source(ref: CellRef, p: Provenance, doc: Document) -> str:
    if p.via is not None:
        if p.via.table == "stages":
            return tr("the probability of stage %1").replace(
                "%1", labels.stage_label(p.via.key, lang()))
        return tr("the value of chain %1").replace("%1", p.via.key)
    if ref.table == "growth":
        return tr("the chain's default growth")
    if ref.table == "prices":
        return tr("no price point yet: index 1.0")
    if ref.table in ("pipeline", "incubation"):
        return tr("no row: 0")
    if ref.table == "stages":
        return tr("the stage's default probability")
    if ref.table == "chains" and ref.field in ("ramp", "build_years"):
        return tr("the settings' default")
    return tr("the model's default")


def tooltip(ref: CellRef, p: Provenance, doc: Document) -> str:
    """Where a value comes from, in the current language."""
    if p.kind == DEFAULT:
        return tr("Default: %1").replace("%1", _default_source(ref, p, doc))
    if p.kind == BASE:
        return tr("Explicit value in the base tables")
    rows = "\n".join("• " + describe_override(doc.overrides[i]) for i in p.rows)
    if p.kind == INHERITED:
        text = tr("Inherited from scenario %1:").replace("%1", p.scenario or "")
        return f"{text}\n{rows}"
    text = tr("Override of this scenario:") + f"\n{rows}"
    if p.before is not None:
        text += "\n" + tr("Replaces %1").replace("%1", display_text(ref, p.before))
    if p.via is not None:
        text += "\n" + tr("(through %1)").replace("%1", _default_source(ref, p, doc))
    return text
