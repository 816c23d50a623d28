"""The Settings sheet: key/value rows in either language, to a Settings value."""
from __future__ import annotations

from typing import Any

from models import labels
from models.document import Settings
from models.issues import ERROR, NOTE, Location, ValidationIssue
from planner.io.actuals_settings import ACTUAL_SETTINGS
from planner.io.cells import Invalid, to_number, to_ramp, to_text, to_whole
from planner.io.sheets import RawSheet, did_you_mean
from planner.io.tables import CellReader

WHOLE_SETTINGS = ("base_year", "end_year", "target_year", "default_build_years",
                  "mc_draws", "mc_seed", "nowcast_anchor")
NUMBER_SETTINGS = ("target_value", "growth_sd", "price_sd", "delay_mode", "delay_max")
RATE_SETTINGS = ("growth_sd", "price_sd")  # '3%' reads as 0.03 here too


def convert_setting(key: str, value: Any) -> Any:
    if key in ACTUAL_SETTINGS:
        return ACTUAL_SETTINGS[key](value)
    if key in WHOLE_SETTINGS:
        return to_whole(value, key)
    if key in NUMBER_SETTINGS:
        return to_number(value, "growth" if key in RATE_SETTINGS else key)
    if key == "default_ramp":
        return to_ramp(value)
    return None if value is None else to_text(value)


def read_settings(sheet: RawSheet | None, cr: CellReader | None, file: str,
                  issues: list[ValidationIssue]) -> tuple[Settings | None, dict[str, int]]:
    """Settings (None when a required one is missing or unreadable) and key -> row.

    Pass ``sheet=None`` when there is no usable Settings sheet (already reported)."""
    found: dict[str, Any] = {}
    rows: dict[str, int] = {}
    failed = False
    invalid: set[str] = set()
    if sheet is not None and cr is not None:
        for row, cells in sheet.rows:
            name = to_text(cells.get("key"))
            key = labels.settings_key(name) if name else None
            if key is None:
                known = [*labels.SETTINGS, *(zh for zh, _ in labels.SETTINGS.values())]
                message = (f"unknown setting '{name}', ignored" + did_you_mean(name, known)
                           if name else "a value without a setting name, ignored")
                issues.append(ValidationIssue(message, Location(
                    file, sheet.name, row, sheet.columns.get("key")), NOTE))
                continue
            if key in rows:
                cr.error(row, "key", f"setting {key} appears twice (rows {rows[key]} "
                         f"and {row})")
                continue
            rows[key] = row
            value = convert_setting(key, cells.get("value"))
            if isinstance(value, Invalid):
                cr.error(row, "value", f"{key} {value.reason}")
                invalid.add(key)
            elif value is not None:
                found[key] = value
    for key, (zh, default) in labels.SETTINGS.items():
        if key in found:
            continue
        if default is not None:
            found[key] = to_ramp(default) if key == "default_ramp" else default
            continue
        failed = True
        if key in invalid or sheet is None or cr is None:
            continue  # already reported (a bad cell, or no usable Settings sheet)
        if key in rows:
            cr.error(rows[key], "value", f"setting {key} ({zh}) is required")
        else:
            issues.append(ValidationIssue(f"missing required setting {key} ({zh})",
                                          Location(file, sheet.name), ERROR))
    if failed:
        return None, rows
    return Settings(**found), rows
