"""Hypothesis strategies: valid v2 documents (actuals, monthly rows, targets)."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from models import TOTAL_KEY, ActualRow, MonthlyRow, TargetRow
from tests.strategies import Y0, documents

amount = st.floats(1, 400, allow_nan=False).map(lambda x: round(x, 3))


@st.composite
def v2_documents(draw, overrides=True, max_projects=6):
    doc = draw(documents(max_projects=max_projects, overrides=overrides))
    s = doc.settings
    names = doc.chain_names
    # a: the last complete year (y0 = none), at most end-1 so there is a future
    a = draw(st.integers(Y0, min(s.end_year - 1, Y0 + 3)))
    actuals = tuple(ActualRow(c, y, draw(amount),
                              draw(st.none() | amount), draw(st.none() | amount))
                    for y in range(Y0 + 1, a + 1) for c in names)
    monthly: list[MonthlyRow] = []
    if draw(st.booleans()):       # a complete year for the profile
        if a > Y0:
            combined = draw(st.booleans())
            for c in names:
                values = [draw(amount) for _ in range(12)]
                if combined:
                    monthly.append(MonthlyRow(c, a, 2, values[0] + values[1], combined=True))
                    monthly += [MonthlyRow(c, a, k + 1, values[k]) for k in range(2, 12)]
                else:
                    monthly += [MonthlyRow(c, a, k + 1, values[k]) for k in range(12)]
    m = draw(st.integers(0, 11))
    t = a + 1
    if m and t <= s.end_year:
        for c in names:
            monthly += [MonthlyRow(c, t, k + 1, draw(amount)) for k in range(m)]
    targets: list[TargetRow] = []
    for y in draw(st.lists(st.integers(Y0 + 1, s.target_year), max_size=3, unique=True)):
        if draw(st.booleans()):
            targets.append(TargetRow(y, TOTAL_KEY, draw(st.floats(500, 2000).map(round))))
        for c in draw(st.lists(st.sampled_from(names), max_size=len(names), unique=True)):
            targets.append(TargetRow(y, c, draw(st.floats(0, 50).map(lambda x: round(x, 2)))))
    settings = replace(s, nowcast_anchor=draw(st.sampled_from([0, 1])),
                       target_method=draw(st.sampled_from(["even", "scenario"])))
    return doc.replace(settings=settings, actuals=actuals, monthly=tuple(monthly),
                       targets=tuple(targets))
