"""Help menu: About, and a short page on how the model works (Chinese and English).

The model page is prose, kept here in both languages rather than split into .ts
messages; it is chosen by the interface language.
"""
from __future__ import annotations

import html
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

translate = QCoreApplication.translate

ARTICLE = "《乐山高新区:奋力打造千亿级产业园区》(2024)"


def version() -> str:
    try:
        return metadata.version("qianyi-planner")
    except metadata.PackageNotFoundError:
        return "dev"


def _notes() -> list[tuple[str, str]]:
    from sample_data.leshan import NOTES
    return list(NOTES)


def about_html(lang: str) -> str:
    notes = "".join(f"<li><b>{html.escape(k)}</b>: {html.escape(v)}</li>" for k, v in _notes())
    if lang == "zh":
        return (f"<h2>千亿情景规划器 {version()}</h2>"
                "<p>为乐山高新区等园区的规划人员测算各产业链产值、项目、招商储备和孵化对"
                "“千亿”目标(1000亿元)的贡献，并比较不同情景。</p>"
                "<p><b>样例数据说明:</b>样例中各产业链的基期产值、增长率、投入产出比，"
                "以及2024–2025年实绩、2025–2026年月度实绩和目标分解等均为"
                f"<b>示意值</b>，仅用于演示;事实依据来自2024年报道{ARTICLE}，"
                "摘录如下(sample_data/leshan.NOTES):</p>"
                f"<ul>{notes}</ul>")
    return (f"<h2>Qianyi Scenario Planner {version()}</h2>"
            "<p>Projects the industry output of a park such as 乐山高新区 chain by chain — "
            "base output, projects, investment pipeline and incubation — toward the 千亿 "
            "target (100 billion yuan = 1000 亿元), and compares scenarios.</p>"
            "<p><b>About the sample:</b> the chains' base-year output, growth and output "
            "ratios, and the 2024–2025 actuals, the 2025–2026 monthly figures and the "
            "targets are <b>illustrative</b> values for demonstration, not official "
            f"statistics. The facts come from the 2024 article {ARTICLE}; "
            "the notes kept with the sample (sample_data/leshan.NOTES) are:</p>"
            f"<ul>{notes}</ul>")


MODEL_ZH = """
<h2>模型如何计算</h2>
<p>所有金额单位为<b>亿元</b>。基期 y0 为历史年，预测期为 y0+1 至终止年份。</p>
<h3>四个组成部分(按产业链)</h3>
<ol>
<li><b>存量增长</b>:基期产值按年增长率逐年增长。</li>
<li><b>重点项目</b>:投资额 × 投入产出比 × 实现概率(取决于阶段:储备、签约、开工、在建、投产)
× 爬坡曲线(投产后各年达产比例)。延期年数推迟投产年份;基期已有的产出不重复计算。</li>
<li><b>招商储备</b>:每年新签约投资经过建设期后投产，按“签约”阶段概率实现。</li>
<li><b>孵化</b>:毕业企业数 × 单企营收，进入产业链后随产业链增长。</li>
</ol>
<p>各部分之和乘以<b>价格指数</b>(相对基期)得到现价产值;各链相加即总产值 Y(年)，
与目标值(默认1000亿元 = 千亿)比较。</p>
<h3>指标</h3>
<ul>
<li>达到目标年份:总产值首次不低于目标值的年份;预测期内未达到时如实显示。</li>
<li>目标年份产值 Y(N) 与缺口(目标 − Y(N)，正值为缺口，负值为超出)。</li>
<li>所需年均增速 (T / Y(y0))^(1/(N−y0)) − 1 与预计年均增速 (Y(N) / Y(y0))^(1/(N−y0)) − 1。</li>
<li>增加值 = 各链产值 × 增加值率;固定资产投资按建设期平均分摊，不乘价格指数。</li>
</ul>
<h3>情景</h3>
<p>情景可以继承上级情景:先取上级情景的全部输入，再按顺序应用本情景的调整行
(设定、增加或乘以某个值，可限定年份)。在左侧情景树中选择情景即可查看其结果;
新建子情景、复制、重命名、删除均可撤销。</p>
<p>样例数据中的基期产值、实绩与月度数据等为示意值，详见“关于”。</p>
"""

MODEL_EN = """
<h2>How the model works</h2>
<p>All money is in <b>亿元</b> (100 million yuan). The base year y0 is history; the
projection runs from y0+1 to the end year.</p>
<h3>Four components, per industry chain</h3>
<ol>
<li><b>Base</b>: the base-year output grows by the chain's growth rate each year.</li>
<li><b>Projects</b>: investment × output ratio × probability of realization (by stage:
reserve, signed, started, under construction, in production) × ramp (the share of
capacity reached in each year after production starts). A delay moves the production
year; output already in the base year is not counted twice.</li>
<li><b>Pipeline</b>: new investment signed each year starts producing after the build
years and realizes with the probability of the “signed” stage.</li>
<li><b>Incubation</b>: graduating firms × revenue per firm, growing with the chain
afterwards.</li>
</ol>
<p>The sum, multiplied by the chain's <b>price index</b> (relative to the base year), is
output at current prices; the chains add up to total output Y(year), which is compared
with the target (by default 1000 亿元 = 千亿).</p>
<h3>Indicators</h3>
<ul>
<li>Target reached: the first year with total output at or above the target, or
“not within horizon”.</li>
<li>Output in the target year Y(N), and the gap (target − Y(N): positive is a shortfall,
negative a surplus).</li>
<li>Required growth (T / Y(y0))^(1/(N−y0)) − 1 against projected growth
(Y(N) / Y(y0))^(1/(N−y0)) − 1.</li>
<li>Value added = chain output × value-added rate; fixed-asset investment is spread evenly
over the build years and is not multiplied by the price index.</li>
</ul>
<h3>Scenarios</h3>
<p>A scenario can inherit from a parent: it starts from the parent's inputs and then
applies its own adjustment rows in order (set, add or multiply, optionally for some
years). Select a scenario in the tree on the left to see its results; new child,
duplicate, rename and delete can all be undone.</p>
<p>The sample's base values, actuals and monthly figures are illustrative; see About.</p>
"""


def model_html(lang: str) -> str:
    return MODEL_ZH if lang == "zh" else MODEL_EN


class HtmlDialog(QDialog):
    def __init__(self, title: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 620)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None, lang: str) -> None:
    HtmlDialog(translate("Help", "About Qianyi Scenario Planner"), about_html(lang),
               parent).exec()


def show_model_help(parent: QWidget | None, lang: str) -> None:
    HtmlDialog(translate("Help", "How the model works"), model_html(lang), parent).exec()


GUIDE_DIR = Path(__file__).resolve().parent / "guide"   # docs/user-guide*.md, packaged


def guide_path(lang: str) -> Path:
    return GUIDE_DIR / ("user-guide.md" if lang == "zh" else "user-guide.en.md")


def guide_markdown(lang: str) -> str:
    """The bundled user guide (Markdown) in the interface language."""
    try:
        return guide_path(lang).read_text(encoding="utf-8")
    except OSError:
        return translate("Help", "The user guide is not installed with this copy of the app.")


class GuideDialog(HtmlDialog):
    """The user guide rendered in the app (F1, Help → User guide); not modal."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("Help", "User guide"), "", parent)
        self.browser.setMarkdown(guide_markdown(lang))
        self.resize(860, 700)


def show_user_guide(parent: QWidget | None, lang: str) -> GuideDialog:
    dialog = GuideDialog(lang, parent)
    dialog.show()
    dialog.raise_()
    return dialog
