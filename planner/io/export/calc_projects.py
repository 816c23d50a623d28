"""The project rows of a calculation sheet: inputs on the right, V_j(y) by year.

Per-row formulas are kept short because a plan may carry thousands of projects:
``V = scale · (r(y − S') − r(y0 − S'))`` with ``r`` an INDEX into the row's ramp
shares (padded with the last share, so the last column means "τ ≥ m − 1").
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from planner.io.export.cells import RowXml, col, col_range, escape_formula, finite, style
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
    investment, production_year = pj.investment.tolist(), pj.production_year.tolist()
    delay, include = pj.delay.tolist(), pj.include.tolist()
    ratio, prob, build = pj.output_ratio.tolist(), pj.probability.tolist(), pj.build_years.tolist()
    eff, scale, r0 = (finite(v.effective_year), finite(v.scale), finite(v.ramp_at_base))
    ramps = v.project_ramps.tolist()
    volume = finite(v.volume[:, shown])
    own_k, own_p = own["output_ratio"], own["probability"]

    # V_j(y) of every shown year, one row template per sheet: only the row number and
    # the cached values change from project to project
    volume_template = "".join(
        f'<c r="{col(yc)}{{n}}"{style(f_amount)}><f>'
        + escape_formula(f"{c_['scale']}{{n}}*(IF({y}<{c_['effective_year']}{{n}},0,"
                         f"INDEX({u0}{{n}}:{um}{{n}},MIN({y}-{c_['effective_year']}{{n}},"
                         f"{m1})+1))-{c_['r0']}{{n}})")
        + f"</f><v>{{{k}}}</v></c>"
        for k, (yc, y) in enumerate(zip(ycols, years)))
    stages = {s: stage_text(s, sheet.lang) for s in set(pj.stage)}

    for i in range(len(pj)):
        r = L.rows["projects"] + i
        n = r + 1
        row = RowXml(ws, r)
        row.string(0, pj.ids[i])
        if pj.names[i]:
            row.string(1, pj.names[i])
        row.number(cols["chain_no"], chain_index[i] + 1, f_int_in)
        row.string(cols["chain"], chain_names[chain_index[i]])
        row.number(cols["investment_in"], investment[i], f_amount_in)
        row.string(cols["stage"], stages[pj.stage[i]], f_text_in)
        row.number(cols["production_year"], production_year[i], f_year_in)
        row.number(cols["delay"], delay[i], f_int_in)
        S, I, p, k = (f"{c_[k]}{n}" for k in ("effective_year", "investment_in",
                                              "probability", "output_ratio"))
        b, inc = f"{c_['build_years']}{n}", f"{c_['include']}{n}"
        # S'' (model.md §6): a project not in production produces after a* at the earliest
        row.formula(cols["effective_year"],
                    f'IF({c_["stage"]}{n}="{production}",{c_["production_year"]}{n},'
                    f'MAX({c_["production_year"]}{n}+{c_["delay"]}{n},{anchor}+1))',
                    f_year, eff[i])
        if own_k[i]:
            row.number(cols["output_ratio"], ratio[i], f_index_in)
        else:
            row.formula(cols["output_ratio"], f"INDEX({chain_k},{c_['chain_no']}{n})",
                        f_index, ratio[i])
        if own_p[i]:
            row.number(cols["probability"], prob[i], f_rate_in)
        else:
            row.formula(cols["probability"], f"INDEX({stage_probs},"
                        f"MATCH({c_['stage']}{n},{stage_names},0))", f_rate, prob[i])
        row.number(cols["include"], int(include[i]), f_int_in)
        row.number(cols["build_years"], build[i], f_int_in)
        for m, u in enumerate(ramps[i]):
            row.number(ramp_col + m, u, f_share_in)
        ramp = f"{u0}{n}:{um}{n}"
        row.formula(cols["scale"], f"{I}*{k}*{p}*{inc}", f_amount, scale[i])
        row.formula(cols["r0"],
                    f"IF({anchor}-{S}<0,0,INDEX({ramp},MIN({anchor}-{S},{m1})+1))",
                    f_share, r0[i])
        if ycols:
            row.xml(ycols[0], ycols[-1], volume_template.format(*volume[i], n=n))
        row.done()
        if (i + 1) % TICK_EVERY == 0:
            tick((i + 1) / len(pj))
