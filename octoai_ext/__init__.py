"""A typed client for the OctoAI inference API."""

from ._version import __version__

__all__ = ["__version__"]
