"""Help texts for the input workbook, in one place: header comments, the Settings
说明 column, the notes and read-me sheets. Each text is a (Chinese, English) pair.

Labels (sheet names, column labels, units) live in models.labels; this module only
explains them.
"""
from __future__ import annotations

from models import labels

_YEAR = ("年份(整数)，须在基期年份+1至预测终止年份之间。",
         "Year (whole number), from base_year+1 to end_year.")
_CHAIN_REF = ("产业链名称，须与“产业链”表中的名称一致(可从下拉列表选择)。",
              "Chain name, as written in the Chains sheet (pick from the list).")

COLUMN_HELP: dict[str, dict[str, tuple[str, str]]] = {
    "settings": {
        "key": ("参数名称(中文名或英文键均可)。", "Setting key (English key or Chinese label)."),
        "value": ("参数值。金额单位为亿元，比率用小数(0.08 = 8%)。",
                  "Setting value. Money in 亿元 (100m CNY); rates as decimals (0.08 = 8%)."),
    },
    "chains": {
        "chain": ("产业链名称(必填，不可重复)。其他表按此名称引用。",
                  "Chain name (required, unique). Other sheets refer to it by this name."),
        "industry": ("所属主导产业，用于汇总(可空)。",
                     "Leading industry the chain belongs to, for subtotals (optional)."),
        "base_output": ("基期年份的产值(必填，亿元，不小于0)。",
                        "Output in the base year (required, 亿元, not negative)."),
        "growth": ("存量产值的年增长率(小数，0.06 = 6%)；空白为0。",
                   "Yearly growth of existing output (decimal, 0.06 = 6%); blank = 0."),
        "output_ratio": ("投入产出比：每亿元投资达产后的年产值(亿元)；空白为1。",
                         "Output ratio: yearly output per 亿元 invested at full production; blank = 1."),
        "value_added_rate": ("增加值率(0–1)，增加值 = 产值 × 增加值率；空白为0.25。",
                             "Value-added rate (0–1): value added = output × rate; blank = 0.25."),
        "ramp": ("投产后逐年达产比例，逗号分隔，如 0.3,0.7,1；空白用默认爬坡曲线。",
                 "Share of full output in each year from production, comma list like 0.3,0.7,1; "
                 "blank = default_ramp."),
        "build_years": ("建设期年数(0–20的整数)，投资在投产前分摊；空白用默认建设期。",
                        "Years of construction (whole number 0–20) over which investment is spread; "
                        "blank = default_build_years."),
    },
    "projects": {
        "id": ("项目编号(必填，不可重复)，如 P01。", "Project id (required, unique), e.g. P01."),
        "name": ("项目名称(可空)。", "Project name (optional)."),
        "chain": _CHAIN_REF,
        "investment": ("项目总投资(必填，亿元)。", "Total investment (required, 亿元)."),
        "stage": ("项目阶段：储备、签约、开工、在建、投产(决定默认实现概率)。",
                  "Stage: reserve, signed, started, construction, production "
                  "(sets the default probability)."),
        "production_year": ("计划投产年份(必填，整数)。", "Planned first year of production (required)."),
        "output_ratio": ("本项目的投入产出比；空白用所属产业链的值。",
                         "Output ratio of this project; blank = the chain's."),
        "ramp": ("本项目的爬坡曲线，如 0.3,0.7,1；空白用所属产业链的值。",
                 "Ramp of this project, e.g. 0.3,0.7,1; blank = the chain's."),
        "probability": ("实现概率(0–1)；空白用所处阶段的概率。",
                        "Probability of realisation (0–1); blank = the stage's."),
        "delay": ("在计划投产年份上推迟的年数(0–20)；空白为0。",
                  "Years of delay after the planned production year (0–20); blank = 0."),
        "include": ("是否纳入测算：1 纳入，0 不纳入；空白为纳入。",
                    "Include in the projection: 1 yes, 0 no; blank = yes."),
        "build_years": ("建设期年数(0–20)；空白用所属产业链的值。",
                        "Years of construction (0–20); blank = the chain's."),
        "note": ("备注(可空)。", "Note (optional)."),
    },
    "stages": {
        "stage": ("项目阶段：储备、签约、开工、在建、投产。", "Stage: reserve, signed, started, "
                  "construction, production."),
        "probability": ("该阶段项目的默认实现概率(0–1)。",
                        "Default probability of realisation for projects at this stage (0–1)."),
    },
    "growth": {
        "chain": _CHAIN_REF,
        "year": _YEAR,
        "growth": ("该年的增长率(小数)，替代产业链表中的年增长率。",
                   "Growth in that year (decimal), replacing the chain's growth."),
    },
    "prices": {
        "chain": _CHAIN_REF,
        "year": ("年份(整数)，基期年份至预测终止年份。", "Year (whole number), base_year to end_year."),
        "index": ("价格指数(基期 = 1)，之后年份沿用最近一年的值。",
                  "Price index (base year = 1), carried forward to later years."),
    },
    "pipeline": {
        "year": _YEAR,
        "chain": _CHAIN_REF,
        "investment": ("该年新增的有效招商投资(亿元)，按产业链参数形成产值。",
                       "Effective new investment arriving that year (亿元), "
                       "turned into output with the chain's parameters."),
    },
    "incubation": {
        "year": _YEAR,
        "chain": _CHAIN_REF,
        "graduates": ("该年毕业(出孵)企业数。", "Number of firms graduating that year."),
        "revenue_per_firm": ("每家毕业企业的年营收(亿元)。", "Yearly revenue per graduate (亿元)."),
    },
    "scenarios": {
        "name": ("情景名称(不可重复)。", "Scenario name (unique)."),
        "parent": ("上级情景：本情景在其基础上叠加调整；空白为根情景。",
                   "Parent scenario whose adjustments this one builds on; blank = a root."),
        "description": ("情景说明(可空)。", "Description (optional)."),
    },
    "overrides": {
        "scenario": ("应用此调整的情景(可从下拉列表选择)。",
                     "Scenario the adjustment belongs to (pick from the list)."),
        "table": ("被调整的表：产业链、项目、阶段、增长率、价格指数、招商储备、孵化。",
                  "Table adjusted: Chains, Projects, Stages, Growth, Prices, Pipeline, Incubation."),
        "key": ("被调整的对象：产业链名称、项目编号或阶段；* 表示全部。",
                "What is adjusted: a chain name, project id or stage; * for all."),
        "field": ("被调整的字段(列名)，如 增长率、投资额、实现概率。",
                  "Field (column) adjusted, e.g. growth, investment, probability."),
        "years": ("适用年份：空白为全部，2026 单年，2026-2030 区间，2026- 此后各年。",
                  "Years: blank = all, 2026 one year, 2026-2030 a range, 2026- onwards."),
        "op": ("方式：set 设定为、add 增加、mul 乘以。", "How: set, add or mul (multiply)."),
        "value": ("调整值。", "Value of the adjustment."),
    },
    "actuals": {
        "chain": _CHAIN_REF,
        "year": ("统计年份(完整年度)，从基期年份+1起每年每条产业链一行。",
                 "Year of the statistics (complete years), one row per chain and year "
                 "from base_year+1."),
        "output": ("该年实际产值(亿元，现价)，必填。", "Actual output that year (亿元, current prices), required."),
        "value_added": ("该年实际增加值(亿元)，可空(空白用模型值)。",
                        "Actual value added (亿元); blank = the model's value."),
        "investment": ("该年实际固定资产投资(亿元)，可空(空白用模型值)。",
                       "Actual fixed-asset investment (亿元); blank = the model's value."),
    },
    "monthly": {
        "chain": _CHAIN_REF,
        "year": ("年份：当年(最近完整年度的下一年)或更早的年份。",
                 "Year: the current year (after the last complete year) or earlier."),
        "month": ("月份 1–12(可写 10月)；1-2月合并发布时写 1-2月。",
                  "Month 1–12 (10月 is fine); write 1-2月 for the combined January–February release."),
        "output": ("当月产值(亿元)。与“累计产值”二选一。",
                   "Output of the month (亿元). Use this or the year-to-date column, not both."),
        "ytd": ("1月至当月累计产值(亿元)。与“当月产值”二选一。",
                "Output from January to the month (亿元). Use this or the monthly column."),
    },
    "targets": {
        "year": ("目标年份：基期年份+1至目标年份。", "Year: base_year+1 to target_year."),
        "chain": ("产业链名称；合计 表示园区总目标。未填的年份和产业链由规划器分解。",
                  "Chain name; 合计/total for the park. Years and chains left out are decomposed."),
        "target": ("目标值(亿元)；填写的产业链目标视为锁定。",
                   "Target (亿元); a chain's given target is locked."),
    },
}

SETTINGS_HELP: dict[str, tuple[str, str]] = {
    "park_name": ("园区名称，显示在报告标题中。", "Park name, shown in report titles."),
    "metric": ("测算的指标名称，如 营业收入。", "Name of the metric projected, e.g. 营业收入 (revenue)."),
    "base_year": ("基期年份(必填)：基期产值所在的年份。", "Base year (required): the year of base_output."),
    "end_year": ("预测终止年份(必填)，晚于基期年份。", "Last projected year (required), after base_year."),
    "target_value": ("目标值(亿元)，默认1000。", "Target (亿元), default 1000."),
    "target_year": ("目标年份(必填)，基期年份+1至预测终止年份。",
                    "Target year (required), base_year+1 to end_year."),
    "default_ramp": ("默认爬坡曲线，如 0.3,0.7,1。", "Default ramp, e.g. 0.3,0.7,1."),
    "default_build_years": ("默认建设期(年)。", "Default build years."),
    "mc_draws": ("蒙特卡洛模拟次数。", "Monte Carlo draws."),
    "mc_seed": ("随机种子(相同种子结果可重现)。", "Random seed (same seed, same results)."),
    "growth_sd": ("模拟中年增长率的标准差(小数)。", "Standard deviation of growth in the simulation."),
    "price_sd": ("模拟中价格指数的波动率(小数)。", "Volatility of the price index in the simulation."),
    "delay_mode": ("模拟中项目延期年数的众数。", "Most likely project delay (years) in the simulation."),
    "delay_max": ("模拟中项目的最大延期年数。", "Largest project delay (years) in the simulation."),
    "nowcast_anchor": ("1 = 以当年1月至最新月份的月度实绩推算全年作为预测基数(默认)；0 = 以最近完整年度实绩为基数。",
                       "1 = re-forecast from the current year's nowcast (default); 0 = from the last complete year."),
    "target_method": ("目标分解方式：等速(even，默认)或 按情景(scenario)。",
                      "Target decomposition: even (default) or scenario."),
    "target_scenario": ("目标分解参考的情景，留空为第一个情景。",
                        "Scenario the targets follow; blank = the first scenario."),
}

# Extra headers and sheets the writers add; the reader ignores them (workbook.md).
SETTINGS_HELP_HEADER = ("说明", "Help")
NOTES_SHEET = ("说明", "Notes")
NOTES_HEADERS = (("条目", "内容"), ("key", "text"))
README_SHEET = ("使用说明", "Read me")
README: tuple[tuple[str, str], ...] = (
    ("本工作簿是千亿规划器的输入文件，可在 Excel 或 WPS 中填写后用规划器打开。",
     "This workbook is an input file of the 千亿 planner; fill it in Excel or WPS and open it in the app."),
    ("“设置”和“产业链”为必填表；其他表可以留空。",
     "Settings and Chains are required; the other sheets may stay empty."),
    ("第1行是表头，请勿修改；每行一条记录，空行会被忽略。",
     "Row 1 is the header, keep it; one record a row, empty rows are skipped."),
    ("金额单位为亿元；比率填小数(0.08 = 8%)或百分比格式。",
     "Money is in 亿元 (100m CNY); rates are decimals (0.08 = 8%) or percentages."),
    ("把鼠标停在表头上可看到每列的说明；带下拉列表的列可直接选择。",
     "Hover over a header for what the column means; columns with a list offer choices."),
    ("可选单元格留空即使用默认值(见表头说明)。",
     "Leave an optional cell blank to use the default (see the header notes)."),
    ("“实绩”填各产业链已完成年份的全年统计数(产值必填，增加值、固定资产投资可空)，"
     "每个产业链从基期次年到最新年份每年一行；“月度实绩”填各月产值，金额列用“当月产值”或“累计产值”其中之一，"
     "月份可写“10月”，统计部门合并发布的1–2月数据写“1-2月”；当年每个产业链须填到同一个月。"
     "“目标分解”填给定的年度目标，产业链写“合计”表示全园区；填写的格子在分解时锁定。三张表都可留空。",
     "Actuals holds each chain's annual statistics for completed years (output required, value "
     "added and investment optional), one row per chain for every year from the year after the "
     "base year to the latest; MonthlyActuals holds monthly output in either a monthly or a "
     "year-to-date (累计) column, month cells like 10月, and 1-2月 for the combined January–"
     "February release; in the current year every chain needs the same months. Targets holds "
     "given yearly targets, chain 合计/total for the park; given cells are locked in the "
     "decomposition. All three may stay empty."),
)


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def column_help(sheet: str, column: str, lang: str = "zh") -> str:
    return pick(COLUMN_HELP[sheet][column], lang)


def stage_defaults_text(lang: str = "zh") -> str:
    """The default stage probabilities, for the Stages header comment."""
    parts = [f"{labels.stage_label(k, lang) if lang == 'zh' else k} {p:g}"
             for k, p in labels.DEFAULT_STAGE_PROBABILITY.items()]
    head = "未列出的阶段使用默认概率：" if lang == "zh" else "Stages not listed use the defaults: "
    return head + ("，" if lang == "zh" else ", ").join(parts)
