"""Every modal question the app asks, as a plain function (tests patch these)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
XLSX_FILTER = "Excel (*.xlsx)"


translate = QCoreApplication.translate


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """Save, discard or cancel before the open document is closed."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Prompts", "Unsaved changes"),
                      translate("Prompts", "Save the changes to “%1”?").replace("%1", name),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(translate("Prompts", "Your changes will be lost if you don’t save them."))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def ask_recover(parent: QWidget | None, original: str, saved_at: str) -> bool:
    """Offer the autosaved copy found at start."""
    text = translate("Prompts", "The app did not close normally. Recover the unsaved changes to “%1” "
               "autosaved at %2?").replace("%1", original or translate("Prompts", "Untitled")
                                           ).replace("%2", saved_at)
    answer = QMessageBox.question(parent, translate("Prompts", "Recover unsaved work"), text,
                                  QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_delete_children(parent: QWidget | None, name: str, children: list[str]) -> str | None:
    """"delete" (the whole subtree), "reattach" (children move up) or None (cancel)."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("Prompts", "Delete scenario"),
                      translate("Prompts", "“%1” has child scenarios: %2.").replace("%1", name)
                      .replace("%2", ", ".join(children)), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setInformativeText(translate("Prompts",
        "Delete them too, or keep them: they move up to the deleted scenario’s parent "
        "and take over its adjustments, so their results do not change."))
    keep = box.addButton(translate("Prompts", "Keep children"), QMessageBox.ButtonRole.AcceptRole)
    delete = box.addButton(translate("Prompts", "Delete all"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return "reattach"
    if clicked is delete:
        return "delete"
    return None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def get_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def get_multiline(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    return value if ok else None


def get_open_path(parent: QWidget | None, folder: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(parent, translate("Prompts", "Open workbook"), folder, XLSX_FILTER)
    return path


def get_save_path(parent: QWidget | None, folder: str = "",
                  file_filter: str = XLSX_FILTER, title: str = "",
                  selected: list[str] | None = None) -> str:
    """A path to save to. ``selected`` (one filter, in and out) preselects a filter of
    ``file_filter`` and receives the one chosen, for filters that are choices."""
    path, chosen = QFileDialog.getSaveFileName(
        parent, title or translate("Prompts", "Save workbook"), folder, file_filter,
        selected[0] if selected else "")
    if selected is not None and path and chosen:
        selected[0] = chosen
    return path


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def confirm_unusual(parent: QWidget | None, reasons: list[str]) -> bool:
    """Apply values that look like a slip (growth of 1200%, …)? Default: no."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Prompts", "Unusual value"),
                      translate("Prompts", "This value looks unusual:") + "\n• "
                      + "\n• ".join(reasons), QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No, parent)
    box.setInformativeText(translate("Prompts", "A number typed into a percent column is a "
                                     "percentage (12 means 12%). Apply it anyway?"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def confirm_base_edit(parent: QWidget | None, scenario: str, field: str) -> bool:
    """A base-only field edited while a child scenario is active: go ahead?"""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Prompts", "Change the base data?"),
                      translate("Prompts", "“%1” cannot differ between scenarios. This changes "
                                "the base data and affects all scenarios, not only “%2”.")
                      .replace("%1", field).replace("%2", scenario),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
