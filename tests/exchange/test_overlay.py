"""A repair is shown, not written: bundles carry what members wrote, and an edit made since a repair stays."""

from __future__ import annotations

from peerdesk.exchange import transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.services import records, timetable, timetable_grid, wall, wall_themes
from peerdesk.store.models import Meta
from tests.helpers.exchange import Team, send


def test_two_groups_of_one_name_show_as_one_while_the_bundle_carries_both_as_written(duo: Team) -> None:
    lead, sam = duo.stores
    g_lead, _ = timetable_grid.add_group(lead, "Foster carers")
    g_sam, _ = timetable_grid.add_group(sam, "foster carers")
    send(lead, sam)
    keeper, other = g_sam, g_lead  # the copy made last is shown
    assert [g.id for g in timetable.timetable(sam).groups] == [keeper]
    sent = {r["id"]: r["deleted"] for r in transfer.content(sam)["tables"]["stakeholder_groups"]}
    assert sent == {g_lead: False, g_sam: False}  # no edit of Sam's deleted the copy: none travels
    with sam.session() as s:
        remembered = s.get(Meta, "shown_repairs")
        assert remembered is not None and other in remembered.value
    # The lead, with the same records, shows the same without having been told.
    send(sam, lead)
    assert [g.id for g in timetable.timetable(lead).groups] == [keeper]
    assert content_digest(lead) == content_digest(sam)


def test_a_local_edit_of_a_shown_value_is_the_members_own_and_stays(duo: Team) -> None:
    lead, sam = duo.stores
    first = wall.add_postit(lead, "thorn", "Three workers in a year", x=400.0, y=300.0).created_id
    loose = wall.add_postit(lead, "rose", "Carers feel heard", x=600.0, y=300.0).created_id
    wall_themes.group_as_theme(lead, [first], "Stability")
    send(lead, sam)
    theme = wall.load_wall(lead).themes[0].id
    wall_themes.ungroup(lead, theme)
    wall_themes.drop_on(sam, [loose], first)  # Sam puts a post-it into the theme the lead removed meanwhile
    send(lead, sam)
    assert records.values(sam, "postits", loose, ["theme_id"]) == {"theme_id": ""}
    new_theme = wall_themes.group_as_theme(sam, [loose], "Voice").created_id
    send(lead, sam)  # the repair is worked out again
    assert records.values(sam, "postits", loose, ["theme_id"]) == {"theme_id": new_theme}
    send(sam, lead)
    assert records.values(lead, "postits", loose, ["theme_id"]) == {"theme_id": new_theme}
    assert content_digest(lead) == content_digest(sam)


def test_a_repair_a_merge_newly_shows_names_its_records_among_what_the_merge_changed(duo: Team) -> None:
    # Every change a merge makes is announced, repairs too: a bundle that only deletes a theme changes no post-it
    # record, but its post-its now show unsorted, and the views showing post-its must hear of it.
    lead, sam = duo.stores
    postit = wall.add_postit(lead, "thorn", "Three workers in a year", x=400.0, y=300.0).created_id
    theme = wall_themes.group_as_theme(lead, [postit], "Stability").created_id
    send(lead, sam)
    records.delete(lead, "themes", theme)
    imported = send(lead, sam)
    assert set(imported.result.new | imported.result.changed) == set()  # the bundle itself changed no record …
    assert records.values(sam, "postits", postit, ["theme_id"]) == {"theme_id": ""}  # … but one shows otherwise
    assert {"themes", "postits"} <= imported.result.tables and postit in imported.result.ids
    assert "postits" not in send(lead, sam).result.tables  # shown already: the next merge changes nothing
