"""ProgressTab: the base of the four progress tabs.

It follows the Session (redraws on new results, once per event-loop turn), pushes edits
as undoable Session steps and reports refusals through ``editRefused`` (the main window
shows them in the status bar) in the interface language.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from models.document import Document
from ui import messages
from ui.progress.common import lang, tr
from ui.session import Session
from ui.when_shown import StaleTracker


class ProgressTab(QWidget):
    editRefused = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 6, 8, 6)
        self.layout_.setSpacing(6)
        self.refresh_count = 0
        self._pending = False
        self._stale = StaleTracker()
        # new results are drawn at once; a scenario switch alone waits for the event loop,
        # so a switch that comes with new results draws once
        session.resultsChanged.connect(self.refresh)
        session.activeScenarioChanged.connect(self.schedule_refresh)

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

    # -- keeping in step ---------------------------------------------------------------------
    def schedule_refresh(self, *_args) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._refresh_if_pending)

    def _refresh_if_pending(self) -> None:
        if self._pending:
            self.refresh()

    def refresh(self, *_args) -> None:
        """Redraw now, or when shown again if the tab is hidden behind another."""
        self._pending = False
        if self._stale.defer(self):
            return
        self.redraw()
        self.refresh_count += 1

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale.take():
            self.refresh()

    def redraw(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
