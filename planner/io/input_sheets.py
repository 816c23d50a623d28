"""Write a Document's ten input sheets (workbook.md) into an XlsxWriter workbook.

Every user string goes through ``write_string`` (a project named ``=HYPERLINK(...)``
stays text) and every number through ``write_number``. The sheets are formatted for a
planner: bold frozen header row, header comments, number formats, and dropdown lists
that reach ``EXTRA_ROWS`` rows past the data so rows can be added in Excel or WPS.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Hashable, Iterable

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from models import labels
from models.document import TOTAL_KEY, Document, format_ramp
from planner.io import column_help as helptext

LANGS = ("zh", "en")
EXTRA_ROWS = 500  # rows below the data that keep formats and dropdowns

# Number format per kind; columns and settings map to a kind.
NUMBER_FORMATS: dict[str, str | None] = {
    "amount": "#,##0.00", "rate": "0.0%", "index": "0.00", "year": "0", "int": "0",
    "text": "@", "general": None,
}
COLUMN_KIND: dict[str, str] = {
    "base_output": "amount", "investment": "amount", "revenue_per_firm": "amount",
    "growth": "rate", "probability": "rate", "value_added_rate": "rate",
    "index": "index", "output_ratio": "index",
    "year": "year", "production_year": "year",
    "build_years": "int", "delay": "int", "include": "int", "month": "general",
    "output": "amount", "value_added": "amount", "ytd": "amount", "target": "amount",
    "ramp": "text", "id": "text", "years": "text",
}
SETTING_KIND: dict[str, str] = {
    "base_year": "year", "end_year": "year", "target_year": "year",
    "target_value": "amount", "default_ramp": "text", "default_build_years": "int",
    "mc_draws": "int", "mc_seed": "int", "growth_sd": "rate", "price_sd": "rate",
    "delay_mode": "general", "delay_max": "general", "nowcast_anchor": "int",
    "target_method": "text", "target_scenario": "text",
}


@dataclass(frozen=True)
class SheetRef:
    """Where one input sheet put its values, for formulas that point at them.

    ``columns`` maps a column key (models.labels.COLUMNS) to its 0-based column;
    ``rows`` maps a row key to its 0-based row (row 0 is the header). Row keys:

    ========================================  ==========================================
    settings                                  settings key, e.g. ``"target_value"``
    chains                                    chain name
    projects                                  project id
    stages                                    stage key, e.g. ``"signed"``
    growth, prices, pipeline, incubation      ``(chain, year)``
    scenarios                                 scenario name
    overrides                                 position in ``Document.overrides``
    ========================================  ==========================================

    In Settings the value is in column ``columns["value"]``. ``last_row`` is the last
    0-based row that carries formats and dropdowns (data rows + EXTRA_ROWS).
    """

    key: str
    sheet: Worksheet
    name: str
    columns: dict[str, int]
    rows: dict[Hashable, int] = field(default_factory=dict)
    last_row: int = EXTRA_ROWS

    def cell(self, row_key: Hashable, column: str, absolute: bool = True) -> str:
        """A reference such as ``'产业链'!$C$2`` to the cell of a row key and column."""
        ref = xl_rowcol_to_cell(self.rows[row_key], self.columns[column],
                                row_abs=absolute, col_abs=absolute)
        return f"{quote_sheet(self.name)}!{ref}"

    def column_range(self, column: str) -> str:
        """The whole entry range of a column, e.g. ``'产业链'!$A$2:$A$510``."""
        letter = xl_col_to_name(self.columns[column])
        return f"{quote_sheet(self.name)}!${letter}$2:${letter}${self.last_row + 1}"


# Columns the writer leaves out: monthly rows are written as each month's own output.
WRITTEN_WITHOUT = {("monthly", "ytd")}


def quote_sheet(name: str) -> str:
    """Always quote: valid in Excel, WPS and LibreOffice for any sheet name."""
    return "'" + name.replace("'", "''") + "'"


def write_input_sheets(workbook: xlsxwriter.Workbook, doc: Document,
                       lang: str = "zh") -> dict[str, SheetRef]:
    """Add the input sheets, in workbook.md order; return a SheetRef per sheet key."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    writer = _Writer(workbook, lang)
    refs: dict[str, SheetRef] = {}
    for key in labels.SHEETS:
        rows = list(_ROWS[key](doc, lang))
        refs[key] = writer.sheet(key, rows)
    writer.validations(refs)
    return refs


# --- rows per sheet: (row key, {column key: value}) --------------------------------

Row = tuple[Hashable, dict[str, object]]


def _stage(value: object, lang: str) -> object:
    if isinstance(value, str) and value in labels.STAGES:
        return labels.stage_label(value, lang) if lang == "zh" else value
    return value


def _settings_rows(doc: Document, lang: str) -> Iterable[Row]:
    s = doc.settings
    for key, (zh, _default) in labels.SETTINGS.items():
        value = getattr(s, key)
        if key == "default_ramp":
            value = format_ramp(value)
        elif isinstance(value, bool):
            value = int(value)
        yield key, {"key": zh if lang == "zh" else key, "value": value,
                    "help": helptext.pick(helptext.SETTINGS_HELP[key], lang)}


def _chains_rows(doc: Document, lang: str) -> Iterable[Row]:
    for c in doc.chains:
        yield c.chain, {"chain": c.chain, "industry": c.industry,
                        "base_output": c.base_output, "growth": c.growth,
                        "output_ratio": c.output_ratio,
                        "value_added_rate": c.value_added_rate,
                        "ramp": format_ramp(c.ramp) or None, "build_years": c.build_years}


def _projects_rows(doc: Document, lang: str) -> Iterable[Row]:
    for p in doc.projects:
        yield p.id, {"id": p.id, "name": p.name, "chain": p.chain,
                     "investment": p.investment, "stage": _stage(p.stage, lang),
                     "production_year": p.production_year, "output_ratio": p.output_ratio,
                     "ramp": format_ramp(p.ramp) or None, "probability": p.probability,
                     "delay": p.delay,
                     "include": None if p.include is None else int(p.include),
                     "build_years": p.build_years, "note": p.note}


def _stages_rows(doc: Document, lang: str) -> Iterable[Row]:
    for s in doc.stages:
        yield s.stage, {"stage": _stage(s.stage, lang), "probability": s.probability}


def _yearly_rows(table: str, value_columns: tuple[str, ...]):
    def rows(doc: Document, lang: str) -> Iterable[Row]:
        for r in getattr(doc, table):
            yield (r.chain, r.year), {"chain": r.chain, "year": r.year,
                                      **{c: getattr(r, c) for c in value_columns}}
    return rows


def _scenarios_rows(doc: Document, lang: str) -> Iterable[Row]:
    for s in doc.scenarios:
        yield s.name, {"name": s.name, "parent": s.parent, "description": s.description}


def _overrides_rows(doc: Document, lang: str) -> Iterable[Row]:
    for i, o in enumerate(doc.overrides):
        table = labels.sheet_label(o.table, lang) if o.table in labels.SHEETS else o.table
        key = _stage(o.key, lang) if o.table == "stages" else o.key
        field_ = o.field
        if lang == "zh" and o.field in labels.COLUMNS.get(o.table, {}):
            field_ = labels.COLUMNS[o.table][o.field]
        value = _stage(o.value, lang) if o.field == "stage" else o.value
        yield i, {"scenario": o.scenario, "table": table, "key": key, "field": field_,
                  "years": o.years or None,
                  "op": labels.OPS[o.op] if lang == "zh" and o.op in labels.OPS else o.op,
                  "value": value}


def _actuals_rows(doc: Document, lang: str) -> Iterable[Row]:
    for r in doc.actuals:
        yield (r.chain, r.year), {"chain": r.chain, "year": r.year, "output": r.output,
                                  "value_added": r.value_added, "investment": r.investment}


COMBINED_MONTH = "1-2月"


def _monthly_rows(doc: Document, lang: str) -> Iterable[Row]:
    for r in doc.monthly:
        yield (r.chain, r.year, r.month), {
            "chain": r.chain, "year": r.year,
            "month": COMBINED_MONTH if r.combined else r.month, "output": r.output}


def _targets_rows(doc: Document, lang: str) -> Iterable[Row]:
    for r in doc.targets:
        chain = r.chain
        if chain == TOTAL_KEY:
            chain = "合计" if lang == "zh" else "total"
        yield (r.year, r.chain), {"year": r.year, "chain": chain, "target": r.target}


_ROWS = {
    "settings": _settings_rows,
    "chains": _chains_rows,
    "projects": _projects_rows,
    "stages": _stages_rows,
    "growth": _yearly_rows("growth", ("growth",)),
    "prices": _yearly_rows("prices", ("index",)),
    "pipeline": _yearly_rows("pipeline", ("investment",)),
    "incubation": _yearly_rows("incubation", ("graduates", "revenue_per_firm")),
    "scenarios": _scenarios_rows,
    "overrides": _overrides_rows,
    "actuals": _actuals_rows,
    "monthly": _monthly_rows,
    "targets": _targets_rows,
}


# --- writing ---------------------------------------------------------------------------

def text_width(text: str) -> int:
    """Display width: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _shown(value: object, kind: str) -> str:
    if isinstance(value, str):
        return value
    if kind == "rate" and isinstance(value, (int, float)):
        return f"{value * 100:.1f}%"
    if kind == "amount" and isinstance(value, (int, float)):
        return f"{value:,.2f}"
    if kind == "index" and isinstance(value, (int, float)):
        return f"{value:.2f}"
    return f"{value:g}" if isinstance(value, (int, float)) else ""


class _Writer:
    def __init__(self, workbook: xlsxwriter.Workbook, lang: str) -> None:
        self.wb = workbook
        self.lang = lang
        self.header = workbook.add_format({
            "bold": True, "bg_color": "#DDEBF7", "border": 1, "valign": "vcenter"})
        self.formats = {kind: workbook.add_format({"num_format": f})
                        for kind, f in NUMBER_FORMATS.items() if f is not None}
        self.formats["general"] = None
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})

    def sheet(self, key: str, rows: list[Row]) -> SheetRef:
        lang = self.lang
        name = labels.sheet_label(key, lang)
        ws = self.wb.add_worksheet(name)
        columns = [c for c in labels.COLUMNS[key] if (key, c) not in WRITTEN_WITHOUT]
        headers = [labels.column_label(key, c, lang) for c in columns]
        comments = [helptext.column_help(key, c, lang) for c in columns]
        if key == "stages":
            comments[columns.index("probability")] += "\n" + helptext.stage_defaults_text(lang)
        if key == "settings":
            columns.append("help")
            headers.append(helptext.pick(helptext.SETTINGS_HELP_HEADER, lang))
            comments.append("说明，规划器不读取此列。" if lang == "zh"
                            else "Explanation; the planner does not read this column.")
        col_index = {c: i for i, c in enumerate(columns)}
        widths = [text_width(h) + 3 for h in headers]

        for c, (h, note) in enumerate(zip(headers, comments)):
            ws.write_string(0, c, h, self.header)
            ws.write_comment(0, c, note, _comment_size(note))

        row_index: dict[Hashable, int] = {}
        for r, (row_key, values) in enumerate(rows, start=1):
            row_index[row_key] = r
            for col, value in values.items():
                kind = self._kind(key, col, row_key, values)
                c = col_index[col]
                _write(ws, r, c, value, self.formats[kind])
                if value is not None:
                    widths[c] = max(widths[c], text_width(_shown(value, kind)) + 2)

        last = len(rows) + EXTRA_ROWS
        for c, col in enumerate(columns):
            width = min(max(widths[c], 8), 60 if col in ("help", "note", "description",
                                                         "name") else 40)
            kind = COLUMN_KIND.get(col, "general") if key != "settings" else "general"
            wrap = self.wrap if col == "help" else None
            ws.set_column(c, c, width, self.formats[kind] if kind != "general" else wrap)
        ws.freeze_panes(1, 0)
        return SheetRef(key=key, sheet=ws, name=name,
                        columns={c: i for c, i in col_index.items() if c != "help"},
                        rows=row_index, last_row=last)

    def _kind(self, sheet: str, col: str, row_key: Hashable, values: dict) -> str:
        if sheet == "settings":
            return SETTING_KIND.get(str(row_key), "text") if col == "value" else "general"
        if sheet == "overrides" and col == "value":
            # a multiplier shown as a percentage would mislead; so would text as a number
            if labels.op_key(str(values.get("op") or "")) == "mul" or isinstance(
                    values.get("value"), str):
                return "general"
            return COLUMN_KIND.get(_override_field(values), "general")
        return COLUMN_KIND.get(col, "general")

    def validations(self, refs: dict[str, SheetRef]) -> None:
        lang = self.lang
        chains = "=" + refs["chains"].column_range("chain")
        scenarios = "=" + refs["scenarios"].column_range("name")
        stages = [labels.stage_label(k, lang) if lang == "zh" else k for k in labels.STAGES]
        tables = [labels.sheet_label(t, lang) for t in labels.OVERRIDE_FIELDS]
        fields: list[str] = []
        for t, fs in labels.OVERRIDE_FIELDS.items():
            for f in fs:
                label = labels.COLUMNS[t][f] if lang == "zh" else f
                if label not in fields:
                    fields.append(label)
        lists: list[tuple[str, str, object]] = [
            *((s, "chain", chains) for s in ("projects", "growth", "prices", "pipeline",
                                              "incubation")),
            ("projects", "stage", stages), ("stages", "stage", stages),
            ("projects", "include", ["1", "0"]),
            ("scenarios", "parent", scenarios), ("overrides", "scenario", scenarios),
            ("overrides", "table", tables), ("overrides", "field", fields),
            ("overrides", "op", list(labels.OPS.values()) if lang == "zh" else list(labels.OPS)),
        ]
        title = "请检查" if lang == "zh" else "Check the value"
        for sheet, col, source in lists:
            ref = refs[sheet]
            c = ref.columns[col]
            message = ("请从下拉列表中选择。" if lang == "zh"
                       else "Pick a value from the list.")
            ref.sheet.data_validation(1, c, ref.last_row, c, {
                "validate": "list", "source": source, "error_type": "warning",
                "error_title": title, "error_message": message})
        for sheet, col in (("chains", "value_added_rate"), ("projects", "probability"),
                           ("stages", "probability")):
            ref = refs[sheet]
            c = ref.columns[col]
            ref.sheet.data_validation(1, c, ref.last_row, c, {
                "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1,
                "error_type": "warning", "error_title": title,
                "error_message": "应为0到1之间的小数。" if lang == "zh"
                else "Expected a decimal from 0 to 1."})


def _override_field(values: dict) -> str:
    """The column key of an Overrides row's field (for its value's number format)."""
    table = labels.sheet_key(str(values.get("table", ""))) or ""
    return labels.field_key(table, str(values.get("field", ""))) or ""


def _write(ws: Worksheet, r: int, c: int, value: object, fmt) -> None:
    if value is None:
        return
    if isinstance(value, str):
        if value:
            ws.write_string(r, c, value, fmt)
    elif isinstance(value, bool):
        ws.write_number(r, c, int(value), fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value, fmt)
    else:
        raise TypeError(f"cannot write {type(value).__name__} at row {r + 1}, column {c + 1}")


def _comment_size(text: str) -> dict:
    width = text_width(text)
    return {"x_scale": 2.2, "y_scale": max(1.0, min(4.0, 0.4 + width / 60)),
            "font_size": 9}
