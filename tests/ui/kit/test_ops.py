"""The one operation runner: an accepted edit is one undo step that undoes and redoes; a refused one is explained
and leaves no step — in a plain field edit, on the wall, in the workshop and in the survey."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.errors import UserError
from peerdesk.services import records, survey, wall, wall_themes, workshop, workshop_goals
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.widget import WallWidget
from peerdesk.ui.workshop.panel import WorkshopPanel
from peerdesk.ui.workshop.survey import SurveyPanel
from tests.helpers.wall_data import seed_postits


def aim(session: ReviewSession) -> str:
    return str(records.values(session.store, "review", session.store.review_id, ["aim"])["aim"])


def refuse(_store: Store) -> Changes:
    raise UserError("The review is closed for edits.")


def test_an_accepted_edit_is_one_step_that_undoes_and_redoes(session: ReviewSession, shown: list[str]) -> None:
    review_id = session.store.review_id
    before = aim(session)
    told: list[Changes] = []
    session.changed.connect(told.append)
    assert ops.set_fields(None, session, "review", review_id, {"aim": "Hear from carers"}, "Edit aim")
    assert session.undo_stack.count() == 1 and aim(session) == "Hear from carers"
    assert len(told) == 1, "the views hear of the edit once, not again when it is pushed"
    session.undo_stack.undo()
    assert aim(session) == before
    session.undo_stack.redo()
    assert aim(session) == "Hear from carers"
    assert shown == []


def test_a_refused_edit_is_explained_and_leaves_no_undo_step(session: ReviewSession, shown: list[str]) -> None:
    assert not ops.run(None, session, "Close the review", refuse, refuse)
    assert ops.run_create(None, session, "Add a team", "teams", lambda s: (refuse(s) and "", Changes())) is None
    assert not ops.delete_record(None, session, "teams", "no-such-team", "Remove team")
    assert session.undo_stack.count() == 0
    assert shown[0] == "Close the review: The review is closed for edits."
    assert shown[2].startswith("Remove team: That ")


def test_typing_in_one_field_merges_into_one_step(session: ReviewSession) -> None:
    review_id = session.store.review_id
    before = aim(session)
    for text in ("H", "He", "Hear"):
        ops.set_fields(None, session, "review", review_id, {"aim": text}, "Edit aim", merge_key="aim")
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert aim(session) == before
    session.undo_stack.redo()
    assert aim(session) == "Hear"


def test_a_created_record_comes_back_with_its_id_on_redo(session: ReviewSession) -> None:
    team_id = ops.create_record(None, session, "teams", {"name": "Team A"}, "Add team")
    assert team_id is not None
    session.undo_stack.undo()
    assert records.values(session.store, "teams", team_id, ["deleted"])["deleted"] is True
    session.undo_stack.redo()
    assert records.values(session.store, "teams", team_id, ["deleted", "name"]) == {"deleted": False, "name": "Team A"}


def test_a_refused_wall_edit_leaves_no_undo_step(qtbot: QtBot, session: ReviewSession, shown: list[str]) -> None:
    postits = seed_postits(session.store)
    widget = WallWidget(session)
    qtbot.addWidget(widget)
    widget.scene.heading_edited("a-theme-someone-deleted", "Access to help")
    assert session.undo_stack.count() == 0
    assert shown and shown[0].startswith("Rename theme: That ")
    # An accepted wall edit still undoes and redoes.
    edit = widget.scene.run("Group", lambda s: wall_themes.group_as_theme(s, postits[:2], "Calls go unanswered"))
    assert edit is not None and session.undo_stack.count() == 1
    theme_id = edit.created_id
    session.undo_stack.undo()
    assert theme_id not in {t.id for t in wall.load_wall(session.store).themes}
    session.undo_stack.redo()
    assert theme_id in {t.id for t in wall.load_wall(session.store).themes}


def test_a_refused_workshop_edit_leaves_no_undo_step(
    qtbot: QtBot, demo_session: ReviewSession, shown: list[str]
) -> None:
    panel = WorkshopPanel(demo_session)
    qtbot.addWidget(panel)
    store = demo_session.store
    first, second = panel.responses.add_table(), panel.responses.add_table()
    goal = panel.goals.add_goal(workshop.insights(store)[0].id, "Every carer's call returned within a day")
    assert panel.goals.claim(goal, first)
    steps = demo_session.undo_stack.count()
    assert not panel.goals.claim(goal, second)
    assert demo_session.undo_stack.count() == steps
    assert shown and "already chosen this goal" in shown[-1]
    demo_session.undo_stack.undo()
    assert not workshop_goals.claims(store).get(goal)
    demo_session.undo_stack.redo()
    assert workshop_goals.claims(store)[goal] == first


def test_a_refused_survey_scale_leaves_no_undo_step(qtbot: QtBot, session: ReviewSession, shown: list[str]) -> None:
    panel = SurveyPanel(session)
    qtbot.addWidget(panel)
    panel.set_scale()
    assert session.undo_stack.count() == 0
    assert shown and "no items yet" in shown[-1]
    panel.add_item()
    assert session.undo_stack.count() == 1 and len(survey.items(session.store)) == 1
    session.undo_stack.undo()
    assert survey.items(session.store) == []


def test_creating_needs_a_table_or_both_ways_back(session: ReviewSession) -> None:
    with pytest.raises(ValueError):
        ops.run_create(None, session, "Add", None, lambda s: ("x", Changes()), remove=lambda s, rid: Changes())


def test_a_swap_is_undone_by_the_same_call_with_what_it_replaced(session: ReviewSession, shown: list[str]) -> None:
    review_id = session.store.review_id
    before = aim(session)

    def set_aim(store: Store, text: str) -> Changes:
        return records.set_fields(store, "review", review_id, aim=text)

    assert ops.run_swap(None, session, "Edit aim", set_aim, "Hear from carers", before)
    assert aim(session) == "Hear from carers"
    session.undo_stack.undo()
    assert aim(session) == before
    assert not ops.run_swap(None, session, "Close", lambda s, _v: refuse(s), 1, 0)
    assert session.undo_stack.count() == 1 and shown == ["Close: The review is closed for edits."]  # no step


def test_an_edit_on_one_record_is_undone_by_its_other_call(session: ReviewSession) -> None:
    team_id = ops.create_record(None, session, "teams", {"name": "Team A"}, "Add team")
    assert team_id is not None
    assert ops.run_on(
        None,
        session,
        "Remove team",
        team_id,
        lambda s, r: records.delete(s, "teams", r),
        lambda s, r: records.restore(s, "teams", r),
    )
    assert not records.rows(session.store, "teams", ["name"])
    session.undo_stack.undo()
    assert [r["id"] for r in records.rows(session.store, "teams", ["name"])] == [team_id]


def test_edit_undo_and_redo_name_the_step_with_its_ampersands(qtbot: QtBot, session: ReviewSession) -> None:
    """A step names the review's own things ("Tag “A&E”"): the menu shows the "&", no letter taken for Alt."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    undo = ops.StackAction(session.undo_stack, "Undo", window)
    redo = ops.StackAction(session.undo_stack, "Redo", window)
    assert (undo.iconText(), undo.isEnabled(), redo.isEnabled()) == ("Undo", False, False)
    assert ops.set_fields(None, session, "review", session.store.review_id, {"aim": "Q&A"}, "Edit aim “Q&A”")
    assert undo.iconText() == "Undo Edit aim “Q&A”" and undo.isEnabled()
    assert QKeySequence.mnemonic(undo.text()).toString() == "Alt+U"  # the verb's letter, as before
    undo.trigger()
    assert aim(session) != "Q&A" and not undo.isEnabled()
    assert redo.iconText() == "Redo Edit aim “Q&A”" and redo.isEnabled()
    redo.trigger()
    assert aim(session) == "Q&A"
