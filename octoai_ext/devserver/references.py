"""How requests name assets: an id, the caller's own asset name, or ``owner:name`` (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .ids import OCTOAI_OWNER, OCTOAI_TENANT

__all__ = ["Reference", "owner_tenant", "parse_reference"]

_ID: Final = re.compile(r"^asset_[0-9a-hjkmnp-tv-z]{26}$")


@dataclass(frozen=True)
class Reference:
    """A parsed asset reference.

    Attributes:
        text: The reference as given.
        asset_id: The id it may be (ids are tried before names).
        owner: The tenant named by an ``owner:`` prefix; None for the caller's own names.
        name: The asset name it may be.
    """

    text: str
    asset_id: str | None
    owner: str | None
    name: str


def owner_tenant(owner: str) -> str:
    """Return the tenant id an owner stands for: ``octoai``, or a tenant id itself."""
    return OCTOAI_TENANT if owner == OCTOAI_OWNER else owner


def parse_reference(text: str) -> Reference:
    """Parse an asset reference.

    ``asset_01...`` is an id (or, failing that, the caller's asset of that name),
    ``owner:name`` is an owner's asset (``octoai``, or a tenant id), anything else is the
    name of one of the caller's own assets.
    """
    if ":" in text:
        owner, _, name = text.partition(":")
        return Reference(text, None, owner_tenant(owner), name)
    return Reference(text, text if _ID.match(text) else None, None, text)
