"""Modules loaded on first use, so `from octoai_ext import OctoAI` stays about as cheap as httpx.

The generated package defines about fifty model classes, and `octoai_api.models` imports them
all at once; asyncio is only needed by `AsyncOctoAI`. Neither is needed to build a client, so
they load when a request first needs them (see the import figures in bench/RESULTS.md).
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """Return module `name`, executed only when one of its attributes is first read."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {name!r}")
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
