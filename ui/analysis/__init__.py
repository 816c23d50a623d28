"""The analysis tabs: goal seek, sensitivity, Monte Carlo and scenario comparison."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.analysis.compare_panel import ComparePanel
from ui.analysis.goalseek_panel import GoalSeekPanel
from ui.analysis.montecarlo_panel import MonteCarloPanel
from ui.analysis.sensitivity_panel import SensitivityPanel
from ui.session import Session

CONTEXT = "AnalysisTabs"

__all__ = ["ComparePanel", "GoalSeekPanel", "MonteCarloPanel", "SensitivityPanel",
           "analysis_tabs", "ANALYSIS_TABS"]

# (tab key for ``qianyi gui --tab``, English title, factory(session, parent)), in tab order.
ANALYSIS_TABS = (
    ("goalseek", QT_TRANSLATE_NOOP("AnalysisTabs", "Goal seek"), GoalSeekPanel),
    ("sensitivity", QT_TRANSLATE_NOOP("AnalysisTabs", "Sensitivity"), SensitivityPanel),
    ("montecarlo", QT_TRANSLATE_NOOP("AnalysisTabs", "Monte Carlo"), MonteCarloPanel),
    ("compare", QT_TRANSLATE_NOOP("AnalysisTabs", "Compare"), ComparePanel),
)


def analysis_tabs(session: Session, parent: QWidget | None = None) -> list[tuple[str, QWidget]]:
    """(translated title, panel) in tab order. The Monte Carlo panel's
    ``probabilityComputed(scenario, p)`` is for the overview's KPI card."""
    tr = lambda text: QCoreApplication.translate(CONTEXT, text)  # noqa: E731
    return [(tr(title), make(session, parent)) for _key, title, make in ANALYSIS_TABS]
