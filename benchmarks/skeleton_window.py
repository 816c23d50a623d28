"""A diagnostic for `startup_ratio` (issue 14): the floor a window like the app's can reach.

`skeleton_probe` draws a window of the app's make-up with none of the app: NumPy imported,
17 tabs, seven three-line cards and a sentence, the two overview charts (9 stacked chains
over 8 years with 6 reference series; 8 scenario lines), a 4-row scenario tree in a dock,
menus and a status bar — made directly with PySide6, without the model, the workbook, an
evaluation, translations or any of the app's modules. Timed like the two window probes
(benchmarks/processes.py), it shows how much of the 2.5× budget is left for the app's own
work (importing the model, reading the workbook, evaluating, the app's code).

Qt-free at import, like ui.benchmark: everything happens inside the probe.
"""
from __future__ import annotations

TABS = ("总览", "进度", "目标分解", "产值来源", "实绩", "产业链", "增长率", "价格指数", "项目",
        "招商储备与孵化", "阶段概率", "设置", "情景调整", "目标求解", "敏感性分析",
        "蒙特卡洛模拟", "情景对比")
YEARS = tuple(range(2023, 2031))


def _chart(title: str, stacked: int, lines: int, rng):
    from PySide6.QtCharts import (QBarCategoryAxis, QChart, QChartView, QLineSeries,
                                  QStackedBarSeries, QValueAxis, QBarSet)
    from PySide6.QtCore import QPointF, Qt
    chart = QChart()
    chart.setTitle(title)
    x_axis, y_axis = QBarCategoryAxis(), QValueAxis()
    x_axis.append([str(y) for y in YEARS])
    y_axis.setRange(0, 1200)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series = []
    if stacked:
        bars = QStackedBarSeries()
        for k in range(stacked):
            one = QBarSet(f"产业链{k + 1}")
            one.append([float(v) for v in rng.random(len(YEARS)) * 100])
            bars.append(one)
        series.append(bars)
    for k in range(lines):
        line = QLineSeries()
        line.setName(f"情景{k + 1}")
        values = rng.random(len(YEARS)) * 1000
        line.append([QPointF(i, float(v)) for i, v in enumerate(values)])
        series.append(line)
    for s in series:
        chart.addSeries(s)
        s.attachAxis(x_axis)
        s.attachAxis(y_axis)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return QChartView(chart)


def skeleton_probe():
    """The skeleton window, shown and drawn (see the module's docstring)."""
    import sys

    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (QApplication, QDockWidget, QGridLayout, QHBoxLayout,
                                   QLabel, QMainWindow, QTabWidget, QTreeView, QVBoxLayout,
                                   QWidget)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    rng = np.random.default_rng(1)
    window = QMainWindow()
    tabs = QTabWidget()
    window.setCentralWidget(tabs)
    page = QWidget()
    tabs.addTab(page, TABS[0])
    for title in TABS[1:]:
        tabs.addTab(QWidget(), title)
    column = QVBoxLayout(page)
    cards = QGridLayout()
    column.addLayout(cards)
    for i in range(7):
        card = QWidget()
        lines = QVBoxLayout(card)
        for text in ("截至2026年10月", "925.86 亿元", "全年预计 1,048.51 亿元"):
            lines.addWidget(QLabel(text))
        cards.addWidget(card, i // 4, i % 4)
    column.addWidget(QLabel("从2026年预计值出发，到2027年达标需年均增长 8.2%。"))
    charts = QHBoxLayout()
    column.addLayout(charts, 1)
    charts.addWidget(_chart("分产业链产值 — 基准", 9, 6, rng), 3)
    charts.addWidget(_chart("各情景总产值", 0, 8, rng), 2)
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["情景", "达标年份", "2027年产值"])
    for name in ("基准", "乐观", "悲观", "悲观加延期"):
        model.appendRow([QStandardItem(text) for text in (name, "2027", "1,048.5")])
    tree = QTreeView()
    tree.setModel(model)
    dock = QDockWidget("情景")
    dock.setWidget(tree)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    for title in ("文件(&F)", "编辑(&E)", "情景(&S)", "视图(&V)", "帮助(&H)"):
        window.menuBar().addMenu(title)
    window.statusBar().showMessage("就绪")
    window.resize(1000, 620)     # the app's window on the offscreen platform's screen
    window.show()
    app.processEvents()
    return window
