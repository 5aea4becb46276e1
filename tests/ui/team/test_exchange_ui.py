"""The sharing UI with real files: export with the email step, import by drag-and-drop, Team, Conflicts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.exchange import transfer
from peerdesk.services import exchange, records, team
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.team.conflicts_dialog import ConflictsDialog
from peerdesk.ui.team.dialog import TeamDialog
from peerdesk.ui.team.sharing import EmailDialog
from tests.helpers.exchange import Team, make_team

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture
def crew(tmp_path: Path) -> Iterator[Team]:
    t = make_team(tmp_path / "team")
    yield t
    t.close()


def shot(widget: object, name: str) -> None:
    if os.environ.get("PEERDESK_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


def window_for(qtbot: QtBot, session: ReviewSession) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


def test_export_offers_the_folder_and_an_email_that_says_it_cannot_attach(
    qtbot: QtBot, crew: Team, tmp_path: Path
) -> None:
    session = ReviewSession(crew.stores[0])
    window = window_for(qtbot, session)
    texts = [a.text() for a in window.file_menu.actions()]
    assert "&Export bundle…" in texts and "&Import bundle…" in texts and "&Team…" in texts
    target = tmp_path / "alex.pdbundle"
    window.exchange.export(target)
    qtbot.waitUntil(lambda: isinstance(window.exchange.last_dialog, EmailDialog), timeout=10000)
    dialog = window.exchange.last_dialog
    assert isinstance(dialog, EmailDialog)
    assert target.exists() and dialog.report.path == target
    url = dialog.mailto()
    assert url.scheme() == "mailto"
    assert "cannot attach" in QUrl.fromPercentEncoding(url.toEncoded()).replace("+", " ")
    shot(dialog, "export-email")
    dialog.close()


def test_the_status_bar_says_whether_an_export_sends_everything_or_the_changes(
    qtbot: QtBot, crew: Team, tmp_path: Path
) -> None:
    lead = crew.stores[0]
    window = window_for(qtbot, ReviewSession(lead))
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Send &everything (for a new member or a lost email)…" in texts

    def export(name: str, *, full: bool = False) -> str:
        window.exchange.export(tmp_path / name, full=full)
        qtbot.waitUntil(lambda: isinstance(window.exchange.last_dialog, EmailDialog), timeout=10000)
        assert window.exchange.last_dialog is not None
        window.exchange.last_dialog.close()
        window.exchange.last_dialog = None
        return window.statusBar().currentMessage()

    assert export("1.pdbundle") == "Exported 1.pdbundle. Sending everything."
    for member in crew.stores[1:]:  # colleagues import it and answer: their bundles say what they have
        transfer.import_bundle(member, (tmp_path / "1.pdbundle").read_bytes())
        transfer.import_bundle(lead, transfer.export_bundle(member).data)
    for text in ("We feel listened to", "The front door is confusing", "Nobody rings back"):
        records.create(lead, "quotes", text=text)
    assert export("2.pdbundle") == "Exported 2.pdbundle. Sending 3 changes your colleagues may not have yet."
    assert export("3.pdbundle", full=True) == "Exported 3.pdbundle. Sending everything."


def test_dropping_a_bundle_on_the_window_imports_it_and_says_what_came_in_without_a_modal_box(
    qtbot: QtBot, crew: Team
) -> None:
    lead, sam, _ = crew.stores
    for text in ("We feel listened to", "The front door is confusing"):
        records.create(lead, "quotes", text=text)
    path = crew.folder / "from-alex.pdbundle"
    path.write_bytes(transfer.export_bundle(lead).data)
    session = ReviewSession(sam)
    window = window_for(qtbot, session)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drag = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    try:  # Qt 6.12 adds a QPointF constructor and deprecates the QPoint one, the only one before 6.12
        enter = QDragEnterEvent(QPointF(50, 50), *drag)
    except TypeError:
        enter = QDragEnterEvent(QPoint(50, 50), *drag)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()  # Qt delivers the drop to whoever accepted the drag
    drop = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(session.changed, timeout=10000) as blocker:
        QApplication.sendEvent(window, drop)
    assert "quotes" in blocker.args[0]
    # No modal box: the status bar says who sent what, and a button opens the list of what came in.
    assert QApplication.activeModalWidget() is None
    assert window.statusBar().currentMessage() == "Imported from Alex Lead: 2 new quotes"
    button = window.exchange.changes_button
    assert button.isVisible() and "Alex Lead" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    log = window.exchange.import_log
    assert log is not None and log.isVisible() and not log.isModal()
    assert log.lines()[0].endswith("from Alex Lead") and log.lines()[1:] == ["2 new quotes"]
    log.close()


def test_a_refused_bundle_is_reported_through_the_message_channel(qtbot: QtBot, crew: Team) -> None:
    path = crew.folder / "mine.pdbundle"
    path.write_bytes(transfer.export_bundle(crew.stores[1]).data)
    window = window_for(qtbot, ReviewSession(crew.stores[1]))
    shown: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "errorBox":
            shown.append(box.text())
            box.close()

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(close_box)
    timer.start(50)
    window.exchange.import_(path)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    timer.stop()
    assert "you exported yourself" in shown[0]


def test_team_dialog_lists_fingerprints_and_verifies_and_removes_as_undo_steps(qtbot: QtBot, crew: Team) -> None:
    lead, _sam, priya = crew.stores
    session = ReviewSession(lead)
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    assert model.rowCount() == 3
    assert [model.index(r, 0).data() for r in range(3)] == ["Alex Lead", "Priya Shah", "Sam Okafor"]
    assert model.index(0, 3).data() == "you"
    assert model.index(1, 2).data() == team.my_card(priya)[0].fingerprint
    assert dialog.add_button.isVisible() and "BEGIN PEERDESK MEMBER CARD" in dialog.card_text.toPlainText()
    shot(dialog, "team")
    dialog.view.selectRow(2)
    dialog.remove_selected(confirmed=True)
    assert model.index(2, 3).data() == "removed"
    assert [r[0] for r in _recipients(lead)] == [priya.member_id]
    session.undo_stack.undo()
    assert model.index(2, 3).data() == "verified"


def test_a_member_sees_team_read_only(qtbot: QtBot, crew: Team) -> None:
    dialog = TeamDialog(ReviewSession(crew.stores[1]))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.add_button.isVisible() and not dialog.remove_button.isVisible()


def test_conflicts_dialog_restores_the_losing_text_and_undo_puts_it_back(qtbot: QtBot, crew: Team) -> None:
    lead, sam, _ = crew.stores
    qid, _ = records.create(lead, "quotes", text="first draft")
    transfer.import_bundle(sam, transfer.export_bundle(lead).data)
    records.set_fields(sam, "quotes", qid, text="Sam's wording")
    records.set_fields(lead, "quotes", qid, text="Alex's wording")
    transfer.import_bundle(sam, transfer.export_bundle(lead).data)
    session = ReviewSession(sam)
    dialog = ConflictsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "Sam's wording"
    shot(dialog, "conflicts")
    dialog.view.selectRow(0)
    dialog.restore_selected()
    assert records.values(sam, "quotes", qid, ["text"]) == {"text": "Sam's wording"}
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    session.undo_stack.undo()
    assert records.values(sam, "quotes", qid, ["text"]) == {"text": "Alex's wording"}
    assert dialog.model.rowCount() == 1
    assert exchange.conflicts(sam)[0].lost_text == "Sam's wording"


def _recipients(store: object) -> list[tuple[str, bytes]]:
    from peerdesk.exchange import roster

    with store.session() as s:  # type: ignore[attr-defined]
        return roster.recipients(s)


def test_export_lists_undecided_flagged_quotes_for_a_decision_first(
    qtbot: QtBot, crew: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerdesk.services import guard

    lead = crew.stores[0]
    records.create(lead, "quotes", text="Call Mrs Fenwick on 07700 900123 about it")
    session = ReviewSession(lead)
    window = window_for(qtbot, session)
    asked: list[list[str]] = []
    answers = iter(["cancel", "decide", "export"])

    def ask(texts: list[str]) -> str:
        asked.append(texts)
        return next(answers)

    monkeypatch.setattr(window.exchange, "ask_about_flagged", ask)
    target = tmp_path / "alex.pdbundle"
    window.exchange.export(target)  # cancel: nothing written
    assert asked == [["Call Mrs Fenwick on 07700 900123 about it"]] and not target.exists()
    window.exchange.export(target)  # decide: the guard's list opens instead
    assert not target.exists()
    assert window.safety.show_flagged().isVisible()
    window.exchange.export(target)  # export anyway
    qtbot.waitUntil(target.exists, timeout=10000)
    [flagged] = guard.undecided_quotes(lead)
    session.apply(lambda s: guard.set_decision(s, flagged.quote_id, "keep"))
    asked.clear()
    window.exchange.export(tmp_path / "again.pdbundle")  # decided: no question
    assert asked == []
    qtbot.waitUntil((tmp_path / "again.pdbundle").exists, timeout=10000)


def test_the_lead_adds_a_colleague_by_clicking_add_a_card_and_pasting_it(
    qtbot: QtBot, crew: Team, tmp_path: Path
) -> None:
    # Regression: clicked(bool) used to arrive as the card text, so the button always failed.
    from PySide6.QtCore import QTimer

    from peerdesk.ui.team.dialog import AddCardDialog
    from tests.helpers.exchange import PASSPHRASE

    lead = crew.stores[0]
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


def test_the_sharing_ui_knows_the_bundle_suffix_without_loading_bundles() -> None:
    from peerdesk.ui.team.sharing import BUNDLE_SUFFIX

    assert BUNDLE_SUFFIX == exchange.SUFFIX
