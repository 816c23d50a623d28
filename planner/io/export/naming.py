"""Sheet names that Excel, WPS and LibreOffice accept: ≤ 31 characters, none of []:*?/\\."""
from __future__ import annotations

import re

MAX_LEN = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _clip(text: str, limit: int) -> str:
    while _utf16_len(text) > limit:
        text = text[:-1]
    return text


def sheet_name(prefix: str, name: str, taken: set[str]) -> str:
    """``prefix + name`` made valid and unique (case-insensitively) among ``taken``.

    Adds the result to ``taken`` (which holds casefolded names).
    """
    body = _FORBIDDEN.sub("_", name).strip().rstrip("'") or "_"
    base = _clip(prefix + body, MAX_LEN).rstrip("'")
    candidate, n = base, 1
    while candidate.casefold() in taken or candidate.casefold() == "history":
        n += 1
        suffix = f"~{n}"
        candidate = _clip(base, MAX_LEN - len(suffix)).rstrip("'") + suffix
    taken.add(candidate.casefold())
    return candidate
