"""The project rows of a calculation sheet: inputs on the right, V_j(y) by year.

Per-row formulas are kept short because a plan may carry thousands of projects:
``V = scale · (r(y − S') − r(y0 − S'))`` with ``r`` an INDEX into the row's ramp
shares (padded with the last share, so the last column means "τ ≥ m − 1").
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from planner.io.export.cells import RowTemplate, col, col_range, finite
from planner.io.export.layout import CH_K, HEADER_ROW, PROJECT_FIELDS

if TYPE_CHECKING:
    from planner.io.export.calc_sheet import CalcSheet

TICK_EVERY = 250  # projects between progress reports


def write_projects(sheet: "CalcSheet", own: dict[str, list[bool]],
                   tick: Callable[[float], None]) -> None:
    from planner.io.export.calc_sheet import stage_text

    ws, L, fm, x, v, t = sheet.ws, sheet.layout, sheet.fm, sheet.inputs, sheet.values, sheet.t
    pj = x.projects
    m1 = v.width - 1
    sheet.section("projects", "projects")
    head = L.rows["projects_header"]
    ws.write_string(head, 0, t("id"), fm.header)
    ws.write_string(head, 1, t("name"), fm.header)
    sheet.year_header(head)
    sheet.header(head, L.param_col, [t(k) for k in PROJECT_FIELDS])
    sheet.header(head, L.pcol("ramp"), [f"{t('ramp')}{i + 1}" for i in range(v.width)])
    sheet.header(head, L.pcol("scale"),
                 [t(k) for k in ("scale", "r0")])

    c_ = {k: "$" + col(L.pcol(k)) for k in (*PROJECT_FIELDS, "scale", "r0")}
    u0, um = "$" + col(L.pcol("ramp")), "$" + col(L.pcol("ramp") + m1)
    anchor = L.key_year_cell("anchor_year")        # a*: S'' and r(a* − S'') use it
    chain_k = col_range(CH_K, *L.chain_range_rows("chains"))
    stage_probs = col_range(1, L.stage_row("reserve"), L.stage_row("production"))
    stage_names = col_range(0, L.stage_row("reserve"), L.stage_row("production"))
    production = stage_text("production", sheet.lang)
    shown = [j for j in range(len(x.years)) if sheet.k == 0 or j > sheet.k]
    years = [f"{col(L.year_col(j))}${HEADER_ROW + 1}" for j in shown]
    ycols = [L.year_col(j) for j in shown]

    f_amount, f_amount_in = fm.fmt("amount"), fm.fmt("amount", True)
    f_year, f_year_in = fm.fmt("year"), fm.fmt("year", True)
    f_int_in, f_share_in = fm.fmt("int", True), fm.fmt("share", True)
    f_index, f_index_in = fm.fmt("index"), fm.fmt("index", True)
    f_rate, f_rate_in = fm.fmt("rate"), fm.fmt("rate", True)
    f_share, f_text_in = fm.fmt("share"), fm.fmt("text", True)
    cols = {k: L.pcol(k) for k in c_}
    ramp_col = L.pcol("ramp")

    chain_names = x.chains
    chain_index = pj.chain_index.tolist()
    investment, production_year = finite(pj.investment), finite(pj.production_year)
    delay, include = finite(pj.delay), [int(b) for b in pj.include.tolist()]
    ratio, prob = finite(pj.output_ratio), finite(pj.probability)
    build = finite(pj.build_years)
    eff, scale, r0 = (finite(v.effective_year), finite(v.scale), finite(v.ramp_at_base))
    ramps = finite(v.project_ramps)
    volume = finite(v.volume[:, shown])
    own_k, own_p = own["output_ratio"], own["probability"]
    stages = {s: stage_text(s, sheet.lang) for s in set(pj.stage)}

    def template(own_ratio: bool, own_probability: bool, named: bool) -> RowTemplate:
        """The cells of a project row, in the order ``values`` below lists them."""
        row = RowTemplate()
        row.string(0)
        if named:
            row.string(1)
        row.number(cols["chain_no"], f_int_in)
        row.string(cols["chain"])
        row.number(cols["investment_in"], f_amount_in)
        row.string(cols["stage"], f_text_in)
        row.number(cols["production_year"], f_year_in)
        row.number(cols["delay"], f_int_in)
        # S'' (model.md §6): a project not in production produces after a* at the earliest
        row.formula(cols["effective_year"],
                    f'IF({c_["stage"]}{{n}}="{production}",{c_["production_year"]}{{n}},'
                    f'MAX({c_["production_year"]}{{n}}+{c_["delay"]}{{n}},{anchor}+1))',
                    f_year)
        if own_ratio:
            row.number(cols["output_ratio"], f_index_in)
        else:
            row.formula(cols["output_ratio"], f"INDEX({chain_k},{c_['chain_no']}{{n}})",
                        f_index)
        if own_probability:
            row.number(cols["probability"], f_rate_in)
        else:
            row.formula(cols["probability"], f"INDEX({stage_probs},"
                        f"MATCH({c_['stage']}{{n}},{stage_names},0))", f_rate)
        row.number(cols["include"], f_int_in)
        row.number(cols["build_years"], f_int_in)
        for m in range(v.width):
            row.number(ramp_col + m, f_share_in)
        S, I, p, k = (f"{c_[key]}{{n}}" for key in ("effective_year", "investment_in",
                                                  "probability", "output_ratio"))
        inc, ramp = f"{c_['include']}{{n}}", f"{u0}{{n}}:{um}{{n}}"
        row.formula(cols["scale"], f"{I}*{k}*{p}*{inc}", f_amount)
        row.formula(cols["r0"],
                    f"IF({anchor}-{S}<0,0,INDEX({ramp},MIN({anchor}-{S},{m1})+1))", f_share)
        # V_j(y) = scale · (r(y − S'') − r(a* − S'')), r an INDEX into the padded ramp
        for yc, y in zip(ycols, years):
            row.formula(yc, f"{c_['scale']}{{n}}*(IF({y}<{S},0,"
                            f"INDEX({ramp},MIN({y}-{S},{m1})+1))-{c_['r0']}{{n}})", f_amount)
        return row

    templates: dict[tuple[bool, bool, bool], RowTemplate] = {}
    first_row = L.rows["projects"]
    for i in range(len(pj)):
        key = (bool(own_k[i]), bool(own_p[i]), bool(pj.names[i]))
        row = templates.get(key)
        if row is None:
            row = templates[key] = template(*key)
        c = chain_index[i]
        values = [pj.ids[i], pj.names[i]] if key[2] else [pj.ids[i]]
        values += (c + 1, chain_names[c], investment[i], stages[pj.stage[i]],
                   production_year[i], delay[i], eff[i], ratio[i], prob[i], include[i],
                   build[i], *ramps[i], scale[i], r0[i], *volume[i])
        row.put(ws, first_row + i, values)
        if (i + 1) % TICK_EVERY == 0:
            tick((i + 1) / len(pj))
