"""One way to show a date everywhere in the app — "Tue 3 Mar 2026" — and one date field to type or pick it.

The weekday is part of it on purpose: a visit is planned by its days ("the Tuesday"), and a date with its weekday
is read the same way in every English-speaking council, unlike 03/04.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit, QWidget

QT_DATE = "ddd d MMM yyyy"  # the same as show_date, in Qt's terms, for date fields
QT_EDIT_DATE = "d MMM yyyy"  # a date field's format while the cursor is in it


def show_date(value: dt.date | None, empty: str = "—") -> str:
    """``Tue 3 Mar 2026`` (English names whatever the locale, like the rest of the app's text)."""
    if value is None:
        return empty
    return f"{value:%a} {value.day} {value:%b %Y}"


def show_iso_date(text: str, empty: str = "—") -> str:
    """A date stored as ``2026-03-03`` as ``Tue 3 Mar 2026``; text that is no date is shown as it is."""
    try:
        return show_date(dt.date.fromisoformat(text[:10]), empty) if text else empty
    except ValueError:
        return text


def show_datetime(value: dt.datetime, *, seconds: bool = False) -> str:
    """``Tue 3 Mar 2026, 14:05`` (``14:05:09`` with ``seconds``)."""
    return f"{show_date(value.date())}, {value:%H:%M:%S}" if seconds else f"{show_date(value.date())}, {value:%H:%M}"


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DateField(QDateEdit):
    """A date typed in one go or picked from the calendar: Tab leaves the field instead of walking its day,
    month and year one by one, and entering it puts the cursor on the day of the month (what changes most)."""

    def __init__(self, value: QDate | dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(QT_DATE)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        if isinstance(value, dt.date):
            value = QDate(value.year, value.month, value.day)
        if value is not None:
            self.setDate(value)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # While typing, no weekday: Qt would take the keys for it. It comes back, matching, on leaving.
        self.setDisplayFormat(QT_EDIT_DATE)
        super().focusInEvent(event)
        self.setSelectedSection(QDateTimeEdit.Section.DaySection)  # typing replaces the day

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setDisplayFormat(QT_DATE)

    def value(self) -> dt.date:
        return to_date(self.date())
