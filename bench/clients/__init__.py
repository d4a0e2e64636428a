"""The clients under comparison, one module each, and what the harness needs to know of them.

Every adapter module defines `Sync(url)` with `chat() -> str`, `stream(model, n) -> (chunks,
crc32)` and `close()`, and `Async(url)` with `chat()` and `aclose()` (`octoai_ext`'s `Async`
also has `stream`, for the connection count). Adapters import their client lazily (inside the
module the worker loads), so the import benchmark sees a clean interpreter. `IMPORT` and
`CONSTRUCT` are the statements timed by the cold-import benchmark.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class ClientInfo:
    """One client: display name, adapter module, availability probe and import statements."""

    name: str
    module: str
    probe: str
    import_stmt: str
    construct: str
    role: str  # "baseline", "subject", "peer" or "reference"


_URL = "'http://127.0.0.1:9'"
CLIENTS: dict[str, ClientInfo] = {
    info.name: info
    for info in (
        ClientInfo(
            "httpx",
            "bench.clients.raw_httpx",
            "httpx",
            "import httpx",
            "httpx.Client()",
            "baseline",
        ),
        ClientInfo(
            "octoai_ext",
            "bench.clients.ours",
            "octoai_ext",
            "from octoai_ext import OctoAI",
            f"OctoAI(token='bench-token', base_url={_URL}, max_retries=0)",
            "subject",
        ),
        ClientInfo(
            "openai",
            "bench.clients.openai_sdk",
            "openai",
            "from openai import OpenAI",
            f"OpenAI(api_key='bench-token', base_url={_URL} + '/v1', max_retries=0)",
            "peer",
        ),
        ClientInfo(
            "octoai",
            "bench.clients.octoai_sdk",
            "octoai",
            "from octoai.client import OctoAI; from octoai.environment import OctoAIEnvironment",
            f"OctoAI(api_key='bench-token', environment=OctoAIEnvironment("
            f"default={_URL}, image_gen={_URL}, text_gen={_URL}))",
            "peer",
        ),
        ClientInfo(
            "httpx2",
            "bench.clients.raw_httpx2",
            "httpx2",
            "import httpx2",
            "httpx2.Client()",
            "reference",
        ),
        ClientInfo(
            "httpx[pool=100]",
            "bench.clients.raw_httpx_pool100",
            "httpx",
            "import httpx",
            "httpx.Client(limits=httpx.Limits(max_connections=100, max_keepalive_connections=100))",
            "reference",
        ),
        ClientInfo(
            "httpx+attrs",
            "bench.clients.raw_attrs",
            "octoai_api",
            "import httpx; from octoai_api.models import ChatCompletionChunk",
            "httpx.Client()",
            "reference",
        ),
    )
}


def load(name: str) -> ModuleType:
    """The adapter module of client `name` (this imports the client)."""
    return importlib.import_module(CLIENTS[name].module)
