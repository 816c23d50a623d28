"""The 乐山高新区 sample as a Document (sample-data.md). Base values and actuals are
illustrative.

``leshan_document()`` is the v2 sample: the zone as its planners see it in November 2026
(project stages as of October 2026, Actuals 2024–2025, MonthlyActuals 2025 and
2026 Jan–Oct, Targets). ``leshan_document_v1()`` is the first sample (stages as of 2023,
no actuals), kept as the fixture of the v1 equations' golden values.
"""
from __future__ import annotations

from dataclasses import replace

from models import (TOTAL_KEY, ActualRow, Chain, Document, IncubationRow, MonthlyRow,
                    Override, PipelineRow, PriceRow, Project, Scenario, Settings,
                    TargetRow)

NOTES = [
    ("说明", "本样例依据《乐山高新区:奋力打造千亿级产业园区》(2024年报道)整理。"),
    ("重要提示", "各产业链2023年基期产值未公开发布，表中基期产值、增长率、投入产出比等均为示意值(illustrative)，"
               "仅用于演示模型，不代表官方统计。"),
    ("目标", "2024年提出:到2027年产业营收突破1000亿元(千亿园区)。"),
    ("2023年经济", "地区生产总值同比增长4.6%，全社会固定资产投资增长45.2%，社会消费品零售总额增长11%。"),
    ("2023年招商", "对接项目102个，签约招商引资项目10个，协议总投资197.3亿元;"
                "重点推进项目80个、总投资759亿元，其中重大产业项目50个、总投资575.7亿元。"),
    ("项目表", "P01–P12为文中重大产业项目(50个、总投资575.7亿元)的示意拆分，合计530.7亿元;“汇总”项代表文中其他重点项目。"),
    ("孵化", "2023年新入孵企业21家(总数70家)，新培育科技型中小企业12家(45家)、"
           "高新技术企业4家(11家);审批时间由63个工作日压缩至36个工作日。"),
    ("硅旺", "四川硅旺已生产硅粒23650吨，产值3.64亿元，2023年已投产(P05)。"),
    ("海创尚纬", "负极材料一体化项目一期10万吨、投资40亿元，规划总投资120亿元(P02、P03)。"),
    ("实绩", "实绩(2024–2025年各产业链产值，2025年增加值与固定资产投资)、月度实绩(2025年1–12月、"
           "2026年1–10月，1–2月为合并发布)和目标分解均为示意值(illustrative)：各产业链的实际统计数据"
           "未公开发布，表中数字仅用于演示滚动预测与目标分解，不代表官方统计。"),
    ("项目进度", "项目表的阶段和投产年份为截至2026年10月的示意进度;P08(电子信息重大项目)原定2026年投产、"
             "目前仍在建，属于延期项目。"),
    ("价格", "多晶硅价格2023年下跌超过50%，自2022年9月高点至2024年中累计下跌约88–90%;"
           "四川数据显示协议投资仅约30%到位，故招商储备按197.3亿×约30%≈60亿/年计。"),
]

_CHAINS = [
    ("晶硅光伏", "光伏及电子信息", 250, 0.06, 0.7, 0.25, (0.5, 0.9, 1.0), 1),
    ("电子信息", "光伏及电子信息", 85, 0.08, 1.5, 0.18, (0.3, 0.7, 1.0), 2),
    ("大数据", "光伏及电子信息", 12, 0.15, 0.5, 0.50, (0.3, 0.6, 0.85), 2),
    ("正极材料", "新能源新材料", 40, 0.08, 2.0, 0.12, (0.4, 0.8, 1.0), 1),
    ("负极材料", "新能源新材料", 45, 0.10, 1.5, 0.15, (0.3, 0.7, 1.0), 2),
    ("新型储能", "新能源新材料", 18, 0.20, 1.7, 0.22, (0.2, 0.6, 1.0), 2),
    ("新能源智能制造", "新能源新材料", 55, 0.07, 1.6, 0.25, (0.3, 0.7, 1.0), 1),
    ("生物医药", "其他", 22, 0.10, 1.8, 0.35, (0.3, 0.7, 1.0), 2),
    ("其他产业", "其他", 33, 0.03, 1.0, 0.25, None, 1),
]

_PROJECTS = [
    ("P01", "伟力得新型储能(全钒液流电池)产业园", "新型储能", 30, "construction", 2025),
    ("P02", "海创尚纬年产10万吨负极材料一体化项目(一期)", "负极材料", 40, "construction", 2024),
    ("P03", "海创尚纬负极材料一体化项目(二期)", "负极材料", 80, "signed", 2027),
    ("P04", "协鑫正极材料项目", "正极材料", 50, "signed", 2026),
    ("P05", "四川硅旺硅粒生产线(6条)", "晶硅光伏", 3, "production", 2023),
    ("P06", "尚纬股份特种电缆扩能", "新能源智能制造", 6, "started", 2025),
    ("P07", "晶硅光伏重大项目(汇总)", "晶硅光伏", 120, "construction", 2025),
    ("P08", "电子信息重大项目(汇总)", "电子信息", 60, "started", 2026),
    ("P09", "数据中心项目(汇总)", "大数据", 30, "started", 2026),
    ("P10", "正负极材料其他重大项目(汇总)", "正极材料", 45, "construction", 2025),
    ("P11", "新能源装备制造项目(汇总)", "新能源智能制造", 40, "signed", 2026),
    ("P12", "生物医药产业园", "生物医药", 26.7, "reserve", 2027),
]

_PRICES = [("晶硅光伏", 2024, 0.5), ("晶硅光伏", 2025, 0.45), ("晶硅光伏", 2026, 0.55),
           ("晶硅光伏", 2027, 0.6), ("正极材料", 2024, 0.7), ("负极材料", 2024, 0.8),
           ("负极材料", 2026, 0.9)]

_PIPELINE_SPLIT = [("晶硅光伏", 12), ("电子信息", 9), ("正极材料", 6), ("负极材料", 6),
                   ("新型储能", 9), ("新能源智能制造", 9), ("生物医药", 6), ("大数据", 3)]

_SCENARIOS = [
    ("基准", None, "当前趋势"),
    ("加速突破", "基准", "增长提速、价格回升、项目提速"),
    ("压力情景", "基准", "光伏价格低迷、项目延期"),
    ("三大优势产业", "基准", "2024年起聚焦光伏及电子信息、新能源装备制造、生物医药"),
]

_OVERRIDES = [
    ("加速突破", "growth", "*", "growth", "", "add", 0.03),
    ("加速突破", "prices", "晶硅光伏", "index", "2025-", "set", 0.85),
    ("加速突破", "stages", "signed", "probability", "", "set", 0.7),
    ("加速突破", "pipeline", "*", "investment", "", "mul", 1.3),
    ("压力情景", "prices", "晶硅光伏", "index", "2025-2027", "set", 0.4),
    ("压力情景", "prices", "晶硅光伏", "index", "2028-", "set", 0.5),
    ("压力情景", "projects", "*", "delay", "", "add", 1),
    ("压力情景", "stages", "signed", "probability", "", "set", 0.4),
    ("三大优势产业", "growth", "生物医药", "growth", "", "set", 0.2),
    ("三大优势产业", "growth", "新能源智能制造", "growth", "", "add", 0.03),
    ("三大优势产业", "projects", "P12", "stage", "", "set", "signed"),
    ("三大优势产业", "pipeline", "生物医药", "investment", "", "mul", 2),
]

V2_NOTES = ("实绩", "项目进度")
NOTES_V1 = [n for n in NOTES if n[0] not in V2_NOTES]  # the notes of the v1 sample

# Project stages and production years as of October 2026 (sample-data.md, v2).
_STAGES_2026 = {
    "P01": ("production", 2025), "P02": ("production", 2024), "P03": ("started", 2027),
    "P04": ("production", 2026), "P05": ("production", 2023), "P06": ("production", 2025),
    "P07": ("production", 2025), "P08": ("construction", 2026),
    "P09": ("construction", 2027), "P10": ("production", 2025), "P11": ("signed", 2027),
    "P12": ("reserve", 2028),
}

# Actuals (亿元): chain -> (2024 output, 2025 output, 2025 value added, 2025 investment).
_ACTUALS = {
    "晶硅光伏": (151.2, 138.4, 30.1, 22.0),
    "电子信息": (90.4, 97.2, 17.0, 15.5),
    "大数据": (13.1, 15.0, 7.4, 6.0),
    "正极材料": (28.6, 47.5, 5.6, 31.0),
    "负极材料": (49.8, 66.1, 9.8, 28.5),
    "新型储能": (19.7, 31.2, 6.7, 18.0),
    "新能源智能制造": (60.3, 66.0, 16.2, 12.0),
    "生物医药": (23.9, 25.8, 9.1, 4.5),
    "其他产业": (34.5, 35.4, 8.8, 2.0),
}

# Monthly output (当月产值, 亿元) from month 2 on; the month-2 figure is the combined
# 1–2月 release. 2025: 2月(1–2月)…12月; 2026: 2月(1–2月)…10月.
_MONTHLY = {
    2025: {
        "晶硅光伏": (17.3, 11.76, 11.07, 11.35, 12.46, 11.07, 11.35, 12.18, 11.49, 12.18, 16.19),
        "电子信息": (12.15, 8.26, 7.78, 7.97, 8.75, 7.78, 7.97, 8.55, 8.07, 8.55, 11.37),
        "大数据": (1.88, 1.28, 1.2, 1.23, 1.35, 1.2, 1.23, 1.32, 1.25, 1.32, 1.76),
        "正极材料": (5.94, 4.04, 3.8, 3.9, 4.27, 3.8, 3.9, 4.18, 3.94, 4.18, 5.56),
        "负极材料": (8.27, 5.62, 5.29, 5.42, 5.95, 5.29, 5.42, 5.82, 5.49, 5.82, 7.73),
        "新型储能": (3.9, 2.65, 2.5, 2.56, 2.81, 2.5, 2.56, 2.75, 2.59, 2.75, 3.65),
        "新能源智能制造": (8.25, 5.61, 5.28, 5.41, 5.94, 5.28, 5.41, 5.81, 5.48, 5.81, 7.72),
        "生物医药": (3.23, 2.19, 2.06, 2.12, 2.32, 2.06, 2.12, 2.27, 2.14, 2.27, 3.02),
        "其他产业": (4.42, 3.01, 2.83, 2.9, 3.19, 2.83, 2.9, 3.12, 2.94, 3.12, 4.14),
    },
    2026: {
        "晶硅光伏": (21.42, 15.15, 13.98, 14.04, 15.88, 13.84, 13.76, 15.83, 14.5),
        "电子信息": (14.44, 10.21, 9.42, 9.47, 10.71, 9.33, 9.28, 10.67, 9.78),
        "大数据": (2.42, 1.71, 1.58, 1.58, 1.79, 1.56, 1.55, 1.78, 1.63),
        "正极材料": (9.41, 6.65, 6.14, 6.17, 6.98, 6.08, 6.05, 6.96, 6.37),
        "负极材料": (11.05, 7.81, 7.21, 7.24, 8.19, 7.14, 7.1, 8.17, 7.48),
        "新型储能": (6.57, 4.64, 4.29, 4.31, 4.87, 4.24, 4.22, 4.85, 4.45),
        "新能源智能制造": (10.21, 7.22, 6.67, 6.7, 7.57, 6.6, 6.56, 7.55, 6.92),
        "生物医药": (3.58, 2.53, 2.33, 2.35, 2.65, 2.31, 2.3, 2.64, 2.42),
        "其他产业": (4.51, 3.19, 2.95, 2.96, 3.35, 2.92, 2.9, 3.34, 3.06),
    },
}

_TARGETS = [(2024, TOTAL_KEY, 650.0), (2025, TOTAL_KEY, 750.0), (2026, TOTAL_KEY, 870.0),
            (2026, "晶硅光伏", 190.0)]


def leshan_document() -> Document:
    """The v2 sample: November 2026, with actuals, monthly figures and targets."""
    v1 = leshan_document_v1()
    projects = tuple(replace(p, stage=_STAGES_2026[p.id][0],
                             production_year=_STAGES_2026[p.id][1]) for p in v1.projects)
    actuals = tuple(
        [ActualRow(c, 2024, o24) for c, (o24, _, _, _) in _ACTUALS.items()]
        + [ActualRow(c, 2025, o25, value_added=va, investment=inv)
           for c, (_, o25, va, inv) in _ACTUALS.items()])
    monthly = tuple(MonthlyRow(c, year, month, output, combined=month == 2)
                    for year, chains in _MONTHLY.items() for c, values in chains.items()
                    for month, output in enumerate(values, start=2))
    targets = tuple(TargetRow(y, c, t) for y, c, t in _TARGETS)
    return v1.replace(projects=projects, actuals=actuals, monthly=monthly, targets=targets)


def leshan_document_v1() -> Document:
    """The first sample (sample-data.md, v1): project stages as of 2023, no actuals."""
    settings = Settings(base_year=2023, end_year=2035, target_year=2027,
                        park_name="乐山高新区", metric="营业收入", target_value=1000.0,
                        default_ramp=(0.3, 0.7, 1.0), default_build_years=2)
    chains = tuple(Chain(chain=c, industry=ind, base_output=float(b), growth=g,
                         output_ratio=k, value_added_rate=v, ramp=u, build_years=by)
                   for c, ind, b, g, k, v, u, by in _CHAINS)
    projects = tuple(Project(id=i, name=n, chain=c, investment=float(inv), stage=s,
                             production_year=y) for i, n, c, inv, s, y in _PROJECTS)
    prices = tuple(PriceRow(c, y, x) for c, y, x in _PRICES)
    pipeline = tuple(PipelineRow(y, c, float(a)) for y in range(2024, 2031)
                     for c, a in _PIPELINE_SPLIT)
    incubation = tuple(IncubationRow(y, "电子信息", 3.0, 0.3) for y in range(2024, 2031))
    scenarios = tuple(Scenario(n, p, d) for n, p, d in _SCENARIOS)
    overrides = tuple(Override(scenario=s, table=t, key=k, field=f, years=y, op=o, value=v)
                      for s, t, k, f, y, o, v in _OVERRIDES)
    return Document(settings=settings, chains=chains, projects=projects, prices=prices,
                    pipeline=pipeline, incubation=incubation, scenarios=scenarios,
                    overrides=overrides)
