"""The optional leadership-of-change survey: its items, its scale, the teams' responses and their means."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from peerdesk.cli.common import Commands, command, group, json_flag, open_store


def cmd_survey_items(args: argparse.Namespace) -> int:
    from peerdesk.services import survey_csv

    with open_store(args.path) as store:
        count = survey_csv.import_items(store, Path(args.csv)).count
    print(f"Added {count} survey items")
    return 0


def cmd_survey_starter(args: argparse.Namespace) -> int:
    from peerdesk.services import survey_starter

    with open_store(args.path) as store:
        count = survey_starter.add_starter_items(store).count
    print(f"Added {count} starter survey items")
    return 0


def cmd_survey_import(args: argparse.Namespace) -> int:
    from peerdesk.services import survey, survey_csv

    with open_store(args.path) as store:
        count = survey_csv.import_responses(store, Path(args.csv)).count
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


def add_commands(commands: Commands) -> None:
    survey = group(commands, "survey", "the optional leadership-of-change survey")
    help = "add items from a CSV with the header left,right (or left,right,low,high)"
    command(survey, "items", cmd_survey_items, help, "path", "csv")
    help = "add peerdesk's starter set of statement pairs (skips those present)"
    command(survey, "starter", cmd_survey_starter, help, "path")
    help = "import responses: a team column, then one score column per item"
    command(survey, "import", cmd_survey_import, help, "path", "csv")
    json_flag(command(survey, "results", cmd_survey_results, "print each team's mean score per item", "path"))
    help = "score every item from LOW (the left statement) to HIGH (the right)"
    p = command(survey, "scale", cmd_survey_scale, help, "path")
    p.add_argument("low", type=int, metavar="LOW")
    p.add_argument("high", type=int, metavar="HIGH")
