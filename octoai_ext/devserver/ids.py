"""Identifiers: asset and tune ids that sort in creation order, and tenants of tokens."""

from __future__ import annotations

import secrets
import threading
import uuid
from collections.abc import Callable
from typing import Final

__all__ = [
    "OCTOAI_OWNER",
    "OCTOAI_TENANT",
    "IdMaker",
    "decode_id",
    "encode_id",
    "tenant_of_token",
]

# Crockford's base32, lower case, as in OctoAI's ids (`asset_01hf3a2qw7ek6vshbhd9c9yywd`).
_ALPHABET: Final = "0123456789abcdefghjkmnpqrstvwxyz"
_TIME_CHARS: Final = 10
_ENTROPY_CHARS: Final = 16
_ENTROPY_BITS: Final = 80
_NAMESPACE: Final = uuid.UUID("5b0e3c8e-6f7a-4d0e-9d57-0c7a1f3b9e21")

#: The owner name of OctoAI's public assets (`octoai:default-sdxl`).
OCTOAI_OWNER: Final = "octoai"
#: The tenant id of OctoAI's public assets.
OCTOAI_TENANT: Final = str(uuid.uuid5(_NAMESPACE, "owner:octoai"))


def tenant_of_token(token: str) -> str:
    """Return the tenant id of a bearer token: the same token is always the same tenant.

    The id is a name-based UUID, so it survives restarts and reveals nothing of the token.
    """
    return str(uuid.uuid5(_NAMESPACE, f"token:{token}"))


def _encode(number: int, length: int) -> str:
    chars = []
    for _ in range(length):
        number, digit = divmod(number, 32)
        chars.append(_ALPHABET[digit])
    return "".join(reversed(chars))


def encode_id(prefix: str, milliseconds: int, entropy: int) -> str:
    """Return ``<prefix>_<26 characters>``: 48 bits of time, then 80 bits of entropy (a ULID).

    Raises:
        ValueError: A part does not fit its bits.
    """
    if not 0 <= milliseconds < 1 << 48 or not 0 <= entropy < 1 << _ENTROPY_BITS:
        raise ValueError("time or entropy out of range")
    return f"{prefix}_{_encode(milliseconds, _TIME_CHARS)}{_encode(entropy, _ENTROPY_CHARS)}"


def decode_id(identifier: str) -> tuple[str, int, int]:
    """Return the prefix, milliseconds and entropy of an id made by `encode_id`.

    Raises:
        ValueError: It is not such an id.
    """
    prefix, _, body = identifier.rpartition("_")
    if not prefix or len(body) != _TIME_CHARS + _ENTROPY_CHARS:
        raise ValueError(f"not an id: {identifier!r}")
    number = 0
    for char in body:
        digit = _ALPHABET.find(char)
        if digit < 0:
            raise ValueError(f"not an id: {identifier!r}")
        number = number * 32 + digit
    if number >= 1 << (48 + _ENTROPY_BITS):
        raise ValueError(f"not an id: {identifier!r}")
    return prefix, number >> _ENTROPY_BITS, number & ((1 << _ENTROPY_BITS) - 1)


class IdMaker:
    """Makes ids that sort in the order they were made, also within one millisecond.

    Within a millisecond, or when the clock goes back, the entropy of the last id is
    incremented instead of drawn, as ULID's monotonic mode does.

    Args:
        last: The greatest id made before (for example by an earlier run), if any.
        random_bits: Draws n random bits (a seam for tests).
    """

    def __init__(
        self, last: str | None = None, *, random_bits: Callable[[int], int] = secrets.randbits
    ) -> None:
        self._random_bits = random_bits
        self._lock = threading.Lock()
        self._last = (-1, 0)
        if last is not None:
            _, milliseconds, entropy = decode_id(last)
            self._last = (milliseconds, entropy)

    def new(self, prefix: str, now: float) -> str:
        """Return a new id for the wall-clock time ``now`` (seconds since the epoch)."""
        milliseconds = max(int(now * 1000), 0)
        with self._lock:
            last_ms, last_entropy = self._last
            if milliseconds <= last_ms:
                milliseconds, entropy = last_ms, last_entropy + 1
            else:
                # One bit is kept clear so increments within a millisecond cannot overflow.
                entropy = self._random_bits(_ENTROPY_BITS - 1)
            self._last = (milliseconds, entropy)
        return encode_id(prefix, milliseconds, entropy)
