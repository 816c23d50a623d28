"""Cell formats of the result sheets, created once per workbook."""
from __future__ import annotations

import xlsxwriter

# Every 亿元 figure: thousands separators and two decimals (1,019.22).
NUMBER = {"amount": "#,##0.00", "rate": "0.0%", "index": "0.00", "share": "0.00",
          "year": "0", "int": "0", "general": "General", "text": "@", "pp": "0.0",
          "ratio": "0.0%"}
# A gap T − Y(N) is shown in words: a shortfall as such, a surplus (negative gap) as such.
GAP_FORMAT = {"zh": '"缺口 "#,##0.00;"超出 "#,##0.00;0.00',
              "en": '"short "#,##0.00;"surplus "#,##0.00;0.00'}
CHART_AMOUNT = "#,##0"          # value axes of charts
LABEL_AMOUNT = "#,##0.0"        # data labels of charts
INPUT_FILL = "#FFF2CC"    # resolved inputs a planner may edit
HEADER_FILL = "#DDEBF7"
SECTION_FILL = "#BDD7EE"


class Formats:
    """``fmt(kind)`` for a computed cell, ``fmt(kind, True)`` for an input cell."""

    def __init__(self, wb: xlsxwriter.Workbook, lang: str = "zh") -> None:
        self._wb = wb
        self._lang = lang
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
            number = GAP_FORMAT[self._lang] if kind == "gap" else NUMBER[kind]
            props: dict[str, object] = {"num_format": number}
            if editable:
                props["bg_color"] = INPUT_FILL
            if bold:
                props["bold"] = True
            self._cache[key] = self._wb.add_format(props)
        return self._cache[key]
