"""The v2 tabs: 实绩 (actuals), 进度 (progress), 目标分解 (targets), 产值来源 (attribution).

The tabs are imported when first built (``from ui.progress import ActualsTab`` still works).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.progress.common import CONTEXT
from ui.tab_registry import lazy, lazy_exports

__all__ = ["ActualsTab", "AttributionTab", "ProgressTabWidget", "TargetsTab",
           "PROGRESS_TABS", "CONTEXT"]

_TABS = {"ActualsTab": "ui.progress.actuals_tab", "AttributionTab": "ui.progress.attribution_tab",
         "ProgressTabWidget": "ui.progress.progress_tab", "TargetsTab": "ui.progress.targets_tab"}

# (tab key for ``qianyi gui --tab``, English title, factory(session, parent)), in tab order.
PROGRESS_TABS = (
    ("progress", QT_TRANSLATE_NOOP("Progress", "Progress"),
     lazy("ui.progress.progress_tab:ProgressTabWidget")),
    ("targets", QT_TRANSLATE_NOOP("Progress", "Targets"),
     lazy("ui.progress.targets_tab:TargetsTab")),
    ("attribution", QT_TRANSLATE_NOOP("Progress", "Where output comes from"),
     lazy("ui.progress.attribution_tab:AttributionTab")),
    ("actuals", QT_TRANSLATE_NOOP("Progress", "Actuals"),
     lazy("ui.progress.actuals_tab:ActualsTab")),
)


__getattr__ = lazy_exports(__name__, _TABS)
