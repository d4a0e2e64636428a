"""The public namespace is exactly `__all__`, and every public name documents itself."""

from __future__ import annotations

import inspect

import pytest

import octoai_ext

CONTRACT = {
    "OctoAI",
    "AsyncOctoAI",
    "InferenceFuture",
    "TextModel",
    "get_model_list",
    "OctoAIError",
    "OctoAIClientError",
    "OctoAIServerError",
    "OctoAITimeoutError",
}


def test_contract_names_are_exported() -> None:
    assert set(octoai_ext.__all__) >= CONTRACT


def test_all_matches_the_namespace() -> None:
    public = {name for name in dir(octoai_ext) if not name.startswith("_")}
    modules = {name for name in public if inspect.ismodule(getattr(octoai_ext, name))}
    assert public - modules == set(octoai_ext.__all__) - {"__version__"}


def test_public_names_have_docstrings_and_report_the_package() -> None:
    for name in octoai_ext.__all__:
        obj = getattr(octoai_ext, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj), name
            if obj.__module__.startswith("octoai_ext"):
                assert obj.__module__ == "octoai_ext", name


def test_model_list_has_the_documented_models() -> None:
    models = octoai_ext.get_model_list()
    assert "meta-llama-3.1-8b-instruct" in models
    assert "meta-llama-3-8b-instruct" in models
    assert octoai_ext.TextModel.LLAMA2_70B == octoai_ext.TextModel.LLAMA_2_70B_CHAT


def test_building_a_client_loads_neither_the_models_nor_asyncio() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from octoai_ext import OctoAI; OctoAI(token='t'); "
        "print(sorted(m for m in sys.modules if m.startswith(('octoai_api', 'asyncio'))))"
    )
    out = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_httpcore_and_the_platform_facades_load_when_first_needed() -> None:
    # The cold-import figure of bench/RESULTS.md: httpx itself loads httpcore only when a client
    # is built, and most programs never touch the asset library or fine-tuning.
    import subprocess
    import sys

    late = ("httpcore", "octoai_ext.resources.assets", "octoai_ext.resources.tunes")
    code = (
        "import sys; from octoai_ext import OctoAI; "
        f"late = {late!r}; loaded = lambda: [m for m in late if m in sys.modules]; "
        "print(loaded()); client = OctoAI(token='t'); print(loaded()); "
        "client.asset, client.tune; print(loaded())"
    )
    out = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.splitlines() == ["[]", "['httpcore']", repr(list(late))]


def test_lazy_names_resolve() -> None:
    assert octoai_ext.AsyncOctoAI.__module__ == "octoai_ext"
    assert octoai_ext.ChatMessage(role="user", content="x").to_dict() == {
        "role": "user",
        "content": "x",
    }
    with pytest.raises(AttributeError, match="NoSuchName"):
        _ = octoai_ext.NoSuchName  # type: ignore[attr-defined]
