"""Commands that write what the team hands out: the presentation, the workshop's slides, the wall, the paperwork.

``wall`` (to a picture) and ``print`` lay things out with Qt, and ``smoke-test`` opens the window: each imports Qt
only when it runs, so the other commands never load it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from peerdesk.cli.common import CliError, Commands, command, open_store, read_passphrase
from peerdesk.services.plural import count


def cmd_export_pptx(args: argparse.Namespace) -> int:
    from peerdesk.export import presentation
    from peerdesk.export.content import UndecidedQuotes

    with open_store(args.path) as store:
        template = Path(args.template) if args.template else None
        for finding in presentation.preflight(store, template if template is None or template.is_file() else None):
            print(f"Pre-flight: {finding.message}")
        try:
            deck = presentation.prepare(store)
        except UndecidedQuotes as exc:
            if args.flagged == "refuse":
                raise CliError(f"{exc} (or pass --flagged keep or --flagged leave-out)") from None
            decision = {"keep": exc.quote_ids} if args.flagged == "keep" else {"leave_out": exc.quote_ids}
            deck = presentation.prepare(store, **decision)
            print(f"{len(exc.quote_ids)} flagged quote(s): {'kept' if args.flagged == 'keep' else 'left out'}.")
    from peerdesk.export import pptx

    out = pptx.build(deck, Path(args.out), template=template, handout=not args.no_handout)
    print(f"Wrote {out}: {count(len(deck.insights), 'insight')}, {count(len(deck.themes), 'theme')}.")
    return 0


def cmd_workshop_export(args: argparse.Namespace) -> int:
    from peerdesk.export import content, workshop_pptx, workshop_summary
    from peerdesk.services import review as review_service
    from peerdesk.services import survey, workshop_outcome

    with open_store(args.path) as store:
        outcome = workshop_outcome.outcome(store)
        results = survey.results(store)
        summary = review_service.summary(store)
    date = content.format_dates(summary.visit_end, "")  # "6 December 2026", on the slides and the summary alike
    added = workshop_pptx.export(
        outcome,
        Path(args.out),
        append_to=args.append_to,
        survey=results if results.respondents else None,
        template=args.template,
        heading=summary.title,
        date=date,
    )
    print(f"Wrote {added} workshop slides to {args.out}")
    if args.summary:
        workshop_summary.write(outcome, Path(args.summary), summary.title, date)
        print(f"Wrote the one-page summary to {args.summary}")
    if args.full_record:
        workshop_summary.write(outcome, Path(args.full_record), summary.title, date, full=True)
        print(f"Wrote the full record to {args.full_record}")
    return 0


def cmd_wall(args: argparse.Namespace) -> int:
    from peerdesk.services import wall_csv

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".png", ".svg", ".csv"):
        raise CliError(f"Say what to write with the file name: OUT.png, OUT.svg or OUT.csv (not {suffix or 'none'}).")
    if not out.parent.exists():
        raise CliError(f"The folder {out.parent} does not exist.")
    with open_store(args.path) as store:
        if suffix == ".csv":
            rows = wall_csv.export_csv(store, out)
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


def cmd_smoke_test(args: argparse.Namespace) -> int:
    from peerdesk.ui.shell.smoke import smoke_test

    if args.review is None:
        return smoke_test(show=args.show)
    return smoke_test(Path(args.review), read_passphrase(), show=args.show)


def add_commands(commands: Commands) -> None:
    p = command(commands, "export-pptx", cmd_export_pptx, "build the presentation (.pptx)", "path")
    p.add_argument("out", help="the .pptx file to write")
    p.add_argument("--template", help="your own .pptx template (its layouts are used)")
    p.add_argument(
        "--flagged",
        choices=("refuse", "keep", "leave-out"),
        default="refuse",
        help="what to do with chosen quotes the confidentiality check flags and nobody has decided on",
    )
    p.add_argument("--no-handout", action="store_true", help="leave out the workshop handout slides")

    help = "write the workshop's outcome as slides (and a one-page summary)"
    p = command(commands, "workshop-export", cmd_workshop_export, help, "path")
    p.add_argument("out", help="the .pptx to write")
    p.add_argument("--append-to", metavar="PRESENTATION", help="add the slides after this presentation's own")
    p.add_argument("--template", help="on their own: your .pptx template (peerdesk's when not given)")
    p.add_argument("--summary", metavar="HTML", help="also write a printable one-page summary here")
    p.add_argument("--full-record", metavar="HTML", help="also write the full record (every word, several pages)")

    help = "export the post-it wall as a picture (PNG, SVG) or a table (CSV)"
    p = command(commands, "wall", cmd_wall, help, "path")
    p.add_argument("out", help="OUT.png, OUT.svg or OUT.csv")
    p.add_argument("--mode", choices=("day2", "evening"), default="day2", help="the canvas of themes or the sheets")

    _add_print_command(commands)

    help = "check this installation: open the demo review in an invisible window, close it, exit 0"
    p = command(commands, "smoke-test", cmd_smoke_test, help)
    p.add_argument("--review", metavar="PATH", help="open this review instead of a fresh demo")
    p.add_argument("--show", action="store_true", help="use the real screen instead of an invisible one")


def _add_print_command(commands: Commands) -> None:
    from peerdesk.export.print_names import NAMES

    help = "write the visit's paperwork as a PDF (timetable, interview sheets, ...)"
    p = command(commands, "print", cmd_print, help, "path")
    p.add_argument("what", choices=NAMES, metavar="WHAT", help=f"one of: {', '.join(NAMES)}")
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--paper", choices=("A4", "Letter"), default="A4", help="the paper size (default A4)")
    p.add_argument(
        "--by",
        choices=("whole", "team", "person"),
        default="whole",
        help="the timetable as one grid, a page per team or a page per person (default whole)",
    )
