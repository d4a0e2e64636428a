"""The errors of batch inference: a ledger that cannot be used, inputs that cannot be run.

    OctoAIClientError
    ├── LedgerError              the ledger file is missing, not a ledger, or damaged
    │   └── LedgerMismatchError  the ledger belongs to another endpoint
    └── BatchInputError          an item is not a dict, has a bad or repeated id, or moved

Errors of single items are not raised: a batch yields them as `(key, error)` and stores them.
"""

from __future__ import annotations

from .._errors import OctoAIClientError

__all__ = ["BatchInputError", "LedgerError", "LedgerMismatchError"]


class LedgerError(OctoAIClientError):
    """The batch ledger cannot be used: missing, not a ledger, damaged, or an impossible step."""


class LedgerMismatchError(LedgerError):
    """The ledger records another endpoint URL, so resuming it here would mix two batches."""


class BatchInputError(OctoAIClientError):
    """An item cannot be run: not a dict, a bad or repeated id, or not where the ledger has it."""
