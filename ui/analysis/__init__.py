"""The analysis tabs: goal seek, sensitivity, Monte Carlo and scenario comparison.

The panels are imported when first used (the main window builds a tab when it is first
shown): ``from ui.analysis import ComparePanel`` still works.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.tab_registry import lazy, lazy_exports

if TYPE_CHECKING:
    from ui.session import Session

CONTEXT = "AnalysisTabs"

_PANELS = {"ComparePanel": "ui.analysis.compare_panel",
           "GoalSeekPanel": "ui.analysis.goalseek_panel",
           "MonteCarloPanel": "ui.analysis.montecarlo_panel",
           "SensitivityPanel": "ui.analysis.sensitivity_panel"}

__all__ = ["ComparePanel", "GoalSeekPanel", "MonteCarloPanel", "SensitivityPanel",
           "analysis_tabs", "ANALYSIS_TABS"]

# (tab key for ``qianyi gui --tab``, English title, factory(session, parent)), in tab order.
ANALYSIS_TABS = (
    ("goalseek", QT_TRANSLATE_NOOP("AnalysisTabs", "Goal seek"),
     lazy("ui.analysis.goalseek_panel:GoalSeekPanel")),
    ("sensitivity", QT_TRANSLATE_NOOP("AnalysisTabs", "Sensitivity"),
     lazy("ui.analysis.sensitivity_panel:SensitivityPanel")),
    ("montecarlo", QT_TRANSLATE_NOOP("AnalysisTabs", "Monte Carlo"),
     lazy("ui.analysis.montecarlo_panel:MonteCarloPanel")),
    ("compare", QT_TRANSLATE_NOOP("AnalysisTabs", "Compare"),
     lazy("ui.analysis.compare_panel:ComparePanel")),
)


__getattr__ = lazy_exports(__name__, _PANELS)


def analysis_tabs(session: Session, parent: QWidget | None = None) -> list[tuple[str, QWidget]]:
    """(translated title, panel) in tab order. The Monte Carlo panel's
    ``probabilityComputed(scenario, p)`` is for the overview's KPI card."""
    tr = lambda text: QCoreApplication.translate(CONTEXT, text)  # noqa: E731
    return [(tr(title), make(session, parent)) for _key, title, make in ANALYSIS_TABS]
