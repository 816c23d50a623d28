"""核心结论: 3–6 generated sentences, each carrying numbers from the run JSON."""
from __future__ import annotations

from planner import numbers as num
from planner.report.content import View


def _side(w, x: float) -> str:
    return w("above") if x > 0 else w("below") if x < 0 else w("same")


def progress_sentences(v: View) -> list[str]:
    """This year's YTD against target and time progress; the seasonal view and the estimate."""
    w, p = v.words, v.progress
    if not p or not p.get("months"):
        return []
    m, year = int(p["months"]), int(p["year"])
    months = w.months(m)
    ytd = v.yi(p["ytd"]["total"])
    target = (p.get("target") or {}).get("total")
    ahead = (p.get("ahead_pp") or {}).get("total")
    out = []
    if target and not num.missing(ahead):
        out.append(w("c_ytd_target", year=year, months=months, months_en=months,
                     metric=v.metric, ytd=ytd, target=v.yi(target),
                     completion=num.percent(p["completion"]["total"]),
                     side=_side(w, ahead), time=num.percent(p["time_progress"]),
                     pp=num.points(ahead)))
    else:
        out.append(w("c_ytd", year=year, months=months, months_en=months, metric=v.metric,
                     ytd=ytd))
    estimate = v.yi(p["estimate"]["total"])
    seasonal = (p.get("ahead_seasonal_pp") or {}).get("total")
    expected = (p.get("expected_ytd") or {}).get("total")
    if not num.missing(seasonal) and not num.missing(expected):
        out.append(w("c_estimate_seasonal", m=m, expected=v.yi(expected),
                     side=_side(w, seasonal), pp=num.points(seasonal), estimate=estimate))
    else:
        out.append(w("c_estimate", estimate=estimate))
    return out


def actual_sentence(v: View) -> list[str]:
    """Without monthly data: the last complete year's actual against the plan path."""
    w, s = v.words, v.s
    dev = s["deviation"]
    if v.progress or not dev or not dev.get("years"):
        return []
    year = int(dev["years"][-1])
    d, ratio = dev["total"][-1], dev["ratio"][-1]
    if num.missing(d):
        return []
    return [w("c_actual", year=year, metric=v.metric, actual=v.yi(v.total_at(s, year)),
              side=w("higher") if d > 0 else w("lower"), dev=v.yi(abs(d)),
              ratio=num.percent(abs(ratio)) if not num.missing(ratio) else num.DASH)]


def target_sentence(v: View) -> str:
    w, s = v.words, v.s
    gap = s["gap_at_target_year"]
    target = v.target_text()
    if num.missing(gap) or abs(gap) < 0.005:
        gap_text = w("gap_met", target=target)
    elif gap > 0:
        gap_text = w("gap_short", target=target, gap=v.yi(gap))
    else:
        gap_text = w("gap_surplus", target=target, gap=v.yi(-gap))
    rolling = v.anchor_year > v.years[0]
    return w("c_target", scenario=s["name"], kind=w("kind_forecast" if rolling else "kind_plan"),
             kind_en=w("kind_forecast" if rolling else "kind_plan"), year=v.target_year,
             metric=v.metric, value=v.yi(s["value_at_target_year"]), gap_text=gap_text)


def growth_sentence(v: View) -> list[str]:
    """The growth needed from the anchor against the growth the scenario implies."""
    w, s = v.words, v.s
    required, implied = s["required_cagr_from_anchor"], s["implied_cagr_from_anchor"]
    year = v.anchor_year
    if year == v.years[0]:
        what = "what_base"
    elif v.progress and int(v.progress["year"]) == year:
        what = "what_estimate"
    else:
        what = "what_actual"
    if num.missing(required) or num.missing(implied):   # the target year is history
        return []
    avg = "avg_one" if v.target_year - year == 1 else "avg_many"
    return [w("c_cagr_anchor", year=year, what=w(what), what_en=w(what),
              start=v.yi(v.total_at(s, year)), year_n=v.target_year, avg=w(avg),
              avg_en=w(avg), required=num.percent(required), implied=num.percent(implied),
              scenario=s["name"])]


def montecarlo_sentence(v: View) -> str:
    mc = v.inputs.montecarlo
    return v.words("c_mc", draws=f"{mc['draws']:,}", seed=mc["seed"], scenario=mc["scenario"],
                   year=mc["target"]["year"], prob=num.percent(mc["prob_target"]))


def scenarios_sentence(v: View) -> str:
    """Which scenarios reach the target and when, grouped by year."""
    w = v.words
    groups: dict[int | None, list[str]] = {}
    for s in v.run["scenarios"]:
        groups.setdefault(s["target_year"], []).append(s["name"])
    parts = []
    for year in sorted((y for y in groups if y is not None)):
        names = w.join(groups[year])
        key = "c_on_time" if year == v.target_year else "c_early" if year < v.target_year else "c_late"
        parts.append(w(key, names=names, year=year))
    if None in groups:
        parts.append(w("c_never", names=w.join(groups[None]), end=v.years[-1]))
    return w("c_scenarios", count=len(v.run["scenarios"]), parts=w("part_sep").join(parts))


def conclusions(v: View) -> list[str]:
    out = progress_sentences(v) + actual_sentence(v)
    out.append(target_sentence(v))
    out += growth_sentence(v)
    out.append(montecarlo_sentence(v))
    out.append(scenarios_sentence(v))
    return out
