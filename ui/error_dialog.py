"""A dialog that lists every problem found in a file, in a copyable text box."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from models import ValidationIssue
from ui import messages
from ui.language import current_language


translate = QCoreApplication.translate


def issues_text(issues: Sequence[ValidationIssue | str]) -> str:
    """One line per problem: "FILE: SHEET!CELL: message", in the interface language."""
    return messages.issues_text(issues, current_language())


class ErrorDialog(QDialog):
    def __init__(self, title: str, summary: str, issues: Sequence[ValidationIssue | str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 420)
        label = QLabel(summary, self)
        label.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setPlainText(issues_text(issues))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(translate("ErrorDialog", "Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def show_issues(parent: QWidget | None, title: str, summary: str,
                issues: Sequence[ValidationIssue | str]) -> None:
    """Show the problems modally (tests patch this function)."""
    ErrorDialog(title, summary, issues, parent).exec()


def show_notices(parent: QWidget | None, title: str, summary: str,
                 issues: Sequence[ValidationIssue | str]) -> ErrorDialog:
    """Show warnings and notices (unknown names, unit conversions) without blocking:
    the document is open, the planner reads them beside it."""
    dialog = ErrorDialog(title, summary, issues, parent)
    dialog.setModal(False)
    dialog.show()
    return dialog
