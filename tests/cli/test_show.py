"""Summaries and tables of assets and tunes, from their JSON."""

from __future__ import annotations

from typing import Any

from octoai_ext.cli._show import (
    asset_row,
    fields,
    size_text,
    summary_of_asset,
    summary_of_tune,
    table,
    tune_row,
)

TUNE: dict[str, Any] = {
    "id": "tune_1",
    "name": "sks-dog",
    "tune_type": "lora_tune",
    "status": "succeeded",
    "status_details": "",
    "description": "",
    "created_at": "2024-05-01T12:34:56.789+00:00",
    "output_lora_ids": ["asset_9"],
    "details": {
        "base_checkpoint": {"checkpoint_id": "asset_1", "name": "default-sdxl"},
        "files": [{"file_id": "asset_2"}, {"file_id": "asset_3"}],
        "trigger_words": ["sks"],
        "steps": 200,
    },
}


def test_sizes_read_as_people_write_them() -> None:
    assert [size_text(n) for n in (0, 1023, 1024, 1536, 5 * 1024**3, 3 * 1024**5)] == [
        "0 B", "1023 B", "1.0 KiB", "1.5 KiB", "5.0 GiB", "3072.0 TiB",
    ]  # fmt: skip


def test_fields_and_tables_align() -> None:
    assert fields([("a", "1"), ("long key", "2"), ("empty", "")]) == [
        "a:        1",
        "long key: 2",
        "empty:",
    ]
    assert table(("A", "BB"), [["xxx", "y"], ["z", "w"]]) == ["A    BB", "xxx  y", "z    w"]


def test_an_asset_summary_shows_what_its_type_has() -> None:
    lora = {
        "id": "asset_1", "name": "style", "asset_type": "lora", "status": "rejected",
        "status_details": "Bad header.", "size_bytes": 2048, "is_public": True,
        "description": "", "created_at": "2024-05-01T00:00:00+00:00",
        "data": {"engine": "image/x", "data_type": "fp16", "file_format": "safetensors",
                 "trigger_words": ["a", "b"]},
    }  # fmt: skip
    lines = dict(line.split(":", 1) for line in summary_of_asset(lora))
    assert {k: v.strip() for k, v in lines.items()} == {
        "name": "style", "id": "asset_1", "type": "lora", "engine": "image/x",
        "data type": "fp16", "file format": "safetensors", "trigger words": "a, b",
        "status": "rejected", "details": "Bad header.", "size": "2.0 KiB", "public": "yes",
        "created": "2024-05-01T00:00:00+00:00",
    }  # fmt: skip
    image = {"id": "asset_2", "name": "p", "asset_type": "file", "status": "ready",
             "size_bytes": 10, "data": {"file_format": "png"}}  # fmt: skip
    assert "engine" not in "".join(summary_of_asset(image))
    assert asset_row(image) == ["p", "file", "-", "ready", "10 B", "asset_2"]


def test_a_tune_summary_and_row() -> None:
    summary = summary_of_tune(TUNE, {"asset_9": "sks-dog"})
    assert "checkpoint:   default-sdxl (asset_1)" in summary
    assert "images:       2" in summary
    assert "lora:         sks-dog (asset_9)" in summary
    assert "lora:         asset_9" in summary_of_tune(TUNE)
    assert tune_row(TUNE) == [
        "sks-dog", "succeeded", "default-sdxl", "sks", "200", "2024-05-01 12:34", "tune_1",
    ]  # fmt: skip
    odd = {**TUNE, "created_at": "yesterday", "details": {"tune_type": "other"}}
    assert tune_row(odd)[2:6] == ["-", "-", "-", "yesterday"]
