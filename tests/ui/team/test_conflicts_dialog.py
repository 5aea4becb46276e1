"""The conflicts an import kept: where, what lost, what stands and who; restored or dismissed as undo steps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from peerdesk.services import records, sharing
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.team.conflicts_dialog import ConflictsDialog
from tests.helpers.conflicts import clash_on, make_conflict
from tests.helpers.exchange import Team, send
from tests.helpers.layout import screenshot


def shown(qtbot: QtBot, team: Team, *, active: bool = False) -> ConflictsDialog:
    """The lead's Conflicts dialog on screen (``active``: with the keyboard, as when opened from the menu)."""
    dialog = ConflictsDialog(ReviewSession(team.stores[0]))
    qtbot.addWidget(dialog)
    dialog.show()
    if active:
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_without_conflicts_the_dialog_says_every_edit_merged(qtbot: QtBot, session: ReviewSession) -> None:
    dialog = ConflictsDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0 and not dialog.empty.isHidden()
    assert not dialog.restore_button.isEnabled() and not dialog.dismiss_button.isEnabled()


def test_a_conflict_is_listed_and_restoring_it_is_one_undo_step(qtbot: QtBot, duo: Team) -> None:
    quote_id = make_conflict(duo)
    session = ReviewSession(duo.stores[0])
    dialog = ConflictsDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and dialog.empty.isHidden()
    where, lost, now, _author = (dialog.model.data(dialog.model.index(0, c)) for c in range(4))
    assert where == "Quote · text" and {lost, now} == {"Lead's wording.", "Sam's wording."}
    dialog.view.selectRow(0)
    dialog.restore_selected()
    assert records.values(session.store, "quotes", quote_id, ["text"])["text"] == lost
    assert dialog.model.rowCount() == 0
    session.undo_stack.undo()
    assert records.values(session.store, "quotes", quote_id, ["text"])["text"] == now
    assert len(sharing.conflicts(session.store)) == 1


def test_dismissing_a_conflict_keeps_the_text_that_stands(qtbot: QtBot, duo: Team) -> None:
    quote_id = make_conflict(duo)
    session = ReviewSession(duo.stores[0])
    dialog = ConflictsDialog(session)
    qtbot.addWidget(dialog)
    now = dialog.model.rows[0].current_text
    dialog.view.selectRow(0)
    dialog.dismiss_selected()
    assert sharing.conflicts(session.store) == []
    assert records.values(session.store, "quotes", quote_id, ["text"])["text"] == now


def test_conflicts_dialog_restores_the_losing_text_and_undo_puts_it_back(qtbot: QtBot, duo: Team) -> None:
    lead, sam = duo.stores
    qid, _ = records.create(lead, "quotes", text="first draft")
    send(lead, sam)
    records.set_fields(sam, "quotes", qid, text="Sam's wording")
    records.set_fields(lead, "quotes", qid, text="Alex's wording")
    send(lead, sam)
    session = ReviewSession(sam)
    dialog = ConflictsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "Sam's wording"
    screenshot(dialog, "conflicts")
    dialog.view.selectRow(0)
    dialog.restore_selected()
    assert records.values(sam, "quotes", qid, ["text"]) == {"text": "Sam's wording"}
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    session.undo_stack.undo()
    assert records.values(sam, "quotes", qid, ["text"]) == {"text": "Alex's wording"}
    assert dialog.model.rowCount() == 1
    assert sharing.conflicts(sam)[0].lost_text == "Sam's wording"


def test_a_conflict_is_restored_with_the_keyboard_alone(qtbot: QtBot, duo: Team) -> None:
    # Seen under a real X server: Tab walked the table's cells for ever and never reached Restore; and with the
    # focus on the only conflict but nothing picked, Down picked nothing, so Restore stayed greyed out.
    quote_id = make_conflict(duo)
    dialog = shown(qtbot, duo, active=True)
    assert dialog.focusWidget() is dialog.view
    lost = dialog.model.rows[0].lost_text
    assert dialog.selected() is dialog.model.rows[0]  # the first conflict is picked as the dialog opens
    QTest.keyClick(dialog.view, Qt.Key.Key_Down)  # a lone conflict stays picked
    assert dialog.selected() is dialog.model.rows[0]
    QTest.keyClick(dialog.view, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.restore_button
    QTest.keyClick(dialog.restore_button, Qt.Key.Key_Space)
    assert records.values(dialog.session.store, "quotes", quote_id, ["text"])["text"] == lost
    assert dialog.model.rowCount() == 0


def test_after_one_conflict_is_settled_the_next_is_picked(qtbot: QtBot, duo: Team) -> None:
    make_conflict(duo)
    make_conflict(duo)
    dialog = shown(qtbot, duo)
    count = dialog.model.rowCount()
    assert count >= 2 and dialog.selected() is dialog.model.rows[0]
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == count - 1
    assert dialog.selected() is dialog.model.rows[0] and dialog.dismiss_button.isEnabled()


def test_restore_and_keep_have_alt_letters_and_say_which_text_stays(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: beside "Restore the text that lost", a bare "Dismiss" did not say which text would stay.
    make_conflict(duo)
    dialog = shown(qtbot, duo, active=True)
    session = dialog.session
    assert dialog.dismiss_button.text() == "&Keep the text now"
    dialog.view.selectRow(0)
    QTest.keyClick(dialog.view, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # &Keep the text now
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=2000)  # a mnemonic animates the click first
    assert sharing.conflicts(session.store) == []
    session.undo_stack.undo()
    assert dialog.model.rowCount() == 1
    dialog.view.selectRow(0)
    QTest.keyClick(dialog.view, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Restore the text that lost
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=2000)


def test_the_dialog_says_which_text_now_stands_after_restore_or_dismiss(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: after Restore the row went away and the dialog said "every edit so far merged cleanly".
    make_conflict(duo)
    make_conflict(duo)
    dialog = shown(qtbot, duo)
    first = dialog.selected()
    assert first is not None and dialog.outcome.text() == ""
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == f"Kept: Quote · text keeps “{first.current_text}”."
    while dialog.model.rows:
        last = dialog.selected()
        assert last is not None
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == f"Restored: Quote · text now reads “{last.lost_text}”."
    assert dialog.empty.isVisible() and dialog.empty.text() == "No conflicts left to look at."


def test_enter_in_the_list_closes_and_restores_nothing(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: Enter on a picked conflict pressed the next button, Restore, and changed the text.
    quote_id = make_conflict(duo)
    dialog = shown(qtbot, duo, active=True)
    now = dialog.model.rows[0].current_text
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert records.values(dialog.session.store, "quotes", quote_id, ["text"])["text"] == now
    assert len(sharing.conflicts(dialog.session.store)) == 1


def test_a_text_taller_than_the_list_can_be_scrolled_to_its_end(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: a long aim made a row taller than the list; scrolled row by row, its end never showed.
    lead, sam = duo.stores
    records.set_fields(sam, "review", lead.review_id, aim="How the front door copes with demand. " * 30)
    records.set_fields(lead, "review", lead.review_id, aim="Whether children in care are heard in plans. " * 30)
    send(sam, lead)
    dialog = shown(qtbot, duo)
    [row] = [r for r, c in enumerate(dialog.model.rows) if c.field == "aim"]
    index = dialog.model.index(row, 1)
    assert dialog.view.visualRect(index).height() > dialog.view.viewport().height()  # taller than the list
    assert dialog.model.data(index, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignTop
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert dialog.view.visualRect(index).bottom() <= dialog.view.viewport().height()


def test_where_says_the_interview_a_quote_was_said_in(qtbot: QtBot, duo: Team) -> None:
    interview, _ = records.create(duo.stores[1], "interviews", title="Foster carers at the hub")
    clash_on(duo, "quotes", "text", text="Original.", interview_id=interview)
    dialog = shown(qtbot, duo)
    assert dialog.model.data(dialog.model.index(0, 0)) == "Quote · text\nFoster carers at the hub"
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text().startswith("Kept: Quote · text (Foster carers at the hub) keeps “")


def test_the_author_column_says_it_is_the_author_of_the_text_that_lost(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: "Written by", beside "Text now", read as the author of the text that stood.
    make_conflict(duo)
    dialog = shown(qtbot, duo)
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Where", "Text that lost", "Text now", "Lost text by"]
    lost = dialog.selected()
    assert lost is not None and model.index(0, 3).data() == lost.author
