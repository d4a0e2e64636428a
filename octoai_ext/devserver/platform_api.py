"""The platform half of the server, sharing one data directory.

The asset library, fine-tuning, the object store of signed URLs, and image generation with the
library's assets.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

from starlette.routing import Route

from .assets import AssetRoutes
from .catalog import PUBLIC_ASSETS, public_file
from .ids import IdMaker, decode_id
from .images import ImageRoutes
from .jobs import JobStore
from .library import Library
from .objects import ObjectRoutes
from .objectstore import ObjectStore, load_signing_key
from .pipeline import Operation
from .routing import Endpoint
from .rules import Vocabulary
from .settings import ServerSettings
from .store import PlatformStore
from .training import Training
from .tunes import TuneRoutes

__all__ = ["DATABASE_NAME", "Platform"]

#: The database file inside the data directory.
DATABASE_NAME: Final = "platform.sqlite3"


def _last_id(store: PlatformStore) -> str | None:
    """The id made last, of assets and tunes together (their times share one order)."""
    ids = [i for i in (store.last_id("assets"), store.last_id("tunes")) if i is not None]
    return max(ids, key=lambda i: decode_id(i)[1:], default=None)


class Platform:
    """Owns the platform's state and answers its routes.

    Args:
        settings: The server's settings (data directory, durations, limits).
        jobs: The asynchronous job store, shared with the inference endpoints.
        spec: The parsed ``openapi.yaml``, whose enums say which values are accepted.
        clock: Wall-clock time in seconds since the epoch; every time-dependent decision of
            the platform takes its ``now`` from here, so a test clock moves them all.
    """

    def __init__(
        self,
        settings: ServerSettings,
        jobs: JobStore,
        spec: Mapping[str, Any],
        *,
        clock: Callable[[], float],
    ) -> None:
        self._temporary = settings.data_dir is None
        self.data_dir = (
            Path(tempfile.mkdtemp(prefix="octoai-devserver-"))
            if settings.data_dir is None
            else settings.data_dir
        )
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = PlatformStore(self.data_dir / DATABASE_NAME)
        self.objects = ObjectStore(
            self.data_dir / "objects", load_signing_key(self.data_dir / "signing.key")
        )
        ids = IdMaker(_last_id(self.store))
        self.training = Training(
            self.store,
            self.objects,
            ids,
            pending_seconds=settings.tune_pending_seconds,
            tune_seconds=settings.tune_seconds,
            clock=clock,
        )
        self.library = Library(
            self.store,
            self.objects,
            ids,
            Vocabulary.from_spec(spec),
            ready_seconds=settings.asset_ready_seconds,
            url_seconds=settings.url_seconds,
            clock=clock,
            now=self.training.now,
        )
        self._assets = AssetRoutes(self.library)
        self._tunes = TuneRoutes(self.training)
        self._objects = ObjectRoutes(
            self.objects, self.store, clock=clock, max_upload_bytes=settings.max_upload_bytes
        )
        self._images = ImageRoutes(self.library, jobs)
        self._add_public_assets()

    def _add_public_assets(self) -> None:
        with self.store.transaction():
            for asset in PUBLIC_ASSETS:
                if self.store.asset(asset.id) is None:
                    content = public_file(asset)
                    self.objects.write(asset.id, content)
                    self.store.add_asset(dataclasses.replace(asset, size_bytes=len(content)))

    def routes(self, run: Callable[[Operation], Endpoint]) -> list[Route]:
        """Every route of the platform half, each through the pipeline's ``run``."""
        return [
            *self._assets.routes(run),
            *self._tunes.routes(run),
            *self._objects.routes(run),
            *self._images.routes(run),
        ]

    def close(self) -> None:
        """Close the database; remove the data directory if it was a temporary one."""
        self.store.close()
        if self._temporary:
            shutil.rmtree(self.data_dir, ignore_errors=True)
