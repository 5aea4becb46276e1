"""The optional leadership-of-change survey: items, responses imported from CSV, and per-team means.

Each item is a pair of opposite statements about how change is led; a respondent scores where their service sits
between them, from ``LOW`` (entirely the left statement) to ``HIGH`` (entirely the right). peerdesk ships no item
texts: the host's survey is theirs, entered by hand or imported.

The responses file is untrusted input. It has a header row with a ``team`` column and one column per item, in
the items' order; then one row per respondent. A blank score means the item was skipped. Every problem is
reported with its row number, and a file with any problem changes nothing. Importing replaces the responses of
an earlier import (a survey is imported whole, not added to).
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from peerdesk.errors import UserError
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.store.models import SurveyItem, SurveyResponse
from peerdesk.store.uow import UnitOfWork

LOW, HIGH = 1.0, 5.0
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


@dataclass(frozen=True)
class Imported:
    """What an import did: how many rows, the records it added and those it replaced (for undo)."""

    count: int
    added: list[str]
    replaced: list[str]
    changes: Changes


@dataclass(frozen=True)
class Item:
    id: str
    left: str
    right: str
    number: int  # 1-based


@dataclass(frozen=True)
class Results:
    items: list[Item]
    teams: list[str]  # sorted
    means: dict[str, list[float | None]]  # team → mean per item (None: nobody in the team answered it)
    counts: dict[str, int]  # team → respondents
    overall: list[float | None]

    @property
    def respondents(self) -> int:
        return sum(self.counts.values())


# --- items ---------------------------------------------------------------------------------------------------------


def items(store: Store) -> list[Item]:
    with store.session() as s:
        stmt = select(SurveyItem).where(SurveyItem.deleted.is_(False)).order_by(SurveyItem.position, SurveyItem.id)
        return [Item(i.id, i.left_text, i.right_text, n) for n, i in enumerate(s.scalars(stmt), start=1)]


def add_item(store: Store, left: str, right: str, *, item_id: str | None = None) -> tuple[str, Changes]:
    left, right = left.strip(), right.strip()
    if not left or not right:
        raise UserError("A survey item needs both of its opposite statements.")
    with UnitOfWork(store) as uow:
        existing = uow.session.get(SurveyItem, item_id) if item_id else None
        if existing is not None:
            uow.restore(existing)
            uow.update(existing, left_text=left, right_text=right)
            row = existing
        else:
            position = max((i.position for i in uow.query(SurveyItem)), default=0.0) + 1
            row = uow.add(SurveyItem, item_id, left_text=left, right_text=right, position=position)
        uow.commit()
        return row.id, Changes.of("survey_items", ids=[row.id])


def edit_item(store: Store, item_id: str, left: str, right: str) -> Changes:
    left, right = left.strip(), right.strip()
    if not left or not right:
        raise UserError("A survey item needs both of its opposite statements.")
    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(SurveyItem, item_id), left_text=left, right_text=right)
        uow.commit()
    return Changes.of("survey_items", ids=[item_id]) if changed else Changes()


def remove_item(store: Store, item_id: str) -> Changes:
    with UnitOfWork(store) as uow:
        uow.delete(uow.get(SurveyItem, item_id))
        uow.commit()
    return Changes.of("survey_items", ids=[item_id])


def import_items(store: Store, path: Path | str) -> Imported:
    """Add items from a CSV with a header row ``left,right`` and one item per row. All or nothing."""
    rows = _read_csv(path)
    header = [h.strip().lower() for h in rows[0]]
    if header[:2] != ["left", "right"]:
        raise SurveyFileError(str(path), ["row 1 must be the header “left,right”"])
    problems: list[str] = []
    pairs: list[tuple[str, str]] = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cells = [c.strip() for c in row] + ["", ""]
        if len(row) > 2 and any(c.strip() for c in row[2:]):
            problems.append(f"row {n} has more than two statements")
        elif not cells[0] or not cells[1]:
            problems.append(f"row {n} needs both statements")
        else:
            pairs.append((cells[0], cells[1]))
    if not pairs and not problems:
        problems.append("there are no items after the header")
    if problems:
        raise SurveyFileError(str(path), problems)
    with UnitOfWork(store) as uow:
        position = max((i.position for i in uow.query(SurveyItem)), default=0.0)
        ids = []
        for left, right in pairs:
            position += 1
            ids.append(uow.add(SurveyItem, None, left_text=left, right_text=right, position=position).id)
        uow.commit()
    return Imported(len(pairs), ids, [], Changes.of("survey_items", ids=ids))


# --- responses -----------------------------------------------------------------------------------------------------


def import_responses(store: Store, path: Path | str) -> Imported:
    """Replace the survey's responses with those in ``path``; returns how many respondents. All or nothing."""
    known = items(store)
    if not known:
        raise UserError("Enter or import the survey's items first: each column of the file is scored against one.")
    rows = _read_csv(path)
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
        for col in score_columns:
            cell = row[col].strip()
            if not cell:
                scores.append(None)
                continue
            try:
                value = float(cell)
            except ValueError:
                value = math.nan
            if not math.isfinite(value) or not LOW <= value <= HIGH:
                problems.append(
                    f"row {n}, column “{header[col]}”: “{cell[:20]}” is not a score from {LOW:g} to {HIGH:g}"
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


def show_only(store: Store, table: str, show: list[str], hide: list[str]) -> Changes:
    """Bring back ``show`` and tombstone ``hide`` (undo and redo of an import), in one transaction."""
    model: type[SurveyItem] | type[SurveyResponse] = SurveyItem if table == "survey_items" else SurveyResponse
    with UnitOfWork(store) as uow:
        for record_id in show:
            uow.restore(uow.get(model, record_id, include_deleted=True))
        for record_id in hide:
            uow.delete(uow.get(model, record_id, include_deleted=True))
        uow.commit()
    return Changes.of(table, ids=show + hide)


def clear_responses(store: Store) -> Changes:
    with UnitOfWork(store) as uow:
        old = uow.query(SurveyResponse)
        for row in old:
            uow.delete(row)
        uow.commit()
    return Changes.of("survey_responses", ids=[r.id for r in old])


def results(store: Store) -> Results:
    known = items(store)
    with store.session() as s:
        stmt = select(SurveyResponse).where(SurveyResponse.deleted.is_(False))
        rows = [(r.team, _scores(r.scores)) for r in s.scalars(stmt)]
    teams = sorted({team for team, _ in rows}, key=str.casefold)
    by_team: dict[str, list[list[float | None]]] = {t: [] for t in teams}
    for team, scores in rows:
        by_team[team].append(scores)
    means = {t: _means(by_team[t], len(known)) for t in teams}
    overall = _means([scores for _, scores in rows], len(known))
    return Results(known, teams, means, {t: len(by_team[t]) for t in teams}, overall)


def _scores(text: str) -> list[float | None]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    if not isinstance(value, list):
        return []
    return [float(v) if isinstance(v, int | float) else None for v in value]


def _means(rows: list[list[float | None]], width: int) -> list[float | None]:
    out: list[float | None] = []
    for i in range(width):
        values = [r[i] for r in rows if i < len(r) and r[i] is not None]
        out.append(sum(v for v in values if v is not None) / len(values) if values else None)
    return out


# --- reading untrusted CSV -----------------------------------------------------------------------------------------


def _read_csv(path: Path | str) -> list[list[str]]:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise SurveyFileError(str(path), [f"the file is larger than {MAX_BYTES // 1_000_000} MB"])
        raw = p.read_bytes()
    except FileNotFoundError:
        raise UserError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a CSV file.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SurveyFileError(str(path), ["it is not UTF-8 text (save it as “CSV UTF-8”)"]) from None
    # Spreadsheets in some locales save with semicolons; the header line tells which separator this file uses.
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise SurveyFileError(str(path), [f"it is not readable as CSV ({exc})"]) from None
    if not rows or not any(c.strip() for c in rows[0]):
        raise SurveyFileError(str(path), ["it is empty (the first row must be the header)"])
    if len(rows) > MAX_ROWS + 1:
        raise SurveyFileError(str(path), [f"it has more than {MAX_ROWS} rows"])
    return rows
