"""Questions planners ask, built on the engine (model.md §5)."""
