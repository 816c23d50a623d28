"""Validation problems as values that carry their location."""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
NOTE = "note"


def cell_name(row: int, column: int) -> str:
    """1-based row/column to an A1 reference."""
    letters = ""
    c = column
    while c > 0:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


@dataclass(frozen=True)
class Location:
    """Where a problem is: file, sheet, and a cell, a row or a column (1-based)."""

    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: int | None = None

    def place(self) -> str:
        if self.row is not None and self.column is not None:
            return cell_name(self.row, self.column)
        if self.row is not None:
            return f"row {self.row}"
        if self.column is not None:
            return f"column {cell_name(1, self.column)[:-1]}"
        return ""

    def __str__(self) -> str:
        parts = [p for p in (self.file,) if p]
        where = self.sheet
        place = self.place()
        if where and place:
            where = f"{where}!{place}"
        elif place:
            where = place
        if where:
            parts.append(where)
        return ": ".join(parts)


@dataclass(frozen=True)
class ValidationIssue:
    """One problem found in a document or file."""

    message: str
    location: Location = Location()
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def with_file(self, file: str) -> "ValidationIssue":
        loc = self.location
        return ValidationIssue(self.message, Location(file, loc.sheet, loc.row, loc.column),
                               self.severity)

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.message}" if where else self.message


class DocumentError(Exception):
    """Raised with every problem found when a document cannot be used."""

    def __init__(self, issues: list[ValidationIssue]):
        self.issues = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))
