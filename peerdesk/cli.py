"""Headless commands for scripting, admins and tests. A stable contract: later features add subcommands.

Passphrases come from ``PEERDESK_PASSPHRASE`` when set, otherwise from a prompt. Exit 0 on success, 2 on a
user error with one line on stderr; never a traceback.

Every command imports what it needs when it runs: building the parser must stay cheap, so that ``--version`` and
``--help`` answer as fast as the interpreter starts (tests/cli/test_startup.py checks what they import).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from peerdesk import __version__
from peerdesk.errors import PeerdeskError, UserError
from peerdesk.roles import ROLES

if TYPE_CHECKING:
    import logging

    from peerdesk.store.engine import Store

PASSPHRASE_ENV = "PEERDESK_PASSPHRASE"


class CliError(Exception):
    """Raised for a user error detected by the CLI itself (exit 2)."""


def read_passphrase(*, confirm: bool = False, prompt: str = "Passphrase: ") -> str:
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise CliError(f"No passphrase: set {PASSPHRASE_ENV} or run in a terminal to be asked.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != first:
        raise CliError("The two passphrases differ.")
    return first


def open_store(path: str) -> Store:
    from peerdesk.store.engine import Store

    store = Store.open(Path(path), read_passphrase())
    for note in store.recovery_notes:  # e.g. committed work a damaged WAL could not give back
        print(f"peerdesk: {note}", file=sys.stderr)
    return store


def _date(text: str) -> dt.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


# --- commands -------------------------------------------------------------------------------------------------


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
    print(
        f"Deleted {report.total} interview records for good and {report.backups_removed} backups; "
        "the summary, insights and workshop remain."
    )
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
            print(f"Imported {result.interviews} interviews from {args.csv}")
        else:
            count = timetable_csv.export_file(store, args.csv)
            print(f"Exported {count} interviews to {args.csv}")
    return 0


# --- sharing: cards, invitations, bundles (issue #6) ----------------------------------------------------------


def _read_text(path: str, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"There is no {what} at {path}.") from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise CliError(f"{path} is not {what}.") from None


def cmd_card(args: argparse.Namespace) -> int:
    from peerdesk.services import team

    with open_store(args.path) as store:
        card, text = team.my_card(store)
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"Wrote the card of {card.name} to {args.out}; fingerprint {card.fingerprint}")
    return 0


def cmd_team_add(args: argparse.Namespace) -> int:
    from peerdesk.services import team

    text = _read_text(args.card, "member card")
    with open_store(args.path) as store:
        member, _ = team.add_member(store, text)
    print(f"Added {member.name} ({member.role}); fingerprint {member.fingerprint}")
    return 0


def cmd_invite(args: argparse.Namespace) -> int:
    from peerdesk.services import team

    with open_store(args.path) as store:
        text = team.invitation(store)
        card, _ = team.my_card(store)
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"Wrote an invitation to {args.out}; your fingerprint {card.fingerprint}")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from peerdesk.services import team

    invitation = team.read_invite(_read_text(args.invite, "invitation"))
    with team.join(invitation, Path(args.path), read_passphrase(confirm=True), args.me, args.role) as store:
        card, _ = team.my_card(store)
    print(f"Created {args.path} for {card.name}.")
    print(f"The lead, {invitation.lead.name}, has fingerprint {invitation.lead.fingerprint}: compare it aloud.")
    print(f"Your fingerprint is {card.fingerprint}; send your card (peerdesk card) to the lead.")
    return 0


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from peerdesk.services import exchange

    with open_store(args.path) as store:
        report = exchange.export_to(store, Path(args.out), full=args.full)
    print(f"Wrote {report.path} ({report.size} bytes) for {', '.join(report.recipients)}; expires {report.expires}")
    print(f"{report.sending}.")
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from peerdesk.services import exchange

    with open_store(args.path) as store:
        report = exchange.import_from(store, Path(args.bundle))
    print(report.summary)
    return 0


def cmd_bundle_inspect(args: argparse.Namespace) -> int:
    from peerdesk.services import exchange

    facts = exchange.inspect(Path(args.bundle))
    if args.json:  # JSON escapes every control and non-ASCII character itself
        print(json.dumps(facts, sort_keys=True))
    else:  # the sender chose these strings: escaped and capped before they reach the terminal
        for key in ("sender", "created", "expires", "size", "review_id", "bundle_id"):
            print(f"{key:<10} {exchange.shown(facts[key])}")
    return 0


def _add_sharing_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("card", help="write my member card (name, role, public keys) to a file")
    p.add_argument("path")
    p.add_argument("out", metavar="OUT.card")
    p.set_defaults(handler=cmd_card)

    p = sub.add_parser("team", help="manage the team (lead)")
    team_sub = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    q = team_sub.add_parser("add", help="add a member from their card; prints the fingerprint to compare")
    q.add_argument("path")
    q.add_argument("card", metavar="CARD")
    q.set_defaults(handler=cmd_team_add)

    p = sub.add_parser("invite", help="write a signed invitation to join this review (lead)")
    p.add_argument("path")
    p.add_argument("out", metavar="OUT.invite")
    p.set_defaults(handler=cmd_invite)

    p = sub.add_parser("join", help="make my own file of a review from the lead's invitation")
    p.add_argument("invite", metavar="INVITE")
    p.add_argument("path")
    p.add_argument("--me", required=True, help="your name")
    p.add_argument("--role", choices=ROLES, default="reviewer")
    p.set_defaults(handler=cmd_join)

    p = sub.add_parser("bundle", help="export, import or inspect a .pdbundle")
    bundle_sub = p.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    q = bundle_sub.add_parser("export", help="write what the team may lack of my shared records, encrypted to them")
    q.add_argument("path")
    q.add_argument("out", metavar="OUT.pdbundle")
    q.add_argument(
        "--full", action="store_true", help="send everything, not only what changed (a new member, a lost email)"
    )
    q.set_defaults(handler=cmd_bundle_export)
    q = bundle_sub.add_parser("import", help="check and merge a colleague's bundle")
    q.add_argument("path")
    q.add_argument("bundle", metavar="IN.pdbundle")
    q.set_defaults(handler=cmd_bundle_import)
    q = bundle_sub.add_parser("inspect", help="who sent a bundle, when, until when, how big (no key needed)")
    q.add_argument("bundle", metavar="IN.pdbundle")
    q.add_argument("--json", action="store_true", help="one JSON object")
    q.set_defaults(handler=cmd_bundle_inspect)


def cmd_export_pptx(args: argparse.Namespace) -> int:
    from peerdesk.export import presentation

    with open_store(args.path) as store:
        template = Path(args.template) if args.template else None
        for finding in presentation.preflight(store, template if template is None or template.is_file() else None):
            print(f"Pre-flight: {finding.message}")
        try:
            deck = presentation.prepare(store)
        except presentation.UndecidedQuotes as exc:
            if args.flagged == "refuse":
                raise CliError(f"{exc} (or pass --flagged keep or --flagged leave-out)") from None
            decision = {"keep": exc.quote_ids} if args.flagged == "keep" else {"leave_out": exc.quote_ids}
            deck = presentation.prepare(store, **decision)
            print(f"{len(exc.quote_ids)} flagged quote(s): {'kept' if args.flagged == 'keep' else 'left out'}.")
    from peerdesk.export import pptx

    out = pptx.build(
        deck, Path(args.out), template=Path(args.template) if args.template else None, handout=not args.no_handout
    )
    print(f"Wrote {out}: {len(deck.insights)} insights, {len(deck.themes)} themes.")
    return 0


def cmd_workshop_export(args: argparse.Namespace) -> int:
    from peerdesk.export import workshop_pptx, workshop_summary
    from peerdesk.services import review as review_service
    from peerdesk.services import survey, workshop

    with open_store(args.path) as store:
        outcome = workshop.outcome(store)
        results = survey.results(store)
        summary = review_service.summary(store)
    added = workshop_pptx.export(
        outcome, Path(args.out), append_to=args.append_to, survey=results if results.respondents else None
    )
    print(f"Wrote {added} workshop slides to {args.out}")
    if args.summary:
        workshop_summary.write(outcome, Path(args.summary), summary.title, summary.visit_end)
        print(f"Wrote the one-page summary to {args.summary}")
    return 0


def cmd_survey_items(args: argparse.Namespace) -> int:
    from peerdesk.services import survey

    with open_store(args.path) as store:
        count = survey.import_items(store, Path(args.csv)).count
    print(f"Added {count} survey items")
    return 0


def cmd_survey_starter(args: argparse.Namespace) -> int:
    from peerdesk.services import survey_starter

    with open_store(args.path) as store:
        count = survey_starter.add_starter_items(store).count
    print(f"Added {count} starter survey items")
    return 0


def cmd_survey_import(args: argparse.Namespace) -> int:
    from peerdesk.services import survey

    with open_store(args.path) as store:
        count = survey.import_responses(store, Path(args.csv)).count
        teams = len(survey.results(store).teams)
    print(f"Imported {count} survey responses from {teams} teams")
    return 0


def cmd_survey_results(args: argparse.Namespace) -> int:
    from peerdesk.services import survey

    with open_store(args.path) as store:
        results = survey.results(store)
    table = {team: [None if m is None else round(m, 2) for m in results.means[team]] for team in results.teams}
    if args.json:
        scales = [list(i.scale) for i in results.items]
        out = {"items": len(results.items), "counts": results.counts, "means": table, "scales": scales}
        print(json.dumps(out, sort_keys=True))
    else:
        print(f"Scale: {results.describe_scale()}")
        for team in results.teams:
            cells = " ".join("  - " if m is None else f"{m:4.1f}" for m in table[team])
            print(f"{team} ({results.counts[team]}): {cells}")
    return 0


def cmd_survey_scale(args: argparse.Namespace) -> int:
    from peerdesk.services import survey

    with open_store(args.path) as store:
        survey.set_scale(store, args.low, args.high)
        count = len(survey.items(store))
    print(f"All {count} survey items are now scored from {args.low} (the left statement) to {args.high} (the right)")
    return 0


def cmd_wall(args: argparse.Namespace) -> int:
    from peerdesk.services import wall

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".png", ".svg", ".csv"):
        raise CliError(f"Say what to write with the file name: OUT.png, OUT.svg or OUT.csv (not {suffix or 'none'}).")
    if not out.parent.exists():
        raise CliError(f"The folder {out.parent} does not exist.")
    with open_store(args.path) as store:
        if suffix == ".csv":
            rows = wall.export_csv(store, out)
            print(f"Wrote {rows} rows to {out}")
        else:
            from peerdesk.ui.wall.render import render_review

            size = render_review(store, out, args.mode)
            print(f"Wrote the wall ({size.width()}×{size.height()}) to {out}")
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"Write the print to a .pdf file (not {out.suffix or 'a name without one'}).")
    with open_store(args.path) as store:
        from peerdesk.ui.kit.printing import write_headless  # Qt's text engine lays the pages out

        document = write_headless(store, args.what, out, paper=args.paper, view=args.by)
    print(f"Wrote {args.what} to {out}: {len(document.pages)} sheet(s) on {args.paper} paper")
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


def cmd_smoke_test(args: argparse.Namespace) -> int:
    from peerdesk.ui.shell.smoke import smoke_test

    if args.review is None:
        return smoke_test(show=args.show)
    return smoke_test(Path(args.review), read_passphrase(), show=args.show)


Handler = Callable[[argparse.Namespace], int]


def _add_print_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from peerdesk.export.print_names import NAMES

    p = sub.add_parser("print", help="write the visit's paperwork as a PDF (timetable, interview sheets, ...)")
    p.add_argument("path")
    p.add_argument("what", choices=NAMES, metavar="WHAT", help=f"one of: {', '.join(NAMES)}")
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--paper", choices=("A4", "Letter"), default="A4", help="the paper size (default A4)")
    p.add_argument(
        "--by",
        choices=("whole", "team", "person"),
        default="whole",
        help="the timetable as one grid, a page per team or a page per person (default whole)",
    )
    p.set_defaults(handler=cmd_print)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peerdesk",
        description="peerdesk: the peer challenge team's encrypted workspace. Without a command, starts the app.",
        epilog=f"The passphrase is read from {PASSPHRASE_ENV} when set, otherwise asked for.",
    )
    parser.add_argument("--version", action="version", version=f"peerdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("new", help="create a new review file")
    p.add_argument("path")
    p.add_argument("--authority", required=True, help="the host authority")
    p.add_argument("--focus", default="", help="the area of focus")
    p.add_argument("--me", required=True, help="your name")
    p.add_argument("--role", choices=ROLES, default="lead")
    p.add_argument("--visit-start", type=_date, help="Day 1 (YYYY-MM-DD)")
    p.add_argument("--visit-end", type=_date, help="Day 2 (YYYY-MM-DD)")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("demo", help="write the fictional demo review")
    p.add_argument("path")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("info", help="print a review's summary and counts")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("search", help="find words in the notes and quotes")
    p.add_argument("path")
    p.add_argument("query", help='words to find (all of them); "quoted words" for a phrase')
    p.add_argument("--limit", type=int, default=50, help="at most this many hits (default 50)")
    p.add_argument("--json", action="store_true", help="a JSON list: kind, interview, stakeholder group, snippet")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("timetable", help="import or export the Day 1 timetable as CSV")
    p.add_argument("action", choices=("import", "export"))
    p.add_argument("path")
    p.add_argument("csv", help="the CSV file to read or write")
    p.set_defaults(handler=cmd_timetable)

    _add_sharing_commands(sub)
    p = sub.add_parser("export-pptx", help="build the presentation (.pptx)")
    p.add_argument("path")
    p.add_argument("out", help="the .pptx file to write")
    p.add_argument("--template", help="your own .pptx template (its layouts are used)")
    p.add_argument(
        "--flagged",
        choices=("refuse", "keep", "leave-out"),
        default="refuse",
        help="what to do with chosen quotes the confidentiality check flags and nobody has decided on",
    )
    p.add_argument("--no-handout", action="store_true", help="leave out the workshop handout slides")
    p.set_defaults(handler=cmd_export_pptx)

    p = sub.add_parser("workshop-export", help="write the workshop's outcome as slides (and a one-page summary)")
    p.add_argument("path")
    p.add_argument("out", help="the .pptx to write")
    p.add_argument("--append-to", metavar="PRESENTATION", help="add the slides after this presentation's own")
    p.add_argument("--summary", metavar="HTML", help="also write a printable one-page summary here")
    p.set_defaults(handler=cmd_workshop_export)

    p = sub.add_parser("survey", help="the optional leadership-of-change survey")
    survey_sub = p.add_subparsers(dest="survey_command", metavar="ACTION", required=True)
    q = survey_sub.add_parser("items", help="add items from a CSV with the header left,right (or left,right,low,high)")
    q.add_argument("path")
    q.add_argument("csv")
    q.set_defaults(handler=cmd_survey_items)
    q = survey_sub.add_parser("starter", help="add peerdesk's starter set of statement pairs (skips those present)")
    q.add_argument("path")
    q.set_defaults(handler=cmd_survey_starter)
    q = survey_sub.add_parser("import", help="import responses: a team column, then one score column per item")
    q.add_argument("path")
    q.add_argument("csv")
    q.set_defaults(handler=cmd_survey_import)
    q = survey_sub.add_parser("results", help="print each team's mean score per item")
    q.add_argument("path")
    q.add_argument("--json", action="store_true", help="one JSON object")
    q.set_defaults(handler=cmd_survey_results)
    q = survey_sub.add_parser("scale", help="score every item from LOW (the left statement) to HIGH (the right)")
    q.add_argument("path")
    q.add_argument("low", type=int, metavar="LOW")
    q.add_argument("high", type=int, metavar="HIGH")
    q.set_defaults(handler=cmd_survey_scale)

    p = sub.add_parser("wall", help="export the post-it wall as a picture (PNG, SVG) or a table (CSV)")
    p.add_argument("path")
    p.add_argument("out", help="OUT.png, OUT.svg or OUT.csv")
    p.add_argument("--mode", choices=("day2", "evening"), default="day2", help="the canvas of themes or the sheets")
    p.set_defaults(handler=cmd_wall)

    _add_print_command(sub)

    p = sub.add_parser("checklist", help="the lead-in checklist: each step, its owner, due date and whether done")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="a JSON list of the steps")
    p.add_argument("--ics", metavar="OUT.ics", help="write the steps still to do as calendar reminders")
    p.set_defaults(handler=cmd_checklist)

    p = sub.add_parser(
        "smoke-test",
        help="check this installation: open the demo review in an invisible window, close it, exit 0",
    )
    p.add_argument("--review", metavar="PATH", help="open this review instead of a fresh demo")
    p.add_argument("--show", action="store_true", help="use the real screen instead of an invisible one")
    p.set_defaults(handler=cmd_smoke_test)

    p = sub.add_parser(
        "purge",
        help="delete a review's interview records for good (after the follow-up visit)",
        description="Delete the notes, quotes, post-its, themes, question ticks and scale answers, and the "
        "backups that hold them; keep the summary and insights. Then rewrite the file so nothing deleted can "
        "be recovered from it.",
    )
    p.add_argument("path")
    p.add_argument("--now", action="store_true", help="even if the retention date has not passed")
    p.set_defaults(handler=cmd_purge)

    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    log = _start_logging()
    try:
        code = handler(args)
        log.info("command %s done", args.command)
        return code
    except (PeerdeskError, CliError) as exc:
        log.info("command %s refused: %s", args.command, type(exc).__name__)
        print(f"peerdesk: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file the command reads or writes: permissions, a full disk, a missing folder
        log.info("command %s refused: %s", args.command, type(exc).__name__)
        print(f"peerdesk: {file_problem(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("peerdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so in one line, keep the details in the log only
        log.exception("unexpected error in %s", args.command)
        print(f"peerdesk: unexpected error ({type(exc).__name__}); see the log for details", file=sys.stderr)
        return 1


def file_problem(exc: OSError) -> str:
    """One sentence for a file the system would not let us read or write."""
    where = exc.filename or "a file"
    if isinstance(exc, PermissionError):
        return f"No permission to use {where}: check its permissions (or copy it somewhere you own)."
    if isinstance(exc, FileNotFoundError):
        return f"There is no file or folder at {where}."
    if isinstance(exc, IsADirectoryError):
        return f"{where} is a folder, not a file."
    if exc.errno == errno.EROFS:
        return f"{where} is on a read-only disk."
    if exc.errno == errno.ENOSPC:
        return f"The disk holding {where} is full; nothing was changed that could not be finished."
    return f"Could not use {where}: {exc.strerror or type(exc).__name__}."


def _start_logging() -> logging.Logger:
    import logging

    from peerdesk.logs import setup_logging

    with contextlib.suppress(OSError):  # a read-only home must not stop a headless command
        setup_logging()
    return logging.getLogger("peerdesk.cli")


__all__ = ["UserError", "main"]
