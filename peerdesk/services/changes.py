"""What an operation changed, so each view refreshes only what concerns it (the idea is Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """The shared tables an operation wrote to (their ``__tablename__``), and the ids it touched."""

    tables: frozenset[str] = frozenset()
    ids: frozenset[str] = field(default=frozenset())

    @classmethod
    def of(cls, *tables: str, ids: tuple[str, ...] | list[str] = ()) -> Changes:
        return cls(frozenset(tables), frozenset(ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.ids | other.ids)

    def __contains__(self, table: object) -> bool:
        return table in self.tables or EVERYTHING_TABLES in self.tables

    def __bool__(self) -> bool:
        return bool(self.tables)

    def touches(self, *tables: str) -> bool:
        return any(t in self for t in tables)


NOTHING = Changes()
EVERYTHING_TABLES = "*"
# Narrower than a table: what the autosave of typing changes. The note's own editor already shows both, so a view
# that does not show a note's text or where its quotes sit (the quotes list, the insights) has nothing to reload.
NOTE_TEXT = "note_text"  # the text of the notes in ``ids``, as their editor typed it
QUOTE_PLACES = "quote_places"  # where the quotes in ``ids`` sit in their note's text (moved by typing around them)


def everything() -> Changes:
    """After an import or a restore: every view reloads."""
    return Changes(frozenset({EVERYTHING_TABLES}))
