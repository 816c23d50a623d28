"""附录: each scenario's assumptions (its override rows as the app shows them) and data notes."""
from __future__ import annotations

from models.document import Override
from models.override_words import override_words as _words
from planner import numbers as num
from planner.report.content import Section, View
from planner.report.notices import notice_zh


def describe_override(row: dict, lang: str) -> str:
    """One override row (a dict of its fields) in the app's words."""
    return _words(Override("", row["table"], row["key"], row["field"], row["value"],
                           row["years"], row["op"]), lang)


def scenario_lines(v: View) -> list[str]:
    w = v.words
    lines: list[str] = []
    for s in v.run["scenarios"]:
        description = s.get("description") or ""
        head = (w("a_child", name=s["name"], description=description, parent=s["parent"])
                if s.get("parent") else w("a_root", name=s["name"], description=description))
        lines.append(head.replace("：（", "（").replace(": (", " ("))
        rows = v.inputs.overrides.get(s["name"], [])
        effects = s["override_effects"]
        if not rows:
            lines.append("    " + w("a_no_rows"))
        for k, row in enumerate(rows):
            text = describe_override(row, w.lang)
            if k < len(effects) and not num.missing(effects[k].get("effect")):
                text += w("a_effect", year=v.target_year,
                          effect=f"{num.signed(effects[k]['effect'])} {v.unit}")
            lines.append("    • " + text)
    return lines


def note_lines(v: View) -> list[str]:
    w = v.words
    mc = v.inputs.montecarlo
    lines = [f"{k}：{t}" if w.zh and k else f"{k}: {t}" if k else t for k, t in v.inputs.notes]
    lines += [w("n_warning", text=t) for t in v.run["warnings"]]
    lines += [w("n_notice", text=notice_zh(t) if w.zh else t) for t in v.run["notices"]]
    lines.append(w("n_mc", draws=f"{mc['draws']:,}", seed=mc["seed"],
                   growth_sd=f"{mc['growth_sd']:g}", price_sd=f"{mc['price_sd']:g}",
                   delay_mode=f"{mc['delay_mode']:g}", delay_max=f"{mc['delay_max']:g}"))
    lines.append(w("n_units"))
    lines.append(w("n_generated"))
    return lines


def appendix_sections(v: View) -> list[Section]:
    w = v.words
    return [Section(w("h_appendix_scenarios"), scenario_lines(v)),
            Section(w("h_appendix_notes"), note_lines(v), bullets=True)]
