"""Wording of the result sheets, in Chinese and English (the input sheets use models.labels)."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # sheet names
    "summary_sheet": ("汇总", "Summary"),
    "calc_prefix": ("计算_", "Calc_"),
    # Summary
    "scenario": ("情景", "Scenario"),
    "target_year_reached": ("达到目标年份", "Target reached in"),
    "value_at_target": ("目标年产值(亿元)", "Output in target year"),
    "gap": ("目标年缺口/超出(亿元)", "Gap (shortfall) / surplus in target year"),
    "required_cagr": ("所需年均增速", "Required CAGR"),
    "implied_cagr": ("预测年均增速", "Implied CAGR"),
    "not_reached": ("未达到", "not reached"),
    "target_value": ("目标值(亿元)", "Target value"),
    "target_year": ("目标年份", "Target year"),
    "target_line": ("目标线", "Target"),
    "summary_note": (
        "总产值(现价，亿元)。各年数值引用各情景计算表；目标值与目标年份引用“设置”表。"
        "缺口为 T−Y(N)：未达目标时显示“缺口”，超过目标时显示“超出”。",
        "Total output at current prices, 100m CNY. Each year links to the scenario's "
        "calculation sheet; target value and year link to the Settings sheet. "
        "The gap is T − Y(N): a shortfall is shown as \"short\", an excess as \"surplus\"."),
    "chart_totals": ("总产值与目标(亿元)", "Total output and target (100m CNY)"),
    "chart_gap": ("目标年缺口(亿元；正值为缺口，负值为超出)",
                  "Gap in the target year (100m CNY; above 0 short, below 0 surplus)"),
    "chart_chains": ("各产业链产值(现价，亿元)", "Output by chain (current prices, 100m CNY)"),
    "total": ("总产值", "Total output"),
    # calculation sheet
    "calc_title": ("情景“{name}”计算表", "Calculation sheet for scenario \"{name}\""),
    "calc_units": (
        "金额单位：亿元。本表为滚动预测：实绩年份取实绩，锚定年 a* 取当年预计(或最近实绩)，"
        "其后各年自锚定年重算。产值分量按基期价格计，乘价格指数后为现价；比率为小数(0.08 = 8%)。"
        "黄色单元格为该情景解析后的输入(各年输入表的情景调整只作用于锚定年之后)，修改后本表及"
        "“汇总”表随之重算；实绩与月度实绩引用“实绩”“月度实绩”表，在那里修改，各情景均随之重算。"
        "其余输入表不驱动本表，重新打开文件时程序按输入表重新计算。",
        "Money in 100m CNY (亿元). This is the re-forecast: actual years take the actuals, "
        "the anchor year a* the current-year estimate (or the latest actual), and later years "
        "restart from it. Components are at base-year prices; × price index gives current "
        "prices. Rates are decimals (0.08 = 8%). Yellow cells are this scenario's resolved "
        "inputs (per-year override rows act only after a*): edit one and every result here "
        "and on the Summary moves. Actuals and monthly figures link to the Actuals and "
        "MonthlyActuals sheets: correct one there and every scenario moves. Other input "
        "sheets do not drive this sheet; the planner recomputes them when it opens the file."),
    "year": ("年份", "Year"),
    "unit": ("单位", "Unit"),
    "yuan": ("亿元", "100m CNY"),
    "results": ("结果(现价)", "Results (current prices)"),
    "value_added": ("增加值", "Value added"),
    "investment": ("固定资产投资", "Fixed-asset investment"),
    "chain_output": ("各产业链产值 O(现价)", "Output by chain O (current prices)"),
    "stages": ("阶段实现概率", "Stage probabilities"),
    "stage": ("阶段", "Stage"),
    "probability": ("实现概率", "Probability"),
    "chain_params": ("产业链参数", "Chain parameters"),
    "chain": ("产业链", "Chain"),
    "chain_no": ("链序号", "Chain no."),
    "base_output": ("基期产值", "Base output"),
    "output_ratio": ("投入产出比", "Output ratio"),
    "value_added_rate": ("增加值率", "Value-added rate"),
    "build_years": ("建设期", "Build years"),
    "ramp": ("爬坡", "Ramp"),
    "growth": ("增长率 G", "Growth G"),
    "price": ("价格指数 P", "Price index P"),
    "pipeline": ("招商储备投资 A", "Pipeline investment A"),
    "graduates": ("孵化毕业企业数 n", "Incubation graduates n"),
    "revenue_per_firm": ("单企营收 R", "Revenue per graduate R"),
    "base": ("存量产值 Base(基期价格)", "Base output (base-year prices)"),
    "projects_output": ("项目新增产值(基期价格)", "Projects (base-year prices)"),
    "pipeline_output": ("招商储备产值(基期价格)", "Pipeline (base-year prices)"),
    "incubation_output": ("孵化产值(基期价格)", "Incubation (base-year prices)"),
    "project_investment": ("项目投资", "Project investment"),
    "pipeline_investment": ("招商储备投资支出", "Pipeline investment spending"),
    "kernel": ("招商储备爬坡核 r(滞后−建设期)，列为滞后年数(倒序)",
               "Pipeline ramp kernel r(lag − build years); columns are lags, descending"),
    "lag": ("滞后年数", "Lag"),
    "projects": ("项目新增产值 V(基期价格)与项目参数",
                 "Project output V (base-year prices) and project inputs"),
    "id": ("编号", "ID"),
    "name": ("项目名称", "Name"),
    "investment_in": ("投资额", "Investment"),
    "production_year": ("投产年份", "Production year"),
    "delay": ("延期年数", "Delay"),
    "effective_year": ("实际投产年 S''", "Effective year S''"),
    "include": ("纳入", "Include"),
    "scale": ("满产产值×概率", "Full output × p"),
    "r0": ("锚定年爬坡 r(a*−S'')", "Ramp in anchor year r(a*−S'')"),
    # history blocks (model.md §6)
    "key_years": ("实绩与锚定", "Actuals and anchor"),
    "actual_year": ("最近完整实绩年 a", "Last complete actual year a"),
    "anchor_year": ("锚定年 a*", "Anchor year a*"),
    "months": ("当年已有月数 m", "Months of the current year m"),
    "actual_year_note": ("等于基期年表示尚无年度实绩", "equal to the base year: no annual actuals"),
    "anchor_year_note": ("此后各年自锚定年重算；未投产项目最早于 a*+1 年投产(S'')",
                         "later years restart here; projects not in production start after "
                         "a* at the earliest (S'')"),
    "months_note": ("0 表示当年尚无月度实绩", "0: no monthly figures this year"),
    "actual": ("年度实绩产值 Act(现价，引用“实绩”表)", "Annual actual output Act (current prices, "
               "linked to Actuals)"),
    "actual_va": ("实绩增加值(引用“实绩”表)", "Actual value added (linked to Actuals)"),
    "profile_months": ("季节剖面所取年份的月度实绩(引用“月度实绩”表；1-2月合计各半计入)",
                       "Monthly figures of each chain's profile year (linked to MonthlyActuals; "
                       "a combined Jan–Feb figure counts half in each month)"),
    "profile_year": ("剖面年份", "Profile year"),
    "no_profile_year": ("无完整年份，按 k/12", "no complete year: k/12"),
    "profile": ("季节剖面 S[c,k](截至第k月累计占全年比重)",
                "Seasonal profile S[c,k] (cumulative share of the year by month k)"),
    "current_months": ("当年月度实绩 M(引用“月度实绩”表)",
                       "This year's monthly figures M (linked to MonthlyActuals)"),
    "nowcast": ("当年预计与锚定值", "Current-year estimate and anchor"),
    "nc_ytd": ("1-m月累计 YTD", "YTD"),
    "nc_share": ("进度系数 s=S[c,m]", "Share done s = S[c,m]"),
    "nc_estimate": ("全年预计 Est=YTD/s", "Estimate Est = YTD/s"),
    "nc_anchor_output": ("锚定年产值 O[a*]", "Anchor output O[a*]"),
    "nc_anchor_price": ("锚定年价格指数 P[a*]", "Price index P[a*]"),
    "nc_anchor_volume": ("重算起点 B'=O/P", "Restart volume B' = O/P"),
    "history_investment": ("实绩年份投资(有实绩投资取实绩，否则为计划路径投资；数值)",
                           "Investment of the actual years (actual where given, else the plan "
                           "path's spending; values)"),
    # 实绩对比 / 月度进度 (model.md §6)
    "avp_sheet": ("实绩对比", "Actual vs plan"),
    "avp_title": ("实绩与计划对比(亿元，现价)", "Actuals against the plan path (100m CNY, current prices)"),
    "avp_note": (
        "计划为各情景的计划路径(不含实绩，全部情景调整)；实绩引用“实绩”表；偏差=实绩−计划，"
        "偏差率=偏差÷计划。",
        "Plan: each scenario's plan path (no actuals, every override row). Actual: linked to "
        "the Actuals sheet. Deviation = actual − plan; ratio = deviation ÷ plan."),
    "plan": ("计划", "Plan"),
    "actual_short": ("实绩", "Actual"),
    "deviation": ("偏差", "Deviation"),
    "ratio": ("偏差率", "Ratio"),
    "total_row": ("合计", "Total"),
    "mp_sheet": ("月度进度", "Monthly progress"),
    "mp_title": ("{year}年1-{months}月进度(亿元)", "Progress of {year}, months 1–{months} (100m CNY)"),
    "mp_note": (
        "月度实绩引用“月度实绩”表(1-2月合计各半计入)；进度系数 s 为季节剖面 S[c,m](引用计算表)；"
        "全年预计=累计÷s；完成率=累计÷年度目标；领先=100×(完成率−时序进度)，单位百分点；"
        "季节性应完成=s×目标(园区另加未分配目标×m/12)。",
        "Monthly figures link to MonthlyActuals (a combined Jan–Feb counts half in each month); "
        "s is the seasonal profile S[c,m] (linked to a calculation sheet); estimate = YTD ÷ s; "
        "completion = YTD ÷ the year's target; ahead = 100 × (completion − time progress), in "
        "points; seasonally expected YTD = s × target (the park adds unallocated × m/12)."),
    "month": ("{k}月", "M{k}"),
    "pg_ytd": ("累计", "YTD"),
    "pg_share": ("进度系数 s", "Share s"),
    "pg_estimate": ("全年预计", "Estimate"),
    "pg_target": ("年度目标", "Target"),
    "pg_completion": ("完成率", "Completion"),
    "pg_time_progress": ("时序进度", "Time progress"),
    "pg_ahead_pp": ("领先时序(百分点)", "Ahead of time (pp)"),
    "pg_expected_ytd": ("季节性应完成", "Seasonally expected YTD"),
    "pg_ahead_seasonal_pp": ("较季节性领先(百分点)", "Ahead of season (pp)"),
    # 年度目标分解 (model.md §7)
    "tg_sheet": ("年度目标分解", "Target breakdown"),
    "tg_title": ("年度目标分解(亿元，现价)", "Target breakdown (100m CNY, current prices)"),
    "tg_note": (
        "方法：{method}；参考情景：{scenario}(锚定于最近完整实绩年 {a})。园区目标按方法由目标值 T、"
        "目标年 N 与参考情景 Z 计算(设定值除外)；各产业链设定值为锁定值，其余按 Z 的比例分摊剩余部分；"
        "全部锁定时差额为未分配。黄色为设定值。",
        "Method: {method}; reference scenario: {scenario} (anchored on the last complete "
        "actual year {a}). The park target follows the method from the target value T, the "
        "target year N and the reference scenario Z (unless given); a given chain target is "
        "locked, the others share the remainder in proportion to Z; with every chain locked "
        "the difference is unallocated. Yellow: given values."),
    "method_even": ("等速", "even"),
    "method_scenario": ("按情景", "scenario"),
    "tg_anchor": ("最近完整实绩年 a", "Last complete actual year a"),
    "tg_table": ("园区与各产业链年度目标", "Park and chain targets by year"),
    "tg_park": ("园区", "Park"),
    "tg_unallocated": ("未分配", "Unallocated"),
    "tg_source": ("园区目标来源", "Park target from"),
    "tg_given": ("设定", "given"),
    "tg_z": ("参考情景“{scenario}”产值 Z(锚定于 {a} 年实绩)",
             "Reference scenario \"{scenario}\" output Z (anchored on the {a} actuals)"),
    "tg_months": ("{year}年分月目标(按季节剖面)", "Monthly targets of {year} (seasonal profile)"),
    "tg_year_total": ("全年", "Year"),
    "tg_history": ("以往年份：目标与实绩", "Past years: targets and actuals"),
    "tg_park_target": ("园区目标", "Park target"),
    "tg_park_actual": ("园区实绩", "Park actual"),
    # 产值来源 (model.md §8)
    "at_sheet": ("产值来源", "Attribution"),
    "at_title": ("产值来源：从 {a} 年到 {n} 年(亿元)", "Where the output comes from, {a} to {n} (100m CNY)"),
    "at_note": (
        "起点为锚定年产值 Y(a*)；各部分按锚定年价格计，价格一项为价格变化的重估；"
        "终点 Y(N) = 起点 + 各部分之和(公式)，缺口 = 目标值 − Y(N)。",
        "Start: the anchor year's output Y(a*); each part at the anchor year's prices, the "
        "price part revalues at the target year's prices; end Y(N) = start + the parts "
        "(formula), gap = target − Y(N)."),
    "at_item": ("项目", "Item"),
    "at_start": ("起点 Y(a*)", "Start Y(a*)"),
    "at_base_growth": ("存量增长", "Base growth"),
    "at_projects": ("项目({stage})", "Projects ({stage})"),
    "at_pipeline": ("招商储备", "Pipeline"),
    "at_incubation": ("孵化", "Incubation"),
    "at_price": ("价格", "Price"),
    "at_end": ("终点 Y(N)", "End Y(N)"),
    "at_waterfall": ("瀑布图数据：情景“{scenario}”", "Waterfall data: scenario \"{scenario}\""),
    "at_cum": ("累计", "Running total"),
    "at_base": ("基底(不显示)", "Base (hidden)"),
    "at_up": ("增加", "Increase"),
    "at_down": ("减少", "Decrease"),
    "at_ends": ("起点/终点", "Start / end"),
    "at_chart": ("产值来源：情景“{scenario}” {a}→{n}(亿元)",
                 "Where the output comes from: \"{scenario}\" {a}→{n} (100m CNY)"),
    "at_by_chain": ("分产业链：情景“{scenario}”", "By chain: scenario \"{scenario}\""),
    "at_chain_gap": ("与产业链目标之差", "Chain target − end"),
    # analysis sheets
    "sensitivity_sheet": ("敏感性分析", "Sensitivity"),
    "montecarlo_sheet": ("蒙特卡洛模拟", "Monte Carlo"),
    "sens_title": ("敏感性分析(龙卷风图)：情景“{name}”", "Sensitivity (tornado) for scenario \"{name}\""),
    "sens_note": (
        "每个因素为叠加在该情景上的临时调整；数值为目标年产值 Y(N)(亿元)及达标年份。按摆幅排序。"
        "本表为分析结果(数值)，不随输入单元格重算。",
        "Each lever is a temporary override on top of the scenario; values are Y(N) in the "
        "target year (100m CNY) and the year the target is reached, sorted by swing. "
        "These are analysis results (values), not live formulas."),
    "base_value": ("基准值 Y(N)", "Base value Y(N)"),
    "base_target_year": ("基准达标年份", "Base: target reached in"),
    "lever": ("因素", "Lever"),
    "low": ("低值 Y(N)", "Low Y(N)"),
    "low_year": ("低值达标年份", "Low: reached in"),
    "high": ("高值 Y(N)", "High Y(N)"),
    "high_year": ("高值达标年份", "High: reached in"),
    "swing": ("摆幅", "Swing"),
    "low_delta": ("低值−基准值", "Low − base"),
    "high_delta": ("高值−基准值", "High − base"),
    "chart_tornado_axis": ("相对基准值的变化(亿元)", "Change from the base value (100m CNY)"),
    "chart_tornado": ("各因素对目标年产值的影响(亿元)", "Effect of each lever on Y(N) (100m CNY)"),
    "mc_title": ("蒙特卡洛模拟：情景“{name}”", "Monte Carlo simulation for scenario \"{name}\""),
    "mc_note": (
        "每次抽样：增长率加正态扰动，价格乘以对数随机游走(期望为1)，非投产项目按实现概率随机实现并"
        "随机延期；招商储备与孵化取期望值。本表为模拟结果(数值)。",
        "Per draw: growth plus normal noise, prices times a log random walk (mean 1), "
        "non-production projects realize at random with their probability and get a random "
        "extra delay; pipeline and incubation keep expected values. Simulation results (values)."),
    "draws": ("模拟次数", "Draws"),
    "seed": ("随机种子", "Seed"),
    "growth_sd": ("增长率标准差", "Growth SD"),
    "price_sd": ("价格波动率", "Price volatility"),
    "delay_mode": ("延期众数", "Delay mode"),
    "delay_max": ("最大延期", "Max delay"),
    "prob_target": ("达标概率 P(Y(N)≥T)", "P(target) = Pr[Y(N) ≥ T]"),
    "mean": ("均值", "Mean"),
    "std": ("标准差", "Std dev"),
    "first_year": ("首次达到目标的年份", "First year the target is reached"),
    "share_of_draws": ("占模拟次数比例", "Share of draws"),
    "chart_fan": ("总产值分位数(亿元)", "Total output quantiles (100m CNY)"),
    "chart_first_year": ("首次达标年份分布", "Distribution of the first year reaching the target"),
}


def text(key: str, lang: str) -> str:
    zh, en = TEXTS[key]
    return zh if lang == "zh" else en
