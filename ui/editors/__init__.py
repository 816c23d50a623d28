"""The document editors, one tab each; the main window embeds ``editor_tabs``.

Every tab widget is an EditorPanel with an ``editRefused(str)`` signal (why an edit was
refused, for the status bar); the editors follow the Session's signals themselves. The
widgets live in ui.editors.tabs and are imported when a tab is first built.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.tab_registry import lazy, lazy_exports

if TYPE_CHECKING:
    from ui.session import Session

__all__ = ["editor_tabs", "EditorPanel", "TITLES", "EDITOR_TABS"]

# Imported on first use: ``from ui.editors import ChainsEditor`` still works.
_LAZY = {"ChainsEditor": "ui.editors.tabs", "EditorPanel": "ui.editors.panel"}

# Tab titles as English source strings (translated through tr, Editors context).
TITLES = tuple(QT_TRANSLATE_NOOP("Editors", t) for t in (
    "Chains", "Growth", "Prices", "Projects", "Pipeline & incubation", "Stages", "Settings",
    "Overrides"))


__getattr__ = lazy_exports(__name__, _LAZY)


# (tab key for ``qianyi gui --tab``, English title, factory(session, parent)), in tab order.
EDITOR_TABS = tuple(zip(
    ("chains", "growth", "prices", "projects", "pipeline", "stages", "settings", "overrides"),
    TITLES,
    tuple(lazy(f"ui.editors.tabs:{name}") for name in (
        "ChainsEditor", "growth", "prices", "ProjectsEditor", "pipeline_and_incubation",
        "stages", "settings", "OverridesEditor"))))


def editor_tabs(session: Session, parent: QWidget | None = None) -> list[tuple[str, QWidget]]:
    """(translated title, widget) for each editor tab, in the order of TITLES."""
    return [(QCoreApplication.translate("Editors", title), make(session, parent))
            for _key, title, make in EDITOR_TABS]
