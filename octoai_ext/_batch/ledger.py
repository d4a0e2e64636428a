"""`BatchLedger`: the SQLite file that remembers every item of a batch across crashes.

A thin adapter: the decisions are pure functions in `records`; this module only stores their
records, one transaction per group of changes, through the SQL of `sqlite`. The database
runs in WAL mode with `synchronous=NORMAL`: a committed change survives the process being
killed at any moment (a power cut may lose the last few, which at worst sends an item again).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock; runs are not locked there
    fcntl = None  # type: ignore[assignment]

from .._closing import ClosedOnExit
from .._errors import OctoAIError
from . import sqlite as sql
from .errors import BatchInputError, LedgerError, LedgerMismatchError
from .records import ItemRecord, ItemState, error_from_dict

__all__ = ["BatchLedger", "LedgerSummary"]


@dataclass(frozen=True, slots=True)
class LedgerSummary:
    """The counts of a ledger, as `octoai batch status` prints them.

    Attributes:
        endpoint_url: The endpoint the batch sends to (None before its first run).
        submitting: Items whose submit may be in flight (sent again on resume).
        submitted: Items queued in the service, to be polled.
        completed: Items with outputs.
        failed: Items with an error.
        resubmissions: Submits sent although an earlier one may have been taken.
        created_at: Wall-clock seconds (epoch) when the ledger was created.
    """

    endpoint_url: str | None
    submitting: int
    submitted: int
    completed: int
    failed: int
    resubmissions: int
    created_at: float | None

    @property
    def recorded(self) -> int:
        """Items the ledger has a row for (items never sent are not recorded)."""
        return self.submitting + self.submitted + self.completed + self.failed

    @property
    def in_flight(self) -> int:
        """Items sent but not finished."""
        return self.submitting + self.submitted


class BatchLedger(ClosedOnExit):
    """The ledger of one batch: an SQLite file with one row per item ever sent.

    Open one to read the results of a batch, all of them, whichever run finished them:

        with BatchLedger("captions.ledger") as ledger:
            for key, result in ledger.results():
                ...

    Args:
        path: The ledger file.
        create: Create the file if it does not exist (a batch run does); otherwise a missing
            file raises `LedgerError`.

    Raises:
        LedgerError: The file is missing (without `create`), is not a ledger, or is damaged.
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = False) -> None:
        self.path = Path(path)
        self._lock: TextIO | None = None
        if not create and not self.path.is_file():
            raise LedgerError(f"no batch ledger at {self.path}")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise sql.ledger_error(self.path, "open", exc) from None
        try:
            with self._guard("open"):
                self._db.execute("PRAGMA busy_timeout = 5000")
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
                # Runs write far more than they read back: a small page cache keeps the
                # memory of a long batch flat.
                self._db.execute("PRAGMA cache_size = -256")
                self._prepare()
        except BaseException:
            self._db.close()
            raise

    def _guard(self, action: str) -> sql.Guard:
        return sql.Guard(self.path, action)

    def _prepare(self) -> None:
        names = self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {name for (name,) in names}
        if tables and "meta" not in tables:
            raise LedgerError(f"{self.path} is an SQLite file but not a batch ledger")
        if not tables:
            # Idempotent, so two processes creating the same ledger at once both succeed.
            self._db.executescript(sql.SCHEMA)
            with self._transaction():
                self._db.executemany(
                    "INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)",
                    [("format", sql.FORMAT), ("created_at", repr(time.time()))],
                )
        found = self._meta("format")
        if found != sql.FORMAT:
            raise LedgerError(
                f"{self.path} is a batch ledger of format {found}; this version reads {sql.FORMAT}"
            )

    def _transaction(self) -> sql.Transaction:
        return sql.Transaction(self._db, self.path)

    def _meta(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    # ---- what users read ---------------------------------------------------------------

    @property
    def endpoint_url(self) -> str | None:
        """The endpoint this ledger's batch sends to; None before its first run."""
        with self._guard("read"):
            return self._meta("endpoint_url")

    def summary(self) -> LedgerSummary:
        """Count the items in each state.

        Raises:
            LedgerError: The file cannot be read.
        """
        with self._guard("read"):
            counts: dict[str, int] = {}
            resubmissions = 0
            for state, count, resubmitted in self._db.execute(
                "SELECT state, COUNT(*), SUM(resubmissions) FROM items GROUP BY state"
            ):
                counts[state] = count
                resubmissions += resubmitted
            created = self._meta("created_at")
            return LedgerSummary(
                endpoint_url=self._meta("endpoint_url"),
                submitting=counts.get(ItemState.SUBMITTING.value, 0),
                submitted=counts.get(ItemState.SUBMITTED.value, 0),
                completed=counts.get(ItemState.COMPLETED.value, 0),
                failed=counts.get(ItemState.FAILED.value, 0),
                resubmissions=int(resubmissions),
                created_at=float(created) if created else None,
            )

    def results(self) -> Iterator[tuple[Any, dict[str, Any] | OctoAIError]]:
        """Every finished item in input order: `(key, outputs)` or `(key, error)`.

        The key is the item's `id`, or its position when it had none. Items read by the
        iterator are not held in memory.

        Raises:
            LedgerError: The file cannot be read.
        """
        for key, outputs, error in self._finished_rows():
            if outputs is not None:
                yield json.loads(key), json.loads(outputs)
            else:
                yield json.loads(key), error_from_dict(json.loads(error or "{}"))

    def records(self) -> Iterator[ItemRecord]:
        """Every recorded item in input order, with its state and history.

        Raises:
            LedgerError: The file cannot be read.
        """
        for row in self._rows(sql.SELECT + " ORDER BY position"):
            yield sql.record(row)

    def export_jsonl(self, path: str | os.PathLike[str]) -> int:
        """Write every finished item to a JSON Lines file, replacing it atomically.

        Each line is `{"id": key, "outputs": {...}}` or `{"id": key, "error": {...}}` (`type`,
        `message`, `status_code`, `request_id`), in input order, one line per item however
        many runs it took; the file is written beside `path` first and then renamed over it,
        so a reader never sees half of it.

        Returns:
            The number of lines written.

        Raises:
            LedgerError: The ledger cannot be read.
            OSError: The file cannot be written.
        """
        target = Path(path)
        partial = target.with_name(target.name + ".partial")
        lines = 0
        with partial.open("w", encoding="utf-8") as out:
            for key, outputs, error in self._finished_rows():
                field, value = ("outputs", outputs) if outputs is not None else ("error", error)
                out.write(f'{{"id":{key},"{field}":{value}}}\n')
                lines += 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
        return lines

    def _finished_rows(self) -> Iterator[tuple[str, str | None, str | None]]:
        return self._rows(
            "SELECT key, outputs, error FROM items WHERE state IN (?, ?) ORDER BY position",
            (ItemState.COMPLETED.value, ItemState.FAILED.value),
        )

    def _rows(self, query: str, parameters: tuple[Any, ...] = ()) -> Iterator[Any]:
        """The rows of a query, fetched 500 at a time, so a large ledger is never held whole."""
        with self._guard("read"):
            cursor = self._db.execute(query, parameters)
        while True:
            with self._guard("read"):
                rows = cursor.fetchmany(500)
            if not rows:
                return
            yield from rows

    # ---- what a run uses ---------------------------------------------------------------

    def bind(self, endpoint_url: str) -> int:
        """Take the ledger for a run: lock it, and record or check the batch's endpoint.

        The lock (an exclusive `flock` on `<path>.lock`, where the platform has one) keeps a
        second run from sending the same items at the same time; it is released when this
        ledger is closed or its process dies.

        Returns:
            The highest position recorded when the run took the ledger, -1 if none: while the
            run holds the lock, a row past it can only be one the run stored itself.

        Raises:
            LedgerError: Another run, in this process or another, is using the ledger.
            LedgerMismatchError: The ledger records another endpoint.
        """
        self._lock_for_run()
        with self._transaction():
            found = self._meta("endpoint_url")
            if found is None:
                self._db.execute(
                    "INSERT INTO meta (name, value) VALUES ('endpoint_url', ?)", (endpoint_url,)
                )
            elif found != endpoint_url:
                raise LedgerMismatchError(
                    f"the ledger {self.path} belongs to a batch for {found}, not {endpoint_url}; "
                    "use another ledger file for another endpoint"
                )
            (highest,) = self._db.execute("SELECT MAX(position) FROM items").fetchone()
        return -1 if highest is None else int(highest)

    def lookup(self, first: int, last: int) -> dict[int, ItemRecord]:
        """The records of the items at positions `first` to `last` (both included)."""
        with self._guard("read"):
            rows = self._db.execute(
                sql.SELECT + " WHERE position BETWEEN ? AND ?", (first, last)
            ).fetchall()
        return {row[0]: sql.record(row) for row in rows}

    def save(self, records: Iterable[ItemRecord]) -> None:
        """Store records in one transaction: all of them, or none if it fails.

        Raises:
            BatchInputError: Two items have the same key.
            LedgerError: The file cannot be written.
        """
        rows = [sql.row(record) for record in records]
        if not rows:
            return
        try:
            with self._transaction():
                self._db.executemany(sql.SAVE, rows)
        except sqlite3.IntegrityError as exc:
            keys = ", ".join(sorted({row[1] for row in rows}))
            raise BatchInputError(
                f"two items have the same id (one of {keys}); every item's id must be unique "
                f"({exc})"
            ) from None

    # ---- lifecycle ---------------------------------------------------------------------

    def _lock_for_run(self) -> None:
        if self._lock is not None or fcntl is None:
            return
        lock = (self.path.parent / (self.path.name + ".lock")).open("a")
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            raise LedgerError(
                f"another batch run is using the ledger {self.path}; wait for it to end"
            ) from None
        self._lock = lock

    def close(self) -> None:
        """Close the file (and release a run's lock); a closed ledger cannot be used again."""
        self._db.close()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __repr__(self) -> str:
        return f"BatchLedger({str(self.path)!r})"
