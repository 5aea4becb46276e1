"""Members editing and exchanging bundles in any order converge; importing is idempotent and commutative.

Real review files throughout: each example copies a prepared team and runs a random schedule of edits, exports
and imports (old bundles, duplicates and lost ones included), then one last exchange. The six-member schedules
(at the end) also make what only a merge can break: the same name twice, renames onto a colleague's name, two
interviews planned into one cell, deletions crossing edits; after every full exchange (each member imports every
other's latest bundle once, in a random order) every file holds the same content and keeps every local rule.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.errors import NotFound
from peerdesk.exchange import transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.services import records
from peerdesk.store.engine import Store
from tests.helpers.exchange import Team, copy_team, make_team

TEXTS = st.sampled_from(["", "rose", "thorn", "bud", "Carers feel heard", "Nobody calls back"])
COORD = st.integers(min_value=0, max_value=3).map(lambda n: n * 50.0)
WHO = st.integers(min_value=0, max_value=2)
SHARED_TARGETS = 7  # 2 themes, 3 post-its, 2 quotes made by the lead before the schedule starts

Op = tuple[Any, ...]
OPS = st.one_of(
    st.tuples(st.just("text"), WHO, st.integers(0, SHARED_TARGETS - 1), TEXTS),
    st.tuples(st.just("move"), WHO, st.integers(0, 2), COORD, COORD),
    st.tuples(st.just("group"), WHO, st.integers(0, 2), st.integers(-1, 1)),
    st.tuples(st.just("quote"), WHO, TEXTS),
    st.tuples(st.just("delete"), WHO, st.integers(0, SHARED_TARGETS - 1)),
    st.tuples(st.just("restore"), WHO, st.integers(0, SHARED_TARGETS - 1)),
    st.tuples(st.just("export"), WHO),
    st.tuples(st.just("export"), WHO),
    st.tuples(st.just("import"), WHO, st.integers(0, 30)),
    st.tuples(st.just("import"), WHO, st.integers(0, 30)),
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Team, list[tuple[str, str, str]]]]:
    crew = make_team(tmp_path_factory.mktemp("base"))
    lead = crew.stores[0]
    targets: list[tuple[str, str, str]] = []
    for heading in ("Stability", "Voice"):
        rid, _ = records.create(lead, "themes", heading=heading)
        targets.append(("themes", rid, "heading"))
    for kind in ("rose", "thorn", "bud"):
        rid, _ = records.create(lead, "postits", kind=kind, text=f"a {kind}")
        targets.append(("postits", rid, "text"))
    for text in ("We are listened to", "Too many changes of worker"):
        rid, _ = records.create(lead, "quotes", text=text)
        targets.append(("quotes", rid, "text"))
    data = transfer.export_bundle(lead).data
    for member in crew.stores[1:]:
        transfer.import_bundle(member, data)
    crew.close()
    yield crew, targets


def full_state(
    store: Store, tables: frozenset[str] = frozenset({"members", "conflicts"}), keep: bool = False
) -> list[Any]:
    """Content and versions: stricter than the digest. Conflicts are left out (see ``kept_conflicts``)."""
    data = transfer.content(store)["tables"]
    return sorted(
        (t, r["id"], sorted(r.items(), key=lambda kv: kv[0]))
        for t, rows in data.items()
        for r in rows
        if (t in tables) == keep
    )


def kept_conflicts(store: Store) -> list[Any]:
    """Whether a file noticed a clash depends on what it saw when: conflicts reach the others one exchange after
    the content (``exchange.digest``), then every file holds the same records."""
    return full_state(store, frozenset({"conflicts"}), keep=True)


def apply(op: Op, crew: Team, targets: list[tuple[str, str, str]], outbox: list[tuple[int, bytes]]) -> None:
    kind, who = op[0], op[1]
    store = crew.stores[who]
    try:
        if kind == "text":
            table, rid, name = targets[op[2]]
            records.set_fields(store, table, rid, **{name: op[3]})
        elif kind == "move":
            records.set_fields(store, "postits", targets[2 + op[2]][1], x=op[3], y=op[4])
        elif kind == "group":
            theme = "" if op[3] < 0 else targets[op[3]][1]
            records.set_fields(store, "postits", targets[2 + op[2]][1], theme_id=theme)
        elif kind == "quote":
            records.create(store, "quotes", text=op[2])
        elif kind == "delete":
            table, rid, _ = targets[op[2]]
            records.delete(store, table, rid)
        elif kind == "restore":
            table, rid, _ = targets[op[2]]
            records.restore(store, table, rid)
        elif kind == "export":
            outbox.append((who, transfer.export_bundle(store).data))
        elif kind == "import" and outbox:
            sender, data = outbox[op[2] % len(outbox)]
            if sender != who:
                transfer.import_bundle(store, data)
    except NotFound:
        pass  # editing a record this member already deleted: the UI would not offer it


def final_exchange(crew: Team) -> None:
    latest = [transfer.export_bundle(s).data for s in crew.stores]
    for i, store in enumerate(crew.stores):
        for j, data in enumerate(latest):
            if i != j:
                transfer.import_bundle(store, data)


def run_schedule(base: tuple[Team, list[tuple[str, str, str]]], ops: list[Op]) -> list[Any]:
    """Run ``ops``, then exchange everything; return each member's full state (content and versions)."""
    source, targets = base
    folder = Path(tempfile.mkdtemp(prefix="schedule-"))
    crew = copy_team(source, folder)
    try:
        outbox: list[tuple[int, bytes]] = []
        for op in ops:
            apply(op, crew, targets, outbox)
        final_exchange(crew)
        # One full exchange is enough: a repair is shown, not written (exchange.overlay), so it never has to travel.
        digests = {content_digest(s) for s in crew.stores}
        assert len(digests) == 1, "members hold different content after exchanging their latest bundles once"
        final_exchange(crew)
        assert {content_digest(s) for s in crew.stores} == digests
        conflicts = [kept_conflicts(s) for s in crew.stores]
        assert conflicts[0] == conflicts[1] == conflicts[2], "a kept losing text did not reach every file"
        return [full_state(s) for s in crew.stores]
    finally:
        crew.close()
        shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(OPS, min_size=4, max_size=18))
def test_three_members_converge_whatever_the_schedule(base: tuple[Team, list[Any]], ops: list[Op]) -> None:
    states = run_schedule(base, ops)
    assert states[0] == states[1] == states[2], "the members' versions differ"


@pytest.mark.slow
@pytest.mark.skipif("'slow' not in config.getoption('markexpr')", reason="long profile: run with -m slow")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(OPS, min_size=10, max_size=40))
def test_three_members_converge_whatever_the_schedule_long(base: tuple[Team, list[Any]], ops: list[Op]) -> None:
    states = run_schedule(base, ops)
    assert states[0] == states[1] == states[2], "the members' versions differ"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits_a=st.lists(st.tuples(st.just("text"), st.just(0), st.integers(0, SHARED_TARGETS - 1), TEXTS), max_size=5),
    edits_b=st.lists(st.tuples(st.just("text"), st.just(1), st.integers(0, SHARED_TARGETS - 1), TEXTS), max_size=5),
    moves=st.lists(st.tuples(st.just("move"), WHO, st.integers(0, 2), COORD, COORD), max_size=4),
)
def test_a_then_b_equals_b_then_a_and_twice_equals_once(
    base: tuple[Team, list[Any]], edits_a: list[Op], edits_b: list[Op], moves: list[Op]
) -> None:
    source, targets = base
    folder = Path(tempfile.mkdtemp(prefix="commute-"))
    crew = copy_team(source, folder)
    try:
        for op in [*edits_a, *edits_b, *[m for m in moves if m[1] < 2]]:
            apply(op, crew, targets, [])
        a = transfer.export_bundle(crew.stores[0]).data
        b = transfer.export_bundle(crew.stores[1]).data
        third = crew.stores[2]
        third.close()
        twin = folder / "twin.peerdesk"
        shutil.copy(crew.paths[2], twin)
        crew.stores[2] = Store.open(crew.paths[2], "correct horse battery staple", make_backup=False)
        with Store.open(twin, "correct horse battery staple", make_backup=False) as other:
            transfer.import_bundle(crew.stores[2], a)
            transfer.import_bundle(crew.stores[2], b)
            transfer.import_bundle(other, b)
            transfer.import_bundle(other, a)
            transfer.import_bundle(other, a)  # a duplicate
            assert content_digest(crew.stores[2]) == content_digest(other)
            assert full_state(crew.stores[2]) == full_state(other)
    finally:
        crew.close()
        shutil.rmtree(folder, ignore_errors=True)


# --- six members, and the local rules ----------------------------------------------------------------------------

SIX = 6
NAMES = st.sampled_from(["Foster carers", "foster carers", "Young people", "Social workers"])
TAG_NAMES = st.sampled_from(["Stability", "stability ", "Contact", "Churn"])
TIMES = st.sampled_from(["09:00", "10:00", "11:00", "12:00"])
ANY = st.integers(0, 7)  # an index into whatever the member has of a kind (taken modulo its length)
MEMBER = st.integers(0, SIX - 1)

RULE_OPS = st.one_of(
    st.tuples(st.just("group"), MEMBER, NAMES),
    st.tuples(st.just("rename_group"), MEMBER, ANY, NAMES),
    st.tuples(st.just("delete_group"), MEMBER, ANY),
    st.tuples(st.just("tag"), MEMBER, ANY, TAG_NAMES),
    st.tuples(st.just("rename_tag"), MEMBER, ANY, TAG_NAMES),
    st.tuples(st.just("delete_tag"), MEMBER, ANY),
    st.tuples(st.just("slot"), MEMBER, TIMES),
    st.tuples(st.just("retime"), MEMBER, ANY, TIMES),
    st.tuples(st.just("interview"), MEMBER, ANY, ANY, ANY),
    st.tuples(st.just("delete_team"), MEMBER, ANY),
    st.tuples(st.just("quote_text"), MEMBER, ANY, TEXTS),
    st.tuples(st.just("delete_quote"), MEMBER, ANY),
    st.tuples(st.just("postit"), MEMBER, TEXTS),
    st.tuples(st.just("ungroup"), MEMBER),
    st.tuples(st.just("export"), MEMBER),
    st.tuples(st.just("export"), MEMBER),
    st.tuples(st.just("import"), MEMBER, st.integers(0, 60)),
    st.tuples(st.just("import"), MEMBER, st.integers(0, 60)),
    st.tuples(st.just("import"), MEMBER, st.integers(0, 60)),
)


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    """Six members who all hold the lead's starting plan: two slots, two teams, a group, quotes, a theme."""
    from peerdesk.services import interviews, timetable_grid, wall, wall_themes

    crew = make_team(tmp_path_factory.mktemp("six"), size=SIX)
    lead = crew.stores[0]
    slots = [timetable_grid.add_slot(lead, t)[0] for t in ("09:00", "10:00")]
    teams = [timetable_grid.add_team(lead, n)[0] for n in ("Team A", "Team B")]
    group, _ = timetable_grid.add_group(lead, "Care leavers")
    interviews.add_interview(lead, slot_id=slots[0], team_id=teams[0], group_id=group)
    for text in ("We are listened to", "Too many changes of worker", "Nobody calls back"):
        records.create(lead, "quotes", text=text, group_id=group)
    first = wall.add_postit(lead, "thorn", "Three workers in a year", x=300.0, y=200.0).created_id
    wall_themes.group_as_theme(lead, [first], "Stability")
    data = transfer.export_bundle(lead).data
    for member in crew.stores[1:]:
        transfer.import_bundle(member, data)
    crew.close()
    yield crew


def live_ids(store: Store, table: str) -> list[str]:
    return sorted(r["id"] for r in records.rows(store, table, []))


def pick(ids: list[str], n: int) -> str | None:
    return ids[n % len(ids)] if ids else None


def apply_rule_op(op: Op, crew: Team, outbox: list[tuple[int, bytes]]) -> None:
    from peerdesk.errors import UserError
    from peerdesk.services import interviews, quotes, timetable_grid, wall, wall_themes

    kind, who = op[0], op[1]
    store = crew.stores[who]
    try:
        if kind == "group":
            timetable_grid.add_group(store, op[2], reuse=False)
        elif kind == "rename_group" and (gid := pick(live_ids(store, "stakeholder_groups"), op[2])):
            timetable_grid.rename_group(store, gid, op[3])
        elif kind == "delete_group" and (gid := pick(live_ids(store, "stakeholder_groups"), op[2])):
            timetable_grid.delete_group(store, gid)
        elif kind == "tag" and (qid := pick(live_ids(store, "quotes"), op[2])):
            quotes.tag_quotes(store, [qid], op[3])
        elif kind == "rename_tag" and (tid := pick(live_ids(store, "tags"), op[2])):
            quotes.rename_tag(store, tid, op[3])
        elif kind == "delete_tag" and (tid := pick(live_ids(store, "tags"), op[2])):
            quotes.delete_tag(store, tid)
        elif kind == "slot":
            timetable_grid.add_slot(store, op[2])
        elif kind == "retime" and (sid := pick(live_ids(store, "slots"), op[2])):
            timetable_grid.update_slot(store, sid, op[3])
        elif kind == "interview":
            slot, team = pick(live_ids(store, "slots"), op[2]), pick(live_ids(store, "teams"), op[3])
            group = pick(live_ids(store, "stakeholder_groups"), op[4]) or ""
            if slot and team:
                interviews.add_interview(store, slot_id=slot, team_id=team, group_id=group)
        elif kind == "delete_team" and (tid := pick(live_ids(store, "teams"), op[2])):
            timetable_grid.delete_team(store, tid)
        elif kind == "quote_text" and (qid := pick(live_ids(store, "quotes"), op[2])):
            records.set_fields(store, "quotes", qid, text=op[3] or "…")
        elif kind == "delete_quote" and (qid := pick(live_ids(store, "quotes"), op[2])):
            records.delete(store, "quotes", qid)
        elif kind == "postit" and (theme := pick(live_ids(store, "themes"), 0)):
            wall.add_postit(store, "rose", op[2] or "A rose", theme_id=theme, x=320.0, y=260.0)
        elif kind == "ungroup" and (theme := pick(live_ids(store, "themes"), 0)):
            wall_themes.ungroup(store, theme)
        elif kind == "export":
            outbox.append((who, transfer.export_bundle(store).data))
        elif kind == "import" and outbox:
            sender, data = outbox[op[2] % len(outbox)]
            if sender != who:
                transfer.import_bundle(store, data)
    except (UserError, NotFound):
        pass  # refused locally, as the app would refuse it: nothing changed


def broken_rules(store: Store) -> list[str]:
    """Every local rule a file must keep after a merge, with what breaks it (empty when all hold)."""
    from peerdesk.exchange.invariants import name_key, tag_key

    def live(table: str, *fields: str) -> list[dict[str, Any]]:
        return records.rows(store, table, list(fields))

    broken = []
    for table, key in (
        ("tags", lambda r: tag_key(r["name"])),
        ("stakeholder_groups", lambda r: name_key(r["name"])),
        ("teams", lambda r: name_key(r["name"])),
        ("slots", lambda r: (r["day"], r["starts"])),
    ):
        rows = live(table, "name") if table != "slots" else live(table, "day", "starts")
        keys = [key(r) for r in rows]
        broken += [f"two {table} {k!r}" for k in set(keys) if keys.count(k) > 1]
    slots, teams = {r["id"] for r in live("slots")}, {r["id"] for r in live("teams")}
    groups, tags = {r["id"] for r in live("stakeholder_groups")}, set(live_ids(store, "tags"))
    themes = {r["id"] for r in live("themes")}
    for r in live("interviews", "slot_id", "team_id", "group_id"):
        if r["slot_id"] not in slots or r["team_id"] not in teams:
            broken.append(f"interview {r['id']} hidden: its slot or team is gone")
        if r["group_id"] and r["group_id"] not in groups:
            broken.append(f"interview {r['id']} names a deleted stakeholder group")
    broken += [f"quote {r['id']}'s group is gone" for r in live("quotes", "group_id") if r["group_id"] not in groups]
    broken += [f"link {r['id']}'s tag is gone" for r in live("quote_tags", "tag_id") if r["tag_id"] not in tags]
    broken += [
        f"post-it {r['id']} in a deleted theme"
        for r in live("postits", "theme_id")
        if r["theme_id"] and r["theme_id"] not in themes
    ]
    # Every live interview is in exactly one cell the grid shows (a shared cell lists them all).
    from peerdesk.services import timetable

    table = timetable.timetable(store)
    shown = sorted(i.id for cell in table.cells.values() for i in cell if i.slot and i.team)
    if shown != live_ids(store, "interviews"):
        broken.append("an interview the timetable does not show")
    return broken


def exchange_all(crew: Team, rnd: Any) -> None:
    """Everyone exports their latest, then each imports all the others' bundles, each in a random order."""
    latest = [transfer.export_bundle(s).data for s in crew.stores]
    for i, store in enumerate(crew.stores):
        others = [j for j in range(len(crew.stores)) if j != i]
        rnd.shuffle(others)
        for j in others:
            transfer.import_bundle(store, latest[j])


def converged(crew: Team) -> None:
    """Equal content, equal versions, and every local rule kept, in every file."""
    digests = {content_digest(s) for s in crew.stores}
    assert len(digests) == 1, "members hold different content after exchanging everything once"
    for store in crew.stores:
        assert broken_rules(store) == []
    states = [full_state(s) for s in crew.stores]
    assert all(state == states[0] for state in states)


def run_six(base: Team, ops: list[Op], rnd: Any) -> list[Any]:
    """Run ``ops`` among six members in two phases, each ended by a full exchange; return each member's state."""
    folder = Path(tempfile.mkdtemp(prefix="six-"))
    crew = copy_team(base, folder)
    try:
        outbox: list[tuple[int, bytes]] = []
        # Two phases of random edits and random partial exchanges (stale, repeated and lost bundles), each ended
        # by one full exchange in a random order: after each, the files agree and keep every rule.
        half = len(ops) // 2
        for phase in (ops[:half], ops[half:]):
            for op in phase:
                apply_rule_op(op, crew, outbox)
            exchange_all(crew, rnd)
            converged(crew)
        exchange_all(crew, rnd)
        conflicts = [kept_conflicts(s) for s in crew.stores]
        assert all(c == conflicts[0] for c in conflicts), "a kept losing text did not reach every file"
        return [full_state(s) for s in crew.stores]
    finally:
        crew.close()
        shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(RULE_OPS, min_size=6, max_size=24), rnd=st.randoms(use_true_random=False))
def test_six_members_converge_and_keep_every_local_rule(six: Team, ops: list[Op], rnd: Any) -> None:
    states = run_six(six, ops, rnd)
    assert all(state == states[0] for state in states), "the members' versions differ"


@pytest.mark.slow
@pytest.mark.skipif("'slow' not in config.getoption('markexpr')", reason="long profile: run with -m slow")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(RULE_OPS, min_size=10, max_size=50), rnd=st.randoms(use_true_random=False))
def test_six_members_converge_and_keep_every_local_rule_long(six: Team, ops: list[Op], rnd: Any) -> None:
    states = run_six(six, ops, rnd)
    assert all(state == states[0] for state in states), "the members' versions differ"
