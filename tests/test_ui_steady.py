"""Overview texts that change on every edit without laying the overview out again."""
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tests.ui_support import ui_env  # noqa: F401
from ui.overview.kpis import KpiCard
from ui.overview.steady import SteadyText


class LayoutRequests(QObject):
    """Counts the LayoutRequest events a widget gets (its layout was invalidated)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def holder_with(widget: QWidget, qtbot) -> tuple[QWidget, LayoutRequests]:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.addWidget(widget)
    layout.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(400, 300)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, LayoutRequests(holder)


def settle(qapp):
    for _ in range(3):
        qapp.processEvents()


def test_a_new_figure_of_the_same_width_lays_nothing_out(ui_env, qtbot, qapp):
    card = KpiCard("value_n")
    card.set("2027年产值", "925.86 亿元", "为目标的 92.6%")
    holder, requests = holder_with(card, qtbot)
    settle(qapp)
    requests.count = 0
    card.set("2027年产值", "955.22 亿元", "为目标的 95.5%")     # same widths
    settle(qapp)
    assert requests.count == 0
    assert card.value.text() == "955.22 亿元"
    card.set("2027年产值", "1,234,567.89 亿元", "为目标的 123.5%")  # wider: room is made
    settle(qapp)
    assert requests.count >= 1
    assert card.value.width() >= card.value.sizeHint().width()


def test_texts_taking_turns_do_not_relayout_each_time(ui_env, qtbot, qapp):
    card = KpiCard("probability")
    holder, requests = holder_with(card, qtbot)
    for _ in range(2):       # the first round may widen the card once per text
        card.set("达标概率", "1.0%", "2027年达标的模拟占比")
        card.set("达标概率", "1.0%", "计算中…")
        settle(qapp)
    requests.count = 0
    for _ in range(3):
        card.set("达标概率", "1.2%", "2027年达标的模拟占比")
        settle(qapp)
        card.set("达标概率", "1.2%", "计算中…")
        settle(qapp)
    assert requests.count == 0


def test_a_card_is_as_tall_and_wide_as_its_labels_in_a_layout(ui_env, qtbot, qapp):
    """The hand-placed card takes the size the same labels had in a QVBoxLayout."""
    card = KpiCard("target")
    card.set("目标", "1,000.00 亿元", "目标年份 2027年")
    reference = QWidget()
    layout = QVBoxLayout(reference)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(2)
    for text, font in (("目标", card.title.font()), ("1,000.00 亿元", card.value.font()),
                       ("目标年份 2027年", card.detail.font())):
        label = QLabel(text)
        label.setFont(font)
        layout.addWidget(label)
    m = card.contentsMargins()
    hint = reference.sizeHint()
    assert card.sizeHint().height() == hint.height() + m.top() + m.bottom()
    assert card.minimumSizeHint().width() == hint.width() + m.left() + m.right()
    holder, _ = holder_with(card, qtbot)
    settle(qapp)
    for label in card.lines:      # every text whole, none cut at the card's edge
        assert label.width() >= label.sizeHint().width()
        assert label.geometry().bottom() <= card.contentsRect().bottom()


def test_steady_text_relayouts_only_for_another_number_of_lines(ui_env, qtbot, qapp):
    text = SteadyText()
    text.setText("从2026年预计值出发，2027年需增长 47.2%；情景“基准”预计增长 36.2%。")
    holder, requests = holder_with(text, qtbot)
    settle(qapp)
    one_line = text.height()
    requests.count = 0
    text.setText("从2026年预计值出发，2027年需增长 47.3%；情景“基准”预计增长 36.4%。")
    settle(qapp)
    assert requests.count == 0 and text.height() == one_line
    text.setText("很长的一句话，" * 30)
    settle(qapp)
    assert requests.count >= 1 and text.height() > one_line
    assert text.label.height() >= text.label.heightForWidth(text.width())
    text.setText("")
    settle(qapp)
    assert text.height() == 0


def test_card_texts_are_selectable_once_the_mouse_is_over_them(ui_env, qtbot, qapp):
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QEnterEvent
    card = KpiCard("target")
    card.set("目标", "1,000.00 亿元", "目标年份 2027年")
    holder, _ = holder_with(card, qtbot)
    selectable = Qt.TextInteractionFlag.TextSelectableByMouse
    assert not any(label.textInteractionFlags() & selectable for label in card.lines)
    point = QPointF(card.rect().center())
    qapp.sendEvent(card, QEnterEvent(point, point, QPointF(card.mapToGlobal(point))))
    assert all(label.textInteractionFlags() & selectable for label in card.lines)
    assert card.value.text() == "1,000.00 亿元"
    text = SteadyText()
    text.setText("从2026年预计值出发")
    holder2, _ = holder_with(text, qtbot)
    assert not text.label.textInteractionFlags() & selectable
    point = QPointF(text.rect().center())
    qapp.sendEvent(text, QEnterEvent(point, point, QPointF(text.mapToGlobal(point))))
    assert text.label.textInteractionFlags() & selectable
