"""The 乐山高新区 2023 sample as a Document (sample-data.md). Base values are illustrative."""
from __future__ import annotations

from models import (Chain, Document, IncubationRow, Override, PipelineRow, PriceRow,
                    Project, Scenario, Settings)

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


def leshan_document() -> Document:
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
