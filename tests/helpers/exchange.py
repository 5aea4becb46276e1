"""A real team on real files: a lead and members who joined by invitation, with the roster delivered."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from peerdesk.exchange import transfer
from peerdesk.services import review, team
from peerdesk.store.engine import Store

PASSPHRASE = "correct horse battery staple"
NAMES = ("Alex Lead", "Sam Okafor", "Priya Shah")


@dataclass
class Team:
    folder: Path
    paths: list[Path]
    stores: list[Store]

    def close(self) -> None:
        for s in self.stores:
            s.close()


def visit_start() -> dt.date:
    """A visit a month from now: its retention date (four months later) is safely in the future."""
    return dt.date.today() + dt.timedelta(days=30)


def make_team(folder: Path, size: int = 3) -> Team:
    """The lead makes the review and invites; each member joins and sends a card; the lead adds the cards and
    sends one bundle so every member has the roster."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"member{i}.peerdesk" for i in range(size)]
    lead = review.create_review(
        paths[0],
        PASSPHRASE,
        review.Essentials("Westfold County Council", "Children in care", NAMES[0], "lead", visit_start()),
    )
    invite = team.invitation(lead)
    stores = [lead]
    for i in range(1, size):
        member = team.join(invite, paths[i], PASSPHRASE, NAMES[i] if i < len(NAMES) else f"Member {i}")
        team.add_member(lead, team.my_card(member)[1])
        stores.append(member)
    roster = transfer.export_bundle(lead).data
    for member in stores[1:]:
        transfer.import_bundle(member, roster)
    return Team(folder, paths, stores)


def send(sender: Store, receiver: Store) -> transfer.Imported:
    """One bundle from ``sender`` imported by ``receiver`` (the email between them left out): what the import says."""
    return transfer.import_bundle(receiver, transfer.export_bundle(sender).data)


def copy_team(source: Team, folder: Path) -> Team:
    """Fresh copies of a closed team's files, opened (quicker than making a team again)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for p in source.paths:
        target = folder / p.name
        shutil.copy(p, target)
        paths.append(target)
    return Team(folder, paths, [Store.open(p, PASSPHRASE, make_backup=False) for p in paths])


def craft(
    sender: Store,
    *,
    content: object | None = None,
    plain: bytes | None = None,
    review_id: str | None = None,
    expires: str | None = None,
    recipients: list[tuple[str, bytes]] | None = None,
    seal_as: dict[str, str] | None = None,
) -> bytes:
    """A bundle signed by ``sender`` with anything changed that a hostile or buggy peer might change."""
    import zlib

    from peerdesk.exchange import bundle, canonical, roster
    from peerdesk.store.models import Member

    with sender.session() as s:
        keys = roster.my_keys(s)
        me = s.get(Member, sender.member_id)
        assert me is not None
        targets = roster.recipients(s) if recipients is None else recipients
    if plain is None:
        plain = zlib.compress(canonical.dumps(content if content is not None else transfer.content(sender)))
    envelope = bundle.Envelope(
        review_id=review_id or sender.review_id,
        sender_id=me.id,
        sender_name=me.name,
        expires=expires or (visit_start() + dt.timedelta(days=200)).isoformat(),
        recipients=targets,
        signer=keys.signer(),
    )
    return bundle.write_plain(envelope, plain, seal_as=seal_as)
