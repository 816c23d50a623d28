"""Small keyed tables: chains, stage probabilities, settings."""
from __future__ import annotations

from models import labels
from models.document import Document
from models.edits import CellRef
from ui.editors.base import EditorModel
from ui.editors.common import TARGET_METHODS, header, lang, setting_label, setting_tip, tr


class ChainsModel(EditorModel):
    """One row per chain, the Chains columns; renaming a chain renames its references."""

    depends_on = ("settings", "chains", "scenarios", "overrides")
    help_sheet = "chains"

    def row_keys(self, doc: Document) -> list:
        return list(doc.chain_names)

    def column_keys(self, doc: Document) -> list:
        return list(labels.COLUMNS["chains"])

    def cell_ref(self, row, col) -> CellRef:
        return CellRef("chains", row, col)

    def column_header(self, col) -> str:
        return header("chains", col)


class StagesModel(EditorModel):
    """Stage realization probabilities (a blank cell restores the default)."""

    depends_on = ("stages", "scenarios", "overrides")
    help_sheet = "stages"

    def row_keys(self, doc: Document) -> list:
        return list(labels.STAGES)

    def column_keys(self, doc: Document) -> list:
        return ["stage", "probability"]

    def cell_ref(self, row, col) -> CellRef | None:
        return CellRef("stages", row, "probability") if col == "probability" else None

    def label(self, row, col) -> str:
        return labels.stage_label(row, lang())

    def column_header(self, col) -> str:
        return header("stages", col)


class SettingsModel(EditorModel):
    """Settings key/value rows: target, years, defaults and Monte Carlo parameters."""

    depends_on = ("settings",)

    def row_keys(self, doc: Document) -> list:
        return list(labels.SETTINGS)

    def column_keys(self, doc: Document) -> list:
        return ["key", "value"]

    def cell_ref(self, row, col) -> CellRef | None:
        return CellRef("settings", row, "value") if col == "value" else None

    def label(self, row, col) -> str:
        return setting_label(row)

    def label_tip(self, row, col) -> str | None:
        return setting_tip(row) or None

    def choices(self, ref: CellRef) -> list[tuple[str, str]] | None:
        if ref.key == "target_method":
            return [(TARGET_METHODS[k][0 if lang() == "zh" else 1], k) for k in TARGET_METHODS]
        if ref.key == "nowcast_anchor":
            return [(tr("Yes"), "1"), (tr("No"), "0")]
        return None

    def column_header(self, col) -> str:
        return header("settings", col)
