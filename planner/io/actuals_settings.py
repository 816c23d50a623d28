"""Settings cells of schema v2: nowcast_anchor (1/0, 是/否, TRUE/FALSE) and
target_method (even/等速, scenario/按情景, any case) read to 1/0 and "even"/"scenario".

Text that is not a method is kept as written, so planner.checks.actuals names it.
"""
from __future__ import annotations

from typing import Any, Callable

from models import labels
from planner.io.cells import Invalid, is_blank, to_include, to_text


def to_anchor(value: Any) -> int | None | Invalid:
    flag = to_include(value)
    if isinstance(flag, bool):
        return int(flag)
    return flag


def to_method(value: Any) -> str | None:
    if is_blank(value):
        return None
    text = to_text(value)
    return labels.target_method_key(text) or text


ACTUAL_SETTINGS: dict[str, Callable[[Any], Any]] = {
    "nowcast_anchor": to_anchor,
    "target_method": to_method,
}
