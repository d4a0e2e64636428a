"""``octoai asset``: upload files to the asset library, list, show and delete assets."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from octoai_api.models import FileExtension, FileFormat

from .. import AssetFailedError, AssetRejectedError
from ._context import Context
from ._exits import CliError, ExitCode, usage_error
from ._show import ASSET_COLUMNS, asset_row, summary_of_asset, table
from ._upload import (
    Deadline,
    UploadRequest,
    readable_file,
    refused,
    unusable,
    upload,
    wait_until_ready,
)

if TYPE_CHECKING:
    from octoai_api.models import Asset

__all__ = [
    "FILE_FORMATS",
    "WEIGHT_FORMATS",
    "file_format_of",
    "run_asset_delete",
    "run_asset_get",
    "run_asset_list",
    "run_asset_upload",
]

#: `--file-format` of weights (`checkpoint`, `lora`, ...): the spec's `FileFormat`.
WEIGHT_FORMATS: Final = tuple(str(value) for value in FileFormat)
#: `--file-format` of `file` assets: the spec's `FileExtension`.
FILE_FORMATS: Final = tuple(str(value) for value in FileExtension)
# Which asset types take which details (the spec's per-type `data` objects).
_TAKE_TRIGGER_WORDS: Final = frozenset({"lora", "textual_inversion"})
_NO_DATA_TYPE: Final = frozenset({"file", "latent"})
_EXAMPLE_ENGINE: Final = "image/stable-diffusion-xl-v1-0"


def file_format_of(path: Path) -> str:
    """The `file_format` of a `file` asset from its extension (``unknown`` for others)."""
    extension = path.suffix.lower().lstrip(".")
    return extension if extension in FILE_FORMATS else "unknown"


def asset_data(args: Any, path: Path) -> dict[str, Any]:
    """The asset's `data` from the options, checked against its type before anything is sent.

    Raises:
        CliError: An option the type does not take, or a missing engine.
    """
    kind: str = args.type
    given = {
        "--engine": args.engine,
        "--data-type": args.data_type,
        "--trigger-word": args.trigger_words,
    }
    if kind == "file":
        for option, value in given.items():
            if value:
                raise usage_error(f"{option} is for weights, not for --type file")
        file_format = args.file_format or file_format_of(path)
        if file_format not in FILE_FORMATS:
            raise usage_error(
                f"--file-format {file_format} is for weights; a file is one of: "
                + ", ".join(FILE_FORMATS)
            )
        return {"asset_type": kind, "file_format": file_format}
    if not args.engine:
        raise usage_error(f"--type {kind} needs --engine, such as {_EXAMPLE_ENGINE}")
    data: dict[str, Any] = {"asset_type": kind, "engine": args.engine}
    if args.data_type:
        if kind in _NO_DATA_TYPE:
            raise usage_error(f"--data-type is not for --type {kind}")
        data["data_type"] = args.data_type
    if args.file_format:
        if args.file_format not in WEIGHT_FORMATS:
            raise usage_error(
                f"--file-format {args.file_format} is for --type file; weights are one "
                "of: " + ", ".join(WEIGHT_FORMATS)
            )
        data["file_format"] = args.file_format
    if args.trigger_words:
        if kind not in _TAKE_TRIGGER_WORDS:
            raise usage_error(f"--trigger-word is for a lora or a textual_inversion, not a {kind}")
        data["trigger_words"] = list(args.trigger_words)
    return data


def run_asset_upload(ctx: Context) -> ExitCode:
    """Upload a file as an asset with a byte bar, wait until it is ready, and print it."""
    args = ctx.args
    path = readable_file(args.path, "the file")
    request = UploadRequest(
        path=path,
        name=args.name,
        data=asset_data(args, path),
        description=args.description,
        is_public=args.public,
    )
    client = ctx.client()
    deadline = Deadline(args.timeout)
    asset = upload(ctx, client, request, deadline)
    wrong = unusable(asset)
    if wrong is None and args.wait:
        try:
            asset = wait_until_ready(ctx, client, asset, deadline)
        except (AssetRejectedError, AssetFailedError) as exc:
            wrong = refused(exc, asset)
    if wrong is not None:
        # The asset keeps its name until it is deleted.
        delete = f"delete it with: octoai asset delete {asset.id}"
        raise CliError(f"{wrong}; {delete}", ExitCode.API_ERROR)
    print_asset(ctx, asset)
    return ExitCode.OK


def run_asset_list(ctx: Context) -> ExitCode:
    """Print the matching assets as a table, or as JSON lines with ``--json``."""
    args = ctx.args
    filters: dict[str, Any] = {}
    for key, value in (
        ("asset_type", args.types),
        ("engine", args.engines),
        ("name", args.name),
        ("owner", args.owner),
    ):
        if value:
            filters[key] = value
    if args.public:
        filters["is_public"] = True
    assets = itertools.islice(ctx.client().asset.list(**filters), args.limit)
    if args.json:
        for asset in assets:
            ctx.out.json_line(asset.to_dict())
        return ExitCode.OK
    rows = [asset_row(asset.to_dict()) for asset in assets]
    if rows:
        for line in table(ASSET_COLUMNS, rows):
            ctx.out.line(line)
    elif ctx.console.interactive:
        ctx.console.message("octoai: no assets match")
    return ExitCode.OK


def run_asset_get(ctx: Context) -> ExitCode:
    """Print one asset, found by id, by name or as ``owner:name``."""
    print_asset(ctx, ctx.client().asset.get(ctx.args.asset))
    return ExitCode.OK


def run_asset_delete(ctx: Context) -> ExitCode:
    """Delete assets by id or name, printing the id of each as it is deleted."""
    client = ctx.client()
    for reference in ctx.args.assets:
        deleted = client.asset.delete(reference)
        ctx.out.line(f"deleted {deleted.id}")
    return ExitCode.OK


def print_asset(ctx: Context, asset: Asset) -> None:
    """An asset on stdout: a summary, or JSON with ``--json``."""
    if ctx.args.json:
        ctx.out.json(asset.to_dict())
        return
    for line in summary_of_asset(asset.to_dict()):
        ctx.out.line(line)
