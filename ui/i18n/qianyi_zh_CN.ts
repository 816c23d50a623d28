<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AnalysisTabs</name>
    <message>
      <location filename="../analysis/__init__.py" line="+30" />
      <source>Goal seek</source>
      <translation>目标求解</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Sensitivity</source>
      <translation>敏感性分析</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Monte Carlo</source>
      <translation>蒙特卡洛模拟</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Compare</source>
      <translation>情景对比</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../app.py" line="+80" />
      <source>Cannot recover</source>
      <translation>无法恢复</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The autosaved copy cannot be read.</source>
      <translation>无法读取自动保存的副本。</translation>
    </message>
    <message>
      <location line="+94" />
      <source>Cannot open workbook</source>
      <translation>无法打开工作簿</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The workbook has problems; the sample is shown instead.</source>
      <translation>该工作簿存在问题,现显示样例数据。</translation>
    </message>
  </context>
  <context>
    <name>AssumptionsModel</name>
    <message>
      <location filename="../analysis/compare_models.py" line="+110" />
      <source>Table</source>
      <translation>表</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Item</source>
      <translation>对象</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Years</source>
      <translation>年份</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reference</source>
      <translation>参照值</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Scenario</source>
      <translation>情景值</translation>
    </message>
    <message>
      <location line="+13" />
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location line="+0" />
      <source>no</source>
      <translation>否</translation>
    </message>
  </context>
  <context>
    <name>ComparePanel</name>
    <message>
      <location filename="../analysis/compare_panel.py" line="+33" />
      <source>Compare scenarios</source>
      <translation>情景对比</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Scenarios on the chart:</source>
      <translation>图中显示的情景：</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Reference:</source>
      <translation>参照情景：</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Details for:</source>
      <translation>查看明细：</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Target %1</source>
      <translation>目标 %1</translation>
    </message>
    <message>
      <location line="+0" />
      <source>%1 (reference)</source>
      <translation>%1(参照)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>100m CNY (亿元)</source>
      <translation>亿元</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Total output by scenario</source>
      <translation>各情景总产值</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Output difference by chain and year (亿元)</source>
      <translation>分产业链逐年产值差异(亿元)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>What differs</source>
      <translation>假设差异</translation>
    </message>
    <message>
      <location line="+60" />
      <source>“%1” minus reference “%2”: %3 resolved assumption(s) differ.</source>
      <translation>“%1”减参照“%2”：共 %3 项假设不同。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Choose a scenario other than the reference to see what differs.</source>
      <translation>请选择参照情景以外的情景查看差异。</translation>
    </message>
  </context>
  <context>
    <name>DifferenceFrameModel</name>
    <message>
      <location filename="../analysis/compare_models.py" line="-75" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
  </context>
  <context>
    <name>Editors</name>
    <message>
      <location filename="../editors/tabs.py" line="+26" />
      <location line="+18" />
      <source>Add chain</source>
      <translation>添加产业链</translation>
    </message>
    <message>
      <location line="-4" />
      <location line="+5" />
      <source>Delete chain</source>
      <translation>删除产业链</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Pipeline: new investment signed (亿元)</source>
      <translation>招商储备:当年新签约投资(亿元)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Incubation: graduate firms</source>
      <translation>孵化:毕业企业数</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Incubation: revenue per graduate firm (亿元)</source>
      <translation>孵化:单企营收(亿元)</translation>
    </message>
    <message>
      <location filename="../editors/base.py" line="+249" />
      <source>Edit refused: %1</source>
      <translation>修改被拒绝:%1</translation>
    </message>
    <message>
      <location line="+34" />
      <source>Edit %1</source>
      <translation>编辑 %1</translation>
    </message>
    <message>
      <location line="+13" />
      <location filename="../editors/view.py" line="+190" />
      <source>Reset to inherited</source>
      <translation>恢复继承值</translation>
    </message>
    <message>
      <location line="+14" />
      <source>Clear</source>
      <translation>清除</translation>
    </message>
    <message>
      <location line="+25" />
      <location filename="../editors/overrides.py" line="+158" />
      <location filename="../editors/projects.py" line="+191" />
      <location filename="../editors/view.py" line="+4" />
      <source>Paste</source>
      <translation>粘贴</translation>
    </message>
    <message>
      <location filename="../editors/common.py" line="+135" />
      <location filename="../editors/overrides.py" line="-85" />
      <location line="+42" />
      <location filename="../editors/projects.py" line="-91" />
      <location filename="../editors/tables.py" line="+76" />
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location line="+0" />
      <location filename="../editors/overrides.py" line="-42" />
      <location line="+42" />
      <location filename="../editors/projects.py" line="+0" />
      <location filename="../editors/tables.py" line="+0" />
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="../editors/overrides.py" line="-36" />
      <source>all years</source>
      <translation>全部年份</translation>
    </message>
    <message>
      <location filename="../editors/common.py" line="-55" />
      <source>Type 12 for 12% (a number typed or pasted here is a percentage).</source>
      <translation>输入 12 即 12%（在此输入或粘贴的数字按百分数读取）。</translation>
    </message>
    <message>
      <location line="+115" />
      <source>Base data: the same in every scenario. Editing it here changes all scenarios.</source>
      <translation>基础数据：各情景相同，在此修改会影响所有情景。</translation>
    </message>
    <message>
      <location line="+16" />
      <source>the probability of stage %1</source>
      <translation>阶段“%1”的实现概率</translation>
    </message>
    <message>
      <location line="+2" />
      <source>the value of chain %1</source>
      <translation>产业链 %1 的取值</translation>
    </message>
    <message>
      <location line="+2" />
      <source>the chain's default growth</source>
      <translation>产业链的默认增长率</translation>
    </message>
    <message>
      <location line="+2" />
      <source>no price point yet: index 1.0</source>
      <translation>尚无价格点:指数 1.0</translation>
    </message>
    <message>
      <location line="+2" />
      <source>no row: 0</source>
      <translation>未填写:0</translation>
    </message>
    <message>
      <location line="+2" />
      <source>the stage's default probability</source>
      <translation>阶段的默认实现概率</translation>
    </message>
    <message>
      <location line="+2" />
      <source>the settings' default</source>
      <translation>设置中的默认值</translation>
    </message>
    <message>
      <location line="+1" />
      <source>the model's default</source>
      <translation>模型默认值</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Default: %1</source>
      <translation>默认值:%1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Explicit value in the base tables</source>
      <translation>基础表中填写的值</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Inherited from scenario %1:</source>
      <translation>继承自情景 %1:</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Override of this scenario:</source>
      <translation>本情景的调整:</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Replaces %1</source>
      <translation>原值 %1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>(through %1)</source>
      <translation>(经由%1)</translation>
    </message>
    <message>
      <location filename="../editors/overrides.py" line="-19" />
      <location line="+51" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location line="+24" />
      <source>Edit override</source>
      <translation>编辑情景调整</translation>
    </message>
    <message>
      <location line="+38" />
      <source>Add override</source>
      <translation>添加情景调整</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Delete overrides</source>
      <translation>删除情景调整</translation>
    </message>
    <message>
      <location line="+31" />
      <source>Add row</source>
      <translation>添加行</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete rows</source>
      <translation>删除行</translation>
    </message>
    <message>
      <location filename="../editors/projects.py" line="-36" />
      <source>Slipped: due to produce in %1, stage still %2. Update its stage or production year.</source>
      <translation>进度滞后：计划%1年投产，阶段仍为“%2”。请更新阶段或投产年份。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Slipped: due to produce this year (%1) and not yet producing (stage %2). Update its stage or production year.</source>
      <translation>进度滞后：计划今年（%1年）投产，目前尚未投产（阶段为“%2”）。请更新阶段或投产年份。</translation>
    </message>
    <message>
      <location line="+81" />
      <source>Add project</source>
      <translation>添加项目</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Delete projects</source>
      <translation>删除项目</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Duplicate projects</source>
      <translation>复制项目</translation>
    </message>
    <message>
      <location line="+134" />
      <source>All chains</source>
      <translation>全部产业链</translation>
    </message>
    <message>
      <location line="+0" />
      <source>All stages</source>
      <translation>全部阶段</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Filter by id, name or note…</source>
      <translation>按编号、名称或备注筛选…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Duplicate</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../editors/view.py" line="-1" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Chains</source>
      <translation>产业链</translation>
    </message>
    <message>
      <source>Growth</source>
      <translation>增长率</translation>
    </message>
    <message>
      <source>Prices</source>
      <translation>价格指数</translation>
    </message>
    <message>
      <source>Projects</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Pipeline &amp; incubation</source>
      <translation>招商储备与孵化</translation>
    </message>
    <message>
      <source>Stages</source>
      <translation>阶段概率</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Overrides</source>
      <translation>情景调整</translation>
    </message>
  </context>
  <context>
    <name>ErrorDialog</name>
    <message>
      <location filename="../error_dialog.py" line="+37" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
  </context>
  <context>
    <name>FileController</name>
    <message>
      <location filename="../file_actions.py" line="+104" />
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <location line="+33" />
      <source>Opening %1…</source>
      <translation>正在打开 %1…</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Opened %1 with %2 warning(s): %3</source>
      <translation>已打开 %1,有 %2 条警告:%3</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Opened %1</source>
      <translation>已打开 %1</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Notices about the workbook</source>
      <translation>关于工作簿的提示</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1 was opened. Please check these %2 notice(s): names the planner did not recognise were ignored, and units were converted.</source>
      <translation>已打开 %1。请查看以下 %2 条提示:无法识别的名称已被忽略,单位已换算。</translation>
    </message>
    <message>
      <location line="+8" />
      <source>the file could not be read</source>
      <translation>无法读取该文件</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Cannot open workbook</source>
      <translation>无法打开工作簿</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1 has %2 problem(s). Nothing was changed; fix them in the workbook and open it again.</source>
      <translation>%1 存在 %2 个问题。当前文档未作任何更改;请在工作簿中修正后重新打开。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Could not open %1</source>
      <translation>无法打开 %1</translation>
    </message>
    <message>
      <location line="+19" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Excel workbook with the sensitivity and Monte Carlo sheets (*.xlsx)</source>
      <translation>Excel 工作簿，含敏感性分析与蒙特卡洛模拟表 (*.xlsx)</translation>
    </message>
    <message>
      <location line="+22" />
      <source>Saving %1…</source>
      <translation>正在保存 %1…</translation>
    </message>
    <message>
      <location line="+14" />
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Cannot save</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Not saved: %1</source>
      <translation>未保存:%1</translation>
    </message>
    <message>
      <location line="+8" />
      <source>plan</source>
      <translation>规划</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Export chart</source>
      <translation>导出图表</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Cannot export chart</source>
      <translation>无法导出图表</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Chart exported to %1</source>
      <translation>图表已导出到 %1</translation>
    </message>
  </context>
  <context>
    <name>GoalSeekPanel</name>
    <message>
      <location filename="../analysis/goalseek_panel.py" line="+48" />
      <source>Lever</source>
      <translation>调节因素</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Uniform growth uplift: add the same percentage points to every chain's growth in every year</source>
      <translation>统一提高增速：各产业链每年增长率提高相同的百分点</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Mix of the extra investment over chains (edit the weights; shares are normalized):</source>
      <translation>追加投资在各产业链的分配(可编辑权重，占比自动归一)：</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Shares by base output</source>
      <translation>按基期产值分配</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Solve</source>
      <translation>求解</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Answer</source>
      <translation>求解结果</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Create a scenario from this</source>
      <translation>从此结果创建情景</translation>
    </message>
    <message>
      <location line="+54" />
      <source>The investment mix needs at least one weight above 0.</source>
      <translation>投资分配至少需要一个大于0的权重。</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Goal seek</source>
      <translation>目标求解</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Solving…</source>
      <translation>正在求解…</translation>
    </message>
    <message>
      <location line="+10" />
      <source>%1 · goal seek (growth)</source>
      <translation>%1 · 目标求解(增速)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1 · goal seek (investment)</source>
      <translation>%1 · 目标求解(投资)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Create scenario “%1”</source>
      <translation>创建情景“%1”</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Created scenario “%1”; it is now the active scenario.</source>
      <translation>已创建情景“%1”，并设为当前情景。</translation>
    </message>
    <message>
      <location line="+35" />
      <source>Goal seek failed: %1</source>
      <translation>目标求解失败：%1</translation>
    </message>
    <message>
      <location line="+14" />
      <source>Goal seek for “%1”: what reaches %2 in %3?</source>
      <translation>“%1”目标求解：怎样在%3年达到%2？</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Extra pipeline investment: the same amount signed every year %1–%2, spread over chains by the mix</source>
      <translation>追加招商储备投资：%1–%2年每年签约相同金额，按分配比例投向各产业链</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Choose a lever and press Solve.</source>
      <translation>请选择调节方式，然后点击“求解”。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Output in %1</source>
      <translation>%1年产值</translation>
    </message>
    <message>
      <location line="+6" />
      <source>%1: %2  →  target not reachable</source>
      <translation>%1：%2  →  无法达到目标</translation>
    </message>
    <message>
      <location line="+2" />
      <source>No answer with this lever.</source>
      <translation>此调节方式无解。</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Already above target: growth could be %1 percentage points a year lower and still reach it</source>
      <translation>已高于目标：各产业链增长率每年再低 %1 个百分点也能达标</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Already above target: no extra investment is needed</source>
      <translation>已高于目标：无需追加投资</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Growth uplift: %1 percentage points a year</source>
      <translation>增速提升：每年 %1 个百分点</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Extra investment: %1 a year, %2–%3</source>
      <translation>追加投资：每年 %1，%2–%3年</translation>
    </message>
    <message>
      <location line="+13" />
      <source>all years</source>
      <translation>全部年份</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The new scenario will hold these override rows:</source>
      <translation>新情景将包含以下情景调整：</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <location filename="../help.py" line="+141" />
      <source>About Qianyi Scenario Planner</source>
      <translation>关于千亿情景规划器</translation>
    </message>
    <message>
      <location line="+5" />
      <source>How the model works</source>
      <translation>模型如何计算</translation>
    </message>
    <message>
      <location line="+15" />
      <source>The user guide is not installed with this copy of the app.</source>
      <translation>此安装中没有附带使用指南。</translation>
    </message>
    <message>
      <location line="+7" />
      <source>User guide</source>
      <translation>使用指南</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <location filename="../import_pages.py" line="+43" />
      <source>Source workbook</source>
      <translation>来源工作簿</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Choose the workbook with the project list and its sheet.</source>
      <translation>选择含项目清单的工作簿及其工作表。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Workbook:</source>
      <translation>工作簿：</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sheet:</source>
      <translation>工作表：</translation>
    </message>
    <message>
      <location line="+33" />
      <source>Reading the sheet…</source>
      <translation>正在读取工作表…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Reading</source>
      <translation>读取</translation>
    </message>
    <message>
      <location line="+33" />
      <source>Columns</source>
      <translation>列对应</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Choose the source column of each field. The preview shows the values as they will be imported (investment in 亿元).</source>
      <translation>为每个字段选择来源列。预览显示导入后的值（投资额以亿元计）。</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Investment unit in the source:</source>
      <translation>来源中投资额的单位：</translation>
    </message>
    <message>
      <location line="+23" />
      <source>(generate)</source>
      <translation>（自动生成）</translation>
    </message>
    <message>
      <location line="+0" />
      <source>(not imported)</source>
      <translation>（不导入）</translation>
    </message>
    <message>
      <location line="+35" />
      <source>found in the column header</source>
      <translation>已从列标题识别</translation>
    </message>
    <message>
      <location line="+1" />
      <source>not named in the header; 亿元 assumed</source>
      <translation>列标题未注明单位，按亿元处理</translation>
    </message>
    <message>
      <location line="+5" />
      <source>chosen</source>
      <translation>已手动选择</translation>
    </message>
    <message>
      <location line="+22" />
      <source>Stages and chains</source>
      <translation>阶段与产业链</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Choose the stage of each status in the list, and the chain of each industry name that is not one of the workbook's.</source>
      <translation>为清单中的每种状态选择阶段，并为工作簿中没有的每个产业名称选择产业链。</translation>
    </message>
    <message>
      <location line="+19" />
      <source>Status in the list</source>
      <translation>清单中的状态</translation>
    </message>
    <message>
      <location line="+4" />
      <location line="+15" />
      <source>(unknown)</source>
      <translation>（未识别）</translation>
    </message>
    <message>
      <location line="-6" />
      <source>Industry names not in the workbook</source>
      <translation>工作簿中没有的产业名称</translation>
    </message>
    <message>
      <location line="+14" />
      <source>All industry names match the workbook's chains.</source>
      <translation>所有产业名称都与工作簿的产业链一致。</translation>
    </message>
    <message>
      <location line="+11" />
      <source>%n row(s)</source>
      <translation>%n 行</translation>
    </message>
    <message>
      <location line="+20" />
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Where do the projects go?</source>
      <translation>项目放在哪里？</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Only scenario “%1” (added switched off in the base data and switched on in this scenario; other scenarios do not change)</source>
      <translation>仅当前情景“%1”（项目在基础数据中不纳入，由本情景纳入；其他情景不变）</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Base data: all scenarios</source>
      <translation>基础数据（所有情景）</translation>
    </message>
    <message>
      <location line="+3" />
      <source>The projects are added to the base data and count in every scenario.</source>
      <translation>项目加入基础数据，计入所有情景。</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location line="+20" />
      <source>%1 projects will be added, total investment %2 (source unit %3).</source>
      <translation>将添加 %1 个项目，总投资 %2（来源单位 %3）。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>%1 problems must be fixed in the source or the mapping before anything is imported.</source>
      <translation>有 %1 个问题需在来源文件或列对应中改正后才能导入。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>No problems found.</source>
      <translation>未发现问题。</translation>
    </message>
    <message>
      <location filename="../import_preview.py" line="+35" />
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location line="+0" />
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="../import_wizard.py" line="+36" />
      <location line="+44" />
      <location line="+2" />
      <source>Import projects</source>
      <translation>导入项目</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The imported projects were refused:</source>
      <translation>导入的项目未被接受：</translation>
    </message>
  </context>
  <context>
    <name>KpiPanel</name>
    <message>
      <location filename="../overview/kpis.py" line="+133" />
      <location line="+44" />
      <source>Output in %1</source>
      <translation>%1年产值</translation>
    </message>
    <message>
      <location line="+1" />
      <source>base year</source>
      <translation>基期</translation>
    </message>
    <message>
      <location line="-60" />
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <location line="+1" />
      <source>by %1</source>
      <translation>目标年份 %1年</translation>
    </message>
    <message>
      <location line="+2" />
      <location line="+8" />
      <source>Target reached</source>
      <translation>达到目标年份</translation>
    </message>
    <message>
      <location line="-8" />
      <source>Not within horizon</source>
      <translation>预测期内未达到</translation>
    </message>
    <message>
      <location line="+1" />
      <source>projection to %1</source>
      <translation>预测至 %1年</translation>
    </message>
    <message>
      <location line="+5" />
      <source>on time</source>
      <translation>按期达成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1 year(s) late</source>
      <translation>推迟 %1 年</translation>
    </message>
    <message>
      <location line="+2" />
      <source>in %1</source>
      <translation>%1年</translation>
    </message>
    <message>
      <location line="+5" />
      <source>%1 of target</source>
      <translation>为目标的 %1</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Shortfall in %1</source>
      <translation>%1年缺口</translation>
    </message>
    <message>
      <location line="+1" />
      <source>below target</source>
      <translation>低于目标</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Surplus in %1</source>
      <translation>%1年超出</translation>
    </message>
    <message>
      <location line="+1" />
      <source>above target</source>
      <translation>高于目标</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Growth per year %1–%2</source>
      <translation>%1–%2年 年均增速</translation>
    </message>
    <message>
      <location line="+2" />
      <source>required %1</source>
      <translation>所需 %1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Projected compound annual growth of total output, against the growth needed to reach the target in the target year.</source>
      <translation>总产值的预计年均复合增速,以及在目标年份达到目标所需的年均增速。</translation>
    </message>
    <message>
      <location line="+9" />
      <source>As of %1, month %2</source>
      <translation>截至%1年%2月</translation>
    </message>
    <message>
      <location line="+3" />
      <source>year estimate %1</source>
      <translation>全年预计 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Output of months 1–%1 of %2, and the whole year estimated with the usual seasonal pattern</source>
      <translation>%2年1-%1月累计产值，以及按往年季节规律推算的全年预计</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Actual %1</source>
      <translation>%1年实绩</translation>
    </message>
    <message>
      <location line="+1" />
      <source>annual statistics</source>
      <translation>年度统计</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Chance to reach target</source>
      <translation>达标概率</translation>
    </message>
    <message>
      <location line="+4" />
      <source>updating…</source>
      <translation>计算中…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Simulating the latest change; the grey figure is the previous result.</source>
      <translation>正在按最新修改重新模拟；灰色数字为上一次的结果。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>simulation failed</source>
      <translation>模拟未能完成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The simulation could not run: %1</source>
      <translation>模拟未能运行：%1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>run a simulation</source>
      <translation>运行蒙特卡洛模拟后显示</translation>
    </message>
    <message>
      <location line="+5" />
      <source> (%1 draws, parameters from Settings; recomputed after every change)</source>
      <translation>（模拟 %1 次，参数取自“设置”；每次修改后自动重算）</translation>
    </message>
    <message>
      <location line="+3" />
      <source>share of simulations reaching it in %1</source>
      <translation>%1年达标的模拟占比</translation>
    </message>
    <message>
      <location line="-6" />
      <source>P(Y(%1) ≥ T): the share of Monte Carlo draws whose output in %1 is at least the target T</source>
      <translation>P(Y(%1) ≥ T)：蒙特卡洛模拟中%1年产值不低于目标 T 的次数占比</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../main_window.py" line="+40" />
      <source>Overview</source>
      <translation>总览</translation>
    </message>
    <message>
      <location line="+84" />
      <source>Autosave failed: %1</source>
      <translation>自动保存失败：%1</translation>
    </message>
    <message>
      <location line="+55" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location line="+68" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;New</source>
      <translation>新建(&amp;N)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Open &amp;Recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Save &amp;As…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Import projects…</source>
      <translation>导入项目(&amp;I)…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Export chart</source>
      <translation>导出图表(&amp;E)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Output by chain (PNG/SVG)…</source>
      <translation>产业链产值图(PNG/SVG)…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Scenario comparison (PNG/SVG)…</source>
      <translation>情景对比图(PNG/SVG)…</translation>
    </message>
    <message>
      <location line="+4" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Next tab</source>
      <translation>下一个页面</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Previous tab</source>
      <translation>上一个页面</translation>
    </message>
    <message>
      <location line="+6" />
      <source>&amp;Scenario</source>
      <translation>情景(&amp;S)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <location line="+11" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>User guide</source>
      <translation>使用指南</translation>
    </message>
    <message>
      <location line="+3" />
      <source>How the model works</source>
      <translation>模型如何计算</translation>
    </message>
    <message>
      <location line="+2" />
      <source>About</source>
      <translation>关于</translation>
    </message>
    <message>
      <location line="+20" />
      <source>(none)</source>
      <translation>(无)</translation>
    </message>
    <message>
      <location line="+57" />
      <source>Slipped projects (due to produce, not yet producing): %1 — see the Projects tab</source>
      <translation>进度滞后项目（已到投产年份仍未投产）：%1 — 详见“项目”页</translation>
    </message>
    <message>
      <location line="+18" />
      <source>Not changed (%1): %2</source>
      <translation>未修改(%1):%2</translation>
    </message>
    <message>
      <location line="-13" />
      <location line="+15" />
      <source> (+%1 more)</source>
      <translation>(另有 %1 条)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Park</source>
      <translation>园区</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Qianyi Scenario Planner</source>
      <translation>千亿情景规划器</translation>
    </message>
  </context>
  <context>
    <name>MixModel</name>
    <message>
      <location filename="../analysis/mix_model.py" line="+77" />
      <source>Chain</source>
      <translation>产业链</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Base output (亿元)</source>
      <translation>基期产值(亿元)</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Weight (%)</source>
      <translation>权重(%)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Share</source>
      <translation>占比</translation>
    </message>
  </context>
  <context>
    <name>MonteCarloPanel</name>
    <message>
      <location filename="../analysis/montecarlo_panel.py" line="+36" />
      <source>Parameters</source>
      <translation>参数</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Defaults from Settings</source>
      <translation>恢复设置中的默认值</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Run simulation</source>
      <translation>运行模拟</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Chance of reaching the target</source>
      <translation>达成目标的概率</translation>
    </message>
    <message>
      <location line="+27" />
      <source>Each draw varies growth and prices and lets every project that is not yet in production succeed or fail with its probability and slip by a random delay (triangular from 0 to the maximum, peaking at the mode; on average (mode + maximum) / 3 years). Because delays only push output later, the median path can lie below the projection without uncertainty.</source>
      <translation>每次抽样中，增长率和价格随机波动；尚未投产的项目按其实现概率随机成败，并随机延期（三角分布：0 至最大延期，众数处最可能；平均延期 (众数 + 最大延期) / 3 年）。由于延期只会让产值推后，模拟的中位数路径可能低于不考虑不确定性的预测。</translation>
    </message>
    <message>
      <location line="+15" />
      <source>P5–P95</source>
      <translation>P5–P95 区间</translation>
    </message>
    <message>
      <location line="+0" />
      <source>P25–P75</source>
      <translation>P25–P75 区间</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Median</source>
      <translation>中位数</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Without uncertainty</source>
      <translation>确定性预测</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Target %1</source>
      <translation>目标 %1</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Target year %1</source>
      <translation>目标年份 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Range of total output — “%1”, %2 draws</source>
      <translation>总产值分布区间 — “%1”，%2 次模拟</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Actual</source>
      <translation>实绩</translation>
    </message>
    <message>
      <location line="+0" />
      <source>100m CNY (亿元)</source>
      <translation>亿元</translation>
    </message>
    <message>
      <location line="+2" />
      <source>By %1</source>
      <translation>%1年及以前</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Later</source>
      <translation>之后</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Not reached</source>
      <translation>未达到</translation>
    </message>
    <message>
      <location line="+1" />
      <source>First year the target is reached</source>
      <translation>首次达到目标的年份</translation>
    </message>
    <message>
      <location line="+1" />
      <source>% of draws</source>
      <translation>占模拟次数(%)</translation>
    </message>
    <message>
      <location line="+49" />
      <source>Monte Carlo: %1</source>
      <translation>蒙特卡洛模拟：%1</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Simulating %1 draws…</source>
      <translation>正在模拟 %1 次…</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <location line="+28" />
      <source>The simulation failed: %1</source>
      <translation>模拟失败：%1</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Cancelled; the previous result (if any) is kept.</source>
      <translation>已取消；保留上一次的结果(如有)。</translation>
    </message>
    <message>
      <location line="+27" />
      <source>Press Run simulation: the range of outcomes appears here.</source>
      <translation>点击“运行模拟”后，这里显示产值的可能范围。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>The year each simulation first reaches the target appears here.</source>
      <translation>这里将显示各次模拟首次达标的年份。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Monte Carlo simulation for “%1”</source>
      <translation>“%1”蒙特卡洛模拟</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Chance that output in %1 reaches %2: run the simulation</source>
      <translation>%1年产值达到 %2 的概率：请运行模拟</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Chance that output in %1 reaches %2 for “%3”, %4 draws</source>
      <translation>“%3” %1年产值达到 %2 的概率，%4 次模拟</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Output in %1: median %2, 90% range %3 – %4, mean %5.</source>
      <translation>%1年产值：中位数 %2，90%区间 %3 – %4，均值 %5。</translation>
    </message>
    <message>
      <location line="-4" />
      <source> — out of date</source>
      <translation> — 已过期</translation>
    </message>
  </context>
  <context>
    <name>OverviewTab</name>
    <message>
      <location filename="../overview/overview.py" line="+34" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+4" />
      <source>Target %1</source>
      <translation>目标 %1</translation>
    </message>
    <message>
      <location line="-3" />
      <location line="+3" />
      <source>Target year %1</source>
      <translation>目标年份 %1</translation>
    </message>
    <message>
      <location line="-3" />
      <location line="+4" />
      <source>100m CNY (亿元)</source>
      <translation>亿元</translation>
    </message>
    <message>
      <location line="-3" />
      <source>Plan path</source>
      <translation>规划路径</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+3" />
      <source>Actual</source>
      <translation>实绩</translation>
    </message>
    <message>
      <location line="-2" />
      <location line="+3" />
      <source>Estimate</source>
      <translation>当年预计</translation>
    </message>
    <message>
      <location line="+46" />
      <source>The target year %1 is already history (actuals up to %2).</source>
      <translation>目标年 %1 已成为历史（实绩截至%2年）。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>From the %1 estimate, %2 needs growth of %3</source>
      <translation>从%1年预计值出发，%2年需增长 %3</translation>
    </message>
    <message>
      <location line="+1" />
      <source>From the %1 actual, %2 needs growth of %3</source>
      <translation>从%1年实绩出发，%2年需增长 %3</translation>
    </message>
    <message>
      <location line="+2" />
      <source>From the %1 estimate, reaching the target in %2 needs %3 a year</source>
      <translation>从%1年预计值出发，到%2年达标需年均增长 %3</translation>
    </message>
    <message>
      <location line="+2" />
      <source>From the %1 actual, reaching the target in %2 needs %3 a year</source>
      <translation>从%1年实绩出发，到%2年达标需年均增长 %3</translation>
    </message>
    <message>
      <location line="+2" />
      <source>; scenario “%1” projects %2.</source>
      <translation>；情景“%1”预计增长 %2。</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Park</source>
      <translation>园区</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1 · scenario “%2”</source>
      <translation>%1 · 情景“%2”</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Output by industry chain — %1</source>
      <translation>分产业链产值 — %1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Total output by scenario</source>
      <translation>各情景总产值</translation>
    </message>
  </context>
  <context>
    <name>ParamsForm</name>
    <message>
      <location filename="../analysis/montecarlo_params.py" line="+32" />
      <source> years</source>
      <translation> 年</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Standard deviation of each chain's yearly growth, in percentage points</source>
      <translation>各产业链年增长率的标准差(百分点)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Yearly volatility of each chain's price index (a log random walk with mean 1)</source>
      <translation>各产业链价格指数的年波动率(均值为1的对数随机游走)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Most likely extra delay of a project not yet in production (triangular distribution)</source>
      <translation>未投产项目额外延期的最可能值(三角分布)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Largest extra delay of a project</source>
      <translation>项目额外延期的最大值</translation>
    </message>
  </context>
  <context>
    <name>Progress</name>
    <message>
      <location filename="../progress/__init__.py" line="+20" />
      <source>Progress</source>
      <translation>进度</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Targets</source>
      <translation>目标分解</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Where output comes from</source>
      <translation>产值来源</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Actuals</source>
      <translation>实绩</translation>
    </message>
    <message>
      <location filename="../progress/actuals_grids.py" line="+58" />
      <source>Not given: the model's value is used</source>
      <translation>未填写：使用模型计算值</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Type or paste %1 actuals to add the year</source>
      <translation>输入或粘贴%1年实绩以新增该年</translation>
    </message>
    <message>
      <location line="+10" />
      <source>%1 (actual)</source>
      <translation>%1年实绩</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1 (new)</source>
      <translation>%1年（新增）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Annual statistics for %1</source>
      <translation>%1年年度统计数</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The next year: every chain needs a value (paste the whole column)</source>
      <translation>新的一年：每条产业链都需要填写（可整列粘贴）</translation>
    </message>
    <message>
      <location line="+2" />
      <location line="+74" />
      <location filename="../progress/attribution_tab.py" line="+187" />
      <location filename="../progress/common.py" line="+95" />
      <location filename="../progress/progress_tab.py" line="+113" />
      <location line="+51" />
      <location filename="../progress/targets_grids.py" line="+73" />
      <location line="+51" />
      <location line="+28" />
      <source>Park total</source>
      <translation>园区合计</translation>
    </message>
    <message>
      <location line="-45" />
      <source>in Feb</source>
      <translation>并入2月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>January is inside the combined Jan–Feb figure</source>
      <translation>1月已包含在1-2月合计中</translation>
    </message>
    <message>
      <location line="+11" />
      <source>January and February together (the 1–2月 release)</source>
      <translation>1月与2月合计（1-2月数据）</translation>
    </message>
    <message>
      <location line="+28" />
      <source>Sum of months</source>
      <translation>月度合计</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Annual actual</source>
      <translation>年度实绩</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Months vs annual</source>
      <translation>月度与年度差异</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The sum of the months entered</source>
      <translation>已录入各月之和</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The annual statistics (authoritative for a complete year)</source>
      <translation>年度统计数（完整年度以年度数为准）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>How far the twelve months are from the annual figure; more than 2% is flagged</source>
      <translation>十二个月之和与年度数的差异；超过 2% 标红</translation>
    </message>
    <message>
      <location line="+23" />
      <source>More than 2% from the annual figure: the annual figure is used</source>
      <translation>与年度数相差超过 2%：以年度数为准</translation>
    </message>
    <message>
      <location filename="../progress/actuals_tab.py" line="+42" />
      <location line="+25" />
      <location line="+151" />
      <source>Paste statistics table</source>
      <translation>粘贴统计表</translation>
    </message>
    <message>
      <location line="-175" />
      <source>Paste a table copied from Excel/WPS: chains down the side, years (2024, 2025年) across the top</source>
      <translation>粘贴从 Excel/WPS 复制的表格：左列为产业链，首行为年份（2024、2025年）</translation>
    </message>
    <message>
      <location line="+21" />
      <source>Month by month</source>
      <translation>当月值</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Year to date (累计)</source>
      <translation>累计值</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Paste a monthly table copied from Excel/WPS: chains down the side, months across the top (1-2月, 3月 … or 累计 columns such as 1-3月)</source>
      <translation>粘贴从 Excel/WPS 复制的月度表：左列为产业链，首行为月份（1-2月、3月……，或 1-3月 这样的累计列）</translation>
    </message>
    <message>
      <location line="+56" />
      <source>Annual actuals (亿元, current prices):</source>
      <translation>年度实绩（亿元，现价）：</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Monthly output (亿元) of</source>
      <translation>月度产值（亿元），年份</translation>
    </message>
    <message>
      <location line="+9" />
      <source>%1: months 1–%2 entered; the year is estimated from them.</source>
      <translation>%1年：已录入1-%2月，全年按此推算。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Actuals up to %1; no monthly figures for %2 yet.</source>
      <translation>实绩截至%1年；%2年尚无月度数据。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>No actuals yet: the projection starts from the base year.</source>
      <translation>尚无实绩：预测从基期年开始。</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Type or paste numbers; Delete clears; every change can be undone (Ctrl+Z). A new year needs a value for every chain.</source>
      <translation>可直接输入或粘贴数值；Delete 键清除；每次修改都可撤销（Ctrl+Z）。新增一年时每条产业链都需填写。</translation>
    </message>
    <message>
      <location line="+28" />
      <source>Edit actual %1</source>
      <translation>修改实绩 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Edit monthly actual %1</source>
      <translation>修改月度实绩 %1</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Clear</source>
      <translation>清除</translation>
    </message>
    <message>
      <location line="+36" />
      <source>The clipboard holds no table</source>
      <translation>剪贴板中没有表格</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Choose the cell to paste at, or copy the table with its headers</source>
      <translation>请先选中要粘贴的单元格，或连同表头一起复制</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Paste</source>
      <translation>粘贴</translation>
    </message>
    <message>
      <location filename="../progress/attribution_tab.py" line="-81" />
      <source>Computing where the output comes from…</source>
      <translation>正在计算产值来源……</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Attribution</source>
      <translation>产值来源</translation>
    </message>
    <message>
      <location line="+3" />
      <source>The attribution could not be computed: %1</source>
      <translation>无法计算产值来源：%1</translation>
    </message>
    <message>
      <location line="+15" />
      <source>The target year %1 is not after the anchor year %2: there is nothing left to attribute.</source>
      <translation>目标年 %1 不晚于基数年 %2：没有可分解的增量。</translation>
    </message>
    <message>
      <location line="+14" />
      <location filename="../progress/progress_tab.py" line="-19" />
      <source>%1 estimate</source>
      <translation>%1年预计</translation>
    </message>
    <message>
      <location line="+2" />
      <source>%1 actual</source>
      <translation>%1年实绩</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Base growth: %1</source>
      <translation>存量增长：%1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Growth of the chain's existing output</source>
      <translation>产业链存量产值的增长</translation>
    </message>
    <message>
      <location line="+4" />
      <location line="+26" />
      <source>Projects: %1</source>
      <translation>项目：%1</translation>
    </message>
    <message>
      <location line="-25" />
      <source>Pipeline (招商储备)</source>
      <translation>招商储备</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Incubation (孵化)</source>
      <translation>孵化</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+27" />
      <source>Price</source>
      <translation>价格</translation>
    </message>
    <message>
      <location line="-24" />
      <source>%1 projected</source>
      <translation>%1年预测</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Gap to target</source>
      <translation>距目标差额</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Still missing to reach the target</source>
      <translation>达到目标尚缺的部分</translation>
    </message>
    <message>
      <location line="+4" />
      <source>short of the target by %1</source>
      <translation>距目标还差 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>above the target by %1</source>
      <translation>超出目标 %1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Scenario “%1”: from %2 (%3) to %4 in %5, %6.</source>
      <translation>情景“%1”：从%3的 %2 到%5年的 %4，%6。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Where the %1 output comes from (%2)</source>
      <translation>%1年产值从何而来（%2）</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Start</source>
      <translation>起点</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Base growth</source>
      <translation>存量增长</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Pipeline</source>
      <translation>招商储备</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Incubation</source>
      <translation>孵化</translation>
    </message>
    <message>
      <location line="+1" />
      <source>End</source>
      <translation>终点</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Gap</source>
      <translation>差额</translation>
    </message>
    <message>
      <location line="+19" />
      <source>Output in the anchor year (亿元)</source>
      <translation>基数年产值（亿元）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Projected output in the target year (亿元)</source>
      <translation>目标年预测产值（亿元）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Target minus the projected output (亿元)</source>
      <translation>目标值减预测产值（亿元）</translation>
    </message>
    <message>
      <location line="+16" />
      <location line="+5" />
      <source>“%1” in %2</source>
      <translation>“%1” %2年</translation>
    </message>
    <message>
      <location line="+4" />
      <source>From “%1” to “%2”: %3</source>
      <translation>从“%1”到“%2”：%3</translation>
    </message>
    <message>
      <location filename="../progress/common.py" line="-16" />
      <location filename="../progress/override_words.py" line="+60" />
      <source>%1 pp</source>
      <translation>%1 个百分点</translation>
    </message>
    <message>
      <location line="+19" />
      <source>Jan</source>
      <translation>1月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Feb</source>
      <translation>2月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Mar</source>
      <translation>3月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Apr</source>
      <translation>4月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>May</source>
      <translation>5月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Jun</source>
      <translation>6月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Jul</source>
      <translation>7月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Aug</source>
      <translation>8月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sep</source>
      <translation>9月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Oct</source>
      <translation>10月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Nov</source>
      <translation>11月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Dec</source>
      <translation>12月</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Jan–Feb</source>
      <translation>1-2月</translation>
    </message>
    <message>
      <location line="+6" />
      <source>%1, months 1–%2</source>
      <translation>%1年1-%2月</translation>
    </message>
    <message>
      <location filename="../progress/override_words.py" line="-33" />
      <source>every project</source>
      <translation>所有项目</translation>
    </message>
    <message>
      <location line="+2" />
      <source>every stage</source>
      <translation>所有阶段</translation>
    </message>
    <message>
      <location line="+1" />
      <source>every chain</source>
      <translation>所有产业链</translation>
    </message>
    <message>
      <location line="+2" />
      <source> stage </source>
      <translation>阶段</translation>
    </message>
    <message>
      <location line="+2" />
      <source>project %1 </source>
      <translation>项目%1 </translation>
    </message>
    <message>
      <location line="+10" />
      <source>from %1</source>
      <translation>%1年起</translation>
    </message>
    <message>
      <location line="+2" />
      <source>in %1</source>
      <translation>%1年</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1–%2</source>
      <translation>%1–%2年</translation>
    </message>
    <message>
      <location line="+19" />
      <source>set to</source>
      <translation>设定为</translation>
    </message>
    <message>
      <location line="+0" />
      <source>plus</source>
      <translation>增加</translation>
    </message>
    <message>
      <location line="+0" />
      <source>times</source>
      <translation>乘以</translation>
    </message>
    <message>
      <location filename="../progress/progress_tab.py" line="-70" />
      <source>Progress of %1</source>
      <translation>%1年进度</translation>
    </message>
    <message>
      <location line="+1" />
      <source>No monthly figures for %1 yet, so there is no year-to-date, completion or estimate. Enter or paste the months on the Actuals tab (实绩).</source>
      <translation>%1年尚无月度数据，因此没有累计、完成率和全年预计。请在“实绩”页录入或粘贴月度数据。</translation>
    </message>
    <message>
      <location line="+17" />
      <source>%1: time progress %2</source>
      <translation>%1：时序进度 %2</translation>
    </message>
    <message>
      <location line="+3" />
      <source>, completion %1 (%2)</source>
      <translation>，完成率 %1（%2）</translation>
    </message>
    <message>
      <location line="+2" />
      <source>; year estimate %1 亿元</source>
      <translation>；全年预计 %1 亿元</translation>
    </message>
    <message>
      <location line="+5" />
      <source>There is no target for %1 (it lies after the target year), so completion is not measured; YTD and the estimate are shown.</source>
      <translation>%1年没有目标（晚于目标年），不计算完成率；仅显示累计与全年预计。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>The target for %1 is 0: completion is not measured.</source>
      <translation>%1年目标为 0：不计算完成率。</translation>
    </message>
    <message>
      <location line="+21" />
      <source>Completion minus time progress</source>
      <translation>完成率减时序进度</translation>
    </message>
    <message>
      <location line="+2" />
      <source>What the target would have reached by now with the chain's usual seasonal pattern</source>
      <translation>按该产业链往年季节规律，目标到本月应完成的量</translation>
    </message>
    <message>
      <location line="+3" />
      <source>(YTD − seasonally expected YTD) ÷ the year's target</source>
      <translation>（累计 − 季节性应完成）÷ 全年目标</translation>
    </message>
    <message>
      <location line="+9" />
      <source>YTD (1–%1)</source>
      <translation>1-%1月累计</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1 target</source>
      <translation>%1年目标</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Completion</source>
      <translation>完成率</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Time progress</source>
      <translation>时序进度</translation>
    </message>
    <message>
      <location line="+0" />
      <source>vs time progress</source>
      <translation>较时序进度</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Seasonal expectation</source>
      <translation>季节性应完成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>vs seasonal</source>
      <translation>较季节性进度</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Estimate ÷ target</source>
      <translation>预计完成率</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Output of months 1–%1 (亿元)</source>
      <translation>1-%1月累计产值（亿元）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The decomposed target of the year (目标分解, 亿元)</source>
      <translation>本年分解目标（亿元）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>YTD ÷ the year's target (完成率)</source>
      <translation>累计完成 ÷ 全年目标（完成率）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Months passed ÷ 12 (时序进度)</source>
      <translation>已过月数 ÷ 12（时序进度）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Ahead (+) or behind (−) time progress, in percentage points</source>
      <translation>快于（+）或慢于（−）时序进度，单位为百分点</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Target × the usual seasonal share of months 1–%1 (亿元)</source>
      <translation>全年目标 × 往年1-%1月占比（亿元）</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Ahead (+) or behind (−) the seasonal expectation, in percentage points</source>
      <translation>快于（+）或慢于（−）季节性进度，单位为百分点</translation>
    </message>
    <message>
      <location line="+1" />
      <source>YTD ÷ the usual seasonal share: where the year lands (亿元)</source>
      <translation>累计 ÷ 往年同期占比：全年预计（亿元）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The estimate against the year's target</source>
      <translation>全年预计 ÷ 全年目标</translation>
    </message>
    <message>
      <location line="+25" />
      <source>%1 — cumulative output %2</source>
      <translation>%1 — %2年累计产值</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Actual (cumulative)</source>
      <translation>实际累计</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Target (cumulative months)</source>
      <translation>目标累计（按月分解）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Seasonal path to the estimate</source>
      <translation>按季节规律推至全年预计</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <location line="+0" />
      <source>100m CNY (亿元)</source>
      <translation>亿元</translation>
    </message>
    <message>
      <location filename="../progress/tab.py" line="+32" />
      <source>Edit refused: %1</source>
      <translation>修改未生效：%1</translation>
    </message>
    <message>
      <location filename="../progress/targets_grids.py" line="-98" />
      <source>Every chain is locked in %1: this much of the park total is not allocated to any chain</source>
      <translation>%1年所有产业链均已锁定：园区合计中这部分未分配到产业链</translation>
    </message>
    <message>
      <location line="+14" />
      <source>%1 (history)</source>
      <translation>%1年（已完成）</translation>
    </message>
    <message>
      <location line="+2" />
      <source>A complete year: the target given then, beside the actual</source>
      <translation>已完成年度：当年给定的目标与实绩对照</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Decomposed target for %1; type a value to lock it</source>
      <translation>%1年分解目标；输入数值即锁定</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Unallocated</source>
      <translation>未分配</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Locked: a given target (Targets sheet). Unlock to decompose it again.</source>
      <translation>已锁定：给定目标（目标分解表）。解锁后重新按规则分解。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Computed by the decomposition; type a value to lock the park total</source>
      <translation>按规则分解所得；输入数值即锁定园区合计</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Computed by the decomposition; type a value to lock it</source>
      <translation>按规则分解所得；输入数值即锁定</translation>
    </message>
    <message>
      <location line="+7" />
      <source>actual %1</source>
      <translation>实绩 %1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>No target given for %1</source>
      <translation>%1年未给定目标</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Given target %1; %2; completion %3</source>
      <translation>给定目标 %1；%2；完成率 %3</translation>
    </message>
    <message>
      <location line="+2" />
      <source>%1 (%2 done)</source>
      <translation>%1（完成 %2）</translation>
    </message>
    <message>
      <location line="+22" />
      <source>Year</source>
      <translation>全年</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Quarter %1: the sum of its three months</source>
      <translation>第%1季度：三个月之和</translation>
    </message>
    <message>
      <location line="+20" />
      <source>Re-forecast %1, target %2</source>
      <translation>滚动预测 %1，目标 %2</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Re-forecast minus target: + ahead of the target, − short of it</source>
      <translation>滚动预测减目标：+ 为超出目标，− 为低于目标</translation>
    </message>
    <message>
      <location filename="../progress/targets_tab.py" line="+24" />
      <source>Even growth</source>
      <translation>等速</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Follow a scenario</source>
      <translation>按情景</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Method:</source>
      <translation>分解方式：</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Reference scenario:</source>
      <translation>参考情景：</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+169" />
      <source>Unlock (解锁)</source>
      <translation>解锁</translation>
    </message>
    <message>
      <location line="-168" />
      <source>Remove the given value of the selected cells: they are decomposed again</source>
      <translation>移除所选单元格的给定值，重新按规则分解</translation>
    </message>
    <message>
      <location line="+68" />
      <source>No years to decompose: the target year %1 is not after the last complete year of actuals.</source>
      <translation>没有需要分解的年份：目标年 %1 不晚于最近的完整实绩年。</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Targets by chain (亿元; padlock = given and locked)</source>
      <translation>分产业链目标（亿元；带锁 = 给定值，已锁定）</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Re-forecast of “%1” minus target (亿元)</source>
      <translation>情景“%1”滚动预测减目标（亿元）</translation>
    </message>
    <message>
      <location line="+5" />
      <source>No months: %1 is after the target year.</source>
      <translation>无月度分解：%1年晚于目标年。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>%1 by month and quarter (亿元, seasonal pattern)</source>
      <translation>%1年分月、分季度目标（亿元，按季节规律）</translation>
    </message>
    <message>
      <location line="+4" />
      <source>even growth</source>
      <translation>等速增长</translation>
    </message>
    <message>
      <location line="+1" />
      <source>the path of scenario “%1”</source>
      <translation>情景“%1”的增长路径</translation>
    </message>
    <message>
      <location line="+1" />
      <source>From the %1 actuals to %2 亿元 in %3, by %4.</source>
      <translation>从%1年实绩出发，%3年达到 %2 亿元，按%4分解。</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Target method</source>
      <translation>目标分解方式</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Target reference scenario</source>
      <translation>目标参考情景</translation>
    </message>
    <message>
      <location line="+25" />
      <source>Lock target %1</source>
      <translation>锁定目标 %1</translation>
    </message>
    <message>
      <location line="+19" />
      <source>Unlock target %1</source>
      <translation>解锁目标 %1</translation>
    </message>
  </context>
  <context>
    <name>Prompts</name>
    <message>
      <location filename="../prompts.py" line="+16" />
      <source>Unsaved changes</source>
      <translation>未保存的修改</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Save the changes to “%1”?</source>
      <translation>是否保存对“%1”的修改?</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Your changes will be lost if you don’t save them.</source>
      <translation>如果不保存,修改将会丢失。</translation>
    </message>
    <message>
      <location line="+12" />
      <source>The app did not close normally. Recover the unsaved changes to “%1” autosaved at %2?</source>
      <translation>程序上次未正常关闭。是否恢复“%1”在 %2 自动保存的未保存修改?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Recover unsaved work</source>
      <translation>恢复未保存的工作</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Delete scenario</source>
      <translation>删除情景</translation>
    </message>
    <message>
      <location line="+1" />
      <source>“%1” has child scenarios: %2.</source>
      <translation>“%1”有下级情景:%2。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Delete them too, or keep them: they move up to the deleted scenario’s parent and take over its adjustments, so their results do not change.</source>
      <translation>可一并删除;也可保留:它们将上移到被删除情景的上级,并接管其调整行,结果保持不变。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Keep children</source>
      <translation>保留下级情景</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete all</source>
      <translation>全部删除</translation>
    </message>
    <message>
      <location line="+29" />
      <source>Open workbook</source>
      <translation>打开工作簿</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Save workbook</source>
      <translation>保存工作簿</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Unusual value</source>
      <translation>数值异常</translation>
    </message>
    <message>
      <location line="+1" />
      <source>This value looks unusual:</source>
      <translation>这个数值看起来不寻常：</translation>
    </message>
    <message>
      <location line="+3" />
      <source>A number typed into a percent column is a percentage (12 means 12%). Apply it anyway?</source>
      <translation>在百分比列中输入的数字按百分数读取（12 即 12%）。仍然应用吗？</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Change the base data?</source>
      <translation>修改基础数据？</translation>
    </message>
    <message>
      <location line="+1" />
      <source>“%1” cannot differ between scenarios. This changes the base data and affects all scenarios, not only “%2”.</source>
      <translation>“%1”不能按情景调整。这会修改基础数据，影响所有情景，而不只是“%2”。</translation>
    </message>
  </context>
  <context>
    <name>ReportAction</name>
    <message>
      <location filename="../report_action.py" line="+32" />
      <source>Report written</source>
      <translation>汇报材料已生成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The report was written to %1.</source>
      <translation>汇报材料已保存到 %1。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Open the file</source>
      <translation>打开文件</translation>
    </message>
    <message>
      <location line="+14" />
      <source>report</source>
      <translation>汇报材料</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Generate report</source>
      <translation>生成汇报材料</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Writing report %1…</source>
      <translation>正在生成汇报材料 %1…</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Report written to %1</source>
      <translation>汇报材料已保存到 %1</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Cannot write the report</source>
      <translation>无法生成汇报材料</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Report not written: %1</source>
      <translation>汇报材料未生成：%1</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Generate &amp;report…</source>
      <translation>生成汇报材料(&amp;R)…</translation>
    </message>
    <message>
      <source>_report</source>
      <translation>汇报材料</translation>
    </message>
  </context>
  <context>
    <name>ScenarioDock</name>
    <message>
      <location filename="../scenario_tree.py" line="+179" />
      <source>Scenarios</source>
      <translation>情景</translation>
    </message>
    <message>
      <location line="+18" />
      <source>New child scenario…</source>
      <translation>新建子情景…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>New child</source>
      <translation>新建子情景</translation>
    </message>
    <message>
      <location line="+1" />
      <source>A new scenario that inherits everything from the selected one</source>
      <translation>新建一个继承所选情景全部输入的情景</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Duplicate…</source>
      <translation>复制…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Rename…</source>
      <translation>重命名…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Edit description…</source>
      <translation>编辑说明…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <location line="+55" />
      <source>%1 adjustment row(s) of its own</source>
      <translation>本情景调整行 %1 条</translation>
    </message>
    <message>
      <location line="+23" />
      <source>Not changed: %1</source>
      <translation>未修改:%1</translation>
    </message>
    <message>
      <location line="+9" />
      <source>New scenario</source>
      <translation>新情景</translation>
    </message>
    <message>
      <location line="+1" />
      <source>New child scenario</source>
      <translation>新建子情景</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Name of the new scenario under “%1”:</source>
      <translation>“%1”下新情景的名称:</translation>
    </message>
    <message>
      <location line="+6" />
      <source>New scenario “%1”</source>
      <translation>新建情景“%1”</translation>
    </message>
    <message>
      <location line="+5" />
      <source>%1 copy</source>
      <translation>%1 副本</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Duplicate scenario</source>
      <translation>复制情景</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Name of the copy:</source>
      <translation>副本名称:</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Duplicate “%1”</source>
      <translation>复制“%1”</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Rename scenario</source>
      <translation>重命名情景</translation>
    </message>
    <message>
      <location line="+0" />
      <source>New name:</source>
      <translation>新名称:</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Rename “%1” to “%2”</source>
      <translation>将“%1”重命名为“%2”</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Scenario description</source>
      <translation>情景说明</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Description of “%1”:</source>
      <translation>“%1”的说明:</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Describe “%1”</source>
      <translation>修改“%1”的说明</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Delete scenario</source>
      <translation>删除情景</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete scenario “%1” and its adjustments?</source>
      <translation>删除情景“%1”及其调整行?</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Delete “%1”</source>
      <translation>删除“%1”</translation>
    </message>
  </context>
  <context>
    <name>ScenarioTreeModel</name>
    <message>
      <location line="-215" />
      <source>Scenario</source>
      <translation>情景</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Reached</source>
      <translation>达标年份</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Output %1</source>
      <translation>%1年产值</translation>
    </message>
    <message>
      <location line="+20" />
      <source>no</source>
      <translation>未达到</translation>
    </message>
    <message>
      <location line="+6" />
      <source>%1 adjustment row(s)</source>
      <translation>调整行 %1 条</translation>
    </message>
  </context>
  <context>
    <name>SensitivityModel</name>
    <message>
      <location filename="../analysis/sensitivity_model.py" line="+45" />
      <source>Output in %1</source>
      <translation>%1年产值</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Lever</source>
      <translation>调节因素</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Low: %1 (亿元)</source>
      <translation>低值：%1(亿元)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Low: year target reached</source>
      <translation>低值：达标年份</translation>
    </message>
    <message>
      <location line="+0" />
      <source>High: %1 (亿元)</source>
      <translation>高值：%1(亿元)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>High: year target reached</source>
      <translation>高值：达标年份</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Swing (亿元)</source>
      <translation>变动幅度(亿元)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>not reached</source>
      <translation>未达到</translation>
    </message>
  </context>
  <context>
    <name>SensitivityPanel</name>
    <message>
      <location filename="../analysis/sensitivity_panel.py" line="+47" />
      <source>Recompute</source>
      <translation>重新计算</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Recompute automatically after edits</source>
      <translation>修改后自动重算</translation>
    </message>
    <message>
      <location line="+5" />
      <source>All levers</source>
      <translation>全部因素</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Top %1 levers</source>
      <translation>前 %1 个因素</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Low setting</source>
      <translation>低值设定</translation>
    </message>
    <message>
      <location line="+0" />
      <source>High setting</source>
      <translation>高值设定</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Base %1</source>
      <translation>当前值 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Target %1</source>
      <translation>目标 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Change in output in %1 against the scenario (亿元)</source>
      <translation>%1年产值相对情景的变化(亿元)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>What moves output in %1 most — scenario “%2”</source>
      <translation>影响%1年产值的主要因素 — 情景“%2”</translation>
    </message>
    <message>
      <location line="+109" />
      <source>Sensitivity of output in %1 for “%2”: %3 now, target %4 (gap %5)</source>
      <translation>“%2” %1年产值敏感性分析：当前 %3，目标 %4(差距 %5)</translation>
    </message>
    <message>
      <location line="-108" />
      <source>target reached in %1</source>
      <translation>%1年达到目标</translation>
    </message>
    <message>
      <location line="+0" />
      <source>target not reached</source>
      <translation>未达到目标</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Each lever changes one assumption on top of the scenario, the others stay: growth ±2 percentage points, prices and output ratios ×0.8/×1.2, stage probabilities ±0.1, every project one year later, pipeline ×0.5/×1.5.</source>
      <translation>每个因素在情景基础上只改变一项假设，其余不变：增长率 ±2 个百分点，价格和投入产出比 ×0.8/×1.2，各阶段实现概率 ±0.1，全部项目延期1年，招商储备 ×0.5/×1.5。</translation>
    </message>
    <message>
      <location line="+65" />
      <source>Sensitivity</source>
      <translation>敏感性分析</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Computing…</source>
      <translation>正在计算…</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Sensitivity failed: %1</source>
      <translation>敏感性分析失败：%1</translation>
    </message>
  </context>
  <context>
    <name>StaleBanner</name>
    <message>
      <location filename="../analysis/common.py" line="+129" />
      <source>Out of date: the document has changed since this was computed. Run it again to update.</source>
      <translation>结果已过期：计算之后方案已修改，请重新运行以更新。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Computed for scenario “%1”; the active scenario is “%2”.</source>
      <translation>此结果针对情景“%1”计算；当前情景为“%2”。</translation>
    </message>
  </context>
  <context>
    <name>TaskBar</name>
    <message>
      <location filename="../task_bar.py" line="+21" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location line="+24" />
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
  </context>
</TS>