"""``octoai tune``: train a LoRA on image files; list, show, wait on, cancel or delete tunes."""

from __future__ import annotations

import itertools
import re
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .. import AssetFailedError, AssetRejectedError, OctoAI, OctoAIError, OctoAITimeoutError
from ._context import Context
from ._exits import CliError, ExitCode, describe, exit_code_for, usage_error
from ._progress import Progress
from ._show import TUNE_COLUMNS, fields, summary_of_tune, table, tune_row
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
    from octoai_api.models import Asset, Tune

__all__ = [
    "image_names",
    "run_tune_cancel",
    "run_tune_create",
    "run_tune_delete",
    "run_tune_get",
    "run_tune_list",
    "run_tune_wait",
]

#: The image formats a LoRA tune trains on.
_IMAGE_FORMATS: Final = {"png": "png", "jpg": "jpg", "jpeg": "jpeg"}
# Asset names are letters, digits, '.', '_' and '-', starting with a letter or digit.
_NOT_NAME: Final = re.compile(r"[^A-Za-z0-9._-]+")
_PART_LENGTH: Final = 48


def _slug(text: str) -> str:
    return _NOT_NAME.sub("-", text).lstrip("._-")[:_PART_LENGTH].rstrip("._-")


def image_names(tune_name: str, paths: Sequence[Path], run: str | None = None) -> list[str]:
    """Asset names for a tune's images, from the tune's name and each file's name.

    A random part shared by one run keeps them apart from the images of an earlier attempt
    under the same tune name, and the position keeps apart two files with the same name.
    """
    run = run or secrets.token_hex(3)
    base = _slug(tune_name) or "tune"
    return [
        f"{base}-{run}-{index:02d}-{_slug(path.stem) or 'image'}"
        for index, path in enumerate(paths, 1)
    ]


def _image(text: str) -> tuple[Path, str]:
    path = readable_file(text, "the image")
    file_format = _IMAGE_FORMATS.get(path.suffix.lower().lstrip("."))
    if file_format is None:
        raise usage_error(f"--image {text}: a tune trains on .png, .jpg or .jpeg files")
    return path, file_format


def run_tune_create(ctx: Context) -> ExitCode:
    """Upload the images as `file` assets, start the tune and print it; maybe wait for it."""
    args = ctx.args
    images = [_image(text) for text in args.images]
    captions: list[str] = args.captions or []
    if captions and len(captions) != len(images):
        raise usage_error(
            f"{len(captions)} --caption for {len(images)} --image: give one caption per image, "
            "in the same order, or none"
        )
    names = image_names(args.name, [path for path, _ in images])
    client = ctx.client()
    uploaded: list[Asset] = []
    try:
        for (path, file_format), name in zip(images, names, strict=True):
            data = {"asset_type": "file", "file_format": file_format}
            uploaded.append(upload(ctx, client, UploadRequest(path, name, data), Deadline(None)))
        ready = [
            _ready_image(ctx, client, path, asset, args.continue_on_rejection)
            for (path, _), asset in zip(images, uploaded, strict=True)
        ]
        tune = client.tune.create(
            name=args.name,
            base_checkpoint=args.checkpoint,
            files=list(zip((a.id for a in ready), captions, strict=True)) if captions else ready,
            trigger_words=args.trigger_word,
            steps=args.steps,
            seed=args.seed,
            description=args.description,
            continue_on_rejection=args.continue_on_rejection,
        )
    except CliError as exc:
        raise CliError(str(exc) + _kept(uploaded), exc.code) from None
    except OctoAIError as exc:
        raise CliError(describe(exc) + _kept(uploaded), exit_code_for(exc)) from None
    except KeyboardInterrupt:
        raise CliError("interrupted" + _kept(uploaded), ExitCode.INTERRUPTED) from None
    if not args.wait:
        _print_tune(ctx, tune)
        return ExitCode.OK
    if not args.json:
        _print_tune(ctx, tune)
    try:
        done = _wait(ctx, client, tune.id, tune.name, args.timeout)
    except CliError:
        if args.json:
            # The tune goes on: its id must not be lost with the wait.
            ctx.out.json(tune.to_dict())
        raise
    if args.json:
        ctx.out.json(done.to_dict())
        return ExitCode.OK
    names_by_id = _lora_names(client, done)
    ctx.out.line()
    loras = [(lora_id, names_by_id.get(lora_id)) for lora_id in done.output_lora_ids]
    for line in fields([("lora", f"{name} ({i})" if name else i) for i, name in loras]):
        ctx.out.line(line)
    return ExitCode.OK


def _ready_image(ctx: Context, client: OctoAI, path: Path, asset: Asset, go_on: bool) -> Asset:
    """Wait for an uploaded image; a rejected one is kept when the tune may go on without it."""
    wrong, status = unusable(asset), str(asset.status)
    if wrong is None:
        try:
            return wait_until_ready(ctx, client, asset, Deadline(None))
        except (AssetRejectedError, AssetFailedError) as exc:
            wrong, status = refused(exc, asset), exc.status
    if status != "rejected" or not go_on:
        raise CliError(f"image {path}: {wrong}", ExitCode.API_ERROR)
    ctx.console.message(
        f"octoai: warning: image {path}: {wrong}; the tune goes on without it "
        "(--continue-on-rejection)"
    )
    return asset


def _kept(uploaded: Sequence[Asset]) -> str:
    """What to tell about the images already uploaded when the command stops early."""
    if not uploaded:
        return ""
    ids = " ".join(asset.id for asset in uploaded)
    if len(uploaded) == 1:
        return (
            "; the image uploaded stays in the asset library; "
            f"delete it with: octoai asset delete {ids}"
        )
    return (
        f"; the {len(uploaded)} images uploaded stay in the asset library; "
        f"delete them with: octoai asset delete {ids}"
    )


def _wait(
    ctx: Context, client: OctoAI, tune_id: str, name: str | None, timeout: float | None
) -> Tune:
    """Wait until the tune succeeds, showing its state; a stopped wait says how to resume."""
    tune = f"tune {name!r} ({tune_id})" if name else f"tune {tune_id}"
    again = f"wait again with: octoai tune wait {tune_id}"
    try:
        with Progress(ctx.console, f"tune {name or tune_id}") as progress:
            return client.tune.wait(
                tune_id, on_progress=progress.update, **Deadline(timeout).options()
            )
    except KeyboardInterrupt:
        raise CliError(
            f"interrupted; {tune} goes on in the service; {again}", ExitCode.INTERRUPTED
        ) from None
    except OctoAITimeoutError as exc:
        raise CliError(f"{describe(exc)}; {again}", ExitCode.TIMEOUT) from None


def _lora_names(client: OctoAI, tune: Tune) -> dict[str, str]:
    """The names of the LoRAs a tune made, by id; one that cannot be read is left out."""
    names: dict[str, str] = {}
    for lora_id in tune.output_lora_ids:
        try:
            names[lora_id] = client.asset.get(lora_id).name
        except OctoAIError:
            continue
    return names


def run_tune_wait(ctx: Context) -> ExitCode:
    """Wait until a tune succeeds and print it, with the names of its LoRAs."""
    client = ctx.client()
    # The first reading is the wait's own: a Ctrl-C at any moment finds the wait running.
    done = _wait(ctx, client, ctx.args.tune, None, ctx.args.timeout)
    _print_tune(ctx, done, _lora_names(client, done) if not ctx.args.json else None)
    return ExitCode.OK


def run_tune_get(ctx: Context) -> ExitCode:
    """Print one tune."""
    _print_tune(ctx, ctx.client().tune.get(ctx.args.tune))
    return ExitCode.OK


def run_tune_cancel(ctx: Context) -> ExitCode:
    """Cancel a pending or running tune and print it."""
    _print_tune(ctx, ctx.client().tune.cancel(ctx.args.tune))
    return ExitCode.OK


def run_tune_delete(ctx: Context) -> ExitCode:
    """Delete tunes, printing the id of each; their LoRAs and images stay."""
    client = ctx.client()
    for reference in ctx.args.tunes:
        ctx.out.line(f"deleted {client.tune.delete(reference).id}")
    return ExitCode.OK


def run_tune_list(ctx: Context) -> ExitCode:
    """Print the matching tunes as a table, or as JSON lines with ``--json``."""
    args = ctx.args
    client = ctx.client()
    filters: dict[str, Any] = {}
    if args.name:
        filters["name"] = args.name
    if args.trigger_words:
        filters["trigger_words"] = args.trigger_words
    if args.checkpoint:
        # The service filters by the checkpoint's id; people know it by name too.
        filters["base_checkpoint"] = client.asset.get(args.checkpoint).id
    tunes = itertools.islice(client.tune.list(**filters), args.limit)
    if args.json:
        for tune in tunes:
            ctx.out.json_line(tune.to_dict())
        return ExitCode.OK
    rows = [tune_row(tune.to_dict()) for tune in tunes]
    if rows:
        for line in table(TUNE_COLUMNS, rows):
            ctx.out.line(line)
    elif ctx.console.interactive:
        ctx.console.message("octoai: no tunes match")
    return ExitCode.OK


def _print_tune(ctx: Context, tune: Tune, lora_names: dict[str, str] | None = None) -> None:
    if ctx.args.json:
        ctx.out.json(tune.to_dict())
        return
    for line in summary_of_tune(tune.to_dict(), lora_names):
        ctx.out.line(line)
