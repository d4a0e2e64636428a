"""`client.tune` end to end against the development server, for both clients.

A server of its own, on the test clock, with long phases (a minute pending, ten minutes
running): a tune stays in each state until a test moves the clock, so every state is seen
exactly, and no test waits for time to pass.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
from support.control import client, fault_headers, keyed
from support.platform import CHECKPOINT, PNG, TUNE_PENDING, TUNE_RUNNING, clocked_server, unique

from octoai_ext import (
    ConflictError,
    NotFoundError,
    OctoAI,
    OctoAIClientError,
    RequestValidationError,
    TuneCancelledError,
    TuneFailedError,
)
from octoai_ext.devserver import DevServer
from octoai_ext.devserver.settings import DEFAULT_ASSET_READY_SECONDS

from .conftest import Flavour


@pytest.fixture(scope="module")
def tune_server() -> Iterator[DevServer]:
    """Tunes take the clocked server's phases; uploads are checked in the default second, so
    that a client which sleeps for real (as `tunes_150`'s does) soon sees its image ready."""
    with clocked_server(asset_ready_seconds=DEFAULT_ASSET_READY_SECONDS) as server:
        yield server


@pytest.fixture
def octo_server(tune_server: DevServer) -> DevServer:
    """`octo` talks to this module's server."""
    return tune_server


async def images(octo: Flavour, count: int = 2) -> list[Any]:
    data = {"asset_type": "file", "file_format": "png"}
    return [
        await octo.call(octo.client.asset.create(PNG, name=unique("img"), data=data))
        for _ in range(count)
    ]


async def start(octo: Flavour, files: Any, **kwargs: Any) -> Any:
    kwargs.setdefault("name", unique("tune"))
    kwargs.setdefault("base_checkpoint", CHECKPOINT)
    kwargs.setdefault("trigger_words", "sks")
    kwargs.setdefault("steps", 200)
    return await octo.call(octo.client.tune.create(files=files, **kwargs))


async def test_the_whole_story(octo: Flavour) -> None:
    """Upload images, tune on them, wait, and generate with the LoRA by its name."""
    files = await images(octo, 3)
    name = unique("bulldog")
    tune = await start(
        octo, {files[0].id: "a dog", files[1].id: "the dog", files[2].id: "sks dog"}, name=name
    )
    assert tune.status == "pending"
    done = await octo.call(octo.client.tune.wait(tune, timeout=3600))
    assert done.status == "succeeded"
    (lora_id,) = done.output_lora_ids
    lora = await octo.call(octo.client.asset.get(lora_id))
    assert (lora.name, lora.asset_type, lora.status) == (name, "lora", "ready")
    assert lora.data.trigger_words == ["sks"]
    generate = octo.client.image_gen.generate
    plain = await octo.call(generate(prompt="sks dog", seed=7))
    styled = await octo.call(generate(prompt="sks dog", seed=7, loras={name: 0.8}))
    image = base64.b64decode(styled.images[0].image_b64)
    assert image.startswith(b"\x89PNG\r\n\x1a\n")
    assert styled.images[0].image_b64 != plain.images[0].image_b64
    url = octo.url("/generate/sdxl")
    # The asynchronous way gives the same picture.
    future = await octo.call(
        octo.client.infer_async(url, {"prompt": "sks dog", "seed": 7, "loras": {name: 0.8}})
    )
    queued = await octo.call(octo.client.wait(future, timeout=60))
    assert queued["images"][0]["image_b64"] == styled.images[0].image_b64


async def test_an_unknown_lora_is_refused_by_name(octo: Flavour) -> None:
    with pytest.raises(OctoAIClientError, match="no-such-lora"):
        await octo.call(octo.client.image_gen.generate(prompt="p", loras={"no-such-lora": 1}))
    with pytest.raises(OctoAIClientError, match="crayon-style"):  # an SDXL LoRA on SSD
        await octo.call(
            octo.client.image_gen.generate(
                prompt="p", engine="ssd", loras={"octoai:crayon-style": 1}
            )
        )
    with pytest.raises(OctoAIClientError, match="did you mean 'loras'"):
        await octo.call(octo.client.image_gen.generate(prompt="p", lora={"x": 1}))  # type: ignore[call-arg]


async def test_cancel_in_each_state(octo: Flavour) -> None:
    files = await images(octo, 1)
    pending = await start(octo, files)
    assert (await octo.call(octo.client.tune.cancel(pending))).status == "cancelled"
    running = await start(octo, files)
    await octo.advance_clock(TUNE_PENDING + 1)
    assert (await octo.call(octo.client.tune.get(running))).status == "running"
    assert (await octo.call(octo.client.tune.cancel(running.id))).status == "cancelled"
    finished = await start(octo, files)
    await octo.advance_clock(TUNE_PENDING + TUNE_RUNNING + 1)
    assert (await octo.call(octo.client.tune.get(finished))).status == "succeeded"
    with pytest.raises(ConflictError, match="already ended"):
        await octo.call(octo.client.tune.cancel(finished))


async def test_waiting_on_a_tune_cancelled_elsewhere(octo: Flavour) -> None:
    tune = await start(octo, await images(octo, 1))
    other = client(octo.server)
    real_sleep = octo.client._sleep

    def cancel_during_the_wait(seconds: float) -> Any:
        other.post(f"/v1/tune/{tune.id}/cancel").raise_for_status()
        return real_sleep(seconds)

    octo.client._sleep = cancel_during_the_wait
    with pytest.raises(TuneCancelledError) as info:
        await octo.call(octo.client.tune.wait(tune))
    assert info.value.status == "cancelled"
    other.close()


async def test_a_failing_tune(octo: Flavour) -> None:
    fault = fault_headers(keyed("tune-fail=out of GPU memory"))
    tune = await start(octo, await images(octo, 1), extra_headers=fault)
    with pytest.raises(TuneFailedError, match="out of GPU memory") as info:
        await octo.call(octo.client.tune.wait(tune))
    assert info.value.status_details == "out of GPU memory"


async def test_deleting_a_tune_keeps_its_lora_and_images(octo: Flavour) -> None:
    files = await images(octo, 1)
    done = await start(octo, files, wait=True)
    deleted = await octo.call(octo.client.tune.delete(done))
    assert deleted.id == done.id
    with pytest.raises(NotFoundError):
        await octo.call(octo.client.tune.get(done.id))
    assert (await octo.call(octo.client.asset.get(done.output_lora_ids[0]))).status == "ready"
    assert (await octo.call(octo.client.asset.get(files[0]))).status == "ready"


async def test_a_taken_name_is_a_conflict(octo: Flavour) -> None:
    files = await images(octo, 1)
    name = unique("twice")
    await start(octo, files, name=name)
    with pytest.raises(ConflictError):
        await start(octo, files, name=name)


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"base_checkpoint": "octoai:no-such-checkpoint"}, "checkpoint"),
        ({"base_checkpoint": "octoai:crayon-style"}, "checkpoint"),  # a LoRA, not a checkpoint
        ({"trigger_words": ["one", "two"]}, "trigger_words"),
        ({"files": ["asset_01nosuchfile0000000000000"]}, "files"),
    ],
)
async def test_details_the_service_refuses(
    octo: Flavour, arguments: dict[str, Any], field: str
) -> None:
    arguments.setdefault("files", await images(octo, 1))
    with pytest.raises(RequestValidationError) as info:
        await start(octo, **arguments)
    assert any(field in ".".join(map(str, item["loc"])) for item in info.value.detail)


async def test_a_lora_asset_is_not_a_training_image(octo: Flavour) -> None:
    lora = await octo.call(octo.client.asset.get("octoai:crayon-style"))
    with pytest.raises(RequestValidationError):
        await start(octo, [lora])


async def test_bad_arguments_fail_before_sending(octo: Flavour) -> None:
    files = await images(octo, 1)
    for bad, match in [
        ({"steps": 0}, "steps"),
        ({"trigger_words": []}, "trigger_words"),
        ({"files": []}, "at least one"),
        ({"files": "img.png"}, "files must be"),
        ({"details": {"tune_type": "lora_tune"}}, "either details"),
    ]:
        with pytest.raises(OctoAIClientError, match=match):
            await start(octo, bad.pop("files", files), **bad)


@pytest.fixture(scope="module")
def tunes_150(tune_server: DevServer) -> str:
    """150 tunes on the module's server, a third of them with their own trigger word."""
    word = unique("w")
    with OctoAI(token=tune_server.token, base_url=tune_server.base_url) as client:
        data = {"asset_type": "file", "file_format": "png"}
        image = client.asset.create(PNG, name=unique("img"), data=data)
        for index in range(150):
            client.tune.create(
                name=unique("many"),
                base_checkpoint=CHECKPOINT,
                files=[image],
                trigger_words=word if index % 3 == 0 else "other",
                steps=100,
            )
    return word


async def test_listing_with_filters_and_paging_over_150_tunes(
    octo: Flavour, tunes_150: str
) -> None:
    word = tunes_150
    mine = await octo.collect(octo.client.tune.list(trigger_words=word))
    assert len(mine) == 50
    assert all(t.details.trigger_words == [word] for t in mine)
    page = await octo.call(octo.client.tune.list_page(trigger_words=word, limit=20, offset=40))
    assert (len(page.data), page.total, page.has_more) == (10, 50, False)
    by_name = await octo.call(octo.client.tune.list_page(name=mine[0].name))
    assert [t.id for t in by_name.data] == [mine[0].id]
    everything = await octo.collect(octo.client.tune.list())
    assert len(everything) >= 150
    assert len({t.id for t in everything}) == len(everything)
