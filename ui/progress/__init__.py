"""The v2 tabs: 实绩 (actuals), 进度 (progress), 目标分解 (targets), 产值来源 (attribution)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.progress.actuals_tab import ActualsTab
from ui.progress.attribution_tab import AttributionTab
from ui.progress.common import CONTEXT
from ui.progress.progress_tab import ProgressTabWidget
from ui.progress.targets_tab import TargetsTab

__all__ = ["ActualsTab", "AttributionTab", "ProgressTabWidget", "TargetsTab",
           "PROGRESS_TABS", "CONTEXT"]

# (tab key for ``qianyi gui --tab``, English title, factory(session, parent)), in tab order.
PROGRESS_TABS = (
    ("progress", QT_TRANSLATE_NOOP("Progress", "Progress"), ProgressTabWidget),
    ("targets", QT_TRANSLATE_NOOP("Progress", "Targets"), TargetsTab),
    ("attribution", QT_TRANSLATE_NOOP("Progress", "Where output comes from"), AttributionTab),
    ("actuals", QT_TRANSLATE_NOOP("Progress", "Actuals"), ActualsTab),
)
