"""Fine-tuning as flows over a core: create a LoRA tune, read, cancel, delete, list and wait.

`lora_details` turns what users have at hand (an `Asset` or an id or `owner:name` for the
checkpoint; assets, ids, `(asset, caption)` pairs or a mapping for the images; one trigger word
as a string) into the `lora_tune` details the service takes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from ._assets import asset_id_of, id_of
from ._errors import OctoAIClientError, OctoAIError, TuneCancelledError, TuneFailedError
from ._flows import Deadline, Flow, start_deadline
from ._lazy import lazy_module
from ._paging import list_page as _list_page
from ._requests import jsonable
from ._types import ProgressCallback
from ._waiting import Schedule, States, poll_until, wait_options

if TYPE_CHECKING:
    from . import _generated
    from ._core import CallOptions, ClientCore
    from ._generated import ListTunesResponse, Tune
else:
    _generated = lazy_module("octoai_ext._generated")

#: Tunes take minutes: the first read comes after a few seconds, later ones up to half a minute.
TUNE_POLL_INTERVAL: Final = 2.0
TUNE_MAX_POLL_INTERVAL: Final = 30.0
#: Filters of `GET /v1/tunes`; `base_checkpoint` is accepted for `base_checkpoint_id`.
TUNE_FILTERS: Final = frozenset(
    {"name", "tune_type", "base_checkpoint_id", "trigger_words", "engine"}
)
_MULTI_FILTERS: Final = frozenset({"trigger_words"})


def tune_id_of(tune: Any) -> str:
    """The id of `tune`: a `Tune` or a string."""
    return id_of(tune, "a Tune or a tune id")


def _status(tune: Tune) -> str:
    return tune.status.value if isinstance(tune.status, enum.Enum) else str(tune.status)


def _failed(tune: Tune) -> OctoAIError:
    details = tune.status_details or ""
    return TuneFailedError(
        f"tune {tune.name!r} ({tune.id}) failed" + (f": {details}" if details else ""),
        status="failed",
        status_details=details,
    )


def _cancelled(tune: Tune) -> OctoAIError:
    return TuneCancelledError(
        f"tune {tune.name!r} ({tune.id}) was cancelled",
        status="cancelled",
        status_details=tune.status_details or "",
    )


_TUNE_STATES: States[Tune] = States(
    kind="tune",
    state_of=_status,
    done=frozenset({"succeeded"}),
    going=frozenset({"pending", "running"}),
    failed={"failed": _failed, "cancelled": _cancelled},
)


def _checkpoint(base_checkpoint: Any) -> dict[str, Any]:
    if isinstance(base_checkpoint, str) and base_checkpoint:
        return {"checkpoint_id": base_checkpoint}
    if hasattr(base_checkpoint, "checkpoint_id"):
        return dict(jsonable(base_checkpoint))  # a generated LoraTuneCheckpoint
    checkpoint: dict[str, Any] = {"checkpoint_id": asset_id_of(base_checkpoint)}
    # The engine lives in the asset's data; the name is kept in case the asset goes away.
    engine = getattr(getattr(base_checkpoint, "data", None), "engine", None)
    if engine is not None:
        checkpoint["engine"] = jsonable(engine)
    name = getattr(base_checkpoint, "name", None)
    if isinstance(name, str):
        checkpoint["name"] = name
    return checkpoint


def _file(item: Any, caption: Any = None) -> dict[str, Any]:
    if hasattr(item, "file_id"):
        return dict(jsonable(item))  # a generated LoraTuneFile
    entry: dict[str, Any] = {"file_id": asset_id_of(item)}
    if caption is not None:
        if not isinstance(caption, str):
            raise OctoAIClientError(f"a caption must be a string, not {caption!r}")
        entry["caption"] = caption
    return entry


def _files(files: Any) -> list[dict[str, Any]]:
    if isinstance(files, Mapping):
        entries = [_file(item, caption) for item, caption in files.items()]
    elif isinstance(files, str) or not isinstance(files, Iterable):
        raise OctoAIClientError(
            "files must be a list of assets or ids, of (asset, caption) pairs, or a mapping "
            "from asset to caption"
        )
    else:
        entries = [_file(*item) if isinstance(item, tuple) else _file(item) for item in files]
    if not entries:
        raise OctoAIClientError("a tune needs at least one training image")
    return entries


def lora_details(
    *,
    base_checkpoint: Any,
    files: Any,
    trigger_words: str | Iterable[str],
    steps: int,
    seed: int | None,
    resize_images: bool | None,
) -> dict[str, Any]:
    """The `lora_tune` details of a tune request, from what users have at hand.

    Raises:
        OctoAIClientError: An argument of the wrong shape.
    """
    words = [trigger_words] if isinstance(trigger_words, str) else list(trigger_words)
    if not words or not all(isinstance(word, str) and word for word in words):
        raise OctoAIClientError("trigger_words must be a word, or a list of words")
    if not isinstance(steps, int) or isinstance(steps, bool) or steps < 1:
        raise OctoAIClientError(f"steps must be a positive whole number, not {steps!r}")
    details: dict[str, Any] = {
        "tune_type": "lora_tune",
        "base_checkpoint": _checkpoint(base_checkpoint),
        "files": _files(files),
        "trigger_words": words,
        "steps": steps,
    }
    if seed is not None:
        details["seed"] = seed
    if resize_images is not None:
        details["resize_images"] = resize_images
    return details


def _on_tune(
    core: ClientCore,
    operation: str,
    tune_id: str,
    options: CallOptions,
    deadline: Deadline | None,
) -> Flow[Tune]:
    """`operation` (`get`, `cancel`, `delete`) on one tune; the service answers with the tune."""
    spec = core.platform_call(_generated.TUNE_ROUTES(operation, tune_id), options)
    response = yield from core.call(spec, deadline)
    return core.parse_model(_generated.Tune.from_dict, response, "a tune")


def _one(core: ClientCore, operation: str, tune: Any, given: Mapping[str, Any]) -> Flow[Tune]:
    options = core.options(given)
    tune_id = tune_id_of(tune)
    return (yield from _on_tune(core, operation, tune_id, options, options.deadline(core.clock)))


def get(core: ClientCore, tune: Any, given: Mapping[str, Any]) -> Flow[Tune]:
    """A tune by id."""
    return _one(core, "get", tune, given)


def cancel(core: ClientCore, tune: Any, given: Mapping[str, Any]) -> Flow[Tune]:
    """Cancel a pending or running tune."""
    return _one(core, "cancel", tune, given)


def delete(core: ClientCore, tune: Any, given: Mapping[str, Any]) -> Flow[Tune]:
    """Delete a tune; its LoRA and training images stay in the asset library."""
    return _one(core, "delete", tune, given)


def create(
    core: ClientCore,
    given: Mapping[str, Any],
    *,
    name: str,
    details: Any,
    description: str | None,
    continue_on_rejection: bool,
    wait: bool = False,
    on_progress: ProgressCallback | None = None,
) -> Flow[Tune]:
    """Start a tune; with `wait`, then wait until it succeeds.

    With `wait`, the `timeout` in `given` bounds the wait that follows the creating request
    (as in `wait`); that request has the client's default limits.
    """
    if not isinstance(name, str) or not name:
        raise OctoAIClientError("a tune needs a non-empty name")
    options = core.options({k: v for k, v in given.items() if not (wait and k == "timeout")})
    body: dict[str, Any] = {
        "name": name,
        "details": jsonable(details),
        "continue_on_rejection": continue_on_rejection,
    }
    if description is not None:
        body["description"] = description
    body.update(options.extra_body or {})
    spec = core.platform_call(_generated.TUNE_ROUTES("create"), options, json=body)
    response = yield from core.call(spec, options.deadline(core.clock))
    tune = core.parse_model(_generated.Tune.from_dict, response, "a created tune")
    if not wait:
        return tune
    # The wait takes the request options as given (its `timeout` included), not the body's.
    return (
        yield from _wait(
            core,
            tune_id_of(tune),
            {k: v for k, v in given.items() if k != "extra_body"},
            interval=TUNE_POLL_INTERVAL,
            max_interval=TUNE_MAX_POLL_INTERVAL,
            on_progress=on_progress,
        )
    )


def wait(
    core: ClientCore,
    tune: Any,
    given: Mapping[str, Any],
    *,
    interval: float,
    max_interval: float,
    on_progress: ProgressCallback | None,
) -> Flow[Tune]:
    """Read a tune until it succeeds; a failed or cancelled tune raises its typed error."""
    return (
        yield from _wait(
            core,
            tune_id_of(tune),
            given,
            interval=interval,
            max_interval=max_interval,
            on_progress=on_progress,
        )
    )


def _wait(
    core: ClientCore,
    tune_id: str,
    given: Mapping[str, Any],
    *,
    interval: float,
    max_interval: float,
    on_progress: ProgressCallback | None,
) -> Flow[Tune]:
    options, budget = wait_options(core, given, default_budget=None)
    return (
        yield from poll_until(
            lambda deadline: _on_tune(core, "get", tune_id, options, deadline),
            _TUNE_STATES,
            subject=tune_id,
            clock=core.clock,
            deadline=start_deadline(budget, core.clock),
            schedule=Schedule(interval, max_interval),
            on_progress=on_progress,
            later="it goes on in the service: wait on it again later",
        )
    )


def list_page(
    core: ClientCore,
    filters: Mapping[str, Any],
    given: Mapping[str, Any],
    *,
    limit: int,
    offset: int,
) -> Flow[ListTunesResponse]:
    """One page of tunes matching `filters`, with `has_more` and `total`."""
    filters = dict(filters)
    if "base_checkpoint" in filters:
        filters["base_checkpoint_id"] = filters.pop("base_checkpoint")
    page = _list_page(
        core,
        _generated.TUNE_ROUTES("list"),
        filters,
        given,
        known=TUNE_FILTERS,
        multi=_MULTI_FILTERS,
        limit=limit,
        offset=offset,
        parse=_generated.ListTunesResponse.from_dict,
        what="a list of tunes",
    )
    return (yield from page)
