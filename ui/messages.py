"""Problem messages in the interface language.

planner/ words its validation messages in English (the CLI prints them, tests match
them). In the Chinese interface they are shown in Chinese: known phrases are replaced
in order, then field keys become their Chinese labels (models.labels). A phrase this
table does not know stays English, so nothing is ever lost or garbled.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from models import ValidationIssue, labels

# (pattern, replacement), most specific first.
_PHRASES: list[tuple[str, str]] = [
    (r"the saving process stopped unexpectedly; nothing was changed on disk",
     r"保存进程意外停止；磁盘上的文件未被改动"),
    (r"a total row \(合计/总计\), skipped", "合计行(合计/总计)，已跳过"),
    (r"the investment column '([^']*)' names no unit; read as 亿元 \(choose 万元 if the list "
     r"is in 万元\)", r"投资列“\1”未注明单位，按亿元读取(如清单以万元计，请选择万元)"),
    (r"investment (\S+) 亿元 is very large; is the list in 万元\?",
     r"投资额 \1 亿元过大，清单是否以万元计？"),
    (r"growth (\S+)% is outside -50% to 100%", r"增长率 \1% 超出 −50% 至 100% 的范围"),
    (r"probability changes by (\S+) points \((\S+)% to (\S+)%\)",
     r"实现概率变化 \1 个百分点(\2% → \3%)"),
    # v2: notices of the evaluation (slipped projects, history rows, targets)
    (r"project (\S+) was due in (\d+) \(a complete year\), stage still (\S*): update its "
     r"stage or production year \(counted from (\d+)\)",
     r"项目 \1 原定\2年投产（该年已结束），阶段仍为“\3”：请更新其阶段或投产年份（暂按\4年起计算）"),
    (r"project (\S+) is due in (\d+) and not yet producing, stage still (\S*): update its "
     r"stage or production year \(counted from (\d+)\)",
     r"项目 \1 计划\2年投产但尚未投产，阶段仍为“\3”：请更新其阶段或投产年份（暂按\4年起计算）"),
    (r"^scenario ([^:]+): (?=项目)", r"情景“\1”："),
    (r": its years are all at or before (\d+) \(history\), so it changes the plan path only",
     r"：其年份均不晚于\1年（已成历史），只影响规划路径"),
    (r"target method 'scenario': the reference scenario (.+?) does not grow from (\d+) to "
     r"(\d+) \(([^)]*)\), so the targets follow the even method",
     r"目标分解方式“按情景”：参考情景“\1”从\2年到\3年没有增长（\4），改按等速分解"),
    (r"targets cannot be decomposed: the even method needs a positive output in (\d+) "
     r"\(([^)]*)\); give the park total for (\d+) in the Targets sheet",
     r"无法分解目标：等速分解要求\1年产值为正（\2）；请在目标分解表中给出\3年的园区合计"),
    (r"targets for (\d+): the locked chains \(([^)]*)\) exceed the park total \(([^)]*)\) "
     r"with chains left to share the remainder",
     r"\1年目标：已锁定产业链之和（\2）超过园区合计（\3），其余产业链无可分配"),
    (r"targets for (\d+): every chain is locked and their sum differs from the park total by "
     r"(\S+) \(unallocated\)",
     r"\1年目标：所有产业链均已锁定，其和与园区合计相差 \2（未分配）"),
    # v2: actuals, monthly figures, targets and pasted statistics tables
    (r"enter the output of '([^']*)' in (\d+) before its (\w+)",
     r"请先录入“\1”\2年的产值，再录入\3"),
    (r"'([^']*)' (\d+) has the combined 1-2月 release; January is inside it \(remove the "
     r"1-2月 row to enter January alone\)",
     r"“\1”\2年已有1-2月合计数，1月已包含在内（如需单独录入1月，请先删除1-2月数据）"),
    (r"(?:an actual's|a monthly|a target's) year must be from (\d+) to (\d+)",
     r"年份须在 \1 至 \2 之间"),
    (r"^row (\d+), column (\d+) \(([^)]*)\): ", r"第\1行第\2列（\3）："),
    (r"^row (\d+), column (\d+): ", r"第\1行第\2列："),
    (r"^row (\d+) \(([^)]*)\): ", r"第\1行（\2）："),
    (r"^row (\d+): ", r"第\1行："),
    (r"chain '([^']*)' appears twice \(rows (\d+) and (\d+)\)",
     r"产业链“\1”出现了两次（第\2行和第\3行）"),
    (r"chain '([^']*)' appears twice", r"产业链“\1”出现了两次"),
    (r"^column (\d+): '([^']*)' is not a month \(3月, 1-2月, 1-5月累计\)",
     r"第\1列：“\2”不是月份（如 3月、1-2月、1-5月累计）"),
    (r"^column (\d+): '([^']*)' is not a year \(2025 or 2025年\)",
     r"第\1列：“\2”不是年份（如 2025 或 2025年）"),
    (r"the table mixes monthly and 累计 \(year-to-date\) columns; paste one kind",
     "表格同时含有当月列和累计列；请只粘贴一种"),
    (r"the table has both 1月 and 1-2月; 1-2月 already holds January",
     "表格同时含有1月和1-2月；1-2月已包含1月"),
    (r"the month (\S+) appears in more than one column", r"月份 \1 出现在多列中"),
    (r"the year (\d+) appears in more than one column", r"年份 \1 出现在多列中"),
    (r"the header row names no month \(3月, 1-2月, 1-5月累计\)",
     "表头中没有月份（如 3月、1-2月、1-5月累计）"),
    (r"the header row names no year \(2025 or 2025年\)", "表头中没有年份（如 2025 或 2025年）"),
    (r"paste a table with a header row of months and a row per chain",
     "请粘贴带月份表头、每条产业链一行的表格"),
    (r"paste a table with a header row of years and a row per chain",
     "请粘贴带年份表头、每条产业链一行的表格"),
    (r"the year-to-date figures must run without gaps from 1月 \(or 1-2月\): (\S+) missing",
     r"累计数须从1月（或1-2月）起连续：缺少\1"),
    (r"the year to date falls from (\S+) to (\S+) in (\S+)", r"累计数在\3从 \1 降到 \2"),
    (r"the (?:output|amount) must not be negative", "金额不能为负数"),
    (r" \(and (\d+) more\)", r"（另有 \1 处）"),
    (r"must be a number", "须为数值"),
    (r"growth must be greater than -1 \(−100%\)", "增长率须大于 -1(即 −100%)"),
    # the v2 sheets: Actuals, MonthlyActuals, Targets (planner.checks.actuals)
    (r"missing the actual output of chain '([^']*)' in (\d+): every chain needs a row for "
     r"every year from (\d+) to (\d+) \(the latest year on the sheet\)",
     r"缺少产业链“\1” \2 年的实绩产值:从 \3 年到 \4 年(表中最新年份)每个产业链每年都须有一行"),
    (r" \(the years after the base year up to the year after the latest Actuals year (\d+)\)",
     r"(基期之后、至最新实绩年份 \1 的次年)"),
    (r" \(the year after the base year while the Actuals sheet is empty\)",
     "(实绩表为空时只能是基期次年)"),
    (r" \(up to the target year\)", "(至目标年份)"),
    (r"year must be (\d+)\b", r"年份须为 \1"),
    (r"year must be a year such as 2025 or 2025年", "年份应为年份,如 2025 或 2025年"),
    (r"month must be a whole number from 1 to 12", "月份须为 1 到 12 之间的整数"),
    (r"month must be a month 1–12 \(10 or 10月\) or 1-2月 for the combined January–February "
     r"release", "月份应为 1–12(如 10 或 10月),合并发布的 1–2 月写 1-2月"),
    (r"only month 2 can be the combined 1-2月 release", "只有 2 月可以是 1-2月合并数据"),
    (r"duplicate row for chain '([^']*)', year (\d+) and (\S+)",
     r"产业链“\1” \2 年 \3 的行重复"),
    (r"'([^']*)' (\d+) has both 1月 and the combined 1-2月 release \(row (\d+)\); keep one of "
     r"them", r"“\1” \2 年同时有 1月 和 1-2月合并数据(第 \3 行),请保留其一"),
    (r"chain '([^']*)' has no (\d+) figure for ([^:]+): in the current year \d+ every chain "
     r"needs the same months \(([^)]*)\)",
     r"产业链“\1”缺少 \2 年 \3 的数据:当年每个产业链须有相同的月份(\4)"),
    (r"the twelve months of '([^']*)' (\d+) on the monthly sheet sum to ([\d,.]+), not the "
     r"annual actual ([\d,.]+) \(more than 2% apart(?:, ([^)]*))?\); the annual figure is used",
     r"“\1” \2 年月度实绩 12 个月合计 \3,与全年实绩 \4 相差超过 2%(\5);以全年实绩为准"),
    (r"the year-to-date rows of '([^']*)' (\d+) must run without gaps from 1月 \(or 1-2月\): "
     r"(\S+) missing before (\S+)",
     r"“\1” \2 年的累计数须从 1月(或 1-2月)起逐月连续:\4 之前缺少 \3"),
    (r"the year to date of '([^']*)' (\d+) falls from (\S+) \(([^)]*)\) to (\S+) \(([^)]*)\); "
     r"a year-to-date figure cannot fall",
     r"“\1” \2 年的累计数从 \3(\4)降到 \5(\6);累计数不能下降"),
    (r"the sheet has both a monthly column output \(当月产值\) and a year-to-date column ytd "
     r"\(累计产值\); keep one of them", "表中同时有“当月产值”和“累计产值”两列,请只保留其一"),
    (r"missing the amount column: output \(当月产值\) for each month's own output, or ytd "
     r"\(累计产值\) for the year to date", "缺少金额列:“当月产值”或“累计产值”"),
    (r"duplicate target for the park total in (\d+)", r"\1 年的园区合计目标重复"),
    (r"duplicate target for '([^']*)' in (\d+)", r"产业链“\1” \2 年的目标重复"),
    (r"unknown chain '([^']*)' \(not on the Chains sheet; 合计/total/\* is the park total\)",
     r"未知产业链“\1”(产业链表中没有;园区合计写 合计/total/*)"),
    (r"nowcast_anchor must be 1 or 0 \(是/否\)", "以月度推算为基数须为 1 或 0(是/否)"),
    (r"target_method must be one of even/等速, scenario/按情景",
     "目标分解方式须为 等速(even) 或 按情景(scenario)"),
    (r"target_scenario '([^']*)' is not a scenario on the Scenarios sheet",
     r"目标参考情景“\1”不是情景表中的情景"),
    (r"must be a whole number from 0 to (\d+)", r"须为 0 到 \1 之间的整数"),
    (r"must be a whole number \(a year\)", "须为整数(年份)"),
    (r"must be a whole number of at least (\d+)", r"须为不小于 \1 的整数"),
    (r"must be a number of at least (\d+)", r"须为不小于 \1 的数"),
    (r"must be a whole number", "须为整数"),
    (r"must be between 0 and 1", "须在 0 到 1 之间"),
    (r"must not be negative", "不能为负数"),
    (r"must be at most (\S+)", r"不能大于 \1"),
    (r"must not exceed (\w+) (\S+)", r"不能超过 \1 \2"),
    (r"expected a finite number", "应为有限的数值"),
    (r"expected a number; percent text is only read in rate columns",
     "应为数值;百分数文字只在比率列中识别"),
    (r"expected a number", "应为数值"),
    (r"expected 1 or 0", "应为 1 或 0"),
    (r"a ramp is a comma list of numbers(?: from 0 to 5)?,? e\.g\. 0\.3,0\.7,1",
     "爬坡曲线应为逗号分隔的数字,如 0.3,0.7,1"),
    (r"ramp values must be numbers from 0 to 5", "爬坡曲线的数值须在 0 到 5 之间"),
    (r"unknown chain '([^']*)' \(not on the Chains sheet\)", r"未知产业链“\1”(产业链表中没有)"),
    (r"unknown chain '([^']*)'", r"未知产业链“\1”"),
    (r"unknown project '([^']*)'", r"未知项目“\1”"),
    (r"unknown stage '([^']*)'", r"未知阶段“\1”"),
    (r"unknown scenario '([^']*)'", r"未知情景“\1”"),
    (r"unknown parent scenario '([^']*)'", r"未知上级情景“\1”"),
    (r"unknown (?:op|operation) '([^']*)'", r"未知调整方式“\1”"),
    (r"unknown field '([^']*)'", r"未知字段“\1”"),
    (r"unknown table '([^']*)'", r"未知表“\1”"),
    (r"\(expected one of ([^)]*)\)", r"(应为以下之一:\1)"),
    (r"duplicate chain name '([^']*)'", r"产业链名称“\1”重复"),
    (r"duplicate project id '([^']*)'", r"项目编号“\1”重复"),
    (r"duplicate scenario name '([^']*)'", r"情景名称“\1”重复"),
    (r"duplicate stage '([^']*)'", r"阶段“\1”重复"),
    (r"duplicate row for chain '([^']*)' and year (\d+)", r"产业链“\1”、年份 \2 的行重复"),
    (r"\(first on row (\d+)\)", r"(首次出现在第 \1 行)"),
    (r"scenario cycle: ", "情景循环继承:"),
    (r"(\w+) is required", r"\1 为必填项"),
    (r"missing required column (\w+)", r"缺少必需的列 \1"),
    (r"missing required sheet (\w+)", r"缺少必需的表 \1"),
    (r"missing required setting (\w+)", r"缺少必需的参数 \1"),
    (r"year must be from (\d+) to (\d+)", r"年份须在 \1 至 \2 之间"),
    (r"years? '?([^' ]*)'? must lie within (\d+)-(\d+)", r"年份 \1 须在 \2-\3 之内"),
    (r"end_year must be after base_year (\d+)", r"预测终止年份须晚于基期年份 \1"),
    (r"target_year must be from (\d+) to (\d+)", r"目标年份须在 \1 至 \2 之间"),
    (r"has no years; leave years empty", "没有年份,年份一栏应留空"),
    (r"cannot apply to text field (\w+)", r"不能用于文字字段 \1"),
    (r"(add|mul) on text, use set", r"文字字段不能用 \1,请用 set"),
    (r"op must be set, add or mul", "调整方式须为 set、add 或 mul"),
    (r"include must be 1 or 0", "纳入须为 1 或 0"),
    (r"gives (\w+) (\S+): ", r"会使 \1 变为 \2:"),
    (r"scenario ([^:]+): override ", r"情景“\1”的调整行 "),
    (r"is above 100% a year; check the unit \(0\.08 = 8%\)",
     "每年超过 100%,请检查单位(0.08 = 8%)"),
    (r"is above 5; the index is relative to the base year \(1\.0\)",
     "大于 5;价格指数以基期为 1.0"),
    (r"unknown sheet, ignored", "未知的表,已忽略"),
    (r"unknown column '([^']*)', ignored", r"未知的列“\1”,已忽略"),
    (r"unknown setting '([^']*)', ignored", r"未知的参数“\1”,已忽略"),
    (r"a value without a setting name, ignored", "有值但没有参数名,已忽略"),
    (r" \(did you mean ([^?]*)\?\)", r"(是否应为“\1”?)"),
    (r"the formula (.*) has no saved result \(公式没有保存的计算结果\): the file was written "
     r"by a program that does not calculate; open and save it in Excel or WPS, or type the "
     r"value into the cell",
     r"公式 \1 没有保存的计算结果:该文件由不计算公式的程序生成;请用 Excel 或 WPS 打开并保存,"
     r"或直接在单元格中填写数值"),
    (r"a header is a formula without a saved result; type the column name",
     "表头是没有计算结果的公式,请直接填写列名"),
    (r"(\w+) is in (\S+): values are converted to 亿元 \(÷ ([\d,^]+)\)",
     r"\1 以\2为单位:数值已换算为亿元(÷ \3)"),
    (r"(\w+) is headed with %: the cells are percentages \(6 = 6%\)",
     r"\1 的表头带 %:单元格按百分数读取(6 即 6%)"),
    (r"(\w+): unknown unit (.*) in the header (.*); money columns are in 亿元 "
     r"\(or 万元, 千元, 百万元, 元, converted\)",
     r"\1:表头 \3 中的单位 \2 无法识别;金额列以亿元为单位(也可用万元、千元、百万元、元,会自动换算)"),
    (r"the sheet '([^']*)' is listed in the workbook but its part(?: (\S+))? is missing",
     r"工作簿列出了表“\1”,但其内容(\2)缺失"),
    (r"\(open it in Excel or WPS and save it again\)", "(请用 Excel 或 WPS 打开后重新保存)"),
    (r"the sheet is too large: more than ([\d,]+) rows hold values; this row is one too many",
     r"表过大:有值的行超过 \1 行;本行已超出"),
    (r"is too large: more than ([\d,]+) XML elements (in one part|in the sheets read "
     r"together); the workbook holds far more than a plan needs \(delete unused rows, "
     r"formatting or sheets and save it again\)",
     r"过大:超过 \1 个 XML 元素;工作簿的内容远超规划所需(请删除多余的行、格式或表后重新保存)"),
    (r"the shared strings \((\S+)\) hold more than ([\d,]+) texts; the workbook is far "
     r"larger than a plan needs", r"共享文本(\1)超过 \2 条;工作簿远超规划所需"),
    (r"points at shared text (.*) that does not exist", r"引用了不存在的共享文本 \1"),
    (r"it uses a zip feature that is not supported; (?:open it in Excel or WPS and )?save "
     r"it again as \.xlsx", "使用了不支持的压缩格式;请用 Excel 或 WPS 重新保存为 .xlsx"),
    (r"contains forbidden XML declarations \(a DTD or entities\), a possible XML attack; "
     r"refusing to read it", "含有被禁止的 XML 声明(DTD 或实体),可能是 XML 攻击,拒绝读取"),
    (r"this is a chart or macro sheet, not a worksheet; ignored", "这是图表或宏表,不是工作表,已忽略"),
    (r"the results are not finite numbers \(([^)]*)\): an input is far too large or a growth "
     r"is too close to −100%; check the base outputs, investments, growth rates and the "
     r"analysis options",
     r"结果不是有限数值(\1):某项输入过大或增长率过于接近 −100%;请检查基期产值、投资额、增长率和分析选项"),
    (r"the workbook is too large to read in the memory available", "工作簿过大,内存不足以读取"),
    (r"(\w+) is ([\d,]+) characters long; a workbook cell holds at most ([\d,]+)",
     r"\1 长 \2 个字符;工作簿单元格最多容纳 \3 个字符"),
    (r"(\w+) must not begin or end with spaces", r"\1 的首尾不能有空格"),
    (r"draws must be a whole number from 1 to ([\d,]+)", r"模拟次数须为 1 到 \1 之间的整数"),
    (r"the seed must be a whole number ≥ 0", "随机种子须为不小于 0 的整数"),
    (r"growth_sd and price_sd must be numbers from 0 to (\S+)",
     r"增长率标准差和价格波动率须在 0 到 \1 之间"),
    (r"delay_mode and delay_max must be finite numbers", "延期众数和最大延期须为有限数值"),
    (r"the output is an \.xlsx workbook; give a name ending in \.xlsx",
     "输出为 .xlsx 工作簿,文件名须以 .xlsx 结尾"),
    (r"--mix: (\S+) is given twice", r"--mix:\1 重复给出"),
    (r"… ?and ([\d,]+) more", r"……另有 \1 条"),
    (r"the file is damaged or not a valid workbook", "文件已损坏或不是有效的工作簿"),
    (r"the file does not exist", "文件不存在"),
    (r"the file is empty", "文件为空"),
    (r" in header row 1", "(表头第 1 行)"),
    (r" \(all\) ", " (全部年份) "),
    (r"\(found ([^)]*)\)", r"(实际为 \1)"),
    (r"no font with Chinese characters was found for the report's charts; install one "
     r"\(Linux: fonts-noto-cjk; Windows: Microsoft YaHei or SimHei; macOS: PingFang SC\) "
     r"and try again",
     "未找到含中文字符的字体，无法绘制汇报材料的图表；请安装一种（Linux：fonts-noto-cjk；"
     "Windows：微软雅黑或黑体；macOS：苹方）后重试"),
]


@functools.cache
def _compiled() -> list[tuple[re.Pattern, str]]:
    """The phrases compiled, on the first translation (not at start-up)."""
    return [(re.compile(p), r) for p, r in _PHRASES]


def _field_labels() -> dict[str, str]:
    out: dict[str, str] = {}
    for columns in labels.COLUMNS.values():
        for key, zh in columns.items():
            out.setdefault(key, zh)
    out.update({k: v[0] for k, v in labels.SETTINGS.items()})
    out.update({k: v[0] for k, v in labels.STAGES.items()})
    out.update({"index": "价格指数", "growth": "增长率"})
    return out


_FIELDS = _field_labels()
_FIELD_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _FIELDS), key=len,
                                                  reverse=True)) + r")\b")
_SHEETS_EN = {v: labels.SHEETS[k] for k, v in labels.SHEET_EN.items()}


def translate(message: str, lang: str) -> str:
    """``message`` in the interface language (unchanged for English)."""
    if lang != "zh":
        return message
    text = message
    for pattern, replacement in _compiled():
        if pattern.search(text):   # sub() would parse the replacement even without a match
            text = pattern.sub(replacement, text)
    text = _FIELD_RE.sub(lambda m: _FIELDS[m.group(1)], text)
    return text


def issue_text(issue: ValidationIssue | str, lang: str) -> str:
    """One line "FILE: SHEET!CELL: message" with the message translated."""
    if isinstance(issue, str):
        return translate(issue, lang)
    where = str(issue.location)
    message = translate(issue.message, lang)
    return f"{where}: {message}" if where else message


# why a file could not be written (planner/io/atomic.py): the reason only, the path is
# shown as it is (a field name in a file name must stay as written)
_WRITE_REASONS: list[tuple[str, str]] = [
    (r"^the file is locked or read-only \(is it open in Excel or WPS\?\)$",
     r"文件被锁定或只读（是否正在 Excel 或 WPS 中打开？）"),
    (r"^the folder (.+) does not exist$", r"文件夹 \1 不存在"),
    (r"^the folder (.+) is not writable$", r"文件夹 \1 不可写"),
    (r"^a folder of that name exists$", r"已有同名文件夹"),
    (r"^(.+) is not a folder$", r"\1 不是文件夹"),
    (r"^No space left on device$", r"磁盘空间不足"),
    (r"^Permission denied$", r"没有写入权限"),
    (r"^Read-only file system$", r"文件系统只读"),
    (r"^File exists$", r"已有同名文件"),
    (r"^another window holds its lock$", r"另一个窗口正在使用此恢复文件"),
]


def error_text(exc: BaseException, lang: str) -> str:
    """An error of a save, an export or a report in the interface language: a file that
    cannot be written names its path unchanged and the reason translated."""
    path, reason = getattr(exc, "path", None), getattr(exc, "reason", None)
    if path is None or not isinstance(reason, str):
        return translate(str(exc), lang)
    if lang != "zh":
        return str(exc)
    for pattern, replacement in _WRITE_REASONS:
        reason, hits = re.subn(pattern, replacement, reason)
        if hits:
            break
    return f"无法写入 {path}：{reason}"


MAX_LISTED = 50  # problems listed; the rest are counted (a million-row sheet stays readable)


def more_text(count: int, lang: str) -> str:
    return f"……另有 {count:,} 条" if lang == "zh" else f"…and {count:,} more"


def issues_text(issues: Sequence[ValidationIssue | str], lang: str,
                limit: int = MAX_LISTED) -> str:
    """The first ``limit`` problems, one a line, then how many more there are."""
    lines = [issue_text(i, lang) for i in list(issues)[:limit]]
    if len(issues) > limit:
        lines.append(more_text(len(issues) - limit, lang))
    return "\n".join(lines)
