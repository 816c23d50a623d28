"""The report's content on generated plans: 3–6 conclusions, every number traced to the JSON."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings

from planner.report.content import Figure, Table, build
from planner.report.gather import gather
from sample_data.leshan import leshan_document
from tests.report_checks import numbers_in, untraced
from tests.strategies import documents


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(max_projects=5))
def test_generated_plans_give_traceable_conclusions(doc):
    inputs = gather(doc, doc.scenario_names[-1], issued=dt.date(2026, 11, 27))
    sources = (inputs.run, inputs.montecarlo, [len(inputs.run["scenarios"])])
    for lang in ("zh", "en"):
        report = build(inputs, lang)
        assert 3 <= len(report.conclusions) <= 6
        assert untraced(report.conclusions, *sources) == []
        assert all(numbers_in(s) for s in report.conclusions)
        kinds = [b.kind for s in report.sections for b in s.blocks if isinstance(b, Figure)]
        assert kinds[:2] == ["path", "chains"] and kinds[-2:] == ["tornado", "fan"]
        for table in (b for s in report.sections for b in s.blocks if isinstance(b, Table)):
            assert all(len(row) == len(table.header) == len(table.numeric)
                       for row in table.rows)


def test_sections_without_data_are_left_out():
    """No actuals and no monthly rows: no progress, targets or slipped sections, no gaps."""
    doc = leshan_document().replace(actuals=(), monthly=(), targets=())
    report = build(gather(doc), "zh")
    headings = [s.heading for s in report.sections]
    assert not any("本年进度" in h or "延期项目" in h for h in headings)
    numerals = [h.split("、")[0] for h in headings if "、" in h]
    assert numerals == ["二", "三", "四", "五", "六", "七", "八"][:len(numerals)]
    assert "数据截至" not in report.subtitle


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        build(gather(leshan_document()), "fr")


@pytest.mark.parametrize("english, chinese", [
    ("scenario 基准, 压力情景: project P08 is due in 2026 and not yet producing, stage still "
     "construction: update its stage or production year (counted from 2027)",
     "情景基准、压力情景：项目P08原定2026年投产，目前尚未投产，阶段仍为在建，"
     "请更新其阶段或投产年份（测算中按2027年起投产）"),
    ("scenario 三大优势产业: override growth 生物医药 growth 2024-2025 set 0.2: its years are all "
     "at or before 2026 (history), so it changes the plan path only",
     "情景三大优势产业的调整行（增长率 生物医药 增长率 2024-2025 设定 0.2）的年份均不晚于2026年"
     "（已是历史），只影响规划路径"),
    ("something new", "something new"),
])
def test_notices_in_chinese(english, chinese):
    from planner.report.notices import notice_zh
    assert notice_zh(english) == chinese
