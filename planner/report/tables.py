"""The report body after the conclusions: KPI table, charts, targets, progress, projects."""
from __future__ import annotations

from planner import numbers as num
from planner.report.content import Figure, Section, Table, View

STAGE_ORDER = ("reserve", "signed", "started", "construction", "production")


def _pp(v: View, x: float | None) -> str:
    return num.DASH if num.missing(x) else v.words("pp_unit", x=num.signed_points(x))


def kpi_table(v: View) -> Table:
    w, s, p = v.words, v.s, v.progress
    rows: list[list[str]] = []
    if p and p.get("months"):
        months = w.months(int(p["months"]))
        year = p["year"]
        rows.append([w("k_ytd", year=year, months=months, months_en=months),
                     v.yi(p["ytd"]["total"])])
        target = (p.get("target") or {}).get("total")
        if target:
            rows.append([w("k_year_target", year=year), v.yi(target)])
            rows.append([w("k_completion"), f"{num.percent(p['completion']['total'])} / "
                                            f"{num.percent(p['time_progress'])}"])
            rows.append([w("k_ahead"), _pp(v, p["ahead_pp"]["total"])])
            if p.get("ahead_seasonal_pp"):
                rows.append([w("k_ahead_seasonal"), _pp(v, p["ahead_seasonal_pp"]["total"])])
        rows.append([w("k_estimate", year=year), v.yi(p["estimate"]["total"])])
    n = v.target_year
    rows.append([w("k_value_n", year=n, scenario=s["name"]), v.yi(s["value_at_target_year"])])
    rows.append([w("k_target", year=n), v.target_text()])
    gap = s["gap_at_target_year"]
    if not num.missing(gap):
        rows.append([w("k_gap" if gap > 0 else "k_surplus", year=n), v.yi(abs(gap))])
    required, implied = s["required_cagr_from_anchor"], s["implied_cagr_from_anchor"]
    start = v.anchor_year
    if not num.missing(required):
        rows.append([w("k_required", year=start), num.percent(required)])
    if not num.missing(implied):
        rows.append([w("k_implied", year=start), num.percent(implied)])
    mc = v.inputs.montecarlo
    rows.append([w("k_prob", draws=f"{mc['draws']:,}"), num.percent(mc["prob_target"])])
    reached = s["target_year"]
    rows.append([w("k_reached"), str(reached) if reached is not None
                 else w("k_not_reached", year=v.years[-1])])
    return Table(w("h_kpis"), [w("k_metric"), w("k_value")], rows, [False, True])


def figures(v: View) -> list[Figure]:
    w, s = v.words, v.s
    out = [Figure("path", w("f_path", target=v.target_text()),
                  w("cap_path", scenario=s["name"])),
           Figure("chains", w("f_chains", scenario=s["name"]),
                  w("cap_chains") if v.anchor_year > v.years[0] else "")]
    p = v.progress
    if p and p.get("months") and p.get("completion"):
        out.append(Figure("progress", w("f_progress", year=p["year"]),
                          w("cap_progress") if p.get("ahead_seasonal_pp") else ""))
    a = s["attribution"]
    if a:
        out.append(Figure("waterfall", w("f_waterfall", end=a["to_year"], start=a["from_year"],
                                         scenario=s["name"]),
                          w("cap_waterfall", start=a["from_year"], end=a["to_year"],
                            start_value=v.yi(a["start"]), end_value=v.yi(a["end"]))))
    out.append(Figure("tornado", w("f_tornado", year=v.target_year, scenario=s["name"]),
                      w("cap_tornado", year=v.target_year)))
    out.append(Figure("fan", w("f_fan", scenario=s["name"]), w("cap_fan")))
    return out


def _target_col(t: dict, year: int) -> int | None:
    years = [int(y) for y in t["years"]]
    return years.index(year) if year in years else None


def target_tables(v: View) -> list[Table]:
    """Chains' targets this year and in the target year, beside estimate and projection."""
    w, t, s = v.words, v.targets, v.s
    if not t or not t.get("years"):
        return []
    i_n = _target_col(t, v.target_year)
    if i_n is None:
        return []
    method = w("method_even" if t["method"] == "even" else "method_scenario")
    this_year = int(t["current_year"])
    i_now = _target_col(t, this_year)
    both = i_now is not None and i_now != i_n
    p = v.progress if v.progress and int(v.progress.get("year", -1)) == this_year else None
    col_n = v.years.index(v.target_year)
    chains = list(t["chains"])
    unallocated = t.get("unallocated") or []

    def target(i: int, c: str | None) -> str:
        if c is None:
            return num.number(t["total"][i])
        if c == "":
            return num.number(unallocated[i])
        locked = bool(t["locked"][c][i])
        return num.number(t["chains"][c][i]) + (w("col_locked") if locked else "")

    def forecast(c: str | None) -> float:
        return s["value_at_target_year"] if c is None else s["chains"][c]["total"][col_n]

    columns = []   # (header, cell(chain | None = total | "" = unallocated))
    if both:
        columns.append((w("col_target_y", year=this_year), lambda c: target(i_now, c)))
        if p:
            columns.append((w("col_estimate_y", year=this_year), lambda c: "" if c == "" else
                            num.number(p["estimate"]["total"] if c is None
                                       else p["estimate"]["chains"].get(c))))
    columns += [(w("col_target_y", year=v.target_year), lambda c: target(i_n, c)),
                (w("col_forecast_y", year=v.target_year),
                 lambda c: "" if c == "" else num.number(forecast(c))),
                (w("col_diff"), lambda c: "" if c == "" else num.signed(
                    forecast(c) - (t["total"][i_n] if c is None else t["chains"][c][i_n])))]
    keys: list[str | None] = list(chains)
    if any(abs(u) > 1e-9 for u in unallocated):
        keys.append("")
    keys.append(None)
    rows = [[w("col_total") if k is None else w("unallocated") if k == "" else k]
            + [cell(k) for _, cell in columns] for k in keys]
    header = [w("col_chain")] + [h for h, _ in columns]
    title = (w("t_targets", year=this_year, year_n=v.target_year, method=method,
               reference=t["reference_scenario"]) if both
             else w("t_targets_n", year_n=v.target_year, method=method,
                    reference=t["reference_scenario"]))
    tables = [Table(title, header, rows, [False] + [True] * (len(header) - 1), bold_last=True)]
    q = t.get("quarters")
    if q:
        qh = [w("col_chain")] + [w("col_q", q=z, n=k + 1) for k, z in enumerate("一二三四")] \
            + [w("col_year")]
        qrows = [[c] + [num.number(x) for x in q["chains"][c]] + [num.number(sum(q["chains"][c]))]
                 for c in chains]
        qrows.append([w("col_total")] + [num.number(x) for x in q["total"]]
                     + [num.number(sum(q["total"]))])
        tables.append(Table(w("t_quarters", year=this_year), qh, qrows,
                            [False] + [True] * 5, bold_last=True))
    return tables


def progress_table(v: View) -> list[Table]:
    w, p = v.words, v.progress
    if not p or not p.get("months"):
        return []
    months = w.months(int(p["months"]))
    has_target = bool(p.get("target"))
    header = [w("col_chain"), w("col_ytd")]
    if has_target:
        header += [w("col_target"), w("col_completion"), w("col_ahead"), w("col_expected"),
                   w("col_ahead_seasonal")]
    header.append(w("col_estimate"))

    def row(name: str, get) -> list[str]:
        cells = [name, num.number(get("ytd"))]
        if has_target:
            cells += [num.number(get("target")), num.percent(get("completion")),
                      num.signed_points(get("ahead_pp")), num.number(get("expected_ytd")),
                      num.signed_points(get("ahead_seasonal_pp"))]
        return cells + [num.number(get("estimate"))]

    def field(key: str, chain: str | None):
        block = p.get(key)
        if not block:
            return None
        return block["total"] if chain is None else block["chains"].get(chain)

    rows = [row(c, lambda k, c=c: field(k, c)) for c in p["ytd"]["chains"]]
    rows.append(row(w("col_total"), lambda k: field(k, None)))
    return [Table(w("t_progress", year=p["year"], months=months, months_en=months), header,
                  rows, [False] + [True] * (len(header) - 1), bold_last=True)]


def _project_rows(projects: list[dict], year_key: str, w) -> list[list[str]]:
    return [[p["id"], p["name"], p["chain"], num.number(p["investment"]), w.stage(p["stage"]),
             str(p[year_key])] for p in projects]


def pipeline_blocks(v: View) -> list[str | Table]:
    w = v.words
    projects = [p for p in v.inputs.projects if p["include"]]
    if not v.inputs.projects:
        return []
    rows = []
    for key in STAGE_ORDER:
        members = [p for p in projects if p["stage"] == key]
        rows.append([w.stage(key), str(len(members)),
                     num.number(sum(p["investment"] for p in members)),
                     num.percent(v.inputs.stage_probability.get(key), 0)])
    rows.append([w("col_total"), str(len(projects)),
                 num.number(sum(p["investment"] for p in projects)), ""])
    out: list[str | Table] = [
        w("pipeline_text", count=len(projects), scenario=v.s["name"],
          investment=v.yi(sum(p["investment"] for p in projects))),
        Table(w("t_stages"), [w("col_stage"), w("col_count"), w("col_investment"),
                              w("col_probability")], rows, [False, True, True, True],
              bold_last=True)]
    year = int(v.progress["year"]) if v.progress else v.actual_year + 1
    header = [w("col_id"), w("col_name"), w("col_chain"), w("col_investment"), w("col_stage")]
    numeric = [False, False, False, True, False, True]
    starts = [p for p in projects if p["start_year"] == year and p["stage"] != "production"]
    due = [p for p in projects if p["production_year"] == year]
    for title, members, key, col in (("t_starts", starts, "start_year", "col_start_year"),
                                     ("t_production", due, "production_year",
                                      "col_production_year")):
        if members:
            out.append(Table(w(title, year=year), header + [w(col)],
                             _project_rows(members, key, w), numeric))
        else:
            out += [w(title, year=year) + ("：" if w.zh else ": ") + w("none_listed")]
    return out


def slipped_blocks(v: View) -> list[str | Table]:
    w = v.words
    ids = v.s["slipped_projects"]
    if not ids:
        return []
    by_id = {p["id"]: p for p in v.inputs.projects}
    members = [by_id[i] for i in ids if i in by_id]
    header = [w("col_id"), w("col_name"), w("col_chain"), w("col_investment"), w("col_stage"),
              w("col_due")]
    return [w("slipped_text", year=v.anchor_year + 1),
            Table(w("t_slipped"), header, _project_rows(members, "production_year", w),
                  [False, False, False, True, False, True])]


def body_sections(v: View) -> list[Section]:
    """Sections 二… in the issue's order; a section without data is left out."""
    w = v.words
    candidates = [("h_kpis", [kpi_table(v)]), ("h_charts", figures(v)),
                  ("h_targets", target_tables(v)), ("h_progress", progress_table(v)),
                  ("h_pipeline", pipeline_blocks(v)), ("h_slipped", slipped_blocks(v))]
    out, n = [], 2
    for key, blocks in candidates:
        if blocks:
            out.append(Section(w.heading(n, w(key)), blocks))
            n += 1
    return out
