"""The status-bar strip that shows a running task's progress and a cancel button."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from ui.worker import Task


class TaskBar(QWidget):
    """Hidden until a task runs; one task at a time is shown (the latest)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    @property
    def task(self) -> Task | None:
        return self._task

    def watch(self, task: Task) -> None:
        self._task = task
        self.label.setText(task.title)
        self.bar.setValue(0)
        task.progressed.connect(self._on_progress)
        task.done.connect(lambda: self._on_done(task))
        self.show()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.label.setText(self.tr("Cancelling…"))

    def _on_progress(self, fraction: float) -> None:
        self.bar.setValue(round(fraction * 1000))

    def _on_done(self, task: Task) -> None:
        if task is self._task:
            self._task = None
            self.hide()
