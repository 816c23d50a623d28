"""Scenario resolution, the projection engine and its results (model.md §1–§8)."""
