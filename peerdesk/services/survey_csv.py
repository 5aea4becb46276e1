"""The survey from CSV files: items (``left,right`` or ``left,right,low,high``) and the teams' responses.

Both files are untrusted input, read within limits (size, rows) and checked whole before anything is written: every
problem is reported with its row number, and a file with any problem changes nothing. A responses file has a header
row with a ``team`` column and one column per item, in the items' order; then one row per respondent. A blank score
means the item was skipped. Importing responses replaces those of an earlier import (a survey is imported whole,
not added to).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
from pathlib import Path

from peerdesk.errors import UserError
from peerdesk.files import read_at_most, reason
from peerdesk.services import survey
from peerdesk.services.changes import Changes
from peerdesk.services.survey import Imported, Scale
from peerdesk.store.engine import Store
from peerdesk.store.models import SurveyResponse
from peerdesk.store.uow import UnitOfWork

MAX_BYTES = 5_000_000
MAX_ROWS = 20_000
MAX_ERRORS_SHOWN = 8
TEAM_COLUMN = "team"


class SurveyFileError(UserError):
    """A survey CSV was refused; nothing was imported. ``problems`` lists each one with its row number."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:MAX_ERRORS_SHOWN])
        more = f" (and {len(problems) - MAX_ERRORS_SHOWN} more)" if len(problems) > MAX_ERRORS_SHOWN else ""
        super().__init__(f"Nothing was imported from {path}: {shown}{more}.")


def import_items(store: Store, path: Path | str) -> Imported:
    """Add items from a CSV, one per row, all or nothing. The header is ``left,right`` or ``left,right,low,high``.

    A row that leaves its ``low`` and ``high`` blank (or a file without them) takes the survey's scale: the one its
    items share, else the default.
    """
    rows = read_csv(path)
    header = [h.strip().lower() for h in rows[0]]
    while header and not header[-1]:
        header.pop()
    if header not in (["left", "right"], ["left", "right", "low", "high"]):
        raise SurveyFileError(str(path), ["row 1 must be the header “left,right” or “left,right,low,high”"])
    width = len(header)
    fallback = survey.survey_scale(store)
    problems: list[str] = []
    parsed: list[tuple[str, str, Scale]] = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cells = [c.strip() for c in row] + ["", "", "", ""]
        if len(row) > width and any(c.strip() for c in row[width:]):
            problems.append(f"row {n} has more than {'two statements' if width == 2 else 'two statements and a scale'}")
        elif not cells[0] or not cells[1]:
            problems.append(f"row {n} needs both statements")
        elif not cells[2] and not cells[3]:
            parsed.append((cells[0], cells[1], fallback))
        else:
            try:
                scale = survey.check_scale(_whole(cells[2]), _whole(cells[3]))
            except UserError as exc:
                problems.append(f"row {n}, “{cells[2][:10]}” to “{cells[3][:10]}”: {_lower_first(str(exc))}")
            else:
                parsed.append((cells[0], cells[1], scale))
    if not parsed and not problems:
        problems.append("there are no items after the header")
    if problems:
        raise SurveyFileError(str(path), problems)
    return survey.add_items(store, parsed)


def _whole(cell: str) -> int | str:
    """A CSV cell as a whole number when it is one (``7`` or ``7.0``); else the text, for check_scale to refuse."""
    try:
        value = float(cell)
    except ValueError:
        return cell
    return int(value) if math.isfinite(value) and value == int(value) else cell


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:].rstrip(".")


# --- responses ---------------------------------------------------------------------------------------------------


def import_responses(store: Store, path: Path | str) -> Imported:
    """Replace the survey's responses with those in ``path``; returns how many respondents. All or nothing."""
    known = survey.items(store)
    if not known:
        raise UserError("Enter or import the survey's items first: each column of the file is scored against one.")
    rows = read_csv(path)
    header = [h.strip() for h in rows[0]]
    lowered = [h.lower() for h in header]
    if lowered.count(TEAM_COLUMN) != 1:
        raise SurveyFileError(str(path), ["row 1 (the header) must have exactly one “team” column"])
    team_at = lowered.index(TEAM_COLUMN)
    score_columns = [i for i in range(len(header)) if i != team_at]
    if len(score_columns) != len(known):
        raise SurveyFileError(
            str(path),
            [f"row 1 has {len(score_columns)} score columns but the survey has {len(known)} items"],
        )
    problems: list[str] = []
    parsed: list[tuple[str, list[float | None]]] = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            problems.append(f"row {n} has {len(row)} cells, the header has {len(header)}")
            continue
        team = row[team_at].strip()
        if not team:
            problems.append(f"row {n} has no team")
        scores: list[float | None] = []
        for col, item in zip(score_columns, known, strict=True):  # score columns follow the items' order
            cell = row[col].strip()
            if not cell:
                scores.append(None)
                continue
            try:
                value = float(cell)
            except ValueError:
                value = math.nan
            if not math.isfinite(value) or not item.low <= value <= item.high:
                problems.append(
                    f"row {n}, column “{header[col]}”: “{cell[:20]}” is not a score from {item.low} to {item.high}"
                )
            scores.append(value)
        if all(s is None for s in scores):
            problems.append(f"row {n} has no scores")
        parsed.append((team, scores))
    if not parsed and not problems:
        problems.append("there are no responses after the header")
    if problems:
        raise SurveyFileError(str(path), problems)
    with UnitOfWork(store) as uow:
        old = uow.query(SurveyResponse)
        for row_ in old:
            uow.delete(row_)
        ids = [uow.add(SurveyResponse, None, team=team, scores=json.dumps(scores)).id for team, scores in parsed]
        uow.commit()
    replaced = [r.id for r in old]
    return Imported(len(parsed), ids, replaced, Changes.of("survey_responses", ids=ids + replaced))


# --- reading untrusted CSV -----------------------------------------------------------------------------------------


def read_csv(path: Path | str) -> list[list[str]]:
    try:
        raw = read_at_most(Path(path), MAX_BYTES)
    except FileNotFoundError:
        raise UserError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a CSV file.") from None
    except (OSError, ValueError) as exc:  # no permission, not a plain file, a name no file can have
        raise UserError(f"Could not read {path}: {reason(exc)}.") from None
    if raw is None:
        raise SurveyFileError(str(path), [f"the file is larger than {MAX_BYTES // 1_000_000} MB"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SurveyFileError(str(path), ["it is not UTF-8 text (save it as “CSV UTF-8”)"]) from None
    # Spreadsheets in some locales save with semicolons; the header line tells which separator this file uses.
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        # No further than one row past the most a survey file may have: a file of blank lines is not kept whole.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        rows = list(itertools.islice(reader, MAX_ROWS + 2))
    except csv.Error as exc:
        raise SurveyFileError(str(path), [f"it is not readable as CSV ({exc})"]) from None
    if not rows or not any(c.strip() for c in rows[0]):
        raise SurveyFileError(str(path), ["it is empty (the first row must be the header)"])
    if len(rows) > MAX_ROWS + 1:
        raise SurveyFileError(str(path), [f"it has more than {MAX_ROWS} rows"])
    return rows
