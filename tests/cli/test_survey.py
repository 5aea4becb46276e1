"""``peerdesk survey items|starter|import|scale|results``: the survey headless, all or nothing on a bad CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerdesk.cli.app import main
from peerdesk.store.engine import Store


@pytest.fixture
def review_file(store: Store, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    store.close()
    monkeypatch.setenv("PEERDESK_PASSPHRASE", passphrase)
    return store.path


def write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def test_items_scale_responses_then_results(
    review_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(review_file)
    assert main(["survey", "items", path, write(tmp_path, "items.csv", "left,right\nWe plan,We react\nA,B\n")]) == 0
    assert capsys.readouterr().out.strip() == "Added 2 survey items"
    assert main(["survey", "scale", path, "1", "7"]) == 0
    assert "All 2 survey items are now scored from 1" in capsys.readouterr().out
    responses = write(tmp_path, "responses.csv", "team,1,2\nNorth,2,6\nNorth,4,6\nSouth,7,1\n")
    assert main(["survey", "import", path, responses]) == 0
    assert capsys.readouterr().out.strip() == "Imported 3 survey responses from 2 teams"
    assert main(["survey", "results", path, "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results["items"] == 2 and results["counts"] == {"North": 2, "South": 1}
    assert results["means"] == {"North": [3.0, 6.0], "South": [7.0, 1.0]}
    assert results["scales"] == [[1, 7], [1, 7]]


def test_a_score_off_the_scale_is_one_line_and_imports_nothing(
    review_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(review_file)
    assert main(["survey", "items", path, write(tmp_path, "items.csv", "left,right\nWe plan,We react\n")]) == 0
    assert main(["survey", "scale", path, "1", "5"]) == 0
    capsys.readouterr()
    assert main(["survey", "import", path, write(tmp_path, "bad.csv", "team,1\nNorth,3\nSouth,9\n")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("peerdesk: ") and err.count("\n") == 1
    assert main(["survey", "results", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"] == {}
