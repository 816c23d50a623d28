"""`qianyi import-projects`: a foreign project list into a planning workbook."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models import DocumentError, ValidationIssue

EXIT_OK, EXIT_INVALID = 0, 2


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import-projects", parents=[common],
        help="append projects from another workbook (a 招商 project list)",
        description="Append the rows of SOURCE's sheet to the Projects of --into and "
                    "write the result to -o. Columns not given with --map are guessed "
                    "from their headers.")
    p.add_argument("source", metavar="SOURCE.xlsx")
    p.add_argument("--sheet", help="sheet name (default: the first sheet)")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=HEADER,...",
                   help="column mapping, e.g. investment=总投资（万元）,stage=项目状态; "
                        "id= leaves a guessed column unmapped")
    p.add_argument("--unit", choices=["万元", "亿元"],
                   help="unit of the investment column (default: from its header, else 亿元)")
    p.add_argument("--stage-map", action="append", default=[], metavar="TEXT=STAGE,...",
                   help="extra status words, e.g. 前期工作=reserve,已完工=production")
    p.add_argument("--chain-map", action="append", default=[], metavar="TEXT=CHAIN,...",
                   help="source chain names to the workbook's, e.g. 光伏=晶硅光伏")
    p.add_argument("--header-row", type=int, metavar="N",
                   help="row of the headers (default: the first row that looks like one)")
    p.add_argument("--id-prefix", default="I", help="prefix of generated ids (default I)")
    p.add_argument("--into", required=True, metavar="WORKBOOK",
                   help="the planning workbook to add the projects to")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    p.add_argument("--lang", choices=["zh", "en"], default="zh",
                   help="language of the written workbook's headers")


def _options(args) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    from planner.io.foreign import parse_pairs
    from planner.io.foreign.mapping import field_key
    mapping, bad = parse_pairs(args.map, "--map", allow_empty=True)
    stages, bad_s = parse_pairs(args.stage_map, "--stage-map")
    chains, bad_c = parse_pairs(args.chain_map, "--chain-map")
    problems = bad + bad_s + bad_c
    fields: dict[str, str] = {}
    for name, header in mapping:
        key = field_key(name)
        if key is None:
            problems.append(f"--map: unknown project field {name!r}")
        else:
            fields[key] = header
    if problems:
        raise DocumentError([ValidationIssue(p) for p in problems])
    return fields, dict(stages), dict(chains)


def cmd_import_projects(args) -> int:
    from planner.io.atomic import WriteError
    from planner.io.export import export_workbook
    from planner.io.foreign import (guess_mapping, import_projects, list_sheets,
                                    read_source)
    from planner.io.reader import read_workbook
    fields, stages, chains = _options(args)
    into = read_workbook(args.into).document
    sheet = args.sheet or next(iter(list_sheets(args.source)), "")
    table = read_source(args.source, sheet, args.header_row)
    mapping = {**guess_mapping(table.headers), **fields}
    result = import_projects(table, table.sheet, mapping, args.unit, stages, into=into,
                             id_prefix=args.id_prefix, chain_map=chains)
    for issue in result.issues:
        print(f"{issue.severity}: {issue}", file=sys.stderr)
    try:  # the input sheets plus results, as `qianyi export` writes them
        export_workbook(result.document, args.output, lang=args.lang)
    except WriteError as exc:
        print(f"{args.output}: cannot write: {exc.reason}", file=sys.stderr)
        return EXIT_INVALID
    used = ", ".join(f"{k}={v}" for k, v in mapping.items() if v)
    print(f"columns: {used}; investment unit {result.unit}")
    print(f"added {len(result.added)} projects from {Path(args.source).name} "
          f"({table.sheet}), total investment {result.total_investment:,.2f} 亿元")
    print(f"wrote {args.output}")
    return EXIT_OK

