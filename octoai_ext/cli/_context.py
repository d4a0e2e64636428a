"""What every command gets: its arguments, the output streams, the input reader and a client."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

from .. import OctoAI, OctoAIClientError
from ._console import Console, Output
from ._exits import CliError, ExitCode
from ._inputs import InputReader

__all__ = ["MISSING_TOKEN", "Context"]

# A message about the token, not a token.
MISSING_TOKEN = (
    "no OctoAI token: set the OCTOAI_TOKEN environment variable (OCTOAI_API_KEY is also "  # noqa: S105
    "read); the command line takes no token argument, so it never lands in shell history"
)


@dataclass
class Context:
    """The state of one run of a command."""

    args: argparse.Namespace
    out: Output
    console: Console
    reader: InputReader
    _clients: list[OctoAI] = field(default_factory=list)

    def client(self, *, needs_token: bool = True) -> OctoAI:
        """An `OctoAI` client with the library's token and base-URL resolution.

        Raises:
            CliError: The base URL is invalid, or a token is needed and none is set.
        """
        try:
            client = OctoAI(base_url=self.args.base_url)
        except OctoAIClientError as exc:
            raise CliError(exc.message, ExitCode.USAGE) from None
        self._clients.append(client)
        if needs_token and not client.has_token:
            raise CliError(MISSING_TOKEN, ExitCode.USAGE)
        return client

    def close(self) -> None:
        """Close the clients made for this run."""
        while self._clients:
            self._clients.pop().close()
