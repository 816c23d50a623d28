"""Shared by the progress tabs (实绩, 进度, 目标分解, 产值来源): translation, colours and
how the numbers read."""
from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor

from models.document import TOTAL_KEY
from ui import formatting as fmt
from ui.language import current_language

CONTEXT = "Progress"

GOOD = QColor("#2E7D32")
BAD = QColor("#C62828")
MUTED = QColor("#7B8794")
LOCK_TINT = QColor(255, 236, 179)
TOTAL_TINT = QColor(236, 240, 244)
GOOD_TINT = QColor(220, 239, 221)
BAD_TINT = QColor(248, 222, 222)
_LOCK_ICON = None


def lock_icon():
    """A small padlock, drawn (emoji fonts are not everywhere)."""
    global _LOCK_ICON
    if _LOCK_ICON is None:
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor("#8A6D00")
        p.setPen(QPen(colour, 1.6))
        p.drawArc(QRectF(3.5, 1.5, 7, 8), 0, 180 * 16)
        p.drawLine(3.5, 5.5, 3.5, 7)
        p.drawLine(10.5, 5.5, 10.5, 7)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(2, 6.5, 10, 7), 1.5, 1.5)
        p.end()
        _LOCK_ICON = QIcon(pixmap)
    return _LOCK_ICON


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def lang() -> str:
    return current_language()


def missing(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def money(x: float | None, decimals: int = 2) -> str:
    """1019.2237 -> "1,019.22" (the unit is in the header)."""
    return fmt.number(None if missing(x) else float(x), decimals)


def signed(x: float | None, decimals: int = 2) -> str:
    """A difference without unit: "+12.30", "−4.00"."""
    if missing(x):
        return fmt.DASH
    x = float(x)
    sign = "+" if x > 0 else "−" if x < 0 else ""
    return f"{sign}{fmt.number(abs(x), decimals)}"


def points(x: float | None) -> str:
    """Percentage points: "+3.2 个百分点" / "+3.2 pp"."""
    if missing(x):
        return fmt.DASH
    return tr("%1 pp").replace("%1", signed(x, 1))


def percent(x: float | None, decimals: int = 1) -> str:
    return fmt.percent(None if missing(x) else float(x), decimals)


def sign_brush(x: float | None) -> QBrush | None:
    """Green at or above zero, red below; nothing for a missing value."""
    if missing(x):
        return None
    return QBrush(GOOD if x >= 0 else BAD)


def chain_label(chain: str) -> str:
    """A chain name, or the park total for the Targets total key."""
    return tr("Park total") if chain == TOTAL_KEY else chain


MONTHS = (QT_TRANSLATE_NOOP("Progress", "Jan"), QT_TRANSLATE_NOOP("Progress", "Feb"),
          QT_TRANSLATE_NOOP("Progress", "Mar"), QT_TRANSLATE_NOOP("Progress", "Apr"),
          QT_TRANSLATE_NOOP("Progress", "May"), QT_TRANSLATE_NOOP("Progress", "Jun"),
          QT_TRANSLATE_NOOP("Progress", "Jul"), QT_TRANSLATE_NOOP("Progress", "Aug"),
          QT_TRANSLATE_NOOP("Progress", "Sep"), QT_TRANSLATE_NOOP("Progress", "Oct"),
          QT_TRANSLATE_NOOP("Progress", "Nov"), QT_TRANSLATE_NOOP("Progress", "Dec"))


def month_label(month: int, combined: bool = False) -> str:
    """"10月" / "Oct"; the combined release "1–2月" / "Jan–Feb"."""
    if combined:
        return tr("Jan–Feb")
    return tr(MONTHS[month - 1])


def year_month(year: int, months: int) -> str:
    """"2026年1-10月" / "2026, months 1–10"."""
    return tr("%1, months 1–%2").replace("%1", str(year)).replace("%2", str(months))
