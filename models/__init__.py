"""The planning document: plain immutable values, standard library only."""
from models.document import (
    DEFAULT_SCENARIO, TOTAL_KEY, ActualRow, MonthlyRow, TargetRow, Chain, Document, GrowthRow, IncubationRow, Override, PipelineRow,
    PriceRow, Project, Ramp, Scenario, Settings, StageRow, format_ramp,
)
from models.issues import ERROR, NOTE, WARNING, DocumentError, Location, ValidationIssue

__all__ = [
    "DEFAULT_SCENARIO", "TOTAL_KEY", "ActualRow", "MonthlyRow", "TargetRow", "Chain", "Document", "GrowthRow", "IncubationRow", "Override",
    "PipelineRow", "PriceRow", "Project", "Ramp", "Scenario", "Settings", "StageRow",
    "format_ramp", "ERROR", "NOTE", "WARNING", "DocumentError", "Location",
    "ValidationIssue",
]
