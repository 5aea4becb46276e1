"""What every command shares: the passphrase, dates, files the user names, and how a command is declared."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

import pytest

from peerdesk.cli.common import (
    MAX_TEXT_FILE,
    PASSPHRASE_ENV,
    CliError,
    command,
    group,
    json_flag,
    parse_date,
    read_passphrase,
    read_text,
)


def handler(args: argparse.Namespace) -> int:
    return 0


def test_the_passphrase_comes_from_the_environment_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "from the environment")
    assert read_passphrase(confirm=True) == "from the environment"


def test_no_passphrase_and_no_terminal_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CliError, match=PASSPHRASE_ENV):
        read_passphrase()


def test_dates_are_iso_or_refused_with_the_format_to_use() -> None:
    assert parse_date("2026-06-01") == dt.date(2026, 6, 1)
    with pytest.raises(argparse.ArgumentTypeError, match="YYYY-MM-DD"):
        parse_date("1 June")


def test_read_text_names_what_was_missing_or_wrong(tmp_path: Path) -> None:
    card = tmp_path / "sam.card"
    card.write_text("a card", encoding="utf-8")
    assert read_text(str(card), "member card") == "a card"
    with pytest.raises(CliError, match="There is no member card at"):
        read_text(str(tmp_path / "missing.card"), "member card")
    with pytest.raises(CliError, match="is not a member card"):
        read_text(str(tmp_path), "member card")
    (tmp_path / "binary.card").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CliError, match="is not an invitation"):
        read_text(str(tmp_path / "binary.card"), "invitation")
    (tmp_path / "huge.card").write_bytes(b"x" * (MAX_TEXT_FILE + 1))  # read no further than that
    with pytest.raises(CliError, match="far too big to be a member card"):
        read_text(str(tmp_path / "huge.card"), "member card")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_read_text_refuses_a_pipe_in_words_rather_than_wait_on_it_forever(tmp_path: Path) -> None:
    pipe = tmp_path / "sam.card"
    os.mkfifo(pipe)
    with pytest.raises(CliError, match=r"Could not read .*it is not a file"):
        read_text(str(pipe), "member card")


def test_command_declares_positionals_metavars_and_its_handler() -> None:
    parser = argparse.ArgumentParser(prog="peerdesk")
    commands = parser.add_subparsers(dest="command", required=True)
    json_flag(command(commands, "card", handler, "write my card", "path", "out:OUT.card"))
    args = parser.parse_args(["card", "review.peerdesk", "me.card", "--json"])
    assert (args.path, args.out, args.json, args.handler) == ("review.peerdesk", "me.card", True, handler)
    assert "OUT.card" in commands.choices["card"].format_usage()


def test_a_group_takes_actions_of_its_own_and_needs_one() -> None:
    parser = argparse.ArgumentParser(prog="peerdesk")
    commands = parser.add_subparsers(dest="command", required=True)
    bundle = group(commands, "bundle", "export, import or inspect a .pdbundle")
    command(bundle, "inspect", handler, "who sent it", "bundle:IN.pdbundle")
    args = parser.parse_args(["bundle", "inspect", "in.pdbundle"])
    assert (args.command, args.bundle_command, args.bundle) == ("bundle", "inspect", "in.pdbundle")
    with pytest.raises(SystemExit):
        parser.parse_args(["bundle"])
