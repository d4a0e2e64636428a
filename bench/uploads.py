"""Uploads, worker side: one client uploads one file to the loopback server's asset library.

Each worker first uploads a 1 MiB file (imports, connection, first-call caches), then the
measured file, and reports the CPU (`time.process_time()`, all threads) and the growth of its
peak RSS (`VmHWM`) over the measured upload. The clients:

- `httpx` (the reference): `httpx.Client().put(put_url, content=open(path, "rb"))`, which streams
  the file in 64 KiB reads; only the PUT is timed (the asset is created before and read after,
  to check the size the server received). The client is built beforehand, as the SDKs' are:
  `httpx.put` would build (and time) a new one with its TLS context per call.
- `httpx[async]` (a reference): `httpx.AsyncClient().put` of an async generator that reads the
  file 4 MiB at a time in a worker thread (`asyncio.to_thread`), as `octoai_ext[async]` does:
  what any asyncio upload pays that keeps disk reads off the event loop.
- `octoai_ext`, `octoai_ext[async]`: `client.asset.create(path, ...)` on `OctoAI` and
  `AsyncOctoAI`, timed whole (create, PUT, complete-upload, the read that finds it `ready`).
- `octoai`, `octoai[async]`: `asset_library.create_from_file(path, ...)` of `octoai` 1.11.0,
  timed whole. Its wait sleeps 10 s before its first read (CPU-free, but slow), so these run
  once each, for memory. Its asyncio flavour reads the whole file into memory before sending.

Every upload is checked: the asset must come back with the file's exact size as received.
"""

from __future__ import annotations

import asyncio
import gc
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from bench import payloads
from bench.meter import rss_kib

#: The CPU rounds' clients, compared with the reference within each round.
ROUND_CLIENTS = ("httpx", "httpx[async]", "octoai_ext", "octoai_ext[async]")
#: What must import for each client to be measured.
ADAPTERS = {
    "httpx": "httpx",
    "httpx[async]": "httpx",
    "octoai_ext": "octoai_ext",
    "octoai_ext[async]": "octoai_ext",
    "octoai": "octoai",
    "octoai[async]": "octoai",
}
#: Bytes per read of the asyncio reference, the SDK's own chunk size.
ASYNC_READ = 4 * 1024 * 1024
#: The `data` of the `file` asset every SDK creates.
_DATA = {"asset_type": "file", "file_format": "txt"}

Upload = Callable[[str, str], int]
AsyncUpload = Callable[[str, str], Awaitable[int]]


def write_file(path: str, mib: int) -> None:
    """A file of `mib` MiB of random bytes (one random MiB repeated; nothing compresses it)."""
    block = os.urandom(1024 * 1024)
    with open(path, "wb") as out:
        for _ in range(mib):
            out.write(block)


class _Meter:
    """CPU, wall time and peak RSS around the measured part of an upload."""

    def __init__(self) -> None:
        self.cpu = self.wall = 0.0
        self.peak_before = self.peak_after = 0

    def start(self) -> None:
        gc.collect()
        self.peak_before = rss_kib("VmHWM")
        self.cpu, self.wall = time.process_time(), time.perf_counter()

    def stop(self) -> None:
        self.cpu = time.process_time() - self.cpu
        self.wall = time.perf_counter() - self.wall
        self.peak_after = rss_kib("VmHWM")


def _raw(url: str, meter: _Meter) -> tuple[Upload, Callable[[], None]]:
    import httpx

    http = httpx.Client(timeout=600)
    headers = {"Authorization": f"Bearer {payloads.TOKEN}"}

    def upload(path: str, name: str) -> int:
        body = {"asset_type": "file", "name": name, "data": _DATA}
        created = http.post(url + "/v1/assets", json=body, headers=headers).json()
        with open(path, "rb") as content:
            meter.start()
            response = http.put(created["transfer_api"]["put_url"], content=content)
            meter.stop()
        assert response.status_code == 200
        asset = http.get(f"{url}/v1/assets/{created['asset']['id']}", headers=headers).json()
        size: int = asset["asset"]["size_bytes"]
        return size

    return upload, http.close


def _ours(url: str, meter: _Meter) -> tuple[Upload, Callable[[], None]]:
    from octoai_ext import OctoAI

    client = OctoAI(token=payloads.TOKEN, base_url=url, max_retries=0)

    def upload(path: str, name: str) -> int:
        meter.start()
        asset = client.asset.create(path, name=name, data=_DATA)
        meter.stop()
        size: int = asset.size_bytes
        return size

    return upload, client.close


def _octoai(url: str, meter: _Meter) -> tuple[Upload, Callable[[], None]]:
    from octoai.asset_library import Data_File
    from octoai.client import OctoAI

    from bench.clients.octoai_sdk import environment

    client = OctoAI(api_key=payloads.TOKEN, environment=environment(url))

    def upload(path: str, name: str) -> int:
        meter.start()
        asset = client.asset_library.create_from_file(
            path, data=Data_File(file_format="txt"), name=name
        )
        meter.stop()
        return int(asset.size_bytes)

    return upload, lambda: None


async def _raw_async(url: str, meter: _Meter) -> tuple[AsyncUpload, Callable[[], Awaitable[None]]]:
    import httpx

    http = httpx.AsyncClient(timeout=600)
    headers = {"Authorization": f"Bearer {payloads.TOKEN}"}

    async def chunks(path: str) -> AsyncIterator[bytes]:
        handle = await asyncio.to_thread(open, path, "rb")
        try:
            while chunk := await asyncio.to_thread(handle.read, ASYNC_READ):
                yield chunk
        finally:
            handle.close()

    async def upload(path: str, name: str) -> int:
        body = {"asset_type": "file", "name": name, "data": _DATA}
        created = (await http.post(url + "/v1/assets", json=body, headers=headers)).json()
        length = {"Content-Length": str(await asyncio.to_thread(os.path.getsize, path))}
        meter.start()
        response = await http.put(
            created["transfer_api"]["put_url"], content=chunks(path), headers=length
        )
        meter.stop()
        assert response.status_code == 200
        answer = await http.get(f"{url}/v1/assets/{created['asset']['id']}", headers=headers)
        size: int = answer.json()["asset"]["size_bytes"]
        return size

    return upload, http.aclose


async def _ours_async(url: str, meter: _Meter) -> tuple[AsyncUpload, Callable[[], Awaitable[None]]]:
    from octoai_ext import AsyncOctoAI

    client = AsyncOctoAI(token=payloads.TOKEN, base_url=url, max_retries=0)

    async def upload(path: str, name: str) -> int:
        meter.start()
        asset = await client.asset.create(path, name=name, data=_DATA)
        meter.stop()
        size: int = asset.size_bytes
        return size

    return upload, client.aclose


async def _octoai_async(
    url: str, meter: _Meter
) -> tuple[AsyncUpload, Callable[[], Awaitable[None]]]:
    from octoai.asset_library import Data_File
    from octoai.client import AsyncOctoAI

    from bench.clients.octoai_sdk import environment

    client = AsyncOctoAI(api_key=payloads.TOKEN, environment=environment(url))

    async def upload(path: str, name: str) -> int:
        meter.start()
        asset = await client.asset_library.create_from_file(
            path, data=Data_File(file_format="txt"), name=name
        )
        meter.stop()
        return int(asset.size_bytes)

    async def close() -> None:
        await client._client_wrapper.httpx_client.httpx_client.aclose()

    return upload, close


_SYNC = {"httpx": _raw, "octoai_ext": _ours, "octoai": _octoai}
_ASYNC = {
    "httpx[async]": _raw_async,
    "octoai_ext[async]": _ours_async,
    "octoai[async]": _octoai_async,
}


def _result(meter: _Meter, size: int) -> dict[str, Any]:
    mib = size / (1024 * 1024)
    return {
        "cpu_us_per_mib": meter.cpu * 1e6 / mib,
        "wall_s": meter.wall,
        "peak_before_kib": meter.peak_before,
        "peak_kib": meter.peak_after,
    }


def _check(delivered: int, size: int) -> None:
    if delivered != size:
        raise AssertionError(f"the server received {delivered:,} bytes of {size:,}")


def run(task: dict[str, Any]) -> dict[str, Any]:
    """Worker side: a warm-up upload of `warm_path`, then the measured upload of `path`."""
    name, url = task["client"], task["url"]
    sizes = os.path.getsize(task["warm_path"]), os.path.getsize(task["path"])
    meter = _Meter()
    if name in _ASYNC:
        asyncio.run(_run_async(task, sizes, meter))
    else:
        upload, close = _SYNC[name](url, meter)
        _check(upload(task["warm_path"], f"warm-{name}"), sizes[0])
        _check(upload(task["path"], f"bench-{name}"), sizes[1])
        close()
    return _result(meter, sizes[1])


async def _run_async(task: dict[str, Any], sizes: tuple[int, int], meter: _Meter) -> None:
    name, url = task["client"], task["url"]
    upload, close = await _ASYNC[name](url, meter)
    _check(await upload(task["warm_path"], f"warm-{name}"), sizes[0])
    _check(await upload(task["path"], f"bench-{name}"), sizes[1])
    await close()
