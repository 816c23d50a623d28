"""The Overview tab: KPI cards and the two charts of the active results."""
from ui.overview.overview import OverviewTab

__all__ = ["OverviewTab"]
