"""ProgressTab: the base of the four progress tabs.

It follows the Session (ui/when_shown.RedrawsWithSession), pushes edits
as undoable Session steps and reports refusals through ``editRefused`` (the main window
shows them in the status bar) in the interface language.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from models.document import Document
from ui import messages
from ui.progress.common import lang, tr
from ui.session import Session
from ui.when_shown import RedrawsWithSession


class ProgressTab(RedrawsWithSession, QWidget):
    editRefused = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 6, 8, 6)
        self.layout_.setSpacing(6)
        self.follow(session)

    # -- editing ---------------------------------------------------------------------------
    def refuse(self, reason: str) -> bool:
        self.editRefused.emit(tr("Edit refused: %1").replace(
            "%1", messages.translate(reason, lang())))
        return False

    def apply(self, doc: Document, text: str) -> bool:
        """``doc`` as one undoable step; False (and a refusal message) if it is invalid."""
        issues = self.session.apply(doc, text)
        if issues:
            more = f" (+{len(issues) - 1})" if len(issues) > 1 else ""
            return self.refuse(messages.issue_text(issues[0], lang()) + more)
        return True

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
