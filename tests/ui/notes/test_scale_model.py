"""One interview's 0–10 scale answers as an editable table; an edit is handed over, never written here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import scale_answers
from peerdesk.store.engine import Store
from peerdesk.ui.notes.scale_model import HEADERS, ID_ROLE, RatingDelegate, ScaleAnswersModel
from tests.helpers.timetable import build_day


def _model(store: Store) -> tuple[ScaleAnswersModel, str]:
    interview = build_day(store).interviews[0]
    answer, _ = scale_answers.add_scale_answer(store, interview, "the service overall", 7, "quick replies")
    model = ScaleAnswersModel()
    model.set_rows(scale_answers.scale_answers(store, interview))
    return model, answer


def test_each_answer_shows_its_rating_out_of_ten_what_was_rated_and_why(store: Store) -> None:
    model, answer = _model(store)
    assert model.columnCount() == len(HEADERS) and model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in range(3)] == ["7/10", "the service overall", "quick replies"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.EditRole) == 7
    assert model.data(model.index(0, 1), ID_ROLE) == answer


def test_an_edit_is_handed_to_the_panel_after_the_editor_closes(qtbot: QtBot, store: Store) -> None:
    model, answer = _model(store)
    edits: list[tuple[str, str, Any]] = []
    model.edit = lambda *args: edits.append(args)
    assert not model.setData(model.index(0, 0), 7)  # no change
    assert model.setData(model.index(0, 2), "  slow replies ")
    qtbot.waitUntil(lambda: bool(edits))
    assert edits == [(answer, "reason", "slow replies")]
    assert scale_answers.scale_answer(store, answer).reason == "quick replies"  # the model itself writes nothing


def test_the_rating_is_edited_with_a_spin_box_from_0_to_10(qtbot: QtBot, store: Store) -> None:
    model, _ = _model(store)
    parent = QWidget()
    qtbot.addWidget(parent)
    editor = RatingDelegate().createEditor(parent, QStyleOptionViewItem(), model.index(0, 0))
    assert isinstance(editor, QSpinBox) and (editor.minimum(), editor.maximum()) == (0, 10)
