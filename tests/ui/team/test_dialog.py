"""Team ▸ the team dialog: members with role, fingerprint and state; cards read before they are added; a
colleague's hostile name is shown escaped there and in the import summary, never raw."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from peerdesk.exchange import roster
from peerdesk.services import records, review, team
from peerdesk.store.engine import Store
from peerdesk.store.models import Member
from peerdesk.store.uow import UnitOfWork
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.team.dialog import AddCardDialog, TeamDialog, TeamModel
from tests.helpers.exchange import PASSPHRASE, Team, send, visit_start
from tests.helpers.layout import screenshot
from tests.helpers.walk import Walk


def _recipients(store: Store) -> list[tuple[str, bytes]]:
    with store.session() as s:
        return roster.recipients(s)


def test_the_model_lists_each_member_with_role_fingerprint_and_state(qtbot: QtBot, duo: Team) -> None:
    lead, sam = duo.stores
    model = TeamModel(ReviewSession(lead))
    assert model.rowCount() == 2 and model.columnCount() == 4
    row = next(r for r in range(2) if model.rows[r].id == sam.member_id)
    assert model.data(model.index(row, 0)) == "Sam Okafor"
    assert model.data(model.index(row, 2)) == team.my_card(sam)[0].fingerprint
    assert model.data(model.index(row, 3)) == "verified"


def test_a_pasted_card_shows_its_fingerprint_and_only_a_card_can_be_added(qtbot: QtBot, duo: Team) -> None:
    _, sam = duo.stores
    dialog = AddCardDialog()
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("not a card")
    assert dialog.card is None and not dialog.add_button.isEnabled() and dialog.verdict.text()
    card, text = team.my_card(sam)
    dialog.text.setPlainText(text)
    assert dialog.card == card and dialog.add_button.isEnabled() and card.fingerprint in dialog.verdict.text()


def test_removing_a_member_is_one_undo_step(qtbot: QtBot, duo: Team) -> None:
    lead, sam = duo.stores
    session = ReviewSession(lead)
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    row = next(r for r in range(2) if dialog.model.rows[r].id == sam.member_id)
    dialog.view.selectRow(row)
    assert dialog.remove_button.isEnabled() and not dialog.verify_button.isEnabled()
    dialog.remove_selected(confirmed=True)
    assert next(m for m in team.members(lead) if m.id == sam.member_id).removed
    session.undo_stack.undo()
    assert not next(m for m in team.members(lead) if m.id == sam.member_id).removed


def test_my_own_row_can_be_neither_verified_nor_removed(qtbot: QtBot, session: ReviewSession) -> None:
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(0)
    assert dialog.selected() is not None and dialog.selected().is_me  # type: ignore[union-attr]
    assert not dialog.remove_button.isEnabled() and not dialog.verify_button.isEnabled()


def test_verifying_a_member_is_one_undo_step(qtbot: QtBot, duo: Team) -> None:
    lead, sam = duo.stores
    team.unverify(lead, sam.member_id)
    session = ReviewSession(lead)
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(next(r for r in range(2) if dialog.model.rows[r].id == sam.member_id))
    dialog.verify_selected(confirmed=True)
    assert next(m for m in team.members(lead) if m.id == sam.member_id).verified
    assert session.undo_stack.undoText() == "Verify Sam Okafor"
    session.undo_stack.undo()
    assert not next(m for m in team.members(lead) if m.id == sam.member_id).verified


def test_team_dialog_lists_fingerprints_and_verifies_and_removes_as_undo_steps(qtbot: QtBot, trio: Team) -> None:
    lead, _sam, priya = trio.stores
    session = ReviewSession(lead)
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    assert model.rowCount() == 3
    assert [model.index(r, 0).data() for r in range(3)] == ["Alex Lead", "Priya Shah", "Sam Okafor"]
    assert model.index(0, 3).data() == "you"
    assert model.index(1, 2).data() == team.my_card(priya)[0].fingerprint
    assert dialog.add_button.isVisible() and not dialog.card_text.isVisible()  # the lead's card is in invitations
    screenshot(dialog, "team")
    dialog.view.selectRow(2)
    dialog.remove_selected(confirmed=True)
    assert model.index(2, 3).data() == "removed"
    assert [r[0] for r in _recipients(lead)] == [priya.member_id]
    session.undo_stack.undo()
    assert model.index(2, 3).data() == "verified"


def test_a_member_sees_team_read_only(qtbot: QtBot, trio: Team) -> None:
    dialog = TeamDialog(ReviewSession(trio.stores[1]))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.add_button.isVisible() and not dialog.remove_button.isVisible()


def test_the_lead_adds_a_colleague_by_clicking_add_a_card_and_pasting_it(
    qtbot: QtBot, trio: Team, tmp_path: Path
) -> None:
    # Regression: clicked(bool) used to arrive as the card text, so the button always failed.
    lead = trio.stores[0]
    newcomer = team.join(team.invitation(lead), tmp_path / "newcomer.peerdesk", PASSPHRASE, "Nia Newcomer")
    card_text = team.my_card(newcomer)[1]
    newcomer.close()
    session = ReviewSession(lead)
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()

    def paste_and_accept() -> None:
        card_dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AddCardDialog) and w.isVisible())
        card_dialog.text.setPlainText(card_text)
        assert card_dialog.add_button.isEnabled()
        card_dialog.add_button.click()

    QTimer.singleShot(0, paste_and_accept)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    names = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert "Nia Newcomer" in names
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert "Nia Newcomer" not in [p.name for p in team.members(lead) if not p.removed]


EVIL = "Alex\x1b[2J\u202eLead\x00\n" + "x" * 150


def test_a_hostile_name_is_shown_escaped_in_the_summary_and_the_team_dialog(qtbot: QtBot, duo: Team) -> None:
    lead, sam = duo.stores
    with UnitOfWork(lead) as uow:  # the lead's own name, as the roster carries it to everyone
        uow.update(uow.get(Member, lead.member_id), name=EVIL)
        uow.commit()
    send(lead, sam)  # brings the new name
    records.create(lead, "quotes", text="Signed by a strange name")
    summary = send(lead, sam).summary
    assert summary.startswith("Alex\\x1b[2J\\u202eLead\\x00\\x0a") and "\x1b" not in summary and len(summary) < 200

    dialog = TeamDialog(ReviewSession(sam))
    qtbot.addWidget(dialog)
    names = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    shown = next(n for n in names if n.startswith("Alex"))
    assert "\x1b" not in shown and "\u202e" not in shown and "\n" not in shown and len(shown) < 100


def test_tab_leaves_the_member_list_for_the_buttons(qtbot: QtBot, duo: Team) -> None:
    # Seen under a real X server: Tab walked the table's cells for ever; no button was reachable without a mouse.
    dialog = TeamDialog(ReviewSession(duo.stores[0]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.view.setFocus()
    QTest.keyClick(dialog.view, Qt.Key.Key_Down)  # the arrows pick a member
    assert dialog.selected() is not None
    QTest.keyClick(dialog.view, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.add_button


def active_team_dialog(qtbot: QtBot, duo: Team) -> TeamDialog:
    """The lead's Team dialog, shown and active: Alt+letters and Enter reach only the active window."""
    dialog = TeamDialog(ReviewSession(duo.stores[0]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_the_lead_copies_an_invitation_with_its_alt_letter(qtbot: QtBot, duo: Team) -> None:
    dialog = active_team_dialog(qtbot, duo)
    QGuiApplication.clipboard().clear()
    QTest.keyClick(dialog.view, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Copy an invitation
    qtbot.waitUntil(lambda: "BEGIN PEERDESK INVITATION" in QGuiApplication.clipboard().text(), timeout=2000)
    assert dialog.status.text().startswith("The invitation is copied")
    letters = [QKeySequence.mnemonic(b.text()).toString() for b in dialog.findChildren(QPushButton) if b.isVisible()]
    named = [letter for letter in letters if letter]
    assert len(named) >= 5 and len(set(named)) == len(named)  # every button but Close (Esc) has its own letter


def test_only_a_member_is_told_to_send_their_card_to_the_lead(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: the lead's own Team dialog told the lead to send their card "to the lead".
    lead, sam = (TeamDialog(ReviewSession(store)) for store in duo.stores)
    for dialog in (lead, sam):
        qtbot.addWidget(dialog)
    assert "Send it to the lead" not in lead.mine.text() and "invitations carry your card" in lead.mine.text()
    assert "Send it to the lead" in sam.mine.text()


def test_only_a_member_is_offered_to_copy_or_save_their_card(qtbot: QtBot, duo: Team) -> None:
    # Seen in the team's walk: the lead's Team dialog offered "Copy my card" and "Save my card", which only a
    # member joining needs (the lead invites; members send cards). The lead is shown the fingerprint to read out.
    lead, sam = (TeamDialog(ReviewSession(store)) for store in duo.stores)
    for dialog in (lead, sam):
        qtbot.addWidget(dialog)
        dialog.show()
    shown = {b.text().replace("&", "") for b in lead.findChildren(QPushButton) if b.isVisible()}
    assert not shown & {"Copy my card", "Save my card…"} and not lead.card_text.isVisible()
    assert team.my_card(duo.stores[0])[0].fingerprint in lead.mine.text()
    assert sam.copy_card_button.isVisible() and sam.save_card_button.isVisible() and sam.card_text.isVisible()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(sam.copy_card_button, Qt.MouseButton.LeftButton)
    assert "BEGIN PEERDESK MEMBER CARD" in QGuiApplication.clipboard().text()


def test_tab_in_a_pasted_card_goes_on_to_the_buttons_and_leaves_the_card_as_it_was(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: Tab in the card's text typed a tab into the card and stayed there.
    card, text = team.my_card(duo.stores[1])
    dialog = AddCardDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setPlainText(text)
    dialog.text.setFocus()
    QTest.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert dialog.text.toPlainText() == text and dialog.card == card
    assert dialog.focusWidget() is not dialog.text


def test_a_card_this_review_cannot_take_is_refused_as_it_is_pasted(qtbot: QtBot, duo: Team, tmp_path: Path) -> None:
    # Seen under Xvfb: the lead's own card and a card from another review read as fine ("add the card only if it
    # matches"); the refusal came in a box only after "The fingerprints match: add" was clicked.
    lead = duo.stores[0]
    dialog = TeamDialog(ReviewSession(lead))
    qtbot.addWidget(dialog)
    other = review.create_review(
        tmp_path / "other.peerdesk",
        PASSPHRASE,
        review.Essentials("Elsewhere", "Adults", "Kim Other", "lead", visit_start()),
    )
    other_card = team.my_card(other)[1]
    other.close()
    seen: list[tuple[str, bool]] = []

    def paste_each() -> None:
        card_dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AddCardDialog) and w.isVisible())
        for text in (team.my_card(lead)[1], other_card, team.my_card(duo.stores[1])[1]):
            QGuiApplication.clipboard().setText(text)
            card_dialog.text.selectAll()
            QTest.keyClick(card_dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
            seen.append((card_dialog.verdict.text(), card_dialog.add_button.isEnabled()))
        card_dialog.reject()

    QTimer.singleShot(0, paste_each)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    (own, own_ok), (foreign, foreign_ok), (sams, sams_ok) = seen
    assert "That is your own card" in own and not own_ok
    assert "made for another review" in foreign and not foreign_ok
    assert "Sam Okafor" in sams and sams_ok


def unverified_sam_picked(qtbot: QtBot, trio: Team) -> TeamDialog:
    """The lead's Team dialog with Sam, not verified yet, picked in the list."""
    lead, sam = trio.stores[:2]
    team.unverify(lead, sam.member_id)
    dialog = TeamDialog(ReviewSession(lead))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.view.selectRow(next(i for i, p in enumerate(dialog.model.rows) if p.id == sam.member_id))
    return dialog


def test_after_verifying_the_member_stays_picked_so_the_keyboard_can_go_on(qtbot: QtBot, trio: Team) -> None:
    # Seen under Xvfb: Verify reloaded the list and dropped the pick, so Alt+R (Remove) next did nothing.
    sam = trio.stores[1]
    dialog = unverified_sam_picked(qtbot, trio)
    dialog.verify_selected(confirmed=True)
    picked = dialog.selected()
    assert picked is not None and picked.id == sam.member_id and picked.verified
    assert dialog.remove_button.isEnabled()


def test_enter_in_the_member_list_closes_the_dialog(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: Enter in the list pressed the next button in line, "Add a card…", and opened its dialog.
    dialog = active_team_dialog(qtbot, duo)
    QTimer.singleShot(
        1000, lambda: [w.reject() for w in QApplication.topLevelWidgets() if isinstance(w, AddCardDialog)]
    )
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, AddCardDialog) and w.isVisible()]


def test_the_verify_question_ends_in_a_question_not_a_lone_mark(qtbot: QtBot, trio: Team) -> None:
    # Seen under Xvfb: "Does it read / 51199 69743 24508 94134 / ?" with the "?" alone on the last line.
    sam = trio.stores[1]
    dialog = unverified_sam_picked(qtbot, trio)
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)  # "It matches" is the default

    QTimer.singleShot(0, answer)
    QTest.keyClick(dialog.verify_button, Qt.Key.Key_Space)
    fingerprint = team.my_card(sam)[0].fingerprint
    assert asked == [f"Ask Sam Okafor to read their fingerprint aloud. It should be\n\n{fingerprint}\n\nDoes it match?"]
    assert next(p for p in dialog.model.rows if p.id == sam.member_id).verified


def test_saving_an_invitation_or_a_card_says_where_the_file_went_and_what_to_do_with_it(
    qtbot: QtBot, duo: Team, tmp_path: Path
) -> None:
    # Seen under Xvfb: after "Save an invitation…" the file dialog closed and nothing was said (Copy said what
    # to do next); a member's card was offered as "my.card", like every other member's card the lead receives.
    dialog = active_team_dialog(qtbot, duo)
    walk = Walk(qtbot)
    walk.answer_file_dialog(tmp_path / "for-sam.invite")
    walk.click(dialog.invite_button, "Save an invitation…")
    walk.check()
    assert "BEGIN PEERDESK INVITATION" in (tmp_path / "for-sam.invite").read_text(encoding="utf-8")
    assert dialog.status.text().startswith(f"The invitation is saved as for-sam.invite in {tmp_path}")
    assert "Join a review from an invitation" in dialog.status.text()

    member = TeamDialog(ReviewSession(duo.stores[1]))
    qtbot.addWidget(member)
    member.show()
    suggested: list[str] = []

    def answer(files: QFileDialog) -> None:
        suggested.append(files.selectedFiles()[0])
        files.setDirectory(str(tmp_path))
        QTest.keyClick(files, Qt.Key.Key_Return)

    walk.when_modal(QFileDialog, answer)
    walk.click(next(b for b in member.findChildren(QPushButton) if b.text() == "&Save my card…"))
    walk.check()
    assert Path(suggested[0]).name == "sam-okafor.card"
    assert "BEGIN PEERDESK MEMBER CARD" in (tmp_path / "sam-okafor.card").read_text(encoding="utf-8")
    assert (
        member.status.text()
        == f"Your card is saved as sam-okafor.card in {tmp_path}: attach it to an email to the lead."
    )


def card_loaded_from(qtbot: QtBot, path: Path) -> AddCardDialog:
    """Add a card, its "Load from file…" clicked and ``path`` chosen in the file dialog, as a user does."""
    QGuiApplication.clipboard().setText("")
    dialog = AddCardDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    walk = Walk(qtbot)
    walk.answer_file_dialog(path)
    walk.click(next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Load from file…"))
    walk.check()
    return dialog


def test_a_card_loaded_from_its_file_is_read_in_and_enter_adds_it(qtbot: QtBot, duo: Team, tmp_path: Path) -> None:
    # Seen under Xvfb: after "Load from file…" the keyboard stayed on that button, so Enter opened the file
    # dialog again instead of adding the card (a pasted card puts the keyboard on "The fingerprints match: add").
    card, text = team.my_card(duo.stores[1])
    (tmp_path / "sam.card").write_text(text, encoding="utf-8")
    dialog = card_loaded_from(qtbot, tmp_path / "sam.card")
    assert dialog.card == card
    qtbot.waitUntil(
        lambda: dialog.focusWidget() is dialog.add_button
    )  # the keys' target once the window is active again
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == AddCardDialog.DialogCode.Accepted


def test_after_removing_a_member_the_lead_is_told_the_others_learn_it_from_the_next_bundle(
    qtbot: QtBot, trio: Team
) -> None:
    # Seen under Xvfb: after Remove the dialog said nothing, yet the other members' copies still took the removed
    # member's bundles until the lead's next bundle reached them.
    lead, _sam, _priya = trio.stores
    dialog = TeamDialog(ReviewSession(lead))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.view.selectRow(next(r for r, p in enumerate(dialog.model.rows) if p.name == "Sam Okafor"))

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        yes = next(b for b in box.buttons() if b.text() == "Remove")
        QTest.mouseClick(yes, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    QTest.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert next(p for p in dialog.model.rows if p.name == "Sam Okafor").removed
    assert dialog.status.text().startswith("Sam Okafor is off the team here. Export a bundle (File ▸ Export bundle")
    assert "still take bundles from Sam Okafor" in dialog.status.text()


def test_a_lead_alone_on_the_team_is_told_where_building_it_starts(qtbot: QtBot, session: ReviewSession) -> None:
    # Seen under Xvfb: a new review's Team dialog listed the lead alone and said nothing about inviting anyone.
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.status.text().startswith("Nobody else is on the team yet. Copy an invitation")
    assert "Add a card" in dialog.status.text()
    dialog.copy_invitation()
    assert dialog.status.text().startswith("The invitation is copied")


def test_a_lead_with_colleagues_gets_no_invitation_hint(qtbot: QtBot, duo: Team) -> None:
    dialog = TeamDialog(ReviewSession(duo.stores[0]))
    qtbot.addWidget(dialog)
    assert dialog.status.text() == ""


def test_the_team_dialog_says_what_a_fingerprint_is_for(qtbot: QtBot, session: ReviewSession) -> None:
    # Walked as a new reviewer: "Compare fingerprints aloud" came with no word on what a fingerprint is.
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    intro = next(label.text() for label in dialog.findChildren(QLabel) if "fingerprint" in label.text().lower())
    assert intro.startswith("A fingerprint is a short code that shows a card really is its owner's")


def test_a_file_far_too_big_to_be_a_card_is_refused_without_being_read(qtbot: QtBot, tmp_path: Path) -> None:
    huge = tmp_path / "minutes.card"
    with huge.open("wb") as handle:
        handle.truncate(1024**3)  # chosen by mistake: reading it whole took seconds and a gigabyte
    dialog = card_loaded_from(qtbot, huge)
    assert dialog.card is None and dialog.text.toPlainText() == ""
    assert "far too long to be a member card" in dialog.verdict.text()
