"""The `qianyi` command line."""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

from models import DocumentError, ValidationIssue
from planner.io.atomic import WriteError

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
MAX_LISTED = 50  # problems and notices printed; the rest are counted


class UsageError(Exception):
    """A bad argument that the user can fix (exit 2)."""


def _load(path: str):
    """Read a workbook; its notices (unknown names, unit conversions) go to stderr."""
    from planner.io.reader import read_workbook
    read = read_workbook(path)
    print_capped([f"note: {i}" for i in read.notes])
    return read


def print_capped(lines: list[str], limit: int = MAX_LISTED) -> None:
    """Lines on stderr, the first ``limit`` of them and a count of the rest."""
    for line in lines[:limit]:
        print(line, file=sys.stderr)
    if len(lines) > limit:
        print(f"…and {len(lines) - limit:,} more", file=sys.stderr)


def _pick_scenarios(doc, names: list[str] | None, file: str) -> list[str]:
    if not names:
        return doc.scenario_names
    names = [n.strip() for n in names]
    unknown = [n for n in names if n not in doc.scenario_names]
    if unknown:
        raise DocumentError([ValidationIssue(
            f"unknown scenario {n!r}; the workbook has {', '.join(doc.scenario_names)}")
            for n in unknown])
    return names


def _warnings(read) -> list[str]:
    return [str(i) for i in read.issues if i.severity == "warning"]


def cmd_run(args) -> int:
    from planner.model.evaluate import evaluate
    from planner.output import run_dict, run_text
    read = _load(args.workbook)
    doc = read.document
    names = _pick_scenarios(doc, args.scenario, args.workbook)
    from planner.output import require_finite
    evaluation = evaluate(doc, names)
    warnings = _warnings(read)
    data = run_dict(evaluation, warnings)
    require_finite(data)
    if args.json:   # one write: json.dump writes each token (a system call when unbuffered)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
                         + "\n")
    else:
        print_capped([f"warning: {w}" for w in warnings]
                     + [f"notice: {n}" for n in evaluation.notices])
        sys.stdout.write(run_text(evaluation))
    return EXIT_OK


def _xlsx_output(path: str) -> None:
    if not path.lower().endswith(".xlsx"):
        raise UsageError(f"{path}: the output is an .xlsx workbook; give a name ending "
                         "in .xlsx")


def cmd_template(args) -> int:
    _xlsx_output(args.output)
    from planner.io.template import write_template
    write_template(args.output, lang=args.lang)
    print(f"wrote {args.output}")
    return EXIT_OK


def cmd_gui(args) -> int:
    # imported at run time: planner/ must not depend on PySide6 or ui/
    app = importlib.import_module("ui.app")
    return app.run(args.workbook, args.lang, args.screenshot, tab=args.tab, size=args.size)


def window_size(text: str) -> tuple[int, int]:
    """'1366x768' -> (1366, 768), for ``qianyi gui --size``."""
    width, sep, height = text.lower().replace("×", "x").partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit():
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1366x768 "
                                         f"(found {text!r})")
    w, h = int(width), int(height)
    if not (320 <= w <= 10000 and 240 <= h <= 10000):
        raise argparse.ArgumentTypeError(f"window size {w}x{h} is out of range "
                                         "(320x240 to 10000x10000)")
    return w, h


def add_gui_arguments(gui: argparse.ArgumentParser) -> None:
    """The ``qianyi gui`` options (shared with ``python -m ui.app``)."""
    gui.add_argument("workbook", nargs="?", help="workbook to open (default: the sample)")
    gui.add_argument("--lang", choices=["zh", "en"],
                     help="interface language (default: the last one used, else zh)")
    gui.add_argument("--screenshot", metavar="FILE.png",
                     help="render the window to a PNG and exit")
    gui.add_argument("--tab", metavar="NAME",
                     help="show this tab (overview, chains, growth, prices, projects, "
                          "pipeline, stages, settings, overrides, goalseek, sensitivity, "
                          "montecarlo, compare, …)")
    gui.add_argument("--size", metavar="WxH", type=window_size,
                     help="window size, e.g. 1366x768")


def _analysis(name: str) -> Callable:
    def handler(args) -> int:
        from planner.analysis.commands import HANDLERS
        return HANDLERS[name](args, _load)
    return handler


def cmd_export(args) -> int:
    from planner.io.export import export_workbook
    from planner.model.evaluate import evaluate
    from planner.output import run_dict, require_finite
    _xlsx_output(args.output)
    read = _load(args.workbook)
    names = _pick_scenarios(read.document, args.scenario, args.workbook)
    print_capped([f"warning: {w}" for w in _warnings(read)])
    require_finite(run_dict(evaluate(read.document, names), []))
    extra = _export_analyses(read.document, names[0], args)
    export_workbook(read.document, args.output, names, lang=args.lang, **extra)
    print(f"wrote {args.output}")
    return EXIT_OK


def _export_analyses(doc, scenario: str, args) -> dict:
    """Sensitivity / Monte Carlo sheets asked for on the command line (first scenario)."""
    extra: dict = {}
    if args.sensitivity:
        from planner.analysis.sensitivity import sensitivity
        extra["sensitivity"] = sensitivity(doc, scenario)
    if args.montecarlo:
        from planner.analysis.montecarlo import MonteCarloParams, run_montecarlo
        params = MonteCarloParams.from_settings(doc)
        problems = params.problems()
        if problems:
            raise DocumentError([ValidationIssue(f"Settings: {p}") for p in problems])
        extra["montecarlo"] = run_montecarlo(doc, scenario, params)
    return extra


def cmd_report(args) -> int:
    from planner.report.command import cmd_report as handler
    return handler(args, _load)


def cmd_import_projects(args) -> int:
    from planner.import_command import cmd_import_projects as handler
    return handler(args)


COMMANDS: dict[str, Callable] = {"run": cmd_run, "template": cmd_template,
                                 "import-projects": cmd_import_projects,
                                 "export": cmd_export, "report": cmd_report,
                                 **{n: _analysis(n) for n in
                                    ("goalseek", "sensitivity", "montecarlo")}}
COMMANDS["gui"] = cmd_gui


def _tables(name: str) -> Callable:
    def handler(args) -> int:
        from planner.tables_command import HANDLERS
        return HANDLERS[name](args, _load, _warnings)
    return handler


COMMANDS.update({n: _tables(n) for n in ("progress", "targets")})


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="qianyi", description="千亿 Scenario Planner")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show tracebacks")

    run = sub.add_parser("run", parents=[common], help="project a workbook's scenarios")
    run.add_argument("workbook")
    run.add_argument("--scenario", action="append", help="scenario name (repeatable)")
    run.add_argument("--json", action="store_true", help="machine-readable output")

    tpl = sub.add_parser("template", parents=[common], help="write an empty input workbook")
    tpl.add_argument("-o", "--output", required=True)
    tpl.add_argument("--lang", choices=["zh", "en"], default="zh")

    exp = sub.add_parser("export", parents=[common],
                         help="write a workbook with results as live formulas and charts")
    exp.add_argument("workbook")
    exp.add_argument("-o", "--output", required=True)
    exp.add_argument("--scenario", action="append", help="scenario name (repeatable)")
    exp.add_argument("--lang", choices=["zh", "en"], default="zh")
    exp.add_argument("--sensitivity", action="store_true",
                     help="add a sensitivity (tornado) sheet for the first scenario")
    exp.add_argument("--montecarlo", action="store_true",
                     help="add a Monte Carlo sheet (Settings' parameters) for the first scenario")

    gui = sub.add_parser("gui", parents=[common], help="open the desktop app")
    add_gui_arguments(gui)

    from planner.analysis.commands import add_parsers
    add_parsers(sub, common)
    from planner.tables_command import add_parsers as add_table_parsers
    add_table_parsers(sub, common)
    from planner.report.command import add_parser as add_report_parser
    add_report_parser(sub, common)
    from planner.import_command import add_parser as add_import_parser
    add_import_parser(sub, common)
    return p


def _report_invalid(exc: DocumentError, file: str | None) -> None:
    lines = []
    for issue in exc.issues:
        if file and not issue.location.file:
            issue = issue.with_file(file)
        lines.append(str(issue))
    print_capped(lines)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = COMMANDS[args.command]
    file = getattr(args, "workbook", None)
    try:
        return handler(args)
    except DocumentError as exc:
        _report_invalid(exc, file)
        return EXIT_INVALID
    except UsageError as exc:
        print(f"qianyi: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except WriteError as exc:
        print(f"{exc.path}: cannot write: {exc.reason}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        print("qianyi: not enough memory for this request; ask for less (fewer draws, "
              "a smaller workbook)", file=sys.stderr)
        return EXIT_INVALID
    except Exception as exc:  # the last resort: never a traceback without --debug
        if args.debug:
            raise
        print(f"qianyi: unexpected error: {exc}", file=sys.stderr)
        print("qianyi: run again with --debug for details", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
