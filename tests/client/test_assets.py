"""`client.asset` end to end against the development server, for both clients."""

from __future__ import annotations

import io
import itertools
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.control import armed
from support.platform import SDXL, safetensors, unique

from octoai_ext import (
    AssetFailedError,
    AssetRejectedError,
    ConflictError,
    NotFoundError,
    OctoAI,
    OctoAIClientError,
)
from octoai_ext.devserver import DevServer

from .conftest import Flavour, open_flavour

LORA: dict[str, Any] = {"asset_type": "lora", "engine": SDXL, "trigger_words": ["sks"]}
MIB = 1024 * 1024


async def test_a_50_mib_lora_is_uploaded_and_ready(octo: Flavour, tmp_path: Path) -> None:
    path = tmp_path / "big.safetensors"
    path.write_bytes(safetensors(50 * MIB))
    progress: list[tuple[int, int]] = []
    name = unique("big-lora")
    asset = await octo.call(
        octo.client.asset.create(
            path,
            name=name,
            data=LORA,
            description="fifty",
            on_progress=lambda *p: progress.append(p),
        )
    )
    assert (asset.name, asset.status, asset.size_bytes) == (name, "ready", path.stat().st_size)
    assert progress[-1] == (path.stat().st_size, path.stat().st_size)
    assert all(b[0] > a[0] for a, b in itertools.pairwise(progress))
    # No token on any request to the upload URL, which carries its own signature.
    uploads = [r for r in octo.requests() if r["path"] == f"/_objects/{asset.id}"]
    assert uploads
    assert not any(r["has_authorization"] for r in uploads)
    assert (await octo.call(octo.client.asset.get(name))).id == asset.id


async def test_bytes_and_file_objects_upload_too(octo: Flavour, tmp_path: Path) -> None:
    data = safetensors(4096)
    from_bytes = await octo.call(octo.client.asset.create(data, name=unique("b"), data=LORA))
    path = tmp_path / "f.safetensors"
    path.write_bytes(data)
    with path.open("rb") as handle:
        handle.seek(0)
        from_file = await octo.call(octo.client.asset.create(handle, name=unique("f"), data=LORA))
        assert not handle.closed  # the caller's file stays theirs
    assert from_bytes.size_bytes == from_file.size_bytes == len(data)


class _WatchedFile(io.BytesIO):
    """A file object that records the thread and size of every read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.reads: list[tuple[int, int]] = []

    def read(self, size: int | None = -1, /) -> bytes:
        self.reads.append((threading.get_ident(), -1 if size is None else size))
        return super().read(size)


async def test_reads_of_a_file_leave_the_event_loop_on_one_thread(octo: Flavour) -> None:
    data = safetensors(9 * MIB)
    handle = _WatchedFile(data)
    asset = await octo.call(octo.client.asset.create(handle, name=unique("w"), data=LORA))
    threads = {thread for thread, _ in handle.reads}
    sizes = [size for _, size in handle.reads]
    assert asset.size_bytes == len(data)
    assert len(threads) == 1
    if octo.is_async:
        # Off the loop's thread, and every read of the upload on the same worker thread.
        assert threads != {threading.get_ident()}
        assert sizes[:2] == [4 * MIB, 4 * MIB]
    else:
        assert threads == {threading.get_ident()}
        assert sizes[:9] == [MIB] * 9


async def test_a_file_that_is_not_safetensors_is_rejected(octo: Flavour) -> None:
    with pytest.raises(AssetRejectedError) as info:
        await octo.call(
            octo.client.asset.create(b"not a safetensors file", name=unique("bad"), data=LORA)
        )
    assert info.value.status == "rejected"
    assert "safetensors" in info.value.status_details


async def test_an_empty_file_fails_at_complete_upload(octo: Flavour) -> None:
    with pytest.raises(AssetFailedError) as info:
        await octo.call(octo.client.asset.create(b"", name=unique("empty"), data=LORA))
    assert info.value.status_details


async def test_a_taken_name_is_a_conflict(octo: Flavour) -> None:
    name = unique("twice")
    await octo.call(octo.client.asset.create(safetensors(64), name=name, data=LORA))
    with pytest.raises(ConflictError) as info:
        await octo.call(octo.client.asset.create(safetensors(64), name=name, data=LORA))
    assert info.value.status_code == 409
    assert info.value.request_id


async def test_public_assets_by_owner_and_name(octo: Flavour) -> None:
    checkpoint = await octo.call(octo.client.asset.get("octoai:default-sdxl"))
    assert checkpoint.asset_type == "checkpoint"
    assert checkpoint.data.engine == SDXL
    public = await octo.collect(octo.client.asset.list(is_public=True, owner="octoai"))
    assert "default-sdxl" in {a.name for a in public}


@pytest.fixture(scope="module")
def slow_validation_server() -> Iterator[DevServer]:
    """A server on the test clock whose uploads are validated for an hour of it, for both
    flavours: each test moves the clock, and reads only the asset it uploaded."""
    with DevServer(test_clock=True, asset_ready_seconds=3600) as server:
        yield server


async def test_wait_false_returns_the_uploaded_asset(
    flavour_name: str, slow_validation_server: DevServer
) -> None:
    # Validation takes an hour of the server's clock here: the asset stays `uploaded` until
    # the test moves the clock.
    server = slow_validation_server
    async with open_flavour(flavour_name, server, record=True) as octo:
        created = octo.client.asset.create(
            safetensors(64), name=unique("nowait"), data=LORA, wait=False
        )
        asset = await octo.call(created)
        assert asset.status == "uploaded"
        assert (await octo.call(octo.client.asset.get(asset))).status == "uploaded"
        ready = await octo.call(
            octo.client.asset.wait_for_ready(asset, interval=600, max_interval=600)
        )
        assert ready.status == "ready"
        assert octo.sleeps == [600.0] * 6


async def test_an_upload_that_fails_twice_and_is_cut_once_still_arrives(octo: Flavour) -> None:
    name = unique("flaky")
    # Armed on the server: the client's upload request cannot carry a test header.
    with (
        armed(octo.server, "/_objects/", "status=503;times=2", method="PUT"),
        armed(octo.server, "/_objects/", "cut-upload-after=65536;times=1", method="PUT"),
    ):
        data = safetensors(3 * MIB)
        asset = await octo.call(octo.client.asset.create(data, name=name, data=LORA, max_retries=3))
    assert (asset.status, asset.size_bytes) == ("ready", len(data))
    puts = [r for r in octo.requests() if r["path"] == f"/_objects/{asset.id}"]
    assert len(puts) == 4
    assert not any(r["has_authorization"] for r in puts)


async def test_delete_then_the_asset_is_gone(octo: Flavour) -> None:
    asset = await octo.call(
        octo.client.asset.create(safetensors(64), name=unique("gone"), data=LORA)
    )
    deleted = await octo.call(octo.client.asset.delete(asset))
    assert deleted.id == asset.id
    with pytest.raises(NotFoundError):
        await octo.call(octo.client.asset.get(asset.id))


async def test_bad_arguments_fail_before_sending(octo: Flavour) -> None:
    with pytest.raises(OctoAIClientError, match="asset_type"):
        await octo.call(octo.client.asset.create(b"x", name="n", data={"engine": SDXL}))
    with pytest.raises(OctoAIClientError, match="no such file"):
        await octo.call(octo.client.asset.create("/no/such/file", name="n", data=LORA))
    with pytest.raises(OctoAIClientError, match="either a file"):
        await octo.call(octo.client.asset.create(name="n", data=LORA))
    with pytest.raises(OctoAIClientError, match="limit"):
        await octo.call(octo.client.asset.list_page(limit=500))
    with pytest.raises(OctoAIClientError, match="unknown filter 'colour'"):
        await octo.call(octo.client.asset.list_page(colour="red"))  # type: ignore[call-arg]


async def test_raw_response_of_an_asset(octo: Flavour) -> None:
    raw = await octo.call(octo.client.with_raw_response.asset.get("octoai:default-sdxl"))
    assert raw.status_code == 200
    assert raw.parse().name == "default-sdxl"
    assert raw.url.path == "/v1/assets/octoai:default-sdxl"


@pytest.fixture(scope="module")
def server_with_250_assets() -> Iterator[DevServer]:
    """A server of its own holding 250 assets (made from URLs), listed by both clients."""
    with DevServer() as server, OctoAI(token=server.token, base_url=server.base_url) as client:
        for index in range(250):
            client.asset.create(
                url=f"https://example.com/{index}.safetensors",
                name=f"remote-{index:03d}",
                data=LORA,
                wait=False,
            )
        yield server


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_paging_over_250_assets(flavour: str, server_with_250_assets: DevServer) -> None:
    async with open_flavour(flavour, server_with_250_assets) as octo:
        client = octo.client
        names = [a.name for a in await octo.collect(client.asset.list())]
        assert names == [f"remote-{i:03d}" for i in range(250)]
        last = await octo.call(client.asset.list_page(limit=100, offset=200))
        assert (len(last.data), last.total, last.has_more) == (50, 250, False)
        first = await octo.call(client.asset.list_page(limit=100))
        assert (len(first.data), first.has_more) == (100, True)
        loras = await octo.call(
            client.asset.list_page(asset_type=["lora", "vae"], engine=SDXL, limit=5)
        )
        assert loras.total == 250
        none = await octo.call(client.asset.list_page(asset_type="checkpoint"))
        assert none.total == 0
