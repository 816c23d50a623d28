"""The report's words in Chinese and English; one table, read through :class:`Words`."""
from __future__ import annotations

from models import labels

TEXT: dict[str, tuple[str, str]] = {
    # title block
    "title": ("{park}{metric}目标推进情况汇报", "{park}: progress toward the {metric} target"),
    "park_default": ("园区", "The park"),
    "as_of_month": ("数据截至{year}年{month}月", "Data as of {month_en} {year}"),
    "as_of_year": ("数据截至{year}年底", "Data as of the end of {year}"),
    "as_of_plan": ("规划基期{year}年，尚无实绩", "Plan from base year {year} (no actuals yet)"),
    "goal_line": ("目标：{year}年{metric}达到{value}　｜　情景：{scenario}　｜　印发日期：{date}",
                  "Target: {metric} {value} by {year}  |  Scenario: {scenario}  |  Issued {date}"),
    "date": ("{y}年{m}月{d}日", "{d} {month_en} {y}"),
    # section headings
    "h_conclusions": ("核心结论", "Key findings"),
    "h_kpis": ("主要指标", "Key figures"),
    "h_charts": ("图表分析", "Charts"),
    "h_targets": ("目标分解", "Targets by chain"),
    "h_progress": ("本年进度（分产业链）", "This year's progress by chain"),
    "h_pipeline": ("项目推进（“四个一批”）", "Project pipeline by stage"),
    "h_slipped": ("延期项目", "Slipped projects"),
    "h_appendix_scenarios": ("附录一　情景假设", "Appendix 1  Scenario assumptions"),
    "h_appendix_notes": ("附录二　数据说明", "Appendix 2  Data notes"),
    # conclusions
    "c_ytd": ("{year}年{months}，全区{metric}累计完成{ytd}。",
              "In {months_en} {year} the park's {metric} came to {ytd}."),
    "c_ytd_target": ("{year}年{months}，全区{metric}累计完成{ytd}，完成年度目标{target}的{completion}，"
                     "{side}时序进度（{time}）{pp}个百分点。",
                     "In {months_en} {year} the park's {metric} came to {ytd}, {completion} of the "
                     "year's target of {target}, {pp} points {side} time progress ({time})."),
    "c_estimate": ("按各产业链往年月度分布推算，全年预计完成{estimate}。",
                   "Scaled by each chain's seasonal pattern, the year is estimated at {estimate}."),
    "c_estimate_seasonal": ("按各产业链往年月度分布，1—{m}月应完成{expected}，实际{side}季节性预期{pp}个百分点；"
                            "全年预计完成{estimate}。",
                            "By each chain's seasonal pattern {expected} was due by month {m}; the "
                            "park is {pp} points {side} that, and the year is estimated at {estimate}."),
    "c_actual": ("{year}年全区{metric}实绩{actual}，较规划路径{side}{dev}（{ratio}）。",
                 "In {year} the park's {metric} was {actual}, {dev} ({ratio}) {side} the plan path."),
    "c_target": ("按{scenario}情景{kind}，{year}年{metric}为{value}，{gap_text}。",
                 "On the {scenario} {kind_en}, {metric} in {year} is {value}: {gap_text}."),
    "gap_short": ("距{target}目标尚差{gap}", "{gap} short of the {target} target"),
    "gap_surplus": ("超过{target}目标{gap}", "{gap} above the {target} target"),
    "gap_met": ("恰好达到{target}目标", "exactly the {target} target"),
    "kind_forecast": ("滚动预测", "re-forecast"),
    "kind_plan": ("预测", "projection"),
    "c_cagr_anchor": ("从{year}年{what}{start}出发，{year_n}年实现目标需{avg}增长{required}，"
                      "{scenario}情景预计{avg}增长{implied}。",
                      "From {what_en} {start} in {year}, reaching the target by {year_n} needs "
                      "{avg_en}growth of {required}; the {scenario} scenario implies {implied}."),
    "what_estimate": ("预计值", "the estimate of"),
    "what_actual": ("实绩", "the actual"),
    "what_base": ("基期值", "the base value"),
    "avg_many": ("年均", "average annual "),
    "avg_one": ("", ""),
    "c_mc": ("按设置中的参数进行{draws}次蒙特卡洛模拟（随机种子{seed}），{scenario}情景{year}年达到目标的概率为{prob}。",
             "A Monte Carlo run of {draws} draws with the workbook's settings (seed {seed}) gives "
             "the {scenario} scenario a {prob} chance of reaching the target in {year}."),
    "c_scenarios": ("{count}个情景中，{parts}。", "Of {count} scenarios, {parts}."),
    "c_on_time": ("{names}可在{year}年如期达到目标", "{names} reach the target on time in {year}"),
    "c_early": ("{names}可提前于{year}年达到目标", "{names} reach the target early, in {year}"),
    "c_late": ("{names}推迟至{year}年达到", "{names} reach it late, in {year}"),
    "c_never": ("{names}在预测期内（至{end}年）未能达到", "{names} do not reach it by {end}"),
    "list_sep": ("、", ", "),
    "part_sep": ("；", "; "),
    "above": ("高于", "ahead of"),
    "below": ("低于", "behind"),
    "same": ("持平于", "level with"),
    "higher": ("高", "above"),
    "lower": ("低", "below"),
    # KPI table
    "k_metric": ("指标", "Indicator"),
    "k_value": ("数值", "Value"),
    "k_ytd": ("{year}年{months}累计", "{year} year to date ({months_en})"),
    "k_year_target": ("{year}年目标", "{year} target"),
    "k_completion": ("完成率 / 时序进度", "Completion / time progress"),
    "k_ahead": ("较时序进度", "Against time progress"),
    "k_ahead_seasonal": ("较季节性预期", "Against the seasonal expectation"),
    "k_estimate": ("{year}年全年预计", "{year} full-year estimate"),
    "k_value_n": ("{year}年预测（{scenario}）", "{year} projection ({scenario})"),
    "k_target": ("{year}年目标", "{year} target"),
    "k_gap": ("{year}年缺口", "{year} gap"),
    "k_surplus": ("{year}年超出目标", "{year} surplus over the target"),
    "k_required": ("所需年均增速（自{year}年）", "Required annual growth (from {year})"),
    "k_implied": ("情景年均增速（自{year}年）", "Scenario's annual growth (from {year})"),
    "k_prob": ("达标概率（{draws}次模拟）", "Chance of the target ({draws} draws)"),
    "k_reached": ("预计达标年份", "Year the target is reached"),
    "k_not_reached": ("至{year}年未达到", "not by {year}"),
    "pp_unit": ("{x}个百分点", "{x} pp"),
    # charts
    "f_path": ("迈向{target}目标的路径", "The path to {target}"),
    "f_chains": ("分产业链产值（{scenario}）", "Output by chain ({scenario})"),
    "f_progress": ("{year}年各产业链完成率与时序进度", "Completion by chain in {year} against time progress"),
    "f_waterfall": ("{end}年产值来源（{scenario}，自{start}年）", "Where {end} output comes from ({scenario}, from {start})"),
    "f_tornado": ("敏感性分析：{year}年产值（{scenario}）", "Sensitivity of {year} output ({scenario})"),
    "f_fan": ("蒙特卡洛模拟区间（{scenario}）", "Monte Carlo range ({scenario})"),
    "figure": ("图{n}　{title}", "Figure {n}  {title}"),
    "table": ("表{n}　{title}", "Table {n}  {title}"),
    "cap_progress": ("竖线为按各产业链往年月度分布应完成的比例；绿色：高于该比例，红色：低于。虚线为时序进度。",
                     "Ticks: the share due by each chain's seasonal pattern; green: ahead of it, "
                     "red: behind it. Dashed: time progress."),
    "cap_chains": ("灰色底纹为实绩年份和本年预计。", "Shaded: actual years and this year's estimate."),
    "cap_path": ("实心点为实绩，空心点为本年预计，虚线为规划路径，粗线为{scenario}情景滚动预测，细线为其他情景，红色虚线为目标。",
                 "Dots: actuals; circle: this year's estimate; dashed: the plan path; thick line: "
                 "the {scenario} re-forecast; thin lines: other scenarios; red dashed: the target."),
    "cap_fan": ("深色带为25%–75%分位，浅色带为5%–95%分位，线为中位数。",
                "Dark band: 25th–75th percentile; light band: 5th–95th; line: the median."),
    "cap_tornado": ("每个因素取低值（红）和高值（蓝）时{year}年产值的变化，按影响大小排序。",
                    "Each factor at its low (red) and high (blue) setting; {year} output, largest swing first."),
    "cap_waterfall": ("从{start}年{start_value}到{end}年{end_value}的构成。",
                      "From {start_value} in {start} to {end_value} in {end}."),
    "legend_actual": ("实绩", "Actual"),
    "legend_estimate": ("{year}年预计", "{year} estimate"),
    "legend_seasonal": ("季节性应完成", "Seasonally expected"),
    "legend_plan": ("规划路径", "Plan path"),
    "legend_target": ("目标 {value}", "Target {value}"),
    "legend_target_year": ("目标年 {year}", "Target year {year}"),
    "legend_time": ("时序进度 {value}", "Time progress {value}"),
    "legend_median": ("中位数", "Median"),
    "legend_band_outer": ("5%–95%", "5%–95%"),
    "legend_band_inner": ("25%–75%", "25%–75%"),
    "legend_low": ("低值", "Low"),
    "legend_high": ("高值", "High"),
    "axis_unit": ("亿元", "100m CNY"),
    "wf_start": ("{year}年", "{year}"),
    "wf_base": ("基础增长", "Base growth"),
    "wf_stage": ("{stage}项目", "{stage} projects"),
    "wf_pipeline": ("招商储备", "Pipeline"),
    "wf_incubation": ("孵化", "Incubation"),
    "wf_price": ("价格", "Prices"),
    "wf_end": ("{year}年", "{year}"),
    "wf_gap": ("距目标", "Gap to target"),
    # tables
    "t_targets": ("{year}年与{year_n}年目标分解（{method}，参考情景：{reference}）",
                  "Targets for {year} and {year_n} ({method}; reference: {reference})"),
    "t_targets_n": ("{year_n}年目标分解（{method}，参考情景：{reference}）",
                    "Targets for {year_n} ({method}; reference: {reference})"),
    "method_even": ("等速分解", "even growth"),
    "method_scenario": ("按情景分解", "by scenario"),
    "t_quarters": ("{year}年分季度目标", "{year} targets by quarter"),
    "t_progress": ("{year}年{months}进度（分产业链）", "{year} progress by chain ({months_en})"),
    "t_stages": ("项目按阶段汇总", "Projects by stage"),
    "t_starts": ("{year}年计划开工项目", "Projects due to start in {year}"),
    "t_production": ("{year}年计划投产项目", "Projects due in production in {year}"),
    "t_slipped": ("已到投产年份但尚未投产的项目", "Projects past their production year, not producing"),
    "col_chain": ("产业链", "Chain"),
    "col_total": ("合计", "Total"),
    "col_target_y": ("{year}年目标", "{year} target"),
    "col_locked": ("（锁定）", " (locked)"),
    "col_estimate_y": ("{year}年预计", "{year} estimate"),
    "col_forecast_y": ("{year}年预测", "{year} projection"),
    "col_diff": ("预测−目标", "Projection − target"),
    "col_ytd": ("累计完成", "YTD"),
    "col_target": ("年度目标", "Target"),
    "col_completion": ("完成率", "Done"),
    "col_ahead": ("较时序进度（百分点）", "vs time (pp)"),
    "col_expected": ("季节性应完成", "Seasonal due"),
    "col_ahead_seasonal": ("较季节性预期（百分点）", "vs seasonal (pp)"),
    "col_estimate": ("全年预计", "Estimate"),
    "col_q": ("{q}季度", "Q{n}"),
    "col_year": ("全年", "Year"),
    "col_stage": ("阶段", "Stage"),
    "col_count": ("项目数", "Projects"),
    "col_investment": ("投资额（亿元）", "Investment (100m CNY)"),
    "col_probability": ("实现概率", "Probability"),
    "col_id": ("编号", "ID"),
    "col_name": ("项目名称", "Name"),
    "col_production_year": ("投产年份", "Production year"),
    "col_start_year": ("开工年份", "Start year"),
    "col_due": ("原定投产年份", "Due in"),
    "unallocated": ("未分配", "Unallocated"),
    "none_listed": ("无。", "None."),
    "slipped_text": ("以下项目的投产年份已到或已过，但阶段仍未到“投产”；滚动预测中按{year}年起投产计算。请核实并更新其阶段或投产年份。",
                     "These projects are past their production year but not yet in production; the "
                     "re-forecast counts them from {year}. Please check and update their stage or year."),
    "pipeline_text": ("纳入测算的项目{count}个，总投资{investment}（{scenario}情景）。",
                      "{count} projects included, {investment} of investment ({scenario} scenario)."),
    "progress_missing_target": ("本年没有分解目标，完成率从略。", "There is no target for this year; completion is not shown."),
    # appendix
    "a_root": ("{name}：{description}（基础情景，使用基础数据）", "{name}: {description} (root scenario, the base data)"),
    "a_child": ("{name}：{description}（在“{parent}”基础上调整）", "{name}: {description} (adjusts {parent})"),
    "a_no_rows": ("无调整。", "No adjustments."),
    "a_effect": ("（对{year}年产值{effect}）", " (effect on {year} output: {effect})"),
    "n_mc": ("蒙特卡洛模拟：{draws}次，随机种子{seed}，增长率标准差{growth_sd}，价格波动率{price_sd}，"
             "延期众数{delay_mode}年、最大{delay_max}年（均取自工作簿设置，结果可重现）。",
             "Monte Carlo: {draws} draws, seed {seed}, growth SD {growth_sd}, price volatility "
             "{price_sd}, delay mode {delay_mode} and max {delay_max} years (the workbook's "
             "settings, so the result is reproducible)."),
    "n_units": ("金额单位均为亿元（现价）；百分点指两个百分比之差。",
                "Money in 亿元 (100 million CNY) at current prices; points (pp) are differences of percentages."),
    "n_generated": ("本材料由千亿规划器根据工作簿自动生成，数值与“qianyi run --json”输出一致。",
                    "Generated by the 千亿 planner from the workbook; the numbers are those of `qianyi run --json`."),
    "n_warning": ("警告：{text}", "Warning: {text}"),
    "n_notice": ("提示：{text}", "Notice: {text}"),
}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
QUARTERS_ZH = ("一", "二", "三", "四")
NUMERALS_ZH = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


class Words:
    """``words("key", name=value)`` → the text in the report's language."""

    def __init__(self, lang: str = "zh") -> None:
        if lang not in ("zh", "en"):
            raise ValueError(f"unknown report language {lang!r}")
        self.lang = lang
        self.zh = lang == "zh"

    def __call__(self, key: str, **values: object) -> str:
        zh, en = TEXT[key]
        return (zh if self.zh else en).format(**values)

    def join(self, items: list[str]) -> str:
        return self("list_sep").join(items)

    def stage(self, key: str) -> str:
        return labels.stage_label(key, self.lang) if key in labels.STAGES else key

    def months(self, m: int) -> str:
        """The months of a year to date: "1—10月" / "January–October"."""
        if self.zh:
            return "1月" if m == 1 else f"1—{m}月"
        return MONTHS_EN[0] if m == 1 else f"January–{MONTHS_EN[m - 1]}"

    def heading(self, n: int, title: str) -> str:
        return f"{NUMERALS_ZH[n - 1]}、{title}" if self.zh else f"{n}. {title}"

    def date(self, d) -> str:
        return self("date", y=d.year, m=d.month, d=d.day, month_en=MONTHS_EN[d.month - 1])
