"""export_workbook: input sheets + Summary + one calculation sheet per scenario."""
from __future__ import annotations

import gc
import os
import threading
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Sequence

import xlsxwriter.workbook

from models import Document, DocumentError, ValidationIssue, labels
from planner.model.evaluate import evaluate
from planner.io.atomic import atomic_write
from planner.io.export.calc_sheet import CalcSheet
from planner.io.export.cells import FastSheet
from planner.io.export.charts import calc_chart, summary_charts
from planner.io.export.formats import Formats
from planner.io.export.naming import sheet_name
from planner.io.export.layout import HEADER_ROW
from planner.io.export.page_setup import setup_input_page, setup_page
from planner.io.export.report_sheets import (REPORT_SHEETS, report_sheet_keys,
                                             write_report_sheets)
from planner.io.export.stage_table import write_stage_table
from planner.io.export.summary import write_summary
from planner.io.export.texts import text
from planner.io.export.values import (calc_values, check_against, own_values,
                                     reforecast_inputs)
from planner.io.input_sheets import LANGS, write_input_sheets
from planner.io.template import new_workbook
from planner.analysis.montecarlo import MonteCarloResult
from planner.analysis.progress import Cancelled, Progress
from planner.analysis.sensitivity import Sensitivity
from planner.io.export.analysis_sheets import write_montecarlo, write_sensitivity

__all__ = ["export_workbook", "Cancelled", "is_result_sheet", "result_sheet_names",
           "calc_sheet_names"]

# Shares of the work, for progress: projection, input sheets, calc sheets, summary, saving.
_SPLIT = (0.03, 0.07, 0.25, 0.01, 0.64)
CALC_ROWS_PER_PAGE = 140     # printed rows a page of a calculation sheet holds at most


def export_workbook(doc: Document, path: str | os.PathLike, scenarios: Sequence[str] | None = None,
                    lang: str = "zh", progress: Progress | None = None,
                    sensitivity: Sensitivity | None = None,
                    montecarlo: MonteCarloResult | None = None) -> Path:
    """Write ``doc`` with its results as live formulas to ``path`` (atomically).

    ``sensitivity`` and ``montecarlo`` (the last analysis results, if any) add a sheet
    each with their table, parameters and native charts.

    ``progress(fraction)`` is called now and then; returning False cancels: Cancelled is
    raised and no file is left behind. Raises DocumentError when a scenario cannot be
    resolved and planner.io.atomic.WriteError when the file cannot be written.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    names = list(scenarios) if scenarios else doc.scenario_names
    unknown = [n for n in names if n not in doc.scenario_names]
    if unknown:
        raise DocumentError([ValidationIssue(f"unknown scenario {n!r}") for n in unknown])
    report = _reporter(progress)
    report(0.0)
    evaluation = evaluate(doc, names)
    resolved = {n: reforecast_inputs(evaluation, n) for n in names}
    results = [evaluation.results[n] for n in names]
    report(_SPLIT[0])

    def write(tmp: Path) -> None:
        wb = new_workbook(tmp, title=doc.settings.park_name)
        # Parts are assembled in memory rather than in about a hundred temporary files:
        # creating and removing those costs more than writing a small workbook.
        wb.in_memory = True
        try:
            _fill(wb, evaluation, names, resolved, results, lang, report)
            _analyses(wb, lang, sensitivity, montecarlo)
        except BaseException:
            wb.fileclosed = True  # never write a half-built workbook on the way out
            raise
        with _fast_deflate():
            wb.close()

    # Hundreds of thousands of small cell tuples, none of them cyclic: the cyclic
    # collector would only rescan them again and again (about 10% of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        out = atomic_write(path, write)
    finally:
        if collecting:
            gc.enable()
    report(1.0)
    return out


def _fill(wb, evaluation, names, resolved, results, lang, report) -> None:
    doc, history = evaluation.document, evaluation.history
    fm = Formats(wb, lang)
    taken = {labels.sheet_label(k, lang).casefold() for k in labels.SHEETS}
    summary_name = sheet_name("", text("summary_sheet", lang), taken)
    # the Summary comes first (and opens selected); the input sheets follow it
    summary_ws = wb.add_worksheet(summary_name, worksheet_class=FastSheet)
    # then the report sheets a reader looks at next (filled once the sheets they link
    # to exist)
    report_ws = {key: (sheet_name("", text(key, lang), taken), None)
                 for key in report_sheet_keys(evaluation)}
    report_ws = {key: (n, wb.add_worksheet(n, worksheet_class=FastSheet))
                 for key, (n, _) in report_ws.items()}
    refs = write_input_sheets(wb, doc, lang)
    settings_ref = refs["settings"]
    write_stage_table(refs["stages"], doc, fm, lang)
    for ref in refs.values():
        setup_input_page(ref.sheet, lang)
    done = sum(_SPLIT[:2])
    report(done)
    calc_names = [sheet_name(text("calc_prefix", lang), n, taken) for n in names]
    calc = []
    share = _SPLIT[2] / len(names)
    for i, (name, result) in enumerate(zip(names, results)):
        inputs = resolved[name]
        values = calc_values(inputs, history, result)
        check_against(values, result, inputs)
        own = {f: own_values(doc, name, inputs.projects.ids, f)
               for f in ("output_ratio", "probability")}
        ws = wb.add_worksheet(calc_names[i], worksheet_class=FastSheet)
        start = done + i * share
        sheet = CalcSheet(ws, fm, lang, inputs, result, values, history, doc, refs)
        layout = sheet.write(own, lambda f, s=start: report(s + f * share))
        calc_chart(wb, ws, calc_names[i], layout, inputs.chains, lang)
        setup_page(ws, lang, last_row=layout.last_row, last_col=layout.last_col,
                   title_rows=(HEADER_ROW, HEADER_ROW), title_cols=(0, 1),
                   tall=-(-layout.last_row // CALC_ROWS_PER_PAGE))
        calc.append((calc_names[i], layout))
        report(start + share)
    write_report_sheets(wb, fm, lang, evaluation, names, report_ws, refs, calc)
    lay = write_summary(summary_ws, fm, lang, results, calc, settings_ref)
    gaps = [r.gap_at_target_year if r.gap_at_target_year is not None else 0.0
            for r in results]
    last = summary_charts(wb, summary_ws, summary_name, lay, lang, gaps, lay.width_px)
    setup_page(summary_ws, lang, last_row=last, last_col=lay.last_col,
               title_rows=(0, 0), title_cols=(0, 0))
    summary_ws.activate()
    summary_ws.set_first_sheet()
    report(sum(_SPLIT[:4]))


def _analyses(wb, lang: str, sensitivity: Sensitivity | None,
              montecarlo: MonteCarloResult | None) -> None:
    fm = Formats(wb, lang)
    taken = {ws.get_name().casefold() for ws in wb.worksheets()}
    if sensitivity is not None:
        write_sensitivity(wb, sheet_name("", text("sensitivity_sheet", lang), taken),
                          sensitivity, lang, fm)
    if montecarlo is not None:
        write_montecarlo(wb, sheet_name("", text("montecarlo_sheet", lang), taken),
                         montecarlo, lang, fm)


_ZIP_LOCK = threading.Lock()


class _FastZip(zipfile.ZipFile):
    """A ZipFile that deflates at level 1, also for members given as a ZipInfo (which
    XlsxWriter's in-memory mode passes and which would otherwise get zlib's default)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("compresslevel", 1)
        super().__init__(*args, **kwargs)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        return super().writestr(zinfo_or_arcname, data, compress_type,
                                self.compresslevel if compresslevel is None else compresslevel)


@contextmanager
def _fast_deflate():
    """Deflate at level 1 while XlsxWriter zips the workbook.

    A 2,000-project export holds some 25 MB of sheet XML; zlib's default level spends
    about 0.4 s more on it for a file only a quarter smaller. XlsxWriter takes no
    compression option, so its module's ZipFile is swapped for the duration (the
    XlsxWriter version is pinned; see tests/test_export_cells.py).
    """
    with _ZIP_LOCK:
        original = xlsxwriter.workbook.ZipFile
        xlsxwriter.workbook.ZipFile = _FastZip
        try:
            yield
        finally:
            xlsxwriter.workbook.ZipFile = original


def _reporter(progress: Progress | None) -> Callable[[float], None]:
    def report(fraction: float) -> None:
        if progress is not None and progress(min(max(fraction, 0.0), 1.0)) is False:
            raise Cancelled()
    return report


RESULT_SHEETS = ("summary_sheet", *REPORT_SHEETS, "sensitivity_sheet", "montecarlo_sheet")


def is_result_sheet(name: str) -> bool:
    """Whether a sheet name is one that export_workbook writes (Summary, report,
    calculation and analysis sheets, either language), so a reader can pass over it
    without a note."""
    folded = name.strip().casefold()
    return any(folded in {text(key, lang).casefold() for key in RESULT_SHEETS}
               or folded.startswith(text("calc_prefix", lang).casefold()) for lang in LANGS)


def result_sheet_names(doc: Document, scenarios: Sequence[str] | None = None,
                       lang: str = "zh") -> list[str]:
    """The names export_workbook gives the Summary, the report sheets that apply to
    ``doc`` and the calculation sheets, in workbook order (input sheets left out)."""
    names = list(scenarios) if scenarios else doc.scenario_names
    taken = {labels.sheet_label(k, lang).casefold() for k in labels.SHEETS}
    keys = report_sheet_keys(evaluate(doc, names))
    return [sheet_name("", text("summary_sheet", lang), taken),
            *(sheet_name("", text(key, lang), taken) for key in keys),
            *(sheet_name(text("calc_prefix", lang), n, taken) for n in names)]


def calc_sheet_names(doc: Document, scenarios: Sequence[str] | None = None,
                     lang: str = "zh") -> list[str]:
    """The calculation sheets' names, one per scenario, in order."""
    names = list(scenarios) if scenarios else doc.scenario_names
    return result_sheet_names(doc, names, lang)[-len(names):]
