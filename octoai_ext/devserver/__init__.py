"""An embedded OctoAI-compatible development server, for local development and tests.

Importing this package is cheap: the server's dependencies (the ``devserver`` extra) are only
imported by the process that runs the server. ``DevServer`` starts one as a subprocess::

    from octoai_ext.devserver import DevServer

    with DevServer() as server:
        print(server.base_url, server.token)

See ``docs/devserver.md`` for the command line, the fault directives and the test fixtures.
"""

from ._launcher import DevServer, DevServerError
from .settings import DEFAULT_TOKEN

__all__ = ["DEFAULT_TOKEN", "DevServer", "DevServerError"]
