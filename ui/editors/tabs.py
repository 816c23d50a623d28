"""The editor tabs' widgets: one EditorPanel per tab (ui.editors.EDITOR_TABS lists them)."""
from __future__ import annotations

from models.edits import EditError, add_chain, delete_chain
from ui.editors.common import tr
from ui.editors.grids import YearGridModel
from ui.editors.overrides import OverridesEditor
from ui.editors.panel import EditorPanel
from ui.editors.projects import ProjectsEditor
from ui.editors.tables import ChainsModel, SettingsModel, StagesModel
from ui.session import Session

__all__ = ["ChainsEditor", "OverridesEditor", "ProjectsEditor", "growth", "prices",
           "pipeline_and_incubation", "stages", "settings"]


class ChainsEditor(EditorPanel):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.model = ChainsModel(session, self)
        self.view = self.add_view(self.model)
        self.add_button, self.delete_button = self.add_button_bar(self.add, self.delete)
        self.retranslate()

    def add(self) -> bool:
        ok = self.model.apply(add_chain(self.model.document), tr("Add chain"))
        if ok:
            last = self.model.rowCount() - 1
            self.view.focus_first_editable(self.model.index(last, 0))
        return ok

    def delete(self) -> bool:
        index = self.view.currentIndex()
        if not index.isValid():
            return False
        try:
            doc = delete_chain(self.model.document, self.model.row_key(index.row()))
        except EditError as exc:
            return self.model.refuse(str(exc))
        return self.model.apply(doc, tr("Delete chain"))

    def retranslate(self) -> None:
        super().retranslate()
        self.add_button.setText(tr("Add chain"))
        self.delete_button.setText(tr("Delete chain"))


def _single(model_factory, session: Session, parent=None) -> EditorPanel:
    panel = EditorPanel(parent)
    panel.add_view(model_factory(session, panel))
    return panel


def pipeline_and_incubation(session: Session, parent=None) -> EditorPanel:
    panel = EditorPanel(parent)
    for table, field, title in (
            ("pipeline", "investment", lambda: tr("Pipeline: new investment signed (亿元)")),
            ("incubation", "graduates", lambda: tr("Incubation: graduate firms")),
            ("incubation", "revenue_per_firm",
             lambda: tr("Incubation: revenue per graduate firm (亿元)"))):
        panel.add_view(YearGridModel(session, table, field, parent=panel), title=title)
    return panel


def growth(session: Session, parent=None) -> EditorPanel:
    return _single(lambda s, p: YearGridModel(s, "growth", "growth", parent=p), session, parent)


def prices(session: Session, parent=None) -> EditorPanel:
    return _single(lambda s, p: YearGridModel(s, "prices", "index", True, parent=p),
                   session, parent)


def stages(session: Session, parent=None) -> EditorPanel:
    return _single(StagesModel, session, parent)


def settings(session: Session, parent=None) -> EditorPanel:
    panel = _single(SettingsModel, session, parent)
    view = panel.views[0]
    view.resizeColumnToContents(0)     # setting names with their units, not elided
    view.setColumnWidth(1, max(view.columnWidth(1), 160))
    return panel
