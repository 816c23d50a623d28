"""Beside the exported 阶段/Stages rows: every stage with the probability in effect.

The input table (columns A:B) keeps exactly the document's stage rows, so re-opening an
export gives the same document: a default is never turned into an explicit row. To
its right, under a title in row 2 (row 1 stays blank there, so the reader, which maps
columns by their row-1 headers, passes over it), a small read-only table lists all
five stages with the probability in effect — the given row where there is one, else
the default — as live formulas on A:B, and whether it is set or the default. A reader
of the export sees the values the app shows, and they follow edits of A:B.
"""
from __future__ import annotations

from models import Document, labels
from planner.io.export.cells import absref, col, put_formula
from planner.io.export.formats import Formats
from planner.io.input_sheets import SheetRef

TITLE = {"zh": "各阶段在用的实现概率(含默认值；由左侧表计算，只读)",
         "en": "Probability in effect per stage (defaults included; computed from the "
               "table on the left, read-only)"}
HEADERS = {"zh": ("阶段", "在用概率", "来源"), "en": ("Stage", "In effect", "Source")}
SOURCE = {"zh": ("设定", "默认"), "en": ("given", "default")}


def stage_in_effect(doc: Document) -> dict[str, tuple[float, bool]]:
    """Stage key -> (probability in effect, given in the document)."""
    given = {r.stage: r.probability for r in doc.stages if r.stage in labels.STAGES}
    return {k: (float(given[k]), True) if given.get(k) is not None
            else (float(labels.DEFAULT_STAGE_PROBABILITY[k]), False) for k in labels.STAGES}


def write_stage_table(ref: SheetRef, doc: Document, fm: Formats, lang: str) -> None:
    ws = ref.sheet
    first = len(ref.columns) + 1          # one blank column right of the input table
    stage_col, prob_col = ref.columns["stage"], ref.columns["probability"]
    names = f"${col(stage_col)}$2:${col(stage_col)}${ref.last_row + 1}"
    values = f"${col(prob_col)}$2:${col(prob_col)}${ref.last_row + 1}"
    ws.write_string(1, first, TITLE[lang], fm.bold)
    for i, h in enumerate(HEADERS[lang]):
        ws.write_string(2, first + i, h, fm.header)
    rate = fm.fmt("rate")
    for i, (key, (p, given)) in enumerate(stage_in_effect(doc).items()):
        r = 3 + i
        label = labels.stage_label(key, "zh")
        shown = label if lang == "zh" else key
        ws.write_string(r, first, shown)
        me = absref(r, first)
        other = f'"{key}"' if lang == "zh" else f'"{label}"'
        default = labels.DEFAULT_STAGE_PROBABILITY[key]
        put_formula(ws, r, first + 1,
                    f"IFERROR(INDEX({values},MATCH({me},{names},0)),"
                    f"IFERROR(INDEX({values},MATCH({other},{names},0)),{default!r}))",
                    rate, p)
        put_formula(ws, r, first + 2,
                    f'IF(COUNTIF({names},{me})+COUNTIF({names},{other})>0,'
                    f'"{SOURCE[lang][0]}","{SOURCE[lang][1]}")',
                    None, SOURCE[lang][0 if given else 1])
    ws.set_column(first, first, 12)
    ws.set_column(first + 1, first + 2, 10)
