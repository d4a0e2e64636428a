"""The object store's routes: signed URLs that upload (``PUT``) and download asset files.

They behave as S3's presigned URLs do: the signature is the credential, so a request that
also carries ``Authorization`` is refused; the upload's ``Content-Length`` must be declared and
the body must match it; the body is streamed to disk, never held in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .apierrors import ApiError
from .objectstore import OBJECTS_PREFIX, ObjectStore, PartialFile
from .pipeline import Call, Operation
from .records import AssetRecord
from .responses import error_response
from .routing import Endpoint, route
from .settings import DEFAULT_MAX_UPLOAD_BYTES
from .signing import UrlProblem, check_signature
from .store import PlatformStore
from .streaming import StreamCutError

__all__ = ["ObjectRoutes"]


class _DropConnection(Response):
    """Starts an answer, then breaks the connection (the ``cut-upload-after`` directive)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Headers promising a body that never comes make the cut visible to any client,
        # including one still sending its request body.
        await send(
            {"type": "http.response.start", "status": 500, "headers": [(b"content-length", b"1")]}
        )
        raise StreamCutError


class ObjectRoutes:
    """The handlers of signed object URLs.

    Args:
        objects: The files and the signing key.
        store: The metadata, to check that the asset can take an upload.
        clock: Wall-clock time in seconds since the epoch (URLs expire by it).
        max_upload_bytes: The largest upload accepted.
    """

    def __init__(
        self,
        objects: ObjectStore,
        store: PlatformStore,
        *,
        clock: Callable[[], float],
        max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    ) -> None:
        self.objects = objects
        self.store = store
        self.clock = clock
        self.max_upload_bytes = max_upload_bytes

    def _asset(self, request: Request) -> AssetRecord:
        """Check the URL's credentials and return its asset.

        Raises:
            ApiError: A second credential (400), a bad or expired signature (403), or no such
                asset (404).
        """
        if "authorization" in request.headers:
            raise ApiError(
                400,
                "Only one authentication mechanism is allowed: the URL is signed, so send no "
                "Authorization header with it.",
                "invalid_request_error",
                param="Authorization",
            )
        try:
            check_signature(
                self.objects.key,
                request.method,
                request.url.path,
                request.query_params,
                self.clock(),
            )
        except UrlProblem as problem:
            raise ApiError(403, str(problem), "access_denied") from None
        asset = self.store.live_asset(request.path_params["asset_id"])
        if asset is None:
            raise ApiError(404, "The asset does not exist.", "not_found_error")
        return asset

    def _check_upload(self, request: Request, asset: AssetRecord) -> int:
        """Return the declared size of an upload the asset can take.

        Raises:
            ApiError: The upload was completed (409), or the size is missing (411) or too
                large (400).
        """
        if asset.completed:
            raise ApiError.conflict(f"The upload of asset {asset.id} was already completed.")
        declared = request.headers.get("content-length", "")
        if not declared.isdigit():
            raise ApiError(
                411, "An upload must declare its Content-Length.", "invalid_request_error"
            )
        if int(declared) > self.max_upload_bytes:
            raise ApiError(
                400,
                f"The upload is larger than the {self.max_upload_bytes} bytes allowed.",
                "entity_too_large",
            )
        return int(declared)

    async def _put(self, call: Call) -> Response:
        request = call.request
        try:
            asset = self._asset(request)
            declared = self._check_upload(request, asset)
        except ApiError as error:
            return error.response()
        cut = call.faults.cut_upload_after if call.faults else None
        partial = self.objects.writer(asset.id)
        try:
            digest = await self._receive(request, partial, cut)
        except (ClientDisconnect, StreamCutError) as stop:
            partial.discard()
            if isinstance(stop, StreamCutError):
                return _DropConnection()
            return error_response(400, "The upload ended early.", "incomplete_body")
        if partial.size != declared:
            partial.discard()
            return error_response(
                400,
                f"The body has {partial.size} bytes, not the {declared} its Content-Length says.",
                "incomplete_body",
            )
        partial.commit()
        return Response(status_code=200, headers={"ETag": f'"{digest}"'})

    @staticmethod
    async def _receive(request: Request, partial: PartialFile, cut: int | None) -> str:
        """Write the body to disk chunk by chunk; return its MD5, which S3 answers as ETag.

        Raises:
            StreamCutError: ``cut`` bytes were read.
            ClientDisconnect: The client went away before the end of the body.
        """
        md5 = hashlib.md5(usedforsecurity=False)
        async for chunk in request.stream():
            if cut is not None and partial.size + len(chunk) >= cut:
                raise StreamCutError
            partial.write(chunk)
            md5.update(chunk)
        return md5.hexdigest()

    async def _get(self, call: Call) -> Response:
        try:
            asset = self._asset(call.request)
        except ApiError as error:
            return error.response()
        path = self.objects.path(asset.id)
        if not path.is_file():
            return error_response(404, "Nothing was uploaded for this asset.", "not_found_error")
        return FileResponse(path, media_type="application/octet-stream")

    def routes(self, run: Callable[[Operation], Endpoint]) -> list[Route]:
        """The routes: no token (the URL is the credential), the body read by the handler."""
        path = f"{OBJECTS_PREFIX}{{asset_id}}"
        put = Operation(self._put, needs_token=False, cold=False, raw_body=True)
        get = Operation(self._get, needs_token=False, cold=False, raw_body=True)
        return [route(path, {"PUT": run(put), "GET": run(get)})]
