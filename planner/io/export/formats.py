"""Cell formats of the result sheets, created once per workbook."""
from __future__ import annotations

import xlsxwriter

NUMBER = {"amount": "0.00", "rate": "0.0%", "index": "0.00", "share": "0.00",
          "year": "0", "int": "0", "general": "General", "text": "@"}
INPUT_FILL = "#FFF2CC"    # resolved inputs a planner may edit
HEADER_FILL = "#DDEBF7"
SECTION_FILL = "#BDD7EE"


class Formats:
    """``fmt(kind)`` for a computed cell, ``fmt(kind, True)`` for an input cell."""

    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self._wb = wb
        self._cache: dict[tuple, object] = {}
        self.header = wb.add_format({"bold": True, "bg_color": HEADER_FILL, "border": 1,
                                     "valign": "vcenter", "text_wrap": True})
        self.header_year = wb.add_format({"bold": True, "bg_color": HEADER_FILL, "border": 1,
                                          "num_format": "0", "align": "center"})
        self.section = wb.add_format({"bold": True, "bg_color": SECTION_FILL})
        self.title = wb.add_format({"bold": True, "font_size": 13})
        self.note = wb.add_format({"italic": True, "font_color": "#595959"})
        self.bold = wb.add_format({"bold": True})

    def fmt(self, kind: str, editable: bool = False, bold: bool = False):
        key = (kind, editable, bold)
        if key not in self._cache:
            props: dict[str, object] = {"num_format": NUMBER[kind]}
            if editable:
                props["bg_color"] = INPUT_FILL
            if bold:
                props["bold"] = True
            self._cache[key] = self._wb.add_format(props)
        return self._cache[key]
