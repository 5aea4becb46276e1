"""The sharing UI with real files: export with the email step and the flagged-quote question, import by
drag-and-drop, refusals through the message channel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.exchange import transfer
from peerdesk.services import records, sharing, team
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.team.conflicts_dialog import ConflictsDialog
from peerdesk.ui.team.sharing import EmailDialog
from tests.helpers.conflicts import clash, make_conflict
from tests.helpers.drags import drag_onto, drop_onto, local, mime_of
from tests.helpers.exchange import Team, send
from tests.helpers.layout import screenshot, tooltip_shown
from tests.helpers.walk import Walk


def window_for(qtbot: QtBot, session: ReviewSession) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


def test_export_offers_the_folder_and_an_email_that_says_it_cannot_attach(
    qtbot: QtBot, trio: Team, tmp_path: Path
) -> None:
    session = ReviewSession(trio.stores[0])
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
    screenshot(dialog, "export-email")
    dialog.close()


def test_the_status_bar_says_whether_an_export_sends_everything_or_the_changes(
    qtbot: QtBot, trio: Team, tmp_path: Path
) -> None:
    lead = trio.stores[0]
    window = window_for(qtbot, ReviewSession(lead))
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Send ever&ything (for a new member or a lost email)…" in texts

    def export(name: str, *, full: bool = False) -> str:
        window.exchange.export(tmp_path / name, full=full)
        qtbot.waitUntil(lambda: isinstance(window.exchange.last_dialog, EmailDialog), timeout=10000)
        assert window.exchange.last_dialog is not None
        window.exchange.last_dialog.close()
        window.exchange.last_dialog = None
        return window.statusBar().currentMessage()

    assert export("1.pdbundle") == "Exported 1.pdbundle. Sending everything."
    for member in trio.stores[1:]:  # colleagues import it and answer: their bundles say what they have
        transfer.import_bundle(member, (tmp_path / "1.pdbundle").read_bytes())
        transfer.import_bundle(lead, transfer.export_bundle(member).data)
    for text in ("We feel listened to", "The front door is confusing", "Nobody rings back"):
        records.create(lead, "quotes", text=text)
    assert export("2.pdbundle") == "Exported 2.pdbundle. Sending 3 changes your colleagues may not have yet."
    assert export("3.pdbundle", full=True) == "Exported 3.pdbundle. Sending everything."


def test_dropping_a_bundle_on_the_window_imports_it_and_says_what_came_in_without_a_modal_box(
    qtbot: QtBot, trio: Team
) -> None:
    lead, sam, _ = trio.stores
    for text in ("We feel listened to", "The front door is confusing"):
        records.create(lead, "quotes", text=text)
    path = trio.folder / "from-alex.pdbundle"
    path.write_bytes(transfer.export_bundle(lead).data)
    session = ReviewSession(sam)
    window = window_for(qtbot, session)
    mime = mime_of(local(path))
    assert drag_onto(window, mime)  # Qt delivers the drop to whoever accepted the drag
    with qtbot.waitSignal(session.changed, timeout=10000) as blocker:
        drop_onto(window, mime)
    assert "quotes" in blocker.args[0]
    # No modal box: the status bar says who sent what, and a button opens the list of what came in.
    assert QApplication.activeModalWidget() is None
    assert window.statusBar().currentMessage() == "Imported from Alex Lead: 2 new quotes"
    button = window.exchange.changes_button
    assert button.isVisible() and "Alex Lead" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    log = window.exchange.import_log
    assert log is not None and log.isVisible() and not log.isModal()
    # It names the file the bundle came from (by name; the folder is in the tooltip), beside who sent it.
    assert log.lines()[0].endswith("— from-alex.pdbundle from Alex Lead") and log.lines()[1:] == ["2 new quotes"]
    assert tooltip_shown(log.list.item(0).toolTip()) == str(path)
    log.close()


def import_answering_boxes(qtbot: QtBot, window: MainWindow, path: Path) -> list[tuple[str, str]]:
    """Import ``path`` in ``window`` as a user would, each box it shows read (title, text) and answered with Enter."""
    shown: list[tuple[str, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append((box.windowTitle(), box.text()))
            QTest.keyClick(box, Qt.Key.Key_Return)

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(50)
    window.exchange.import_(path)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    timer.stop()
    return shown


def test_a_refused_bundle_is_reported_through_the_message_channel(qtbot: QtBot, trio: Team) -> None:
    path = trio.folder / "mine.pdbundle"
    path.write_bytes(transfer.export_bundle(trio.stores[1]).data)
    window = window_for(qtbot, ReviewSession(trio.stores[1]))
    shown = [text for title, text in import_answering_boxes(qtbot, window, path)]
    assert "you exported yourself" in shown[0]
    assert shown[0].startswith("mine.pdbundle was not imported.")  # which file, when several came by email


def test_export_lists_undecided_flagged_quotes_for_a_decision_first(
    qtbot: QtBot, trio: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerdesk.services import guard

    lead = trio.stores[0]
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


def test_the_sharing_ui_knows_the_bundle_suffix_without_loading_bundles() -> None:
    from peerdesk.exchange.bundle import SUFFIX
    from peerdesk.ui.team.sharing import BUNDLE_SUFFIX

    assert BUNDLE_SUFFIX == SUFFIX


def test_an_import_with_conflicts_says_so_until_answered_and_opens_them(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: only the status bar said "2 conflicts — 2 kept in Conflicts", for half a minute.
    _quote_id, from_sam = clash(duo)
    path = duo.folder / "from-sam.pdbundle"
    path.write_bytes(from_sam)
    session = ReviewSession(duo.stores[0])
    window = window_for(qtbot, session)
    with qtbot.waitSignal(session.changed, timeout=10000):
        window.exchange.import_(path)
    assert QApplication.activeModalWidget() is None
    assert window.statusBar().currentMessage() == "Imported from Sam Okafor: 1 quote changed, 1 conflict"
    assert window.notices.text().startswith("1 edit in Sam Okafor's bundle clashed with another change to the same")
    qtbot.mouseClick(window.notices.button("Open Conflicts…"), Qt.MouseButton.LeftButton)
    dialog = window.exchange.last_dialog
    assert isinstance(dialog, ConflictsDialog) and dialog.isVisible()
    assert dialog.selected() is not None and dialog.selected().lost_text == "Lead's wording."
    assert window.notices.isHidden()
    dialog.close()


class MailCatcher(QObject):
    """Stands in for the desktop's email program: Qt hands it the mailto: links it would have opened."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_enter_after_an_export_writes_the_email_the_blue_button_offers(qtbot: QtBot, duo: Team, tmp_path: Path) -> None:
    # Seen under Xvfb: the focus and Enter were on "Show in folder" while "Write an email…" was the blue button.
    window = window_for(qtbot, ReviewSession(duo.stores[0]))
    window.exchange.export(tmp_path / "alex.pdbundle")
    qtbot.waitUntil(lambda: isinstance(window.exchange.last_dialog, EmailDialog), timeout=10000)
    dialog = window.exchange.last_dialog
    assert isinstance(dialog, EmailDialog)
    catcher = MailCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    try:
        assert dialog.focusWidget() is dialog.email_button
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    assert len(catcher.urls) == 1 and catcher.urls[0].startswith("mailto:")
    dialog.close()


def test_a_member_who_just_joined_is_told_what_brings_the_review_until_it_comes(
    qtbot: QtBot, duo: Team, tmp_path: Path
) -> None:
    # Seen under Xvfb: after joining, an empty review (blank host, "Set the follow-up date") and nothing saying
    # that the lead's bundle fills it or how to take it in.
    lead = duo.stores[0]
    path = tmp_path / "from-alex.pdbundle"
    newcomer = team.join(team.invitation(lead), tmp_path / "nia.peerdesk", "a long and private passphrase", "Nia")
    team.add_member(lead, team.my_card(newcomer)[1])
    path.write_bytes(transfer.export_bundle(lead).data)
    window = window_for(qtbot, ReviewSession(newcomer))
    window.exchange.await_first_bundle("Alex Lead")
    assert window.notices.text().startswith("Waiting for the first bundle from Alex Lead: it brings the review")
    answer = Walk(qtbot)
    answer.answer_file_dialog(path)
    qtbot.mouseClick(window.notices.button("Import the bundle…"), Qt.MouseButton.LeftButton)
    answer.check()
    qtbot.waitUntil(lambda: window.session.title().startswith("Westfold County Council"), timeout=10000)
    assert window.notices.isHidden()


def test_one_flagged_quote_is_asked_about_as_one_quote(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: "1 quote(s) may identify someone and the team has not decided about them yet."
    window = window_for(qtbot, ReviewSession(duo.stores[0]))
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    assert window.exchange.ask_about_flagged(["Call Mrs Fenwick on 07700 900123"]) == "cancel"
    assert asked[0].startswith("1 quote may identify someone and the team has not decided about it yet.")
    assert asked[0].endswith("each copy will hold it until the team decides.")


def test_a_member_who_changed_nothing_is_not_told_their_changes_clashed(qtbot: QtBot, trio: Team) -> None:
    # Seen under Xvfb: a member who had just joined imported the lead's first bundle, which carried a conflict
    # between the lead and another member, and read "… clashed with changes made here".
    lead, _sam, priya = trio.stores
    send(lead, priya)
    make_conflict(trio)
    path = trio.folder / "from-the-lead.pdbundle"
    path.write_bytes(transfer.export_bundle(lead).data)
    session = ReviewSession(priya)
    window = window_for(qtbot, session)
    with qtbot.waitSignal(session.changed, timeout=10000):
        window.exchange.import_(path)
    assert window.statusBar().currentMessage() == "Imported from Alex Lead: 1 new quote, 1 conflict"
    assert "made here" not in window.notices.text()
    assert window.notices.text().startswith(
        "1 edit in Alex Lead's bundle clashed with another change to the same text."
    )


def test_the_conflict_notice_goes_once_a_later_bundle_settles_every_conflict(qtbot: QtBot, duo: Team) -> None:
    # Seen under Xvfb: after the colleague had settled the conflict and their bundle said so, the notice still
    # said "1 edit … clashed", and Conflicts opened on an empty list.
    lead, sam = duo.stores
    _quote_id, from_sam = clash(duo)
    path = duo.folder / "from-sam.pdbundle"
    path.write_bytes(from_sam)
    session = ReviewSession(lead)
    window = window_for(qtbot, session)
    with qtbot.waitSignal(session.changed, timeout=10000):
        window.exchange.import_(path)
    assert window.notices.isVisible() and "clashed" in window.notices.text()
    send(lead, sam)  # Sam's file keeps the same conflict …
    [kept] = sharing.conflicts(sam)
    sharing.set_conflict_resolved(sam, kept.id)  # … and Sam settles it
    path = duo.folder / "from-sam-again.pdbundle"
    path.write_bytes(transfer.export_bundle(sam).data)
    window.statusBar().clearMessage()
    window.exchange.import_(path)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Imported from Sam"), timeout=10000)
    assert sharing.conflicts(lead) == []
    assert window.notices.isHidden()


def test_an_open_conflicts_list_empties_when_a_bundle_settles_its_conflict(qtbot: QtBot, duo: Team) -> None:
    # Seen in the team's walk: Sam chose "Keep the text now" and sent a bundle; after the lead imported it, the
    # Conflicts list the lead had open still offered the settled conflict (no change was announced).
    lead, sam = duo.stores
    make_conflict(duo)
    [kept] = sharing.conflicts(sam)
    sharing.set_conflict_resolved(sam, kept.id)
    path = duo.folder / "from-sam.pdbundle"
    path.write_bytes(transfer.export_bundle(sam).data)
    session = ReviewSession(lead)
    window = window_for(qtbot, session)
    window.exchange.show_conflicts()
    dialog = window.exchange.last_dialog
    assert isinstance(dialog, ConflictsDialog) and dialog.selected() is not None
    with qtbot.waitSignal(session.changed, timeout=10000) as announced:
        window.exchange.import_(path)
    assert "conflicts" in announced.args[0]
    assert dialog.model.rows == [] and dialog.empty.isVisible()
    assert not dialog.restore_button.isEnabled()
    dialog.close()


def test_a_removed_member_importing_the_leads_next_bundle_is_told_they_are_off_the_team(
    qtbot: QtBot, trio: Team
) -> None:
    # Seen in the team's walk: removed, a member was told only that the bundle "was not encrypted to you".
    lead, _sam, priya = trio.stores
    team.set_removed(lead, priya.member_id)
    path = trio.folder / "from-alex.pdbundle"
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)  # made after the roster that listed Priya
    path.write_bytes(transfer.export_bundle(lead, now=later).data)
    window = window_for(qtbot, ReviewSession(priya))
    shown = import_answering_boxes(qtbot, window, path)
    [(title, text)] = shown  # one box, answered once
    assert title == "You are no longer on the team"
    assert text.startswith("from-alex.pdbundle was not imported.\n\nAlex Lead has removed you from the review's team")
    assert "Your file stays yours" in text and "Traceback" not in text
    assert window.isVisible() and window.session.title().startswith("Westfold County Council")


def test_the_export_dialog_names_the_recipients_as_their_cards_gave_their_names(qtbot: QtBot, tmp_path: Path) -> None:
    names = ["Sam <b>Okafor</b>", "Jo & <img src='file:///etc/passwd'>"]  # names come on colleagues' cards
    report = sharing.ExportReport(tmp_path / "me.pdbundle", 2048, names, "2027-04-05")
    dialog = EmailDialog(report)
    qtbot.addWidget(dialog)
    shown = [tooltip_shown(label.text()) for label in dialog.findChildren(QLabel)]
    assert any(f"Encrypted to: {', '.join(names)}." in text for text in shown), shown
