"""Raw sheets: find the input sheets, map header row 1 to column keys, collect rows.

Shared by every input sheet (the v2 sheets included), so the reading rules of
workbook.md hold everywhere: units in headers (万元 converted to 亿元, `%` rate
columns), formulas without a saved result refused, unknown sheets and columns named
in a notice with the closest known name. Never trusts a sheet's declared dimensions:
rows are streamed (planner.io.package); only rows holding values count against ROW_CAP
and only the first COLUMN_CAP columns are looked at.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from models import labels
from models.issues import ERROR, NOTE, Location, ValidationIssue, cell_name
from models.rules import RATE_FIELDS
from planner.io.cells import is_blank, shown, to_number, to_text
from planner.io.column_help import NOTES_SHEET, README_SHEET, SETTINGS_HELP_HEADER
from planner.io.package import (CachedFormula, MissingResult, Package, PercentNumber,
                                iter_rows)

ROW_CAP = 100_000  # rows holding values per sheet, header included
COLUMN_CAP = 200  # columns beyond this are not read

# Money columns of every sheet (亿元); a unit in their header converts the cells.
MONEY_COLUMNS = ("base_output", "investment", "revenue_per_firm", "output", "value_added",
                 "ytd", "target")
MONEY_UNITS: dict[str, float] = {
    **dict.fromkeys(("", "亿元", "亿", "100mcny", "100myuan", "100millioncny",
                     "100millionyuan", "100mrmb"), 1),
    **dict.fromkeys(("万元", "万", "10kcny", "10kyuan", "10000cny", "10000yuan", "10krmb"),
                    10_000),
    **dict.fromkeys(("千元", "kcny", "1000cny", "1000yuan", "thousandcny", "thousandyuan"),
                    100_000),
    **dict.fromkeys(("百万元", "mcny", "millioncny", "millionyuan", "1000000cny"), 100),
    **dict.fromkeys(("元", "cny", "yuan", "rmb"), 100_000_000),
}
UNIT_WORDS = {10_000: "10,000", 100_000: "100,000", 100: "100", 100_000_000: "10^8"}
_BRACKET = re.compile(r"^(.*?)\s*[(（\[【]\s*([^()（）\[\]【】]*?)\s*[)）\]】]\s*$")
NO_RESULT = ("the formula {formula} has no saved result (公式没有保存的计算结果): the file "
             "was written by a program that does not calculate; open and save it in Excel "
             "or WPS, or type the value into the cell")


@dataclass
class RawSheet:
    """One input sheet: its key, its name in the file, key -> column, and data rows."""

    key: str
    name: str
    columns: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    empty: bool = False  # no header row at all
    bad_cells: set[tuple[int, int]] = field(default_factory=set)  # already reported
    divisors: dict[str, float] = field(default_factory=dict)  # money column -> ÷
    percent: set[str] = field(default_factory=set)  # rate columns headed with %


def header_unit(text: str) -> str | None:
    """The trailing bracketed unit of a header ('投资额(万元)' -> '万元'), or None."""
    m = _BRACKET.match(unicodedata.normalize("NFKC", str(text)).strip())
    return None if m is None else m.group(2).replace(" ", "")


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """' (did you mean X?)' for the closest known name, or ''."""
    import difflib    # only when a name is unknown
    folded = {labels.norm(c): c for c in candidates}
    close = difflib.get_close_matches(labels.norm(name), list(folded), n=1, cutoff=0.6)
    return f" (did you mean {folded[close[0]]}?)" if close else ""


def _written_by_app(name: str) -> bool:
    """Sheets the app adds to workbooks it writes; reading passes over them quietly."""
    name = name.strip()
    if name in NOTES_SHEET or name in README_SHEET:
        return True
    from planner.io.export.workbook import is_result_sheet  # only for unknown sheets
    return is_result_sheet(name)


def _issue(file: str, sheet: str, message: str, row: int | None = None,
           column: int | None = None, severity: str = ERROR) -> ValidationIssue:
    return ValidationIssue(message, Location(file, sheet, row, column), severity)


def known_sheet_names() -> list[str]:
    return [*labels.SHEETS.values(), *labels.SHEET_EN.values()]


def read_raw_sheets(package: Package, file: str
                    ) -> tuple[dict[str, RawSheet], list[ValidationIssue]]:
    """All known sheets of a workbook package, and the issues found."""
    sheets: dict[str, RawSheet] = {}
    issues: list[ValidationIssue] = []
    formulas: list[tuple[RawSheet, int, str, int, CachedFormula]] = []
    for part in package.sheets:
        key = labels.sheet_key(part.name)
        if key is None and _written_by_app(part.name):
            continue  # results, notes and read-me sheets of our own exports
        if key is None:
            issues.append(_issue(file, part.name, "unknown sheet, ignored"
                                 + did_you_mean(part.name, known_sheet_names()),
                                 severity=NOTE))
            continue
        if not part.worksheet:
            issues.append(_issue(file, part.name, "this is a chart or macro sheet, not a "
                                 "worksheet; ignored", severity=NOTE))
            continue
        if key in sheets:
            issues.append(_issue(file, part.name, f"the workbook has both '{sheets[key].name}' "
                                 f"and '{part.name}'; keep one of them"))
            continue
        rows = iter_rows(package, part, COLUMN_CAP)
        sheets[key] = read_rows(key, part.name, rows, file, issues, formulas)
    _settle_formulas(formulas, package.written_by_xlsxwriter, file, issues)
    return sheets, issues


def _settle_formulas(formulas: list[tuple[RawSheet, int, str, int, CachedFormula]],
                     xlsxwriter: bool, file: str, issues: list[ValidationIssue]) -> None:
    """Formula cells of an XlsxWriter file that all hold 0 were never calculated."""
    never_calculated = xlsxwriter and bool(formulas) and all(
        isinstance(f.value, (int, float)) and not isinstance(f.value, bool) and f.value == 0
        for *_, f in formulas)
    index: dict[tuple[int, int], dict[str, Any]] = {}
    for sheet, row, key, column, cached in formulas:
        if (id(sheet), row) not in index:
            index.update({(id(sheet), r): c for r, c in sheet.rows})
        cells = index.get((id(sheet), row))
        if never_calculated:
            issues.append(_issue(file, sheet.name, NO_RESULT.format(
                formula=_formula_text(cached.formula)), row, column))
            sheet.bad_cells.add((row, column))
            value: Any = None
        else:
            value = _in_unit(sheet, key, cached.value)
        if cells is not None:
            cells[key] = value


def _formula_text(formula: str) -> str:
    f = formula.strip()
    return ("=" + f[:60]) if f else "(shared formula)"


def read_rows(key: str, name: str, rows: Iterable[tuple[int, dict[int, Any]]], file: str,
              issues: list[ValidationIssue],
              formulas: list | None = None) -> RawSheet:
    """Header mapping and data rows of one sheet, from (row number, {column: value})."""
    sheet = RawSheet(key, name)
    it: Iterator[tuple[int, dict[int, Any]]] = iter(rows)
    first = next(it, None)
    header: dict[int, Any] = {}
    pending: list[tuple[int, dict[int, Any]]] = []
    if first is not None and first[0] == 1:
        header = first[1]
    elif first is not None:
        pending.append(first)
    if not header or all(is_blank(v) for v in header.values()):
        sheet.empty = True
        if key in labels.REQUIRED_SHEETS:
            issues.append(_issue(file, name, "the sheet is empty; expected a header row in "
                                 "row 1 with " + _column_list(key), row=1))
        return sheet
    _map_header(sheet, header, file, issues)
    count = 1
    for number, values in _chain(pending, it):
        count += 1
        if count > ROW_CAP:
            issues.append(_issue(file, name, f"the sheet is too large: more than "
                                 f"{ROW_CAP:,} rows hold values; this row is one too many",
                                 number, min(values)))
            break
        cells: dict[str, Any] = {}
        for k, c in sheet.columns.items():
            if c not in values:
                continue
            value = values[c]
            if isinstance(value, MissingResult):
                issues.append(_issue(file, name, NO_RESULT.format(
                    formula=_formula_text(value.formula)), number, c))
                sheet.bad_cells.add((number, c))
                value = None
            elif isinstance(value, CachedFormula):
                if formulas is not None:  # settled once every sheet is read
                    formulas.append((sheet, number, k, c, value))
                    cells[k] = value
                    continue
                value = value.value
            cells[k] = _in_unit(sheet, k, value)
        if all(is_blank(v) for v in cells.values()) and not any(
                (number, c) in sheet.bad_cells for c in sheet.columns.values()):
            continue
        sheet.rows.append((number, cells))
    return sheet


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


def _in_unit(sheet: RawSheet, key: str, value: Any) -> Any:
    """A money cell in 亿元 and a `%`-column rate as a decimal; others unchanged."""
    divisor = sheet.divisors.get(key)
    if divisor is not None and divisor != 1:
        number = to_number(value, key)
        return number / divisor if isinstance(number, float) else value
    if key in sheet.percent:
        if isinstance(value, PercentNumber):
            return float(value)  # a cell formatted as 6% already holds 0.06
        if isinstance(value, str) and value.strip().endswith(("%", "％")):
            return value  # '6%' reads as 0.06 by itself
        number = to_number(value, key)
        return number / 100 if isinstance(number, float) else value
    return value


def _column_list(key: str) -> str:
    return ", ".join(f"{c} ({labels.COLUMNS[key][c]})" for c in labels.REQUIRED_COLUMNS[key])


def _map_header(sheet: RawSheet, header: dict[int, Any], file: str,
                issues: list[ValidationIssue]) -> None:
    for column, value in sorted(header.items()):
        if isinstance(value, (MissingResult, CachedFormula)):
            value = getattr(value, "value", None)
            if value is None:
                issues.append(_issue(file, sheet.name, "a header is a formula without a "
                                     "saved result; type the column name", 1, column))
                continue
        if is_blank(value):
            continue
        text = to_text(value)
        key = labels.column_key(sheet.key, text)
        if key is None and sheet.key == "settings" and text in SETTINGS_HELP_HEADER:
            continue  # the help column the app writes beside Settings values
        if key is None:
            known = [*labels.COLUMNS[sheet.key], *labels.COLUMNS[sheet.key].values()]
            issues.append(_issue(file, sheet.name, f"unknown column '{text}', ignored"
                                 + did_you_mean(text, known), 1, column, NOTE))
        elif key in sheet.columns:
            first = cell_name(1, sheet.columns[key])
            issues.append(_issue(file, sheet.name, f"column {key} appears twice "
                                 f"({first} and {cell_name(1, column)})", 1, column))
        else:
            sheet.columns[key] = column
            _read_unit(sheet, key, text, column, file, issues)
    for key in labels.REQUIRED_COLUMNS[sheet.key]:
        if key not in sheet.columns:
            issues.append(_issue(file, sheet.name, f"missing required column {key} "
                                 f"({labels.COLUMNS[sheet.key][key]}) in header row 1", row=1))


def _read_unit(sheet: RawSheet, key: str, text: str, column: int, file: str,
               issues: list[ValidationIssue]) -> None:
    unit = header_unit(text)
    if unit is None:
        return
    if key in MONEY_COLUMNS and sheet.key != "settings":
        divisor = MONEY_UNITS.get(unit.replace(",", "").casefold())
        if divisor is None:
            sheet.bad_cells.add((1, column))
            issues.append(_issue(file, sheet.name, f"{key}: unknown unit {shown(unit)} in "
                                 f"the header {shown(text)}; money columns are in 亿元 "
                                 "(or 万元, 千元, 百万元, 元, converted)", 1, column))
            sheet.divisors[key] = 1
            return
        sheet.divisors[key] = divisor
        if divisor != 1:
            issues.append(_issue(file, sheet.name, f"{key} is in {unit}: values are "
                                 f"converted to 亿元 (÷ {UNIT_WORDS[int(divisor)]})",
                                 1, column, NOTE))
    elif key in RATE_FIELDS and unit in ("%", "％"):
        sheet.percent.add(key)
        issues.append(_issue(file, sheet.name, f"{key} is headed with %: the cells are "
                             "percentages (6 = 6%)", 1, column, NOTE))
