"""Commands on one review file: new, demo, info, search, the Day 1 timetable as CSV, the lead-in checklist, purge."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from peerdesk.cli.common import (
    PASSPHRASE_ENV,
    CliError,
    Commands,
    command,
    json_flag,
    open_store,
    parse_date,
    read_passphrase,
)
from peerdesk.roles import ROLES
from peerdesk.services.plural import count


def cmd_new(args: argparse.Namespace) -> int:
    from peerdesk.services import review as review_service

    essentials = review_service.Essentials(
        authority=args.authority,
        focus=args.focus,
        me_name=args.me,
        me_role=args.role,
        visit_start=args.visit_start,
        visit_end=args.visit_end,
    )
    with review_service.create_review(Path(args.path), read_passphrase(confirm=True), essentials) as store:
        print(f"Created {store.path}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from peerdesk.services import demo
    from peerdesk.services import review as review_service

    passphrase = os.environ.get(PASSPHRASE_ENV) or demo.DEFAULT_PASSPHRASE
    with demo.write_demo(Path(args.path), passphrase) as store:
        counts = review_service.info(store)
    print(
        f"Wrote the demo review to {args.path}: {counts['interviews']} interviews, {counts['quotes']} quotes, "
        f"{counts['postits']} post-its."
    )
    if PASSPHRASE_ENV not in os.environ:
        print(f"Its passphrase is: {demo.DEFAULT_PASSPHRASE}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from peerdesk.exchange.digest import content_digest
    from peerdesk.services import review as review_service

    with open_store(args.path) as store:
        facts = review_service.info(store)
        facts["content_digest"] = content_digest(store)
    if args.json:
        print(json.dumps(facts, sort_keys=True))
    else:
        width = max(len(k) for k in facts)
        for key, value in facts.items():
            print(f"{key:<{width}}  {value}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from peerdesk.services import retention

    with open_store(args.path) as store:
        state = retention.status(store)
        if not state.due and not args.now and not state.purged_on:
            raise CliError(f"Not due yet. {state.sentence} Add --now to delete them anyway.")
        report = retention.purge(store)
    print(f"{report.sentence} The summary, insights and workshop remain.")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from peerdesk.services import search

    with open_store(args.path) as store:
        hits = search.search(store, args.query, limit=args.limit)
    if args.json:
        print(json.dumps([hit.as_json() for hit in hits], ensure_ascii=False))
    else:
        for hit in hits:
            print(f"{hit.kind:<5}  {hit.interview} · {hit.group}: {hit.snippet_marked()}")
    return 0


def cmd_timetable(args: argparse.Namespace) -> int:
    from peerdesk.services import timetable_csv

    with open_store(args.path) as store:
        if args.action == "import":
            result = timetable_csv.import_file(store, args.csv)
            kept = f" ({count(result.already_there, 'interview')} already there)" if result.already_there else ""
            print(f"Imported {count(result.interviews, 'interview')} from {args.csv}{kept}")
        else:
            written = timetable_csv.export_file(store, args.csv)
            print(f"Exported {count(written, 'interview')} to {args.csv}")
    return 0


def cmd_checklist(args: argparse.Namespace) -> int:
    from peerdesk.services import checklist

    today = dt.date.today()
    with open_store(args.path) as store:
        steps = checklist.steps(store)
        review_id = store.review_id
    if args.ics:
        from peerdesk.export import calendar_ics

        count = calendar_ics.write(steps, review_id, Path(args.ics))
        print(f"Wrote {count} reminders to {args.ics}", file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps([step.as_json(today) for step in steps], ensure_ascii=False))
    elif not args.ics:
        for step in steps:
            due = step.due.isoformat() if step.due else "no date  "
            print(f"{due}  {step.status(today):<8} {step.owner}: {step.text}")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    from peerdesk.services import identifiability

    with open_store(args.path) as store:
        if args.traceable_below is not None:
            identifiability.set_threshold(store, args.traceable_below)
        below = identifiability.threshold(store)
    print(f"traceable-below  {below}  (a quote from a stakeholder group of fewer people is flagged as traceable)")
    return 0


def add_commands(commands: Commands) -> None:
    p = command(commands, "new", cmd_new, "create a new review file", "path")
    p.add_argument("--authority", required=True, help="the host authority")
    p.add_argument("--focus", default="", help="the area of focus")
    p.add_argument("--me", required=True, help="your name")
    p.add_argument("--role", choices=ROLES, default="lead")
    p.add_argument("--visit-start", type=parse_date, help="Day 1 (YYYY-MM-DD)")
    p.add_argument("--visit-end", type=parse_date, help="Day 2 (YYYY-MM-DD)")

    command(commands, "demo", cmd_demo, "write the fictional demo review", "path")
    json_flag(command(commands, "info", cmd_info, "print a review's summary and counts", "path"))

    p = command(commands, "search", cmd_search, "find words in the notes and quotes", "path")
    p.add_argument("query", help='words to find (all of them); "quoted words" for a phrase')
    p.add_argument("--limit", type=int, default=50, help="at most this many hits (default 50)")
    json_flag(p, "a JSON list: kind, interview, stakeholder group, snippet")

    p = commands.add_parser("timetable", help="import or export the Day 1 timetable as CSV")
    p.add_argument("action", choices=("import", "export"))
    p.add_argument("path")
    p.add_argument("csv", help="the CSV file to read or write")
    p.set_defaults(handler=cmd_timetable)

    help = "the lead-in checklist: each step, its owner, due date and whether done"
    p = command(commands, "checklist", cmd_checklist, help, "path")
    json_flag(p, "a JSON list of the steps")
    p.add_argument("--ics", metavar="OUT.ics", help="write the steps still to do as calendar reminders")

    help = "delete a review's interview records for good (after the follow-up visit)"
    description = (
        "Delete the notes, quotes, post-its, themes, question ticks and scale answers, and the backups that hold "
        "them; keep the summary and insights. Then rewrite the file so nothing deleted can be recovered from it."
    )
    p = command(commands, "purge", cmd_purge, help, "path", description=description)
    p.add_argument("--now", action="store_true", help="even if the retention date has not passed")

    help = "show or change the review's settings (shared with the team)"
    p = command(commands, "settings", cmd_settings, help, "path")
    p.add_argument(
        "--traceable-below", type=int, metavar="N", help="flag quotes from stakeholder groups of fewer than N people"
    )
