"""Validation of a document and of resolved scenarios."""
