"""Sharing without a shared drive: member cards, the team, invitations and bundles (docs/sharing.md)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from peerdesk.cli.common import Commands, command, group, json_flag, open_store, read_passphrase, read_text
from peerdesk.files import write_private_text
from peerdesk.roles import ROLES


def cmd_card(args: argparse.Namespace) -> int:
    from peerdesk.services import team

    with open_store(args.path) as store:
        card, text = team.my_card(store)
    write_private_text(args.out, text)
    print(f"Wrote the card of {card.name} to {args.out}; fingerprint {card.fingerprint}")
    return 0


def cmd_team_add(args: argparse.Namespace) -> int:
    from peerdesk.services import team

    text = read_text(args.card, "member card")
    with open_store(args.path) as store:
        member, _ = team.add_member(store, text)
    print(f"Added {member.name} ({member.role}); fingerprint {member.fingerprint}")
    return 0


def cmd_invite(args: argparse.Namespace) -> int:
    from peerdesk.services import team

    with open_store(args.path) as store:
        text = team.invitation(store)
        card, _ = team.my_card(store)
    write_private_text(args.out, text)
    print(f"Wrote an invitation to {args.out}; your fingerprint {card.fingerprint}")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from peerdesk.services import team

    invitation = team.read_invite(read_text(args.invite, "invitation"))
    with team.join(invitation, Path(args.path), read_passphrase(confirm=True), args.me, args.role) as store:
        card, _ = team.my_card(store)
    print(f"Created {args.path} for {card.name}.")
    print(f"The lead, {invitation.lead.name}, has fingerprint {invitation.lead.fingerprint}: compare it aloud.")
    print(f"Your fingerprint is {card.fingerprint}; send your card (peerdesk card) to the lead.")
    return 0


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from peerdesk.services import sharing

    with open_store(args.path) as store:
        report = sharing.export_to(store, Path(args.out), full=args.full)
    print(f"Wrote {report.path} ({report.size} bytes) for {', '.join(report.recipients)}; expires {report.expires}")
    print(f"{report.sending}.")
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from peerdesk.services import sharing

    with open_store(args.path) as store:
        report = sharing.import_from(store, Path(args.bundle))
    print(report.summary)
    return 0


def cmd_bundle_inspect(args: argparse.Namespace) -> int:
    from peerdesk.exchange.display import clip
    from peerdesk.services import sharing

    facts = sharing.inspect(Path(args.bundle))
    if args.json:  # JSON escapes every control and non-ASCII character itself
        print(json.dumps(facts, sort_keys=True))
    else:  # the sender chose these strings: escaped and capped before they reach the terminal
        for key in ("sender", "created", "expires", "size", "review_id", "bundle_id"):
            print(f"{key:<10} {clip(facts[key])}")
    return 0


def add_commands(commands: Commands) -> None:
    help = "write my member card (name, role, public keys) to a file"
    command(commands, "card", cmd_card, help, "path", "out:OUT.card")
    team = group(commands, "team", "manage the team (lead)")
    help = "add a member from their card; prints the fingerprint to compare"
    command(team, "add", cmd_team_add, help, "path", "card:CARD")
    help = "write a signed invitation to join this review (lead)"
    command(commands, "invite", cmd_invite, help, "path", "out:OUT.invite")
    p = command(commands, "join", cmd_join, "make my own file of a review from the lead's invitation", "invite:INVITE")
    p.add_argument("path")
    p.add_argument("--me", required=True, help="your name")
    p.add_argument("--role", choices=ROLES, default="reviewer")

    bundle = group(commands, "bundle", "export, import or inspect a .pdbundle")
    help = "write what the team may lack of my shared records, encrypted to them"
    p = command(bundle, "export", cmd_bundle_export, help, "path", "out:OUT.pdbundle")
    p.add_argument(
        "--full", action="store_true", help="send everything, not only what changed (a new member, a lost email)"
    )
    command(bundle, "import", cmd_bundle_import, "check and merge a colleague's bundle", "path", "bundle:IN.pdbundle")
    help = "who sent a bundle, when, until when, how big (no key needed)"
    json_flag(command(bundle, "inspect", cmd_bundle_inspect, help, "bundle:IN.pdbundle"))
