"""The sharing commands, run as a script would: invite, join, card, team add, bundle export/inspect/import, info."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerdesk.cli.app import main
from tests.helpers.exchange import PASSPHRASE, visit_start


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_whole_sharing_round_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    lead, sam = str(tmp_path / "lead.peerdesk"), str(tmp_path / "sam.peerdesk")
    start = visit_start().isoformat()
    assert run(capsys, "new", lead, "--authority", "Westfold", "--me", "Alex Lead", "--visit-start", start)[0] == 0

    code, out, _ = run(capsys, "invite", lead, str(tmp_path / "a.invite"))
    assert code == 0 and "fingerprint" in out
    code, out, _ = run(capsys, "join", str(tmp_path / "a.invite"), sam, "--me", "Sam Okafor", "--role", "observer")
    assert code == 0 and "The lead, Alex Lead, has fingerprint" in out

    code, out, _ = run(capsys, "card", sam, str(tmp_path / "sam.card"))
    sam_fingerprint = out.rsplit("fingerprint ", 1)[1].strip()
    code, out, _ = run(capsys, "team", "add", lead, str(tmp_path / "sam.card"))
    assert code == 0 and out.strip().endswith(sam_fingerprint)

    bundle = str(tmp_path / "lead.pdbundle")
    code, out, _ = run(capsys, "bundle", "export", lead, bundle)
    assert code == 0 and "Sam Okafor" in out and out.endswith("Sending everything.\n")
    code, out, _ = run(capsys, "bundle", "inspect", bundle, "--json")
    facts = json.loads(out)
    assert facts["sender"] == "Alex Lead" and facts["size"] == Path(bundle).stat().st_size
    code, out, _ = run(capsys, "bundle", "inspect", bundle)
    assert "sender" in out and "expires" in out

    code, out, _ = run(capsys, "bundle", "import", sam, bundle)
    assert code == 0 and out.startswith("Alex Lead:")

    digests = []
    for path in (lead, sam):
        code, out, _ = run(capsys, "info", path, "--json")
        digests.append(json.loads(out)["content_digest"])
    assert digests[0] == digests[1] and len(digests[0]) == 64

    # Until Sam answers, nothing is assumed received; once Sam's bundle says what Sam has, the next carries only
    # what Sam may lack; --full sends everything again.
    code, out, _ = run(capsys, "bundle", "export", lead, str(tmp_path / "again.pdbundle"))
    assert code == 0 and out.endswith("Sending everything.\n")
    assert run(capsys, "bundle", "export", sam, str(tmp_path / "sam.pdbundle"))[0] == 0
    assert run(capsys, "bundle", "import", lead, str(tmp_path / "sam.pdbundle"))[0] == 0
    code, out, _ = run(capsys, "bundle", "export", lead, str(tmp_path / "next.pdbundle"))
    assert code == 0 and out.endswith("Nothing new for your colleagues.\n")
    code, out, _ = run(capsys, "bundle", "export", lead, str(tmp_path / "all.pdbundle"), "--full")
    assert code == 0 and out.endswith("Sending everything.\n")
    assert Path(tmp_path / "all.pdbundle").stat().st_size > Path(tmp_path / "next.pdbundle").stat().st_size

    code, _, err = run(capsys, "bundle", "import", lead, str(tmp_path / "sam.card"))
    assert code == 2 and err.startswith("peerdesk: This is not a peerdesk bundle")
    code, _, err = run(capsys, "team", "add", sam, str(tmp_path / "sam.card"))
    assert code == 2 and "own card" in err
