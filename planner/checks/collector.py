"""The issue collector shared by the document checks (planner.checks.validate)."""
from __future__ import annotations

from typing import Callable, Iterable

from models import labels
from models.issues import ERROR, WARNING, Location, ValidationIssue
from models.rules import check_number, check_ramp, warn_number

Locate = Callable[[str, "int | None", "str | None"], Location]


def default_locate(sheet: str, row: int | None, field: str | None) -> Location:
    return Location(sheet=labels.SHEET_EN.get(sheet, sheet), row=row)


def found(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return repr(value)
    return str(value)


def number_message(field: str, reason: str, value: object) -> str:
    if reason.startswith(field):
        text = reason
    elif reason.startswith("expected"):
        text = f"{field}: {reason}"
    else:
        text = f"{field} {reason}"
    return f"{text} (found {found(value)})"


class Checker:
    """Collects issues for one document."""

    def __init__(self, locate: Locate | None = None):
        self.locate = locate or default_locate
        self.issues: list[ValidationIssue] = []

    def add(self, sheet: str, row: int | None, field: str | None, message: str,
            severity: str = ERROR) -> None:
        self.issues.append(ValidationIssue(message, self.locate(sheet, row, field), severity))

    def number(self, sheet: str, row: int | None, field: str, value: object,
               rule: str | None = None, optional: bool = False,
               label: str | None = None) -> bool:
        """Apply models.rules (as for ``rule``, default the field) to a numeric cell and
        warn when suspicious; the message names ``label`` or the field. True if valid."""
        if value is None and optional:
            return True
        reason = check_number(rule or field, value)
        if reason is not None:
            self.add(sheet, row, field, number_message(label or field, reason, value))
            return False
        warning = warn_number(rule or field, float(value))  # type: ignore[arg-type]
        if warning is not None:
            self.add(sheet, row, field, warning, WARNING)
        return True

    def ramp(self, sheet: str, row: int | None, field: str, value: object) -> None:
        if value is not None and (reason := check_ramp(value)) is not None:
            self.add(sheet, row, field, reason)

    def required(self, sheet: str, row: int | None, field: str, value: object) -> bool:
        if isinstance(value, str) and value.strip():
            return True
        self.add(sheet, row, field, f"{field} is required")
        return False

    def unique(self, sheet: str, field: str, items: Iterable[tuple[object, int | None]],
               what: Callable[[object], str]) -> None:
        """An error on every repeat of a key; ``what(key)`` describes it."""
        first: dict[object, int | None] = {}
        for key, row in items:
            if key in first:
                where = f" (first on row {first[key]})" if first[key] is not None else ""
                self.add(sheet, row, field, f"duplicate {what(key)}{where}")
            else:
                first[key] = row
