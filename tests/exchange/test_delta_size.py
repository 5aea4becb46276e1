"""On the demo review, a bundle after one small edit is at most a tenth of the whole (issue #22)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.exchange import roster, transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.services import demo, records, review, sharing, team
from peerdesk.store.engine import Store
from peerdesk.store.uow import UnitOfWork
from tests.helpers.exchange import PASSPHRASE


def demo_team(folder: Path) -> tuple[Store, Store]:
    """The demo review, led by its author, and Sam, who joined it."""
    lead = demo.write_demo(folder / "demo.peerdesk", PASSPHRASE)
    with lead.session() as s:
        leads = roster.i_am_lead(s)
    if not leads:
        with UnitOfWork(lead) as uow:
            uow.set_meta(roster.LEAD_META, lead.member_id)
            uow.commit()
    # The demo's dates are fixed; a bundle past its retention date would be refused as expired.
    review.update_review(lead, retention_date=(dt.date.today() + dt.timedelta(days=90)).isoformat())
    sam = team.join(team.invitation(lead), folder / "sam.peerdesk", PASSPHRASE, "Sam Okafor")
    team.add_member(lead, team.my_card(sam)[1])
    return lead, sam


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Store, Store, Path]]:
    lead, sam = demo_team(tmp_path)
    yield lead, sam, tmp_path
    sam.close()
    lead.close()


def a_quote(store: Store) -> str:
    return str(records.rows(store, "quotes", [])[0]["id"])


def test_until_a_colleague_answers_every_bundle_is_the_whole_review(pair: tuple[Store, Store, Path]) -> None:
    lead, sam, folder = pair
    whole = sharing.export_to(lead, folder / "1.pdbundle")
    assert whole.everything
    records.set_fields(lead, "quotes", a_quote(lead), text="They listened, and then they did something.")
    again = sharing.export_to(lead, folder / "2.pdbundle")
    assert again.everything, "the first email may be lost: nothing is assumed received"
    transfer.import_bundle(sam, (folder / "2.pdbundle").read_bytes())  # the first one lost: no matter
    assert content_digest(sam) == content_digest(lead)


def test_after_a_colleagues_answer_one_edit_is_still_a_tenth(pair: tuple[Store, Store, Path]) -> None:
    lead, sam, folder = pair
    whole = sharing.export_to(lead, folder / "1.pdbundle")
    transfer.import_bundle(sam, (folder / "1.pdbundle").read_bytes())
    sharing.export_to(sam, folder / "sam.pdbundle")
    transfer.import_bundle(lead, (folder / "sam.pdbundle").read_bytes())
    records.delete(lead, "quotes", a_quote(lead))
    small = sharing.export_to(lead, folder / "2.pdbundle")
    assert small.changes == 1 and small.size <= whole.size / 10, (small.size, whole.size)
    assert transfer.import_bundle(sam, (folder / "2.pdbundle").read_bytes()).summary.endswith("1 quote deleted")
    assert content_digest(sam) == content_digest(lead)
