"""The import wizard's pages: source, columns (with preview), values, report."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
                               QScrollArea,
                               QTableView, QVBoxLayout, QWidget, QWizardPage)

from models import DocumentError, labels
from models.edits import is_root
from planner.io.foreign import (FIELDS, REQUIRED, UNITS, CellConverter, converted_rows,
                                detect_unit, distinct_values, guess_mapping, list_sheets,
                                read_source)
from ui import formatting, prompts
from ui.error_dialog import issues_text
from ui.import_preview import PreviewModel
from ui.import_state import ImportState
from ui.language import current_language
from ui.worker import Task, run_task

CONTEXT = "ImportWizard"
LAST_DIR_KEY = "files/lastDir"
PREVIEW_ROWS = 20


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(field: str) -> str:
    return labels.column_label("projects", field, current_language(), unit=False)


class SourcePage(QWizardPage):
    """Pick the workbook and the sheet; Next reads the sheet in the thread pool."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.task: Task | None = None
        self.setTitle(tr("Source workbook"))
        self.setSubTitle(tr("Choose the workbook with the project list and its sheet."))
        self.path_edit = QLineEdit(self)
        self.path_edit.editingFinished.connect(lambda: self.set_path(self.path_edit.text()))
        browse = QPushButton(tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.sheet_box = QComboBox(self)
        self.sheet_box.currentTextChanged.connect(lambda _: self.completeChanged.emit())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(tr("Workbook:"), row)
        form.addRow(tr("Sheet:"), self.sheet_box)
        form.addRow(self.status)

    def _browse(self) -> None:
        folder = str(QSettings().value(LAST_DIR_KEY, "") or "")
        path = prompts.get_open_path(self, folder)
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        """Show the workbook's sheets (or why it cannot be read)."""
        path = path.strip()
        if path == self.state.path and self.sheet_box.count():
            return
        self.path_edit.setText(path)
        self.state.path, self.state.table = path, None
        self.sheet_box.clear()
        self.status.clear()
        if path:
            try:
                self.sheet_box.addItems(list_sheets(path))
            except DocumentError as exc:
                self.status.setText(issues_text(exc.issues))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.state.path and self.sheet_box.currentText()) and self.task is None

    def validatePage(self) -> bool:  # noqa: N802
        sheet = self.sheet_box.currentText()
        table = self.state.table
        if table is not None and table.file == self.state.path and table.sheet == sheet:
            return True
        reading = tr("Reading the sheet…")
        self.status.setText(reading)
        self.task = run_task(read_source, self.state.path, sheet, title=tr("Reading"),
                             progress_kw="progress")
        self.task.progressed.connect(
            lambda f: self.status.setText(f"{reading} {f:.0%}"))
        self.task.finished.connect(self._read)
        self.task.failed.connect(self._failed)
        self.task.done.connect(self._done)
        self.completeChanged.emit()
        return False  # the wizard moves on when the sheet has been read

    def _read(self, table) -> None:
        self.state.table = table
        self.state.sheet = table.sheet
        self.status.clear()

    def _failed(self, exc: BaseException) -> None:
        issues = exc.issues if isinstance(exc, DocumentError) else [f"{type(exc).__name__}: {exc}"]
        self.status.setText(issues_text(issues))

    def _done(self) -> None:
        self.task = None
        self.completeChanged.emit()
        if self.state.table is not None and self.wizard() is not None:
            self.wizard().next()


class MappingPage(QWizardPage):
    """A column per project field, the investment unit, and a live preview."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.unit_touched = False
        self.setTitle(tr("Columns"))
        self.setSubTitle(tr("Choose the source column of each field. The preview shows "
                            "the values as they will be imported (investment in 亿元)."))
        self.boxes: dict[str, QComboBox] = {}
        grid = QGridLayout()
        for i, field in enumerate(FIELDS):
            box = QComboBox(self)
            box.currentIndexChanged.connect(lambda _, f=field: self._mapped(f))
            self.boxes[field] = box
            star = " *" if field in REQUIRED else ""
            grid.addWidget(QLabel(field_label(field) + star, self), i // 2, (i % 2) * 2)
            grid.addWidget(box, i // 2, (i % 2) * 2 + 1)
        self.unit_box = QComboBox(self)
        self.unit_box.addItems(list(UNITS))
        self.unit_box.activated.connect(self._unit_chosen)
        self.unit_note = QLabel(self)
        unit_row = QHBoxLayout()
        unit_row.addWidget(QLabel(tr("Investment unit in the source:"), self))
        unit_row.addWidget(self.unit_box)
        unit_row.addWidget(self.unit_note, 1)
        self.model = PreviewModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(unit_row)
        layout.addWidget(self.view, 1)
        self._filling = False
        self._table = None  # the table the boxes were last filled for

    def initializePage(self) -> None:  # noqa: N802
        table = self.state.table
        assert table is not None
        headers = [h for h in table.headers if h]
        same = set(self.state.mapping.values()) - {""} <= set(headers)
        mapping = self.state.mapping if same and self.state.mapping else guess_mapping(headers)
        self._filling = True
        for field, box in self.boxes.items():
            box.clear()
            box.addItem(tr("(generate)") if field == "id" else tr("(not imported)"), "")
            for h in headers:
                box.addItem(h, h)
            box.setCurrentIndex(max(0, box.findData(mapping.get(field, ""))))
        self._filling = False
        self.state.mapping = {f: b.currentData() or "" for f, b in self.boxes.items()}
        if table is not self._table:  # a new sheet: its header decides the unit again
            self._table = table
            self.unit_touched = False
            self._detect_unit()
        self.refresh()

    def set_field(self, field: str, header: str) -> None:
        """Map ``field`` to the column ``header`` ("" for none)."""
        box = self.boxes[field]
        box.setCurrentIndex(max(0, box.findData(header)))

    def set_unit(self, unit: str) -> None:
        self.unit_box.setCurrentText(unit)
        self._unit_chosen()

    def _mapped(self, field: str) -> None:
        if self._filling:
            return
        self.state.mapping[field] = self.boxes[field].currentData() or ""
        if field == "investment" and not self.unit_touched:
            self._detect_unit()
        self.refresh()
        self.completeChanged.emit()

    def _detect_unit(self) -> None:
        header = self.state.mapping.get("investment", "")
        unit = detect_unit(header) if header else None
        self.state.unit = unit or "亿元"
        self.unit_box.setCurrentText(self.state.unit)
        self.unit_note.setText(tr("found in the column header") if unit else
                               tr("not named in the header; 亿元 assumed"))

    def _unit_chosen(self, *_: object) -> None:
        self.unit_touched = True
        self.state.unit = self.unit_box.currentText()
        self.unit_note.setText(tr("chosen"))
        self.refresh()

    def refresh(self) -> None:
        table = self.state.table
        if table is None:
            return
        fields = [f for f in FIELDS if self.state.mapping.get(f)]
        rows = converted_rows(table, self.state.mapping, self.state.unit, self.state.into,
                              self.state.stage_map(), self.state.chain_map(), PREVIEW_ROWS)
        self.model.set_rows(fields, rows)

    def isComplete(self) -> bool:  # noqa: N802
        return all(self.state.mapping.get(f) for f in REQUIRED)


class ValuesPage(QWizardPage):
    """The stage (and chain) of every distinct text in the source's columns."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(tr("Stages and chains"))
        self.setSubTitle(tr("Choose the stage of each status in the list, and the chain "
                            "of each industry name that is not one of the workbook's."))
        self.stage_boxes: dict[str, QComboBox] = {}
        self.chain_boxes: dict[str, QComboBox] = {}
        self.inner = QWidget()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.inner)
        QVBoxLayout(self).addWidget(scroll)

    def initializePage(self) -> None:  # noqa: N802
        state, table = self.state, self.state.table
        assert table is not None
        old = self.inner.layout()
        if old is not None:
            QWidget().setLayout(old)  # drop the previous rows with their widgets
        grid = QGridLayout(self.inner)
        self.stage_boxes.clear()
        self.chain_boxes.clear()
        row = self._section(grid, 0, tr("Status in the list"))
        stage_map = state.stage_map()
        for text, count in distinct_values(table, state.mapping.get("stage", "")):
            box = QComboBox(self.inner)
            box.addItem(tr("(unknown)"), None)
            for key in labels.STAGES:
                box.addItem(labels.stage_label(key, current_language()), key)
            chosen = state.stage_words.get(text, stage_map.lookup(text))
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.currentIndexChanged.connect(lambda _, t=text, b=box: self._stage(t, b))
            self._stage(text, box)
            self.stage_boxes[text] = box
            row = self._line(grid, row, text, count, box)
        row = self._section(grid, row + 1, tr("Industry names not in the workbook"))
        known = CellConverter(state.into, state.unit)
        for text, count in distinct_values(table, state.mapping.get("chain", "")):
            if isinstance(known.chain(text), str):
                continue
            box = QComboBox(self.inner)
            box.addItem(tr("(unknown)"), None)
            for chain in state.into.chain_names:
                box.addItem(chain, chain)
            box.setCurrentIndex(max(0, box.findData(state.chain_words.get(text))))
            box.currentIndexChanged.connect(lambda _, t=text, b=box: self._chain(t, b))
            self.chain_boxes[text] = box
            row = self._line(grid, row, text, count, box)
        if not self.chain_boxes:
            grid.addWidget(QLabel(tr("All industry names match the workbook's chains."),
                                  self.inner), row, 0, 1, 3)
        grid.setRowStretch(row + 1, 1)

    def _section(self, grid: QGridLayout, row: int, title: str) -> int:
        label = QLabel(f"<b>{title}</b>", self.inner)
        grid.addWidget(label, row, 0, 1, 3)
        return row + 1

    def _line(self, grid: QGridLayout, row: int, text: str, count: int, box: QComboBox) -> int:
        grid.addWidget(QLabel(text, self.inner), row, 0)
        grid.addWidget(QLabel(tr("%n row(s)").replace("%n", str(count)), self.inner), row, 1)
        grid.addWidget(box, row, 2)
        return row + 1

    def _stage(self, text: str, box: QComboBox) -> None:
        self.state.stage_words[text] = box.currentData()

    def _chain(self, text: str, box: QComboBox) -> None:
        self.state.chain_words[text] = box.currentData()


class ReportPage(QWizardPage):
    """Every problem, copyable; Finish stays disabled while there are errors."""

    def __init__(self, state: ImportState, scenario: str | None = None) -> None:
        super().__init__()
        self.state = state
        self.result = None
        self.errors = 0
        self.scenario = scenario
        self.setTitle(tr("Check"))
        self.scope_label = QLabel(self)
        self.scope_label.setWordWrap(True)
        self.only_scenario = QRadioButton(self)
        self.all_scenarios = QRadioButton(self)
        child = scenario is not None and not is_root(state.into, scenario)
        if child:
            self.scope_label.setText(tr("Where do the projects go?"))
            self.only_scenario.setText(
                tr("Only scenario “%1” (added switched off in the base data and switched on "
                   "in this scenario; other scenarios do not change)").replace("%1", scenario))
            self.all_scenarios.setText(tr("Base data: all scenarios"))
            self.only_scenario.setChecked(True)
        else:
            self.scope_label.setText(tr("The projects are added to the base data and count "
                                        "in every scenario."))
            self.all_scenarios.setChecked(True)
        self.only_scenario.setVisible(child)
        self.all_scenarios.setVisible(child)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        copy = QPushButton(tr("Copy"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(copy, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.only_scenario)
        layout.addWidget(self.all_scenarios)
        self.setFinalPage(True)

    def target_scenario(self) -> str | None:
        """The scenario that switches the projects on, or None for the base data."""
        return self.scenario if self.only_scenario.isChecked() else None

    def initializePage(self) -> None:  # noqa: N802
        self.result, issues = self.state.run()
        self.errors = sum(1 for i in issues if i.is_error)
        if self.result is not None:
            self.summary.setText(
                tr("%1 projects will be added, total investment %2 (source unit %3).")
                .replace("%1", str(len(self.result.added)))
                .replace("%2", formatting.yi(self.result.total_investment, 4))
                .replace("%3", self.result.unit))
        else:
            self.summary.setText(tr("%1 problems must be fixed in the source or the "
                                    "mapping before anything is imported.")
                                 .replace("%1", str(self.errors)))
        self.text.setPlainText(issues_text(issues) if issues else tr("No problems found."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.result is not None
