"""One date format everywhere ("Tue 3 Mar 2026"), and a date field typed or picked in one go."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.dates import DateField, show_date, show_datetime, show_iso_date


def test_dates_read_with_their_weekday_and_no_leading_zero() -> None:
    assert show_date(dt.date(2026, 3, 3)) == "Tue 3 Mar 2026"
    assert show_date(None) == "—"
    assert show_iso_date("2026-03-10") == "Tue 10 Mar 2026"
    assert show_iso_date("not a date") == "not a date"
    assert show_iso_date("") == "—"
    assert show_datetime(dt.datetime(2026, 3, 3, 14, 5, 9)) == "Tue 3 Mar 2026, 14:05"
    assert show_datetime(dt.datetime(2026, 3, 3, 14, 5, 9), seconds=True) == "Tue 3 Mar 2026, 14:05:09"


def test_a_date_field_shows_the_same_format_and_tab_leaves_it_in_one_press(qtbot: QtBot) -> None:
    form = QWidget()
    layout = QVBoxLayout(form)
    field = DateField(dt.date(2026, 3, 3))
    after = QLineEdit()
    layout.addWidget(field)
    layout.addWidget(after)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert field.calendarPopup() and field.text() == "Tue 3 Mar 2026"
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClicks(field, "17")  # the day of the month is where the cursor lands
    assert field.value() == dt.date(2026, 3, 17)
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert after.hasFocus() and field.text() == "Tue 17 Mar 2026"
    assert DateField(QDate(2026, 1, 2)).value() == dt.date(2026, 1, 2)
