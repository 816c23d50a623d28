"""Cooperative progress/cancel for long functions (no threads here)."""
from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float], bool]  # fraction done -> keep going?


class Cancelled(Exception):
    """The caller asked a long computation to stop."""


def report(progress: Progress | None, fraction: float) -> None:
    if progress is not None and progress(fraction) is False:
        raise Cancelled()
