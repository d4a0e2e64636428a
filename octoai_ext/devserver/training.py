"""Fine-tuning's operations over the store: tunes, their lifecycle, and the LoRAs they make."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from .apierrors import ApiError, FieldErrors
from .ids import IdMaker
from .library import resolve_asset
from .lifecycle import TuneEnd, asset_status, cancel_refusal, due_end
from .listing import TuneQuery, page, tune_matches
from .objectstore import ObjectStore
from .outputs import output_asset
from .records import AssetRecord, TuneRecord, owned
from .rules import Resolved, TrainingCheck, check_latent_tune, check_lora_tune
from .store import PlatformStore
from .views import tune_json

__all__ = ["LATENT_ENGINE", "Training"]

#: The engine of the voices text-to-speech latent tunes make.
LATENT_ENGINE: Final = "audio/tortoise-tts"


class Training:
    """Creates tunes and writes their ends, with the assets successful tunes make.

    Args:
        store: The metadata.
        objects: The files.
        ids: Makes tune and asset ids.
        pending_seconds: How long a new tune stays ``pending``.
        tune_seconds: How long it then stays ``running``.
        clock: Wall-clock time in seconds since the epoch.
    """

    def __init__(
        self,
        store: PlatformStore,
        objects: ObjectStore,
        ids: IdMaker,
        *,
        pending_seconds: float,
        tune_seconds: float,
        clock: Callable[[], float],
    ) -> None:
        self.store = store
        self.objects = objects
        self._ids = ids
        self._pending_seconds = pending_seconds
        self._tune_seconds = tune_seconds
        self.clock = clock

    # ---- ends --------------------------------------------------------------------------

    def now(self) -> float:
        """The current time, with the end of every tune due by then written first.

        Requests that list tunes or assets, or resolve asset references, read the time here
        (once each), so that tunes due to have ended are ended, and their LoRAs exist.
        """
        now = self.clock()
        self._settle(now)
        return now

    def _settle(self, now: float) -> None:
        """Write the end of every tune that ended by ``now`` (once each)."""
        for tune in self.store.unended_tunes(now):
            self._write_end(tune, now)

    def _write_end(self, tune: TuneRecord, now: float) -> TuneRecord:
        end = due_end(tune, now)
        if end is None:
            return tune
        output = self._output(tune, end) if end.status == "succeeded" else None
        if end.status == "succeeded" and output is None:
            end = TuneEnd(
                "failed",
                end.at,
                f"An asset named {tune.name} already exists, so the tune's output could not "
                "be saved.",
            )
        ended = dataclasses.replace(
            tune,
            status=end.status,
            status_details=end.details,
            ended_at=end.at,
            output_ids=(output.id,) if output is not None else (),
        )
        try:
            with self.store.transaction():
                if output is not None:
                    self.store.add_asset(output)
                self.store.save_tune(ended)
        except BaseException:
            if output is not None:
                self.objects.remove(output.id)
            raise
        return ended

    def _output(self, tune: TuneRecord, end: TuneEnd) -> AssetRecord | None:
        """The asset a successful tune makes, its file written; None when its name is taken."""
        if self.store.asset_named(tune.tenant, tune.name) is not None:
            return None
        asset, content = output_asset(tune, self._ids.new("asset", end.at), end.at)
        self.objects.write(asset.id, content)
        return asset

    # ---- creation ----------------------------------------------------------------------

    def _resolved(self, caller: str, text: str, now: float) -> Resolved | None:
        asset = resolve_asset(self.store, caller, text)
        return None if asset is None else Resolved(asset, asset_status(asset, now))

    def _lora(
        self, caller: str, details: Mapping[str, Any], now: float
    ) -> tuple[TrainingCheck, dict[str, Any], AssetRecord | None]:
        reference = str(details["base_checkpoint"]["checkpoint_id"])
        checkpoint = self._resolved(caller, reference, now)
        files = [self._resolved(caller, str(f["file_id"]), now) for f in details["files"]]
        check = check_lora_tune(details, checkpoint, files)
        if check.problems or checkpoint is None:
            return check, {}, None
        word = str(details["trigger_words"][0])
        answered = {
            "tune_type": "lora_tune",
            "base_checkpoint": {
                "checkpoint_id": checkpoint.asset.id,
                "engine": checkpoint.asset.engine,
                "name": checkpoint.asset.name,
            },
            "files": [
                {"file_id": found.asset.id, "caption": item.get("caption") or word}
                for item, found in zip(details["files"], files, strict=True)
                if found is not None
            ],
            "steps": int(details["steps"]),
            "trigger_words": [word],
            "seed": details.get("seed"),
            "resize_images": bool(details.get("resize_images") or False),
        }
        return check, answered, checkpoint.asset

    def _latent(
        self, caller: str, details: Mapping[str, Any], now: float
    ) -> tuple[TrainingCheck, dict[str, Any]]:
        found = [self._resolved(caller, str(ref), now) for ref in details["asset_ids"]]
        check = check_latent_tune(details, found)
        answered = {
            "tune_type": "text_to_speech_latent_tune",
            "asset_ids": [item.asset.id for item in found if item is not None],
            "inline_assets": bool(details.get("inline_assets") or False),
        }
        return check, answered

    def create(
        self, caller: str, body: Mapping[str, Any], *, fail: str | None = None
    ) -> dict[str, Any]:
        """Create a tune and answer the spec's ``Tune``.

        Args:
            caller: The caller's tenant.
            body: The ``CreateTuneRequest``.
            fail: Make the tune fail with this message when it would succeed (fault injection).

        Raises:
            ApiError: The name is taken by a tune or an asset (409).
            FieldErrors: The details name missing or unsuitable assets.
        """
        now = self.now()
        name = str(body["name"])
        if self.store.tune_named(caller, name) is not None:
            raise ApiError.conflict(f"A tune named {name} already exists.", "name")
        if self.store.asset_named(caller, name) is not None:
            raise ApiError.conflict(
                f"An asset named {name} already exists; the tune's output would take that name.",
                "name",
            )
        details = body["details"]
        checkpoint: AssetRecord | None = None
        if details["tune_type"] == "lora_tune":
            check, answered, checkpoint = self._lora(caller, details, now)
        else:
            check, answered = self._latent(caller, details, now)
        if check.problems:
            raise FieldErrors(check.problems)
        running_at = now + self._pending_seconds
        finishes_at = running_at + self._tune_seconds
        fail_at, fail_message = self._failure(check, body, fail, running_at, finishes_at)
        tune = TuneRecord(
            id=self._ids.new("tune", now),
            tenant=caller,
            name=name,
            tune_type=str(details["tune_type"]),
            details=answered,
            description=body.get("description") or "",
            created_at=now,
            running_at=running_at,
            finishes_at=finishes_at,
            fail_at=fail_at,
            fail_message=fail_message,
            checkpoint_id=checkpoint.id if checkpoint is not None else None,
            engine=checkpoint.engine if checkpoint is not None else LATENT_ENGINE,
            trigger_words=tuple(answered.get("trigger_words", ())),
            input_ids=tuple(check.used),
            rejected_ids=tuple(check.rejected),
        )
        try:
            self.store.add_tune(tune)
        except sqlite3.IntegrityError:
            raise ApiError.conflict(f"A tune named {name} already exists.", "name") from None
        return tune_json(tune, now)

    @staticmethod
    def _failure(
        check: TrainingCheck,
        body: Mapping[str, Any],
        fail: str | None,
        running_at: float,
        finishes_at: float,
    ) -> tuple[float | None, str | None]:
        """When and why a new tune will fail, if it will."""
        if check.rejected and not body.get("continue_on_rejection"):
            rejected = ", ".join(check.rejected)
            return running_at, (
                f"Training files were rejected: {rejected}. Set continue_on_rejection to train "
                "without them."
            )
        if not check.used:
            return running_at, "Every training file was rejected; nothing is left to train on."
        if fail is not None:
            return finishes_at, fail
        return None, None

    # ---- reads and changes -------------------------------------------------------------

    def _own(self, caller: str, tune_id: str, now: float) -> TuneRecord:
        tune = owned(self.store.live_tune(tune_id), caller)
        if tune is None:
            raise ApiError.not_found(f"No tune {tune_id} of yours was found.", "tune_id")
        return self._write_end(tune, now)

    def get(self, caller: str, tune_id: str) -> dict[str, Any]:
        """Answer one of the caller's tunes.

        Raises:
            ApiError: No such tune of the caller's (404).
        """
        now = self.clock()
        return tune_json(self._own(caller, tune_id, now), now)

    def cancel(self, caller: str, tune_id: str) -> dict[str, Any]:
        """Cancel a pending or running tune and answer it.

        Raises:
            ApiError: No such tune of the caller's (404), or it already ended (409).
        """
        now = self.clock()
        tune = self._own(caller, tune_id, now)
        refusal = cancel_refusal(tune, now)
        if refusal is not None:
            raise ApiError.conflict(refusal)
        cancelled = dataclasses.replace(tune, status="cancelled", ended_at=now)
        self.store.save_tune(cancelled)
        return tune_json(cancelled, now)

    def delete(self, caller: str, tune_id: str) -> dict[str, Any]:
        """Delete one of the caller's tunes (its assets stay) and answer it.

        Raises:
            ApiError: No such tune of the caller's (404).
        """
        now = self.clock()
        deleted = dataclasses.replace(self._own(caller, tune_id, now), deleted_at=now)
        self.store.save_tune(deleted)
        return tune_json(deleted, now)

    def list(self, query: TuneQuery, *, offset: int, limit: int) -> dict[str, Any]:
        """Answer one page of the caller's tunes, the spec's ``ListTunesResponse``."""
        now = self.now()
        tunes: Sequence[TuneRecord] = self.store.live_tunes(query.caller)
        found = page([t for t in tunes if tune_matches(t, query)], offset, limit)
        return {
            "data": [tune_json(t, now) for t in found.items],
            "has_more": found.has_more,
            "total": found.total,
        }
