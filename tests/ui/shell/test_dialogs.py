"""Dialogs for a review's passphrase and a new review's essentials."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from peerdesk.ui.shell.dialogs import NewReviewDialog, PassphraseDialog, first_visit_day


def test_the_passphrase_dialog_names_the_file_and_why_the_last_try_failed(qtbot: QtBot, tmp_path: Path) -> None:
    quiet = PassphraseDialog(tmp_path / "eastmere.peerdesk")
    qtbot.addWidget(quiet)
    assert quiet.error.isHidden() and quiet.windowTitle() == "Open review"
    told = PassphraseDialog(tmp_path / "eastmere.peerdesk", message="The passphrase is not right.", title="Unlock")
    qtbot.addWidget(told)
    assert not told.error.isHidden() and told.error.text() == "The passphrase is not right."
    told.edit.setText("secret words here")
    assert told.passphrase() == "secret words here" and told.windowTitle() == "Unlock"


def test_a_new_review_suggests_a_file_name_from_the_authority_until_one_is_typed(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewReviewDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.authority.setText("Eastmere Borough Council!")
    assert dialog.path() == tmp_path / "eastmere-borough-council.peerdesk"
    dialog.file.setText(str(tmp_path / "mine.peerdesk"))
    dialog.file.textEdited.emit(dialog.file.text())
    dialog.authority.setText("Westfold")
    assert dialog.path() == tmp_path / "mine.peerdesk"


def test_a_place_chosen_for_a_new_review_stands_when_the_authority_is_typed_after(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = NewReviewDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "visit"), ""))
    [choose] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Choose…"]
    choose.click()
    dialog.authority.setText("Westfold")
    assert dialog.path() == tmp_path / "visit.peerdesk"


def test_day_2_follows_day_1_and_the_essentials_are_trimmed(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewReviewDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.day1.setDate(QDate(2026, 3, 10))
    assert dialog.day2.date() == QDate(2026, 3, 11)
    dialog.authority.setText("  Westfold  ")
    dialog.me.setText(" Alex Reviewer ")
    essentials = dialog.essentials()
    assert (essentials.authority, essentials.me_name) == ("Westfold", "Alex Reviewer")
    assert (essentials.visit_start, essentials.visit_end) == (dt.date(2026, 3, 10), dt.date(2026, 3, 11))
    assert essentials.me_role == "lead"


def test_day_1_is_offered_four_weeks_ahead_on_a_monday_to_thursday() -> None:
    assert first_visit_day(QDate(2026, 12, 2)) == QDate(2026, 12, 30)  # a Wednesday, four weeks on
    assert first_visit_day(QDate(2026, 12, 5)) == QDate(2027, 1, 4)  # four weeks on is a Saturday: the Monday
    for offset in range(7):
        day = first_visit_day(QDate(2026, 12, 1).addDays(offset))
        assert 1 <= day.dayOfWeek() <= 4 and day.addDays(1).dayOfWeek() <= 5  # Day 2 a working day too


def test_a_passphrase_asked_for_a_reason_says_it_quietly_until_a_wrong_one_is_typed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor

    from peerdesk.ui.shell.app import stylesheet

    dialog = PassphraseDialog(tmp_path / "eastmere.peerdesk", hint="Type it to delete the review.")
    dialog.setStyleSheet(stylesheet())
    qtbot.addWidget(dialog)
    dialog.show()

    def colour() -> str:
        return dialog.error.palette().color(dialog.error.foregroundRole()).name()

    assert dialog.error.text() == "Type it to delete the review." and colour() == QColor("#5b6570").name()
    dialog.edit.setText("not the one")
    dialog.say_wrong("That passphrase is not right. Type it to delete the review.")
    assert dialog.error.text().startswith("That passphrase is not right") and colour() == QColor("#a4161a").name()
    assert dialog.edit.selectedText() == "not the one" and dialog.focusWidget() is dialog.edit


def test_the_passphrase_dialog_names_a_file_with_markup_in_its_name_as_it_is(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel

    from tests.helpers.layout import tooltip_shown

    dialog = PassphraseDialog(tmp_path / "<img src=x><i>Q&A.peerdesk")  # a file name may hold no "/"
    qtbot.addWidget(dialog)
    shown = [tooltip_shown(label.text()) for label in dialog.findChildren(QLabel)]
    assert "Passphrase for <img src=x><i>Q&A.peerdesk" in shown


def test_a_new_review_at_a_name_no_file_can_have_is_refused_in_words(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewReviewDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.authority.setText("Westfold")
    dialog.me.setText("Alex Reviewer")
    dialog.file.setText(str(tmp_path / ("x" * 300 + ".peerdesk")))
    dialog.pass1.setText("a long enough passphrase")
    dialog.pass2.setText("a long enough passphrase")
    dialog._validate()
    assert dialog.error.text() == "That file name cannot be used: file name too long."
    assert dialog.result() != dialog.DialogCode.Accepted
