"""The ``octoai`` command line: chat, inference, futures and health checks from a terminal.

It is built on the public `octoai_ext` API only and resolves the token and base URL as
`OctoAI()` does. Importing `octoai_ext` does not import this package. See ``docs/cli.md``.
"""

from ._app import main

__all__ = ["main"]
