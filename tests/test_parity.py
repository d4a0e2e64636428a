"""`OctoAI` and `AsyncOctoAI` stay twins: the same methods, parameters, defaults and docstrings.

The sync and asyncio facades are written side by side by hand; this test is what keeps them from
drifting. The only differences allowed are the ones asyncio imposes (`aclose` and `async with`)
and `as_completed`, which only makes sense with concurrent polls. Every method also has its
`with_raw_response` twin.
"""

from __future__ import annotations

import functools
import inspect
import re
from typing import Any

import pytest

from octoai_ext import AsyncOctoAI, OctoAI
from octoai_ext.resources import assets, batch, images, text_gen, tunes

PAIRS = [
    (OctoAI, AsyncOctoAI),
    (text_gen.TextGen, text_gen.AsyncTextGen),
    (text_gen.Chat, text_gen.AsyncChat),
    (text_gen.ChatCompletions, text_gen.AsyncChatCompletions),
    (text_gen.Completions, text_gen.AsyncCompletions),
    (assets.Assets, assets.AsyncAssets),
    (tunes.Tunes, tunes.AsyncTunes),
    (images.ImageGen, images.AsyncImageGen),
    (batch.Batch, batch.AsyncBatch),
]
RENAMED = {"close": "aclose", "__enter__": "__aenter__", "__exit__": "__aexit__"}
ASYNC_ONLY = {"as_completed"}
_ASYNC_WORDS = [
    (re.compile(r"\bAsync(?=[A-Z])"), ""),
    (re.compile(r"\basync for\b"), "for"),
    (re.compile(r"\basync with\b"), "with"),
    (re.compile(r"\bawait "), ""),
    (re.compile(r"\baclose\b"), "close"),
    (re.compile(r"Awaitable\[(.*)\]"), r"\1"),
]


def normalise(text: str | None) -> str:
    text = inspect.cleandoc(text or "")
    for pattern, replacement in _ASYNC_WORDS:
        text = pattern.sub(replacement, text)
    return text


def public_members(cls: type) -> dict[str, Any]:
    members = {}
    for name, value in inspect.getmembers(cls):
        if name.startswith("_") and name not in RENAMED and name not in RENAMED.values():
            continue
        if isinstance(value, functools.cached_property):
            members[name] = property(value.func)
        elif callable(value) or isinstance(value, property):
            members[name] = value
    return members


def instance_attributes(cls: type) -> set[str]:
    source = inspect.getsource(cls._setup if hasattr(cls, "_setup") else cls.__init__)
    return set(re.findall(r"self\.([a-z]\w*) = ", source))


@pytest.mark.parametrize(("sync", "asyncio"), PAIRS, ids=lambda c: c.__name__)
def test_the_same_public_members(sync: type, asyncio: type) -> None:
    sync_names = {RENAMED.get(name, name) for name in public_members(sync)}
    async_names = set(public_members(asyncio)) - ASYNC_ONLY
    assert sync_names == async_names
    assert instance_attributes(sync) == instance_attributes(asyncio)


def method_pairs() -> list[tuple[str, Any, Any]]:
    pairs = []
    for sync, asyncio in PAIRS:
        async_members = public_members(asyncio)
        for name, member in public_members(sync).items():
            twin = async_members[RENAMED.get(name, name)]
            if isinstance(member, property):
                pairs.append((f"{sync.__name__}.{name}", member.fget, twin.fget))
            else:
                pairs.append((f"{sync.__name__}.{name}", member, twin))
    return pairs


@pytest.mark.parametrize(("name", "sync", "asyncio"), method_pairs(), ids=lambda v: v)
def test_the_same_signature_and_docstring(name: str, sync: Any, asyncio: Any) -> None:
    sync_sig, async_sig = inspect.signature(sync), inspect.signature(asyncio)
    assert [p.name for p in sync_sig.parameters.values()] == [
        p.name for p in async_sig.parameters.values()
    ]
    for param, twin in zip(
        sync_sig.parameters.values(), async_sig.parameters.values(), strict=True
    ):
        assert param.kind == twin.kind, param.name
        assert param.default == twin.default, param.name
        assert normalise(str(param.annotation)) == normalise(str(twin.annotation)), param.name
    assert normalise(str(sync_sig.return_annotation)) == normalise(str(async_sig.return_annotation))
    assert normalise(sync.__doc__) == normalise(asyncio.__doc__)


@pytest.mark.parametrize(("name", "sync", "asyncio"), method_pairs(), ids=lambda v: v)
def test_methods_that_send_are_coroutines_in_asyncio(name: str, sync: Any, asyncio: Any) -> None:
    if name.split(".")[-1] in _NOT_SENDING or not inspect.isfunction(sync):
        return
    assert not inspect.iscoroutinefunction(sync), name
    if name.endswith(".list"):  # iterators: the asyncio twin is an async iterator
        assert "AsyncIterator" in str(inspect.signature(asyncio).return_annotation)
        return
    assert inspect.iscoroutinefunction(asyncio), f"{name}: the asyncio twin must be a coroutine"


@pytest.mark.parametrize("cls", [OctoAI, AsyncOctoAI])
def test_every_method_has_a_raw_response_twin(cls: type, devserver: Any) -> None:
    client = cls(token="t", base_url=devserver.base_url)
    raw = client.with_raw_response
    for facade_name in (
        "text_gen",
        "chat.completions",
        "completions",
        "asset",
        "tune",
        "image_gen",
        "",
    ):
        facade = client
        raw_facade: Any = raw
        for part in filter(None, facade_name.split(".")):
            facade, raw_facade = getattr(facade, part), getattr(raw_facade, part)
        sending = {
            name
            for name, member in public_members(type(facade)).items()
            if inspect.isfunction(member)
            and name not in _NOT_SENDING
            and name not in RENAMED.values()
            and name not in ASYNC_ONLY
        }
        missing = {name for name in sending if not hasattr(raw_facade, name)}
        assert not missing, f"{facade_name or 'client'}: no raw twin for {sorted(missing)}"


#: Members that send no request, so they have no raw twin and need not be coroutines.
_NOT_SENDING = frozenset(
    {
        "__init__",
        "__repr__",
        "__enter__",
        "__exit__",
        "close",
        "get_future",
        "with_options",
        "list",  # an iterator over pages: list_page is its raw twin
        "with_raw_response",
        "asset",
        "tune",
        "image_gen",
        "base_url",
        "has_token",
        # Returns an iterator at once; its requests are sent while it is iterated.
        "batch",
        "ledger",
    }
)
