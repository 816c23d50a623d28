"""The open document, its undo history, the active scenario and the cached results.

Every view reads from one Session and edits through ``Session.apply``; the Session
recomputes (through planner/, never here) and tells the views with signals.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from models import Document, DocumentError, ValidationIssue
from planner.model.evaluate import Evaluation, evaluate
from planner.model.result import Result


class DocumentCommand(QUndoCommand):
    """Replace the document; undo puts the old one back. Same ``merge_id`` edits merge."""

    def __init__(self, session: "Session", before: Document, after: Document, text: str,
                 merge_id: int = -1, merge_key: object = None,
                 active_before: str | None = None, active_after: str | None = None):
        super().__init__(text)
        self._session = session
        self.before, self.after = before, after
        self._merge_id, self.merge_key = merge_id, merge_key
        self.active_before, self.active_after = active_before, active_after

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, DocumentCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.active_after = other.active_after
        return True

    def redo(self) -> None:
        self._session._set_document(self.after, self.active_after)

    def undo(self) -> None:
        self._session._set_document(self.before, self.active_before)


class Session(QObject):
    documentReplaced = Signal()          # a whole new document (open, new)
    documentChanged = Signal()           # an edit, undo or redo
    activeScenarioChanged = Signal(str)
    resultsChanged = Signal()            # after every recomputation
    pathChanged = Signal(str)
    editRefused = Signal(str, list)      # an apply() refused: its text and the issues

    MERGE_ID = 1

    def __init__(self, document: Document, path: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._document = document
        self._path = path
        self._active = document.scenario_names[0]
        self._evaluation: Evaluation | None = None
        self._pending: tuple[Document, Evaluation] | None = None
        self._analyses: dict[str, tuple[Document, object]] = {}
        self._recompute()

    # -- reading -----------------------------------------------------------------
    @property
    def document(self) -> Document:
        return self._document

    @property
    def path(self) -> str:
        return self._path

    @property
    def active_scenario(self) -> str:
        return self._active

    @property
    def evaluation(self) -> Evaluation:
        """The whole evaluation of the document (history, re-forecasts, targets, progress,
        notices), recomputed on every edit."""
        assert self._evaluation is not None
        return self._evaluation

    @property
    def results(self) -> dict[str, Result]:
        """Results (re-forecasts) of every scenario, in document order."""
        return self.evaluation.results

    @property
    def active_result(self) -> Result:
        return self.evaluation.results[self._active]

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # -- changing ----------------------------------------------------------------
    def check(self, document: Document) -> list[ValidationIssue]:
        """Problems that would make ``document`` unusable (empty when it is fine)."""
        from planner.checks.validate import validate_document
        issues = [i for i in validate_document(document) if i.is_error]
        if issues:
            return issues
        try:
            self._pending = (document, self._compute(document))
        except DocumentError as exc:
            return exc.issues
        return []

    def apply(self, document: Document, text: str, merge_key: object = None,
              active: str | None = None) -> list[ValidationIssue]:
        """Make ``document`` current as one undoable step, unless it is invalid.

        Returns the problems that refused it (and then nothing changed). Consecutive
        applies with the same non-None ``merge_key`` merge into one undo step.
        ``active`` names the scenario to make active with the edit (a new or renamed
        one); undo then makes the previously active scenario active again.
        """
        if document == self._document:
            return []
        issues = self.check(document)
        if issues:
            self.editRefused.emit(text, issues)
            return issues
        merge_id = self.MERGE_ID if merge_key is not None else -1
        # redo comes back to the scenario the edit was made in (or the one it made active)
        after = active if active is not None else self._active
        self.undo_stack.push(DocumentCommand(self, self._document, document, text,
                                             merge_id, merge_key, self._active, after))
        return []

    def replace_document(self, document: Document, path: str = "") -> None:
        """Open or new: a fresh history; not undoable."""
        self.undo_stack.clear()
        self._document = document
        self._active = document.scenario_names[0]
        self._recompute()
        self.set_path(path)
        self.undo_stack.setClean()
        self.documentReplaced.emit()
        self.activeScenarioChanged.emit(self._active)
        self.resultsChanged.emit()

    def set_path(self, path: str) -> None:
        self._path = path
        self.pathChanged.emit(path)

    def mark_saved(self, path: str) -> None:
        self.set_path(path)
        self.undo_stack.setClean()

    def record_analysis(self, kind: str, document: Document, result: object) -> None:
        """Keep the last analysis result of a kind ("sensitivity", "montecarlo")."""
        self._analyses[kind] = (document, result)

    def analysis(self, kind: str) -> object | None:
        """The last result of ``kind`` if it was computed on the current document."""
        document, result = self._analyses.get(kind, (None, None))
        return result if document is not None and document == self._document else None

    def set_active_scenario(self, name: str) -> None:
        if name == self._active or name not in self._document.scenario_names:
            return
        self._active = name
        self.activeScenarioChanged.emit(name)

    # -- internals -----------------------------------------------------------------
    def _set_document(self, document: Document, active: str | None = None) -> None:
        self._document = document
        previous = self._active
        if active in document.scenario_names:
            self._active = active
        elif self._active not in document.scenario_names:
            self._active = document.scenario_names[0]
        self._recompute()   # before any signal, so listeners read fresh results
        if self._active != previous:
            self.activeScenarioChanged.emit(self._active)
        self.documentChanged.emit()
        self.resultsChanged.emit()

    def _recompute(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] is self._document:
            self._evaluation = pending[1]
        else:
            self._evaluation = self._compute(self._document)

    @staticmethod
    def _compute(document: Document) -> Evaluation:
        return evaluate(document)
