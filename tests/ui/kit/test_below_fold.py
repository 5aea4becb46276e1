"""Content below the fold of a scroll area is built the first time any of it would show, and not before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.below_fold import HEIGHT_KEY, BuiltWhenSeen

TOP = 600  # the part in view when the form opens, taller than the area


class Form(QWidget):
    """A form of a tall top part and a rest built when seen, in a 400 px scroll area."""

    def __init__(self, name: str = "test-form", guess: int = 900) -> None:
        super().__init__()
        self.made = 0
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        self.field = QLineEdit()
        column.addWidget(self.field)
        top = QLabel("top")
        top.setFixedHeight(TOP)
        column.addWidget(top)
        self.rest = BuiltWhenSeen(name, self._make, self.area, guess)
        column.addWidget(self.rest)
        self.area.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(self.area)
        self.after = QLineEdit()  # made before the rest is built: the rest must still come first after the field
        outer.addWidget(self.after)
        self.resize(500, 400)

    def _make(self) -> QWidget:
        self.made += 1
        rest = QWidget()
        column = QVBoxLayout(rest)
        self.first = QLineEdit()
        column.addWidget(self.first)
        tall = QLabel("rest")
        tall.setFixedHeight(800)
        column.addWidget(tall)
        return rest


def shown(qtbot: QtBot, form: Form) -> Form:
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    QApplication.processEvents()
    return form


def test_the_rest_is_not_built_while_out_of_view_and_the_scroll_bar_already_counts_it(qtbot: QtBot) -> None:
    form = shown(qtbot, Form(guess=900))
    assert form.made == 0 and form.rest.content is None
    assert form.area.verticalScrollBar().maximum() > TOP + 900 - 400 - 50  # the stand-in's height is scrolled over


def test_scrolling_to_the_rest_builds_it_once_before_it_is_painted(qtbot: QtBot) -> None:
    form = shown(qtbot, Form())
    bar = form.area.verticalScrollBar()
    bar.setValue(TOP)  # the stand-in comes into view
    assert form.made == 1 and form.rest.content is not None  # built in the scroll itself, not a frame later
    bar.setValue(bar.maximum())
    bar.setValue(0)
    assert form.made == 1


def test_a_window_tall_enough_to_show_the_rest_builds_it(qtbot: QtBot) -> None:
    form = shown(qtbot, Form())
    form.resize(500, TOP + 300)
    qtbot.waitUntil(lambda: form.made == 1)


def test_tab_from_the_field_above_builds_the_rest_and_goes_into_it(qtbot: QtBot) -> None:
    form = shown(qtbot, Form())
    form.activateWindow()
    form.field.setFocus()
    qtbot.keyClick(form.field, Qt.Key.Key_Tab)
    assert form.made == 1
    qtbot.waitUntil(lambda: form.first.hasFocus())
    qtbot.keyClick(form.first, Qt.Key.Key_Tab)
    assert form.after.hasFocus()  # and on out of it, to what follows the form


def test_build_on_demand_returns_the_same_content(qtbot: QtBot) -> None:
    form = shown(qtbot, Form())
    content = form.rest.build()
    assert form.rest.build() is content and form.made == 1
    assert form.rest.focusPolicy() == Qt.FocusPolicy.NoFocus  # built, it is no longer a stop for Tab


def test_the_built_height_is_remembered_so_the_next_stand_in_has_it(qtbot: QtBot) -> None:
    form = shown(qtbot, Form(name="remembered", guess=100))
    form.rest.build()

    def remembered() -> int:
        return int(str(ui_settings.settings().value(HEIGHT_KEY.format("remembered"), 0)))

    qtbot.waitUntil(lambda: form.rest.height() >= 800)  # laid out: the label's 800 px and the field above it
    assert remembered() == 0  # not at each step of a layout or a resize
    form.close()  # kept as the window closes
    assert remembered() >= 800
    height = remembered()
    again = shown(qtbot, Form(name="remembered", guess=100))
    assert again.rest.minimumHeight() == height


def test_a_remembered_height_that_makes_no_sense_falls_back_to_the_guess(qtbot: QtBot) -> None:
    for nonsense in ("tall", "-5", "10000000"):
        ui_settings.settings().setValue(HEIGHT_KEY.format("odd"), nonsense)
        form = Form(name="odd", guess=321)
        qtbot.addWidget(form)
        assert form.rest.minimumHeight() == 321
