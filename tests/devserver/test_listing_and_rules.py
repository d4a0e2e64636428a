"""List filters and pages, asset references, and the checks beyond the schemas (pure)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from octoai_ext.devserver.ids import OCTOAI_TENANT
from octoai_ext.devserver.listing import (
    AssetQuery,
    TuneQuery,
    asset_matches,
    page,
    tune_matches,
)
from octoai_ext.devserver.records import AssetRecord, TuneRecord
from octoai_ext.devserver.references import parse_reference
from octoai_ext.devserver.rules import (
    Resolved,
    Vocabulary,
    asset_data,
    check_lora_tune,
    source_url_problem,
)
from octoai_ext.devserver.validation import SpecValidator, find_spec

SDXL = "image/stable-diffusion-xl-v1-0"
ME = "tenant-me"


def asset(asset_id: str, asset_type: str = "lora", **changes: Any) -> AssetRecord:
    data: dict[str, Any] = {
        "asset_type": asset_type,
        "engine": SDXL,
        "data_type": "fp16",
        "file_format": "safetensors",
    }
    if asset_type == "file":
        data = {"asset_type": "file", "file_format": "png"}
    return dataclasses.replace(
        AssetRecord(id=asset_id, tenant=ME, name=asset_id, asset_type=asset_type, data=data),
        **changes,
    )


LIBRARY = [
    asset("a1"),
    asset("a2", "checkpoint"),
    asset("a3", "file"),
    asset(
        "a4",
        "vae",
        data={
            "asset_type": "vae",
            "engine": "image/stable-diffusion-ssd",
            "data_type": "fp32",
            "file_format": "pt",
        },
    ),
    asset("a5", deleted_at=1.0),
    asset("p1", tenant=OCTOAI_TENANT, is_public=True),
    asset("x1", tenant="someone-else"),
    asset("x2", tenant="someone-else", is_public=True),
]


def listed(**filters: Any) -> list[str]:
    query = AssetQuery(caller=ME, **filters)
    return [a.id for a in LIBRARY if asset_matches(a, query)]


def test_the_caller_lists_own_live_assets_by_default_and_public_ones_on_request() -> None:
    assert listed() == ["a1", "a2", "a3", "a4"]
    assert listed(is_public=True) == ["p1", "x2"]
    assert listed(is_public=True, owner="octoai") == ["p1"]
    assert listed(is_public=True, owner="someone-else") == ["x2"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"asset_types": frozenset({"lora", "vae"})}, ["a1", "a4"]),
        ({"engines": frozenset({"image/stable-diffusion-ssd"})}, ["a4"]),
        ({"engine_type": "image"}, ["a1", "a2", "a4"]),
        ({"engine_type": "text"}, []),
        ({"data_type": "fp32"}, ["a4"]),
        ({"file_formats": frozenset({"pt", "png"})}, ["a3", "a4"]),
        ({"asset_ids": frozenset({"a2", "a3", "p1"})}, ["a2", "a3"]),
        ({"name": "a2"}, ["a2"]),
        ({"name": "a2", "asset_types": frozenset({"lora"})}, []),
    ],
)
def test_each_filter_narrows_the_list(filters: dict[str, Any], expected: list[str]) -> None:
    assert listed(**filters) == expected


@given(st.integers(0, 300), st.integers(0, 120), st.integers(1, 100))
def test_pages_cover_every_match_once(total: int, offset: int, limit: int) -> None:
    items = list(range(total))
    one = page(items, offset, limit)
    assert one.items == items[offset : offset + limit]
    assert one.total == total
    assert one.has_more == (offset + limit < total)


@pytest.mark.parametrize(("offset", "limit"), [(-1, 10), (0, 0), (0, 101)])
def test_page_bounds(offset: int, limit: int) -> None:
    with pytest.raises(ValueError, match="limit"):
        page([1, 2, 3], offset, limit)


def test_tune_filters() -> None:
    tune = TuneRecord(
        id="tune_1",
        tenant=ME,
        name="bulldog",
        tune_type="lora_tune",
        details={},
        checkpoint_id="asset_ck",
        engine=SDXL,
        trigger_words=("sks1",),
    )
    yes = [
        TuneQuery(ME),
        TuneQuery(ME, name="bulldog"),
        TuneQuery(ME, tune_type="lora_tune"),
        TuneQuery(ME, base_checkpoint_id="asset_ck"),
        TuneQuery(ME, trigger_words=frozenset({"other", "sks1"})),
        TuneQuery(ME, engine=SDXL),
    ]
    no = [
        TuneQuery("someone-else"),
        TuneQuery(ME, name="poodle"),
        TuneQuery(ME, tune_type="text_to_speech_latent_tune"),
        TuneQuery(ME, base_checkpoint_id="asset_other"),
        TuneQuery(ME, trigger_words=frozenset({"other"})),
        TuneQuery(ME, engine="image/stable-diffusion-ssd"),
    ]
    assert all(tune_matches(tune, q) for q in yes)
    assert not any(tune_matches(tune, q) for q in no)
    assert not tune_matches(dataclasses.replace(tune, deleted_at=1.0), TuneQuery(ME))


def test_references() -> None:
    by_id = parse_reference("asset_01hf3a2qw7ek6vshbhd9c9yywd")
    assert (
        by_id.asset_id == by_id.name == "asset_01hf3a2qw7ek6vshbhd9c9yywd" and by_id.owner is None
    )
    own = parse_reference("origami-paper")
    assert own.asset_id is None and own.owner is None and own.name == "origami-paper"
    public = parse_reference("octoai:default-sdxl")
    assert public.owner == OCTOAI_TENANT and public.name == "default-sdxl"
    assert parse_reference("some-uuid:thing").owner == "some-uuid"


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.from_spec(SpecValidator(find_spec()).spec)


def test_new_asset_data_gets_its_defaults(vocabulary: Vocabulary) -> None:
    assert asset_data("lora", {"asset_type": "lora", "engine": SDXL}, vocabulary) == {
        "asset_type": "lora",
        "engine": SDXL,
        "data_type": "fp16",
        "file_format": "safetensors",
        "checkpoint": None,
        "trigger_words": None,
    }
    assert asset_data("file", {"asset_type": "file"}, vocabulary) == {
        "asset_type": "file",
        "file_format": "unknown",
        "version": "",
    }


@pytest.mark.parametrize(
    ("asset_type", "data", "loc"),
    [
        ("lora", {"asset_type": "vae", "engine": SDXL}, ("body", "data", "asset_type")),
        ("lora", {"asset_type": "lora", "engine": "image/flux-pro"}, ("body", "data", "engine")),
        (
            "vae",
            {"asset_type": "vae", "engine": SDXL, "data_type": "bf16"},
            ("body", "data", "data_type"),
        ),
        (
            "checkpoint",
            {"asset_type": "checkpoint", "engine": SDXL, "file_format": "gguf"},
            ("body", "data", "file_format"),
        ),
        ("file", {"asset_type": "file", "file_format": "gif"}, ("body", "data", "file_format")),
    ],
)
def test_unknown_values_are_named(
    vocabulary: Vocabulary, asset_type: str, data: dict[str, Any], loc: tuple[str, ...]
) -> None:
    problems = asset_data(asset_type, data, vocabulary)
    assert isinstance(problems, list)
    assert [p.loc for p in problems] == [loc]


def test_source_urls_must_be_http() -> None:
    assert source_url_problem("https://huggingface.co/x/y.safetensors") is None
    for bad in ("0", "ftp://x/y", "https://", "file:///etc/passwd"):
        problem = source_url_problem(bad)
        assert problem is not None and problem.loc == ("body", "url")


CHECKPOINT = Resolved(asset("ck", "checkpoint"), "ready")
IMAGE = Resolved(asset("img", "file"), "ready")
DETAILS: dict[str, Any] = {
    "base_checkpoint": {"checkpoint_id": "ck"},
    "files": [{"file_id": "img"}],
    "steps": 10,
    "trigger_words": ["sks"],
}


def test_a_good_lora_tune_uses_its_files() -> None:
    check = check_lora_tune(DETAILS, CHECKPOINT, [IMAGE])
    assert check.problems == [] and check.used == ["img"] and check.rejected == []


@pytest.mark.parametrize(
    ("details", "checkpoint", "files", "loc", "kind"),
    [
        (
            DETAILS,
            None,
            [IMAGE],
            ("body", "details", "base_checkpoint", "checkpoint_id"),
            "not_found",
        ),
        (
            DETAILS,
            Resolved(asset("ck"), "ready"),
            [IMAGE],
            ("body", "details", "base_checkpoint", "checkpoint_id"),
            "asset_type",
        ),
        (
            DETAILS,
            Resolved(CHECKPOINT.asset, "uploaded"),
            [IMAGE],
            ("body", "details", "base_checkpoint", "checkpoint_id"),
            "asset_status",
        ),
        (
            DETAILS,
            Resolved(
                asset(
                    "ck",
                    "checkpoint",
                    data={"asset_type": "checkpoint", "engine": "text/llama-3-8b"},
                ),
                "ready",
            ),
            [IMAGE],
            ("body", "details", "base_checkpoint", "checkpoint_id"),
            "engine",
        ),
        (
            {
                **DETAILS,
                "base_checkpoint": {"checkpoint_id": "ck", "engine": "image/stable-diffusion-ssd"},
            },
            CHECKPOINT,
            [IMAGE],
            ("body", "details", "base_checkpoint", "engine"),
            "engine",
        ),
        (DETAILS, CHECKPOINT, [None], ("body", "details", "files", 0, "file_id"), "not_found"),
        (
            DETAILS,
            CHECKPOINT,
            [Resolved(asset("img"), "ready")],
            ("body", "details", "files", 0, "file_id"),
            "asset_type",
        ),
        (
            DETAILS,
            CHECKPOINT,
            [
                Resolved(
                    asset("img", "file", data={"asset_type": "file", "file_format": "txt"}), "ready"
                )
            ],
            ("body", "details", "files", 0, "file_id"),
            "asset_type",
        ),
        (
            DETAILS,
            CHECKPOINT,
            [Resolved(IMAGE.asset, "uploaded")],
            ("body", "details", "files", 0, "file_id"),
            "asset_status",
        ),
        (
            {**DETAILS, "trigger_words": ["a", "b"]},
            CHECKPOINT,
            [IMAGE],
            ("body", "details", "trigger_words"),
            "value_error",
        ),
        ({**DETAILS, "steps": 0}, CHECKPOINT, [IMAGE], ("body", "details", "steps"), "value_error"),
    ],
)
def test_lora_tune_problems_name_their_field(details, checkpoint, files, loc, kind) -> None:
    problems = check_lora_tune(details, checkpoint, files).problems
    assert [(p.loc, p.type) for p in problems] == [(loc, kind)]


def test_rejected_files_are_set_aside_not_refused() -> None:
    check = check_lora_tune(
        {**DETAILS, "files": [{"file_id": "img"}, {"file_id": "bad"}]},
        CHECKPOINT,
        [IMAGE, Resolved(asset("bad", "file"), "rejected")],
    )
    assert check.problems == [] and check.used == ["img"] and check.rejected == ["bad"]


def test_steps_must_be_a_whole_number() -> None:
    assert check_lora_tune({**DETAILS, "steps": 10.0}, CHECKPOINT, [IMAGE]).problems == []
    problems = check_lora_tune({**DETAILS, "steps": 2.5}, CHECKPOINT, [IMAGE]).problems
    assert [p.loc for p in problems] == [("body", "details", "steps")]
