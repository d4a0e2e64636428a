"""The ``asset`` and ``tune`` commands of the argument parser: options and help texts."""

from __future__ import annotations

import argparse
from typing import TypeAlias

from octoai_api.models import AssetType, DataType

from ._assets import (
    FILE_FORMATS,
    WEIGHT_FORMATS,
    run_asset_delete,
    run_asset_get,
    run_asset_list,
    run_asset_upload,
)
from ._tunes import (
    run_tune_cancel,
    run_tune_create,
    run_tune_delete,
    run_tune_get,
    run_tune_list,
    run_tune_wait,
)

__all__ = ["add_asset_command", "add_tune_command"]

# argparse names the type of add_subparsers() privately.
_Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

_ASSET_TYPES = [str(value) for value in AssetType]
_DATA_TYPES = [str(value) for value in DataType]
_REFERENCE_HELP = "an asset id, the name of one of your assets, or owner:name (octoai:default-sdxl)"
_JSON_HELP = "print JSON instead of a summary"


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, not {text}")
    return value


def add_asset_command(commands: _Commands, common: list[argparse.ArgumentParser]) -> None:
    """Add ``octoai asset`` and its actions."""
    asset = commands.add_parser(
        "asset",
        parents=common,
        help="upload files to the asset library; list, show and delete assets",
        description="Upload LoRAs, checkpoints and other files to the asset library, and find, "
        "show and delete assets.",
    )
    actions = asset.add_subparsers(dest="asset_command", metavar="ACTION", required=True)
    _add_asset_upload(actions, common)
    _add_asset_list(actions, common)
    get = actions.add_parser("get", parents=common, help="print one asset")
    get.add_argument("asset", metavar="ID_OR_NAME", help=_REFERENCE_HELP)
    get.add_argument("--json", action="store_true", help=_JSON_HELP)
    get.set_defaults(handler=run_asset_get)
    delete = actions.add_parser(
        "delete", parents=common, help="delete assets (their names become free again)"
    )
    delete.add_argument(
        "assets", metavar="ID_OR_NAME", nargs="+", help="an asset id or one of your assets' names"
    )
    delete.set_defaults(handler=run_asset_delete)


def _add_asset_upload(actions: _Commands, common: list[argparse.ArgumentParser]) -> None:
    # Imported here, not at the top: _parser imports this module.
    from ._parser import _positive_float

    upload = actions.add_parser(
        "upload",
        parents=common,
        help="upload a file as an asset and wait until it is ready",
        description="Create an asset, upload the file with a byte progress bar on stderr, wait "
        "until the service has checked it, and print the asset.",
    )
    upload.add_argument("path", metavar="PATH", help="the file to upload")
    upload.add_argument("--type", required=True, choices=_ASSET_TYPES, help="the asset's type")
    upload.add_argument("--name", required=True, help="the asset's name, unique among your assets")
    upload.add_argument(
        "--engine",
        metavar="ENGINE",
        help="weights only, and required for them: such as image/stable-diffusion-xl-v1-0",
    )
    upload.add_argument(
        "--trigger-word",
        dest="trigger_words",
        action="append",
        metavar="WORD",
        help="lora and textual_inversion: a word that calls up what was learned, repeatable",
    )
    upload.add_argument("--description", metavar="TEXT")
    upload.add_argument(
        "--data-type", choices=_DATA_TYPES, help="weights: their precision (service default fp16)"
    )
    upload.add_argument(
        "--file-format",
        choices=[*WEIGHT_FORMATS, *FILE_FORMATS],
        metavar="FORMAT",
        help=f"weights: {' or '.join(WEIGHT_FORMATS)} (service default safetensors); --type "
        f"file: one of {', '.join(FILE_FORMATS)}, from the file's extension unless given",
    )
    upload.add_argument("--public", action="store_true", help="let every user see and use it")
    upload.add_argument(
        "--no-wait",
        dest="wait",
        action="store_false",
        help="print the asset once uploaded, without waiting until it is ready",
    )
    upload.add_argument(
        "--timeout",
        type=_positive_float,
        metavar="S",
        help="the most seconds for the upload and the wait together (default: 900 for each)",
    )
    upload.add_argument("--json", action="store_true", help=_JSON_HELP)
    upload.set_defaults(handler=run_asset_upload)


def _add_asset_list(actions: _Commands, common: list[argparse.ArgumentParser]) -> None:
    from ._parser import _positive_int

    listing = actions.add_parser(
        "list",
        parents=common,
        help="list your assets (or public ones) as a table",
        description="List your assets, or with --public every user's public assets, as a table "
        "of name, type, engine, status, size and id.",
    )
    listing.add_argument(
        "--type",
        dest="types",
        action="append",
        choices=_ASSET_TYPES,
        help="only assets of this type, repeatable",
    )
    listing.add_argument(
        "--engine", dest="engines", action="append", metavar="ENGINE", help="repeatable"
    )
    listing.add_argument("--name", help="only the asset with this exact name")
    listing.add_argument("--public", action="store_true", help="list public assets instead")
    listing.add_argument("--owner", help="only this owner's assets, such as octoai")
    listing.add_argument("--limit", type=_positive_int, metavar="N", help="at most N assets")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(handler=run_asset_list)


def add_tune_command(commands: _Commands, common: list[argparse.ArgumentParser]) -> None:
    """Add ``octoai tune`` and its actions."""
    from ._parser import _positive_float, _positive_int

    tune = commands.add_parser(
        "tune",
        parents=common,
        help="fine-tune a LoRA on your images; list, show, wait on, cancel and delete tunes",
        description="Fine-tune a LoRA on image files, and follow, cancel or delete tunes.",
    )
    actions = tune.add_subparsers(dest="tune_command", metavar="ACTION", required=True)
    _add_tune_create(actions, common)
    listing = actions.add_parser("list", parents=common, help="list your tunes as a table")
    listing.add_argument("--name", help="only the tune with this exact name")
    listing.add_argument(
        "--checkpoint", metavar="ID_OR_NAME", help="only tunes of this base checkpoint"
    )
    listing.add_argument(
        "--trigger-word",
        dest="trigger_words",
        action="append",
        metavar="WORD",
        help="only tunes with this trigger word, repeatable (any of them)",
    )
    listing.add_argument("--limit", type=_positive_int, metavar="N", help="at most N tunes")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(handler=run_tune_list)
    for name, handler, text in (
        ("get", run_tune_get, "print one tune"),
        ("cancel", run_tune_cancel, "cancel a pending or running tune and print it"),
    ):
        action = actions.add_parser(name, parents=common, help=text)
        action.add_argument("tune", metavar="ID", help="the tune's id")
        action.add_argument("--json", action="store_true", help=_JSON_HELP)
        action.set_defaults(handler=handler)
    delete = actions.add_parser(
        "delete", parents=common, help="delete tunes (their LoRAs and images stay)"
    )
    delete.add_argument("tunes", metavar="ID", nargs="+", help="a tune's id")
    delete.set_defaults(handler=run_tune_delete)
    wait = actions.add_parser(
        "wait", parents=common, help="wait until a tune succeeds, showing progress on stderr"
    )
    wait.add_argument("tune", metavar="ID", help="the tune's id")
    wait.add_argument(
        "--timeout", type=_positive_float, metavar="S", help="the most seconds to wait"
    )
    wait.add_argument("--json", action="store_true", help=_JSON_HELP)
    wait.set_defaults(handler=run_tune_wait)


def _add_tune_create(actions: _Commands, common: list[argparse.ArgumentParser]) -> None:
    from ._parser import _positive_float, _positive_int

    create = actions.add_parser(
        "create",
        parents=common,
        help="upload images and start a LoRA tune on them",
        description="Upload the images as file assets (with a progress bar on stderr), wait "
        "until they are checked, start a LoRA tune on them and print it.",
    )
    create.add_argument("--name", required=True, help="the tune's name; its LoRA is named after it")
    create.add_argument(
        "--checkpoint",
        required=True,
        metavar="ID_OR_NAME",
        help="the base checkpoint, such as octoai:default-sdxl",
    )
    create.add_argument(
        "--image",
        dest="images",
        action="append",
        required=True,
        metavar="FILE",
        help="a training image (.png, .jpg, .jpeg), repeatable",
    )
    create.add_argument(
        "--caption",
        dest="captions",
        action="append",
        metavar="TEXT",
        help="one caption per --image, in the same order (default: the trigger word)",
    )
    create.add_argument("--trigger-word", required=True, metavar="WORD")
    create.add_argument(
        "--steps",
        type=_positive_int,
        required=True,
        metavar="N",
        help="training steps, about 75 to 100 per image",
    )
    create.add_argument("--seed", type=_non_negative_int, metavar="N")
    create.add_argument("--description", metavar="TEXT")
    create.add_argument(
        "--continue-on-rejection",
        action="store_true",
        help="train on the other images if the service rejects one",
    )
    create.add_argument(
        "--wait", action="store_true", help="wait until the LoRA is made, showing progress"
    )
    create.add_argument(
        "--timeout", type=_positive_float, metavar="S", help="with --wait: the most seconds to wait"
    )
    create.add_argument(
        "--json",
        action="store_true",
        help="print the tune as JSON (with --wait, the finished tune only)",
    )
    create.set_defaults(handler=run_tune_create)
