"""The SQL of the batch ledger: its schema, records as rows, and guarded transactions.

Everything that knows SQLite's vocabulary lives here; `ledger.BatchLedger` only calls it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Final

from .errors import LedgerError
from .records import ItemRecord, ItemState, Resubmission

__all__ = [
    "COLUMNS",
    "FORMAT",
    "SAVE",
    "SCHEMA",
    "SELECT",
    "Guard",
    "Transaction",
    "ledger_error",
    "record",
    "row",
]

#: The layout version written to new ledgers; others are refused rather than misread.
FORMAT: Final = "1"

SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    position INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    submissions INTEGER NOT NULL,
    resubmissions INTEGER NOT NULL,
    resubmitted TEXT,
    response_id TEXT,
    poll_url TEXT,
    submitted_at REAL,
    outputs TEXT,
    error TEXT,
    finished_at REAL
);
"""
COLUMNS: Final = (
    "position, key, state, submissions, resubmissions, resubmitted, response_id, poll_url, "
    "submitted_at, outputs, error, finished_at"
)
# The column list is a constant of this module; every value goes through a parameter. An
# upsert on the position (not INSERT OR REPLACE, which would delete another row holding the
# same key) lets a repeated key fail on the UNIQUE constraint.
SAVE: Final = (
    f"INSERT INTO items ({COLUMNS}) VALUES ({', '.join('?' * 12)}) "  # noqa: S608
    "ON CONFLICT (position) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in COLUMNS.split(", ")[1:])
)
SELECT: Final = f"SELECT {COLUMNS} FROM items"  # noqa: S608


def dump(value: Mapping[str, Any] | None) -> str | None:
    """Compact JSON text, or None."""
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def row(record: ItemRecord) -> tuple[Any, ...]:
    """The columns of a record, in `COLUMNS` order."""
    return (
        record.position,
        record.key,
        record.state.value,
        record.submissions,
        record.resubmissions,
        record.resubmitted.value if record.resubmitted else None,
        record.response_id,
        record.poll_url,
        record.submitted_at,
        dump(record.outputs),
        dump(record.error),
        record.finished_at,
    )


def record(row: Sequence[Any]) -> ItemRecord:
    """The record a row of `SELECT` holds."""
    return ItemRecord(
        position=row[0],
        key=row[1],
        state=ItemState(row[2]),
        submissions=row[3],
        resubmissions=row[4],
        resubmitted=Resubmission(row[5]) if row[5] else None,
        response_id=row[6],
        poll_url=row[7],
        submitted_at=row[8],
        outputs=json.loads(row[9]) if row[9] is not None else None,
        error=json.loads(row[10]) if row[10] is not None else None,
        finished_at=row[11],
    )


def ledger_error(path: Path, action: str, error: sqlite3.Error) -> LedgerError:
    """The `LedgerError` for an SQLite error met while doing `action` to the ledger at `path`."""
    return LedgerError(f"cannot {action} the batch ledger {path}: {error}")


class Guard:
    """Turns SQLite's errors into `LedgerError`, naming the file and the action."""

    def __init__(self, path: Path, action: str) -> None:
        self._path = path
        self._action = action

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.IntegrityError):
            raise ledger_error(self._path, self._action, exc) from None


class Transaction(Guard):
    """One write transaction: committed on success, rolled back on any exception."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        super().__init__(path, "write")
        self._db = db

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise ledger_error(self._path, "write", exc) from None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                self._db.execute("ROLLBACK")
                raise ledger_error(self._path, "write", error) from None
            return
        self._db.execute("ROLLBACK")
        super().__exit__(exc_type, exc, tb)
