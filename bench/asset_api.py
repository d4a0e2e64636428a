"""The asset library on the benchmark server: just what `asset.create` from a file needs.

`POST /v1/assets` creates a `file` asset and answers a presigned `put_url` on the server itself
(`/_objects/<id>`); the server counts that PUT's body and drops it as it arrives (see
`bench.server`), so an upload measures the client, not the disk or a buffer. `POST
/v1/assets/<id>/complete-upload` answers no error, and `GET /v1/assets/<id>` answers the asset
`ready` with the size received. The shapes are those of the devserver's answers (openapi.yaml).
"""

from __future__ import annotations

import itertools
import json
from typing import Any

#: The path prefix of presigned upload URLs; a PUT there is a streamed upload.
OBJECTS_PREFIX = "/_objects/"
_ASSETS = "/v1/assets"
_CREATED_AT = "2024-09-22T10:00:00+00:00"


class AssetApi:
    """Assets created so far and the bytes each upload delivered."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.assets: dict[str, dict[str, Any]] = {}
        self.received: dict[str, int] = {}

    def clear(self) -> None:
        """Forget every asset."""
        self.assets.clear()
        self.received.clear()

    def handles(self, method: str, path: str) -> bool:
        """Whether the request is one of the asset library's."""
        return (path == _ASSETS and method == "POST") or path.startswith(_ASSETS + "/")

    def answer(self, method: str, path: str, body: bytes, base: str) -> tuple[int, bytes]:
        """Status and JSON body for an asset library request (see `handles`)."""
        if path == _ASSETS:
            return 200, self._create(json.loads(body), base)
        asset_id, _, action = path.removeprefix(_ASSETS + "/").partition("/")
        asset = self.assets.get(asset_id)
        if asset is None:
            return 404, b'{"message":"no such asset","type":"not_found_error"}'
        if method == "POST" and action == "complete-upload":
            asset["status"] = "uploaded"
            return 200, b'{"error":null}'
        if method == "GET" and not action:
            asset["status"] = "ready"
            asset["size_bytes"] = self.received.get(asset_id, 0)
            answer = {"asset": asset, "transfer_api": self._transfer(asset_id, base)}
            return 200, json.dumps(answer).encode()
        return 404, b'{"message":"not found","type":"not_found_error"}'

    def uploaded(self, path: str, size: int) -> None:
        """Record that a PUT to `path` delivered `size` bytes."""
        self.received[path.removeprefix(OBJECTS_PREFIX)] = size

    def _create(self, request: dict[str, Any], base: str) -> bytes:
        asset_id = f"asset_bench{next(self._ids):06d}"
        asset = {
            "id": asset_id,
            "asset_type": request.get("asset_type", "file"),
            "name": request.get("name", asset_id),
            "description": request.get("description") or "",
            "size_bytes": 0,
            "status": "ready_to_upload",
            "status_details": "",
            "status_info": {},
            "created_at": _CREATED_AT,
            "data": request.get("data") or {"asset_type": "file"},
            "file_structure": "single_file",
            "hf_repo": None,
            "is_public": bool(request.get("is_public")),
            "tenant_uuid": "00000000-0000-0000-0000-000000000000",
            "url": None,
        }
        self.assets[asset_id] = asset
        return json.dumps({"asset": asset, "transfer_api": self._transfer(asset_id, base)}).encode()

    @staticmethod
    def _transfer(asset_id: str, base: str) -> dict[str, str]:
        url = f"{base}{OBJECTS_PREFIX}{asset_id}?signature=bench"
        return {"type": "presigned-url", "put_url": url, "get_url": url}
