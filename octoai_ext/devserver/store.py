"""The platform's metadata in SQLite: a thin adapter that stores and finds records.

Decisions (statuses, filters, pages, transitions) are made by pure modules on the records
this answers; this module only moves records in and out of one database file, in WAL mode,
with one transaction per change.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final, TypeVar

from .records import AssetRecord, TuneRecord

__all__ = ["SCHEMA_VERSION", "PlatformStore"]

#: The version of the database layout (SQLite's ``user_version``).
SCHEMA_VERSION: Final = 1
_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS assets (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    name TEXT NOT NULL,
    asset_type TEXT NOT NULL,
    data TEXT NOT NULL,
    description TEXT NOT NULL,
    is_public INTEGER NOT NULL,
    status TEXT NOT NULL,
    status_details TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    created_at REAL NOT NULL,
    ready_at REAL,
    deleted_at REAL,
    url TEXT,
    hf_repo TEXT,
    upload_error TEXT,
    completed INTEGER NOT NULL,
    skip_validation INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS assets_live_names ON assets (tenant, name)
    WHERE deleted_at IS NULL;
CREATE TABLE IF NOT EXISTS tunes (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    name TEXT NOT NULL,
    tune_type TEXT NOT NULL,
    details TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    status_details TEXT NOT NULL,
    created_at REAL NOT NULL,
    running_at REAL NOT NULL,
    finishes_at REAL NOT NULL,
    fail_at REAL,
    fail_message TEXT,
    ended_at REAL,
    deleted_at REAL,
    checkpoint_id TEXT,
    engine TEXT,
    trigger_words TEXT NOT NULL,
    input_ids TEXT NOT NULL,
    rejected_ids TEXT NOT NULL,
    output_ids TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS tunes_live_names ON tunes (tenant, name)
    WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS tunes_unended ON tunes (finishes_at) WHERE status = 'pending';
"""

R = TypeVar("R", AssetRecord, TuneRecord)


def _to_row(record: AssetRecord | TuneRecord) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if isinstance(value, dict | tuple):
            value = json.dumps(value, separators=(",", ":"))
        elif isinstance(value, bool):
            value = int(value)
        row[field.name] = value
    return row


def _from_row(kind: type[R], row: sqlite3.Row) -> R:
    values: dict[str, Any] = {}
    for field in dataclasses.fields(kind):
        value = row[field.name]
        if field.type in ("dict[str, Any]",):
            value = json.loads(value)
        elif field.type.startswith("tuple"):
            value = tuple(json.loads(value))
        elif field.type == "bool":
            value = bool(value)
        values[field.name] = value
    return kind(**values)


class PlatformStore:
    """Assets and tunes in one SQLite database.

    Args:
        path: The database file; created with its tables when missing.
    """

    def __init__(self, path: Path) -> None:
        # One connection, used by the event loop's thread only; transactions are explicit.
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):
            raise RuntimeError(f"{path} has database layout {version}, not {SCHEMA_VERSION}")
        self._db.executescript(_SCHEMA)
        self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        self._depth = 0

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group changes: all are written, or none (nested uses join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def _insert(self, table: str, record: AssetRecord | TuneRecord) -> None:
        row = _to_row(record)
        names = ", ".join(row)
        marks = ", ".join(f":{name}" for name in row)
        self._db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", row)  # noqa: S608 - fixed names

    def _replace(self, table: str, record: AssetRecord | TuneRecord) -> None:
        row = _to_row(record)
        sets = ", ".join(f"{name} = :{name}" for name in row if name != "id")
        self._db.execute(f"UPDATE {table} SET {sets} WHERE id = :id", row)  # noqa: S608 - fixed names

    def _one(self, kind: type[R], sql: str, *args: Any) -> R | None:
        row = self._db.execute(sql, args).fetchone()
        return None if row is None else _from_row(kind, row)

    def _all(self, kind: type[R], sql: str, *args: Any) -> list[R]:
        return [_from_row(kind, row) for row in self._db.execute(sql, args)]

    def last_id(self, table: str) -> str | None:
        """The greatest id in ``assets`` or ``tunes``, if any."""
        if table not in {"assets", "tunes"}:
            raise ValueError(table)
        row = self._db.execute(f"SELECT max(id) FROM {table}").fetchone()  # noqa: S608 - checked
        return None if row[0] is None else str(row[0])

    # ---- assets ------------------------------------------------------------------------

    def add_asset(self, asset: AssetRecord) -> None:
        """Store a new asset.

        Raises:
            sqlite3.IntegrityError: Its id, or its name among its owner's live assets, is taken.
        """
        self._insert("assets", asset)

    def save_asset(self, asset: AssetRecord) -> None:
        """Store a changed asset."""
        self._replace("assets", asset)

    def asset(self, asset_id: str) -> AssetRecord | None:
        """The asset with this id, deleted or not."""
        return self._one(AssetRecord, "SELECT * FROM assets WHERE id = ?", asset_id)

    def live_asset(self, asset_id: str) -> AssetRecord | None:
        """The asset with this id unless it was deleted."""
        return self._one(
            AssetRecord, "SELECT * FROM assets WHERE id = ? AND deleted_at IS NULL", asset_id
        )

    def asset_named(self, tenant: str, name: str) -> AssetRecord | None:
        """The tenant's live asset of this name."""
        return self._one(
            AssetRecord,
            "SELECT * FROM assets WHERE tenant = ? AND name = ? AND deleted_at IS NULL",
            tenant,
            name,
        )

    def live_assets(self, tenant: str, *, public: bool) -> list[AssetRecord]:
        """The tenant's live assets, or with ``public`` every live public asset; oldest first."""
        if public:
            return self._all(
                AssetRecord,
                "SELECT * FROM assets WHERE is_public = 1 AND deleted_at IS NULL ORDER BY id",
            )
        return self._all(
            AssetRecord,
            "SELECT * FROM assets WHERE tenant = ? AND deleted_at IS NULL ORDER BY id",
            tenant,
        )

    # ---- tunes -------------------------------------------------------------------------

    def add_tune(self, tune: TuneRecord) -> None:
        """Store a new tune.

        Raises:
            sqlite3.IntegrityError: Its id, or its name among its owner's live tunes, is taken.
        """
        self._insert("tunes", tune)

    def save_tune(self, tune: TuneRecord) -> None:
        """Store a changed tune."""
        self._replace("tunes", tune)

    def tune(self, tune_id: str) -> TuneRecord | None:
        """The tune with this id, deleted or not."""
        return self._one(TuneRecord, "SELECT * FROM tunes WHERE id = ?", tune_id)

    def live_tune(self, tune_id: str) -> TuneRecord | None:
        """The tune with this id unless it was deleted."""
        return self._one(
            TuneRecord, "SELECT * FROM tunes WHERE id = ? AND deleted_at IS NULL", tune_id
        )

    def tune_named(self, tenant: str, name: str) -> TuneRecord | None:
        """The tenant's live tune of this name."""
        return self._one(
            TuneRecord,
            "SELECT * FROM tunes WHERE tenant = ? AND name = ? AND deleted_at IS NULL",
            tenant,
            name,
        )

    def live_tunes(self, tenant: str) -> list[TuneRecord]:
        """The tenant's live tunes, oldest first."""
        return self._all(
            TuneRecord,
            "SELECT * FROM tunes WHERE tenant = ? AND deleted_at IS NULL ORDER BY id",
            tenant,
        )

    def unended_tunes(self, now: float) -> list[TuneRecord]:
        """Live tunes stored as not ended whose end is due by ``now``, oldest first."""
        return self._all(
            TuneRecord,
            "SELECT * FROM tunes WHERE status = 'pending' AND deleted_at IS NULL "
            "AND (finishes_at <= ? OR fail_at <= ?) ORDER BY id",
            now,
            now,
        )
