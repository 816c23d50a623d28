"""The report's charts drawn with matplotlib's Agg backend (no Qt), as PNG bytes.

Colours are the app's (ui/overview/charts.py, ui/analysis/*; a test keeps them equal).
Text needs a CJK font found on the machine; without one drawing stops with FontMissing
rather than printing boxes.
"""
from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from planner import numbers as num
from planner.report.content import View

CHAIN_COLOURS = ("#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948",
                 "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC", "#86BCB6", "#D37295")
SCENARIO_COLOURS = ("#1F4E79", "#2E8B57", "#D68910", "#8E44AD", "#17A589", "#8D6E63",
                    "#5D6D7E", "#C2185B")
TARGET_COLOUR = "#C62828"
TOTAL_COLOUR = "#263238"
MARKER_COLOUR = "#6D4C41"
MEDIAN_COLOUR = "#1F4E79"
MUTED_COLOUR = "#5D6D7E"
LOW_COLOUR = "#D6604D"
HIGH_COLOUR = "#4393C3"
POSITIVE_COLOUR = "#1B7F3B"
NEGATIVE_COLOUR = "#B71C1C"
GOOD, BAD = "#2E7D32", "#C62828"
OUTER_BAND = (67 / 255, 147 / 255, 195 / 255, 70 / 255)
INNER_BAND = (33 / 255, 102 / 255, 172 / 255, 110 / 255)

# Preferred fonts with Chinese glyphs: Linux, Windows, macOS, then common others.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "Microsoft YaHei",
             "SimHei", "PingFang SC", "Heiti SC", "Hiragino Sans GB", "WenQuanYi Micro Hei",
             "WenQuanYi Zen Hei", "Noto Sans CJK JP", "Noto Sans CJK TC", "Arial Unicode MS")
WIDTH_IN = 6.3          # the text width of an A4 page with 2.5 cm margins
DPI = 150


class FontMissing(Exception):
    """No font with Chinese glyphs is installed."""

    def __str__(self) -> str:
        return ("no font with Chinese characters was found for the report's charts; install "
                "one (Linux: fonts-noto-cjk; Windows: Microsoft YaHei or SimHei; macOS: "
                "PingFang SC) and try again")


_font: str | None = None


def cjk_font() -> str:
    """The first installed font of CJK_FONTS (cached)."""
    global _font
    if _font is None:
        installed = {f.name for f in font_manager.fontManager.ttflist}
        _font = next((name for name in CJK_FONTS if name in installed), None)
        if _font is None:
            raise FontMissing()
    return _font


def _text_width(text: str, size: float) -> float:
    """Rough width in inches of ``text`` at ``size`` points (CJK glyphs are 1 em wide)."""
    ems = sum(1.0 if ord(ch) > 0x2E80 else 0.58 for ch in text)
    return ems * size / 72


def _figure(height: float, left: float = 0.75, right: float = 0.15, bottom: float = 0.4,
            top: float = 0.1) -> tuple[Figure, object]:
    """A figure with fixed margins in inches (no tight-bbox pass: it doubles the drawing)."""
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    fig.subplots_adjust(left=left / WIDTH_IN, right=1 - right / WIDTH_IN,
                        bottom=bottom / height, top=1 - top / height)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#E0E0E0", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig, ax


def _money_axis(ax, unit: str, axis: str = "y") -> None:
    fmt = FuncFormatter(lambda x, _pos: f"{x:,.0f}")
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(fmt)
    if axis == "y":
        ax.set_ylabel(unit)
    else:
        ax.set_xlabel(unit)


def _year_axis(ax, years: list[int]) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=min(len(years), 13)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{int(round(x))}"))
    ax.set_xlim(years[0] - 0.4, years[-1] + 0.4)


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _target_lines(ax, v: View, vertical: bool = True) -> None:
    w = v.words
    ax.axhline(v.target_value, color=TARGET_COLOUR, linestyle="--", linewidth=1.4,
               label=w("legend_target", value=num.number(v.target_value, 0)))
    if vertical:
        ax.axvline(v.target_year, color=MARKER_COLOUR, linestyle=":", linewidth=1.1,
                   label=w("legend_target_year", year=v.target_year))


def path_chart(v: View) -> bytes:
    """Actuals, the plan path dashed, the re-forecast, every scenario, the target."""
    w, years = v.words, v.years
    fig, ax = _figure(3.4)
    scenarios = v.run["scenarios"]
    for i, s in enumerate(scenarios):
        colour = SCENARIO_COLOURS[i % len(SCENARIO_COLOURS)]
        if s["name"] == v.s["name"]:
            continue
        ax.plot(years, s["total"], color=colour, linewidth=1.3, alpha=0.9, label=s["name"])
    i = next(k for k, s in enumerate(scenarios) if s["name"] == v.s["name"])
    colour = SCENARIO_COLOURS[i % len(SCENARIO_COLOURS)]
    if v.actual_year > years[0] or v.anchor_year > years[0]:   # else plan = re-forecast
        ax.plot(years, v.s["plan_total"], color=colour, linestyle="--", linewidth=1.5,
                label=f"{v.s['name']} · {w('legend_plan')}")
    ax.plot(years, v.s["total"], color=colour, linewidth=3.0, label=v.s["name"])
    history = [k for k, y in enumerate(years) if y <= v.actual_year]
    ax.plot([years[k] for k in history], [v.s["total"][k] for k in history], "o",
            color=TOTAL_COLOUR, markersize=5, zorder=5, label=w("legend_actual"))
    p = v.progress
    if p and p.get("months") and int(p["year"]) in years and int(p["year"]) > v.actual_year:
        t = int(p["year"])
        ax.plot([t], [v.s["total"][years.index(t)]], "o", markerfacecolor="white",
                markeredgecolor=TOTAL_COLOUR, markersize=6, zorder=6,
                label=w("legend_estimate", year=t))
    _target_lines(ax, v)
    n = years.index(v.target_year)
    value = v.s["total"][n]
    ax.annotate(num.number(value), (v.target_year, value), textcoords="offset points",
                xytext=(8, -18), fontsize=8, color=colour, fontweight="bold",
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.9})
    _year_axis(ax, years)
    _money_axis(ax, w("axis_unit"))
    ax.set_ylim(0, max(max(max(s["total"]) for s in scenarios), v.target_value) * 1.08)
    ax.legend(fontsize=7.5, loc="upper left", frameon=False, ncol=2)
    return _png(fig)


def chains_chart(v: View) -> bytes:
    """The active scenario's output stacked by chain."""
    w, years = v.words, v.years
    fig, ax = _figure(3.4, right=1.35)
    bottom = np.zeros(len(years))
    for c, (name, chain) in enumerate(v.s["chains"].items()):
        values = np.array(chain["total"], dtype=float)
        ax.bar(years, values, bottom=bottom, width=0.72, label=name,
               color=CHAIN_COLOURS[c % len(CHAIN_COLOURS)], linewidth=0)
        bottom += values
    _target_lines(ax, v)
    if v.anchor_year > years[0]:
        ax.axvspan(years[0] - 0.5, v.anchor_year + 0.5, color="#F2F2F2", zorder=0)
    _year_axis(ax, years)
    _money_axis(ax, w("axis_unit"))
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    return _png(fig)


def progress_chart(v: View) -> bytes:
    """Completion by chain (bars) against time progress (line); green = ahead of season."""
    w, p = v.words, v.progress
    chains = [c for c, x in p["completion"]["chains"].items() if not num.missing(x)]
    completion = [p["completion"]["chains"][c] * 100 for c in chains]
    seasonal = p.get("ahead_seasonal_pp") or {"chains": {}}
    colours = [GOOD if (seasonal["chains"].get(c) or 0) >= 0 else BAD for c in chains]
    fig, ax = _figure(0.9 + 0.3 * (len(chains) + 1), left=1.15, bottom=0.35, top=0.35)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#E0E0E0", linewidth=0.6)
    names = chains + [w("col_total")]
    values = completion + [p["completion"]["total"] * 100]
    colours.append(GOOD if (seasonal.get("total") or 0) >= 0 else BAD)
    y = np.arange(len(names))[::-1]
    ax.barh(y, values, color=colours, height=0.62)
    for yi, value in zip(y, values):
        inside = value > 12
        ax.text(value - 0.8 if inside else value + 0.8, yi, f"{value:.1f}%", va="center",
                ha="right" if inside else "left", fontsize=7.5,
                color="white" if inside else TOTAL_COLOUR)
    expected = p.get("expected_ytd") or {}
    target = p.get("target") or {}
    marks = [(yi, 100 * expected["chains"][c] / target["chains"][c])
             for yi, c in zip(y, chains)
             if expected.get("chains", {}).get(c) is not None and target["chains"].get(c)]
    if expected.get("total") is not None and target.get("total"):
        marks.append((y[-1], 100 * expected["total"] / target["total"]))
    if marks:
        ax.plot([m[1] for m in marks], [m[0] for m in marks], "|", color=TOTAL_COLOUR,
                markersize=13, markeredgewidth=2, label=w("legend_seasonal"))
    time = p["time_progress"] * 100
    ax.axvline(time, color=MARKER_COLOUR, linestyle="--", linewidth=1.3,
               label=w("legend_time", value=num.percent(p["time_progress"])))
    ax.set_yticks(y, names, fontsize=8)
    ax.set_xlim(0, max(values + [time]) * 1.15)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:.0f}%"))
    ax.legend(fontsize=7.5, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2,
              frameon=False)
    return _png(fig)


def _waterfall_items(v: View) -> list[tuple[str, float, str]]:
    """(label, value, kind) with kind total / step / gap."""
    w, a = v.words, v.s["attribution"]
    items = [(w("wf_start", year=a["from_year"]), a["start"], "total"),
             (w("wf_base"), a["base_growth"], "step")]
    for stage, value in a["projects"].items():
        if abs(value) >= 0.005:
            items.append((w("wf_stage", stage=w.stage(stage)), value, "step"))
    for key, label in (("pipeline", "wf_pipeline"), ("incubation", "wf_incubation"),
                       ("price", "wf_price")):
        if abs(a[key]) >= 0.005:
            items.append((w(label), a[key], "step"))
    items.append((w("wf_end", year=a["to_year"]), a["end"], "total"))
    if abs(a["gap"]) >= 0.005:
        items.append((w("wf_gap"), a["gap"], "gap"))
    return items


def waterfall_chart(v: View) -> bytes:
    w = v.words
    items = _waterfall_items(v)
    fig, ax = _figure(3.4, bottom=0.85)
    level = 0.0
    for x, (label, value, kind) in enumerate(items):
        if kind == "total":
            bottom, height, colour = 0.0, value, MEDIAN_COLOUR
            level = value
        else:
            bottom, height = (level, value) if value >= 0 else (level + value, -value)
            colour = (TARGET_COLOUR if kind == "gap"
                      else POSITIVE_COLOUR if value >= 0 else NEGATIVE_COLOUR)
            level += value
        ax.bar(x, height, bottom=bottom, color=colour, width=0.66,
               hatch="//" if kind == "gap" else None, alpha=0.55 if kind == "gap" else 1.0,
               edgecolor=colour, linewidth=0.6)
        text = num.number(value) if kind == "total" else num.signed(value)
        ax.text(x, bottom + height + v.target_value * 0.012, text, ha="center", va="bottom",
                fontsize=6.8)
    ax.axhline(v.target_value, color=TARGET_COLOUR, linestyle="--", linewidth=1.2,
               label=w("legend_target", value=num.number(v.target_value, 0)))
    ax.set_xticks(range(len(items)), [i[0] for i in items], fontsize=7.5, rotation=30,
                  ha="right", rotation_mode="anchor")
    _money_axis(ax, w("axis_unit"))
    top = max(level, v.target_value, max(i[1] for i in items if i[2] == "total"))
    ax.set_ylim(0, top * 1.12)
    ax.legend(fontsize=7.5, loc="upper left", frameon=False)
    return _png(fig)


MAX_LEVERS = 12


def tornado_chart(v: View) -> bytes:
    """The largest swings, low and high on one row, around the base Y(N)."""
    w, sens = v.words, v.inputs.sensitivity
    base = sens["base_value"]
    levers = [r for r in sens["levers"] if r["swing"] > 1e-9][:MAX_LEVERS]
    fig, ax = _figure(1.1 + 0.3 * max(len(levers), 1), bottom=0.5, top=0.35)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#E0E0E0", linewidth=0.6)
    y = np.arange(len(levers))[::-1]
    for yi, r in zip(y, levers):
        for key, colour in (("low", LOW_COLOUR), ("high", HIGH_COLOUR)):
            delta = r[key]["value"] - base
            ax.barh(yi, delta, left=base, color=colour, height=0.62, alpha=0.9,
                    label=w("legend_" + key) if yi == y[0] else None)
    names = [r["name_zh"] if w.zh else r["name"] for r in levers]
    left = max([_text_width(n, 7.5) for n in names] + [0.6]) + 0.2
    fig.subplots_adjust(left=left / WIDTH_IN)
    ax.set_yticks(y, names, fontsize=7.5)
    ax.axvline(base, color=MUTED_COLOUR, linewidth=1.2,
               label=f"{sens['scenario']} {num.number(base)}")
    ax.axvline(sens["target"]["value"], color=TARGET_COLOUR, linestyle="--", linewidth=1.3,
               label=w("legend_target", value=num.number(sens["target"]["value"], 0)))
    _money_axis(ax, f"{sens['target']['year']} · {w('axis_unit')}", axis="x")
    ax.legend(fontsize=7.5, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=4,
              frameon=False)
    return _png(fig)


def fan_chart(v: View) -> bytes:
    w, mc = v.words, v.inputs.montecarlo
    years = [int(y) for y in mc["years"]]
    q = mc["quantiles"]
    fig, ax = _figure(3.4)
    ax.fill_between(years, q["p5"], q["p95"], color=OUTER_BAND, linewidth=0,
                    label=w("legend_band_outer"))
    ax.fill_between(years, q["p25"], q["p75"], color=INNER_BAND, linewidth=0,
                    label=w("legend_band_inner"))
    ax.plot(years, q["p50"], color=MEDIAN_COLOUR, linewidth=2.2, label=w("legend_median"))
    history = [k for k, y in enumerate(years) if y <= v.actual_year]
    ax.plot([years[k] for k in history], [v.s["total"][k] for k in history], "o",
            color=TOTAL_COLOUR, markersize=4.5, zorder=5, label=w("legend_actual"))
    _target_lines(ax, v)
    _year_axis(ax, years)
    _money_axis(ax, w("axis_unit"))
    ax.set_ylim(0, max(max(q["p95"]), v.target_value) * 1.08)
    ax.legend(fontsize=7.5, loc="upper left", frameon=False)
    return _png(fig)


CHARTS: dict[str, Callable[[View], bytes]] = {
    "path": path_chart, "chains": chains_chart, "progress": progress_chart,
    "waterfall": waterfall_chart, "tornado": tornado_chart, "fan": fan_chart}


def draw(kind: str, v: View) -> bytes:
    """One chart as PNG bytes, in the CJK font."""
    import matplotlib
    with matplotlib.rc_context({"font.family": "sans-serif",
                                "font.sans-serif": [cjk_font(), "DejaVu Sans"],
                                "axes.unicode_minus": False, "hatch.linewidth": 0.6,
                                "xtick.labelsize": 8, "ytick.labelsize": 8,
                                "axes.labelsize": 8.5}):
        return CHARTS[kind](v)
