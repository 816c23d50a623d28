"""Import projects from another workbook: a wizard over planner.io.foreign.

    if run_import_wizard(session, window): ...   # applied as one undo step

Pages: source file and sheet → columns with a live preview and the investment unit →
stages (and unknown chains) of the distinct source values → the validation report.
Finish stays disabled while the report has errors; nothing is applied before Finish.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from models import Document
from models.document import Project
from models.edits import add_project, is_root
from ui import error_dialog
from ui.import_pages import MappingPage, ReportPage, SourcePage, ValuesPage
from ui.import_state import ImportState
from ui.session import Session

CONTEXT = "ImportWizard"
SOURCE, MAPPING, VALUES, REPORT = range(4)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ImportWizard(QWizard):
    """On accept, ``result_document`` is ``into`` with the imported projects appended."""

    def __init__(self, into: Document, parent: QWidget | None = None,
                 scenario: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import projects"))
        self.resize(900, 640)
        self.state = ImportState(into)
        self.source_page = SourcePage(self.state)
        self.mapping_page = MappingPage(self.state)
        self.values_page = ValuesPage(self.state)
        self.report_page = ReportPage(self.state, scenario)
        for page_id, page in ((SOURCE, self.source_page), (MAPPING, self.mapping_page),
                              (VALUES, self.values_page), (REPORT, self.report_page)):
            self.setPage(page_id, page)
        self.setStartId(SOURCE)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.result_document: Document | None = None

    def accept(self) -> None:
        result = self.report_page.result
        if result is None:
            return  # Finish is disabled then; a stray accept() must not apply anything
        self.result_document = scoped(self.state.into, result.added,
                                      self.report_page.target_scenario())
        super().accept()

    def reject(self) -> None:
        task = self.source_page.task
        if task is not None:
            task.cancel()
        super().reject()


def scoped(into: Document, added: tuple[Project, ...] | list[Project],
           scenario: str | None) -> Document:
    """``into`` with ``added`` appended: in the base data for every scenario (``scenario``
    None or the root), else switched off in the base and on in ``scenario`` (as 添加)."""
    doc = into
    for project in added:
        doc = add_project(doc, project, scenario=scenario)
    return doc


def run_import_wizard(session: Session, parent: QWidget | None = None) -> bool:
    """Run the wizard on the session's document; True when projects were imported."""
    wizard = ImportWizard(session.document, parent, session.active_scenario)
    if wizard.exec() != QDialog.DialogCode.Accepted or wizard.result_document is None:
        return False
    issues = session.apply(wizard.result_document, tr("Import projects"))
    if issues:
        error_dialog.show_issues(parent, tr("Import projects"),
                                 tr("The imported projects were refused:"), issues)
        return False
    return True
