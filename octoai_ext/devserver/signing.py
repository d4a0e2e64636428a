"""Signed, expiring URLs of the object store, in the manner of S3's presigned URLs (pure)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Final

__all__ = ["EXPIRES_PARAM", "SIGNATURE_PARAM", "UrlProblem", "check_signature", "signed_query"]

#: The query parameter holding the URL's expiry time (seconds since the epoch).
EXPIRES_PARAM: Final = "expires"
#: The query parameter holding the URL's signature.
SIGNATURE_PARAM: Final = "signature"


class UrlProblem(ValueError):
    """A signed URL that must be refused; the message says why."""


def _signature(key: bytes, method: str, path: str, expires: int) -> str:
    message = f"{method.upper()}\n{path}\n{expires}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def signed_query(key: bytes, method: str, path: str, expires: int) -> str:
    """Return the query string that lets ``method`` on ``path`` until ``expires``.

    Args:
        key: The server's signing key.
        method: ``PUT`` or ``GET`` (a ``GET`` signature also serves ``HEAD``).
        path: The URL path, which the signature covers; the host does not matter.
        expires: Wall-clock time in seconds since the epoch after which the URL is refused.
    """
    return f"{EXPIRES_PARAM}={expires}&{SIGNATURE_PARAM}={_signature(key, method, path, expires)}"


def check_signature(
    key: bytes, method: str, path: str, query: Mapping[str, str], now: float
) -> None:
    """Check a request against the signature in its query.

    Raises:
        UrlProblem: The signature is missing, does not match, or has expired.
    """
    expires_text = query.get(EXPIRES_PARAM, "")
    signature = query.get(SIGNATURE_PARAM, "")
    if not expires_text or not signature:
        raise UrlProblem("The URL is not signed.")
    if not expires_text.isdigit():
        raise UrlProblem("The URL's expiry time is not a number.")
    signed_for = "GET" if method.upper() == "HEAD" else method.upper()
    expected = _signature(key, signed_for, path, int(expires_text))
    if not hmac.compare_digest(expected, signature):
        raise UrlProblem(
            "The URL's signature does not match (was it changed, or made for another method?)."
        )
    if now >= int(expires_text):
        raise UrlProblem("The URL has expired.")
