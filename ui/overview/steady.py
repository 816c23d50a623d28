"""Texts that change on every edit without laying out the whole overview again.

A QLabel in a layout asks its parent's layout to run again whenever its text changes
(``updateGeometry``), whether or not it needs another size; on the overview that cascades
to the KPI panel, the tab and the charts below it, for every edit that changes a figure.
Here the labels are placed by hand inside a widget that has no layout: a new text
repaints the label, and the parent's layout is asked again only when the space the
texts need has really changed (a card's height, the number of lines of a wrapped text).
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QWidget


_LINE_HEIGHTS: dict[str, int] = {}
SAMPLE = "国Ag0"     # Chinese and Latin: the height of a line that may hold both


def line_height(font: QFont) -> int:
    """A one-line QLabel's height in ``font``, with text that may come from a fallback
    font (Chinese glyphs when the font has none), as QLabel lays it out."""
    key = font.key()
    height = _LINE_HEIGHTS.get(key)
    if height is None:
        probe = QLabel(SAMPLE)
        probe.setFont(font)
        height = _LINE_HEIGHTS[key] = probe.sizeHint().height()
    return height


def selectable_when_pointed_at(labels: list[QLabel]) -> None:
    """Make the labels' texts selectable (called when the mouse enters their widget,
    before a press can start a selection). A selectable label keeps a text document
    that every new text lays out again — a few ms per edit for a text nobody points at."""
    for label in labels:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


class SteadyText(QWidget):
    """One word-wrapped line (or a few) whose height follows its text; selectable once
    the mouse has come over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self._selectable = False
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._height = 0

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name
        if text != self.label.text():
            self.label.setText(text)
            self._fit()

    def enterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._selectable:
            self._selectable = True
            selectable_when_pointed_at([self.label])
        super().enterEvent(event)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.label.heightForWidth(width) if self.label.text() else 0

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.label.sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, self._height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        height = self.heightForWidth(self.width())
        self.label.setGeometry(0, 0, self.width(), max(height, self.height()))
        if height != self._height:
            self._height = height
            self.updateGeometry()     # the layout makes room for another line


class SteadyCard(QFrame):
    """A frame with labels stacked by hand: their texts change without a relayout of
    the frame's parent. Its height depends on the labels' fonts; its width on the widest
    text it has shown, and the parent's layout is asked again (by :meth:`fit`, after new
    texts) only when a text needs more width than that."""

    MARGIN_X, MARGIN_Y, SPACING = 12, 8, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[QLabel] = []
        self._text_width = 0
        self._selectable = False

    def enterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._selectable:
            self._selectable = True
            selectable_when_pointed_at(self.lines)
        super().enterEvent(event)

    def add_line(self, label: QLabel) -> QLabel:
        label.setParent(self)
        self.lines.append(label)
        self.fit()
        return label

    def fit(self) -> None:
        """After the texts changed: a relayout only if a text is wider than any before
        (the card does not narrow again, so texts that take turns — a figure and
        "计算中…" — do not lay the overview out on every edit)."""
        width = max((label.sizeHint().width() for label in self.lines), default=0)
        if width > self._text_width:
            self._text_width = width
            self.updateGeometry()

    def _heights(self) -> list[int]:
        return [line_height(label.font()) for label in self.lines]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        m = self.contentsMargins()
        heights = self._heights()
        height = (sum(heights) + self.SPACING * max(len(heights) - 1, 0)
                  + 2 * self.MARGIN_Y + m.top() + m.bottom())
        return QSize(self._text_width + 2 * self.MARGIN_X + m.left() + m.right(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()     # as the labels in a layout: never narrower than a text

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.place()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.place()

    def place(self) -> None:
        """Stack the labels in the frame's contents, the full width each."""
        area = self.contentsRect().adjusted(self.MARGIN_X, self.MARGIN_Y,
                                            -self.MARGIN_X, -self.MARGIN_Y)
        y = area.top()
        for label, height in zip(self.lines, self._heights()):
            label.setGeometry(area.left(), y, area.width(), height)
            y += height + self.SPACING

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._text_width = -1      # measured again with the new font
            self.fit()
            self.updateGeometry()
            self.place()
