"""EditorPanel: one editor tab; re-emits its models' refusals and follows the language."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.editors.base import EditorModel
from ui.editors.view import EditorView


class EditorPanel(QWidget):
    editRefused = Signal(str)   # connect to the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.models: list[EditorModel] = []
        self.views: list[EditorView] = []
        self._titles: list[tuple[QLabel, object]] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)

    def add_button_bar(self, *slots) -> list[QPushButton]:
        """A row of buttons under the table, one per slot (texts set by retranslate)."""
        bar = QHBoxLayout()
        buttons = []
        for slot in slots:
            button = QPushButton(self)
            button.clicked.connect(slot)
            bar.addWidget(button)
            buttons.append(button)
        bar.addStretch(1)
        self.layout_.addLayout(bar)
        return buttons

    def add_view(self, model: EditorModel, proxy=None, title=None) -> EditorView:
        """A view on ``model`` (through ``proxy``), with an optional title ``title()``."""
        if title is not None:
            label = QLabel(title(), self)
            self._titles.append((label, title))
            self.layout_.addWidget(label)
        view = EditorView(self)
        view.setModel(proxy if proxy is not None else model)
        model.editRefused.connect(self.editRefused)
        self.models.append(model)
        self.views.append(view)
        self.layout_.addWidget(view, 1)
        return view

    def retranslate(self) -> None:
        for label, title in self._titles:
            label.setText(title())
        for model in self.models:
            model.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
