"""Reading a generated report back: its 核心结论 and every number in them, traced to JSON."""
from __future__ import annotations

import math
import re
from pathlib import Path

import docx

NUMBER = re.compile(r"(?<![\d.,])[−+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


def paragraphs(path: Path) -> list[docx.text.paragraph.Paragraph]:
    return list(docx.Document(str(path)).paragraphs)


def conclusions(path: Path) -> list[str]:
    """The numbered sentences under the first heading (一、核心结论 / 1. Key findings)."""
    out, inside = [], False
    for p in paragraphs(path):
        if p.style.name.startswith("Heading"):
            if inside:
                break
            inside = True
            continue
        if inside and p.text.strip():
            out.append(re.sub(r"^\d+[．.]\s*", "", p.text.strip()))
    return out


def numbers_in(text: str) -> list[str]:
    """Every written number of a sentence, as written ("1,019.22", "62.1%", "2027")."""
    return NUMBER.findall(text)


def flatten(data) -> list[float]:
    """Every number anywhere in a JSON value."""
    if isinstance(data, bool):
        return []
    if isinstance(data, (int, float)):
        return [float(data)] if math.isfinite(data) else []
    if isinstance(data, dict):
        return [x for v in data.values() for x in flatten(v)]
    if isinstance(data, list):
        return [x for v in data for x in flatten(v)]
    return []


def traced(token: str, values: list[float]) -> bool:
    """A written number equals some JSON value written the app's way (or its size)."""
    text = token.lstrip("+−-")
    if text.endswith("%"):
        body = text[:-1]
        decimals = len(body.split(".")[1]) if "." in body else 0
        return any(f"{abs(x) * 100:.{decimals}f}" == body for x in values)
    decimals = len(text.split(".")[1]) if "." in text else 0
    if decimals == 0 and "," not in text:
        return any(x == int(text) for x in values)
    return any(f"{abs(x):,.{decimals}f}" == text for x in values)


def untraced(sentences: list[str], *sources) -> list[tuple[str, str]]:
    values = [x for s in sources for x in flatten(s)]
    return [(token, s) for s in sentences for token in numbers_in(s)
            if not traced(token, values)]
