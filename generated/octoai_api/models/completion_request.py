from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.completion_request_logit_bias_type_0 import (
        CompletionRequestLogitBiasType0,
    )
    from ..models.stream_options import StreamOptions


T = TypeVar("T", bound="CompletionRequest")


@_attrs_define
class CompletionRequest:
    """A request to continue a prompt.

    Attributes:
        model (str): A shared-tenancy model name or the identifier of a custom model.
        prompt (list[int] | list[list[int]] | list[str] | None | str): The prompt, as text, a list of texts, token ids
            or lists of token ids. Null is an empty prompt.
        suffix (None | str | Unset):
        max_tokens (int | Unset):  Default: 512.
        temperature (float | Unset):  Default: 1.0.
        top_p (float | Unset):  Default: 1.0.
        n (int | Unset):  Default: 1.
        best_of (int | Unset):  Default: 1.
        echo (bool | Unset):  Default: False.
        stop (list[str] | None | str | Unset): One or more sequences where generation stops.
        presence_penalty (float | Unset):  Default: 0.0.
        frequency_penalty (float | Unset):  Default: 0.0.
        repetition_penalty (float | Unset): Multiplicative penalty on repeated tokens. Default: 1.0.
        min_p (float | Unset): Minimum token probability relative to the most likely token. Default: 0.0.
        seed (int | None | Unset):
        logprobs (int | None | Unset):
        logit_bias (CompletionRequestLogitBiasType0 | None | Unset): Token id to bias (-100 to 100).
        ignore_eos (bool | Unset): Keep generating after the end-of-sequence token. Default: False.
        log_prompt (bool | Unset): Let the service store the request's prompt. Default: False.
        loglikelihood (bool | Unset): Return the log probabilities of the prompt tokens (all but the first). Default:
            False.
        peft (None | str | Unset): A LoRA / PEFT asset to apply.
        stream (bool | Unset):  Default: False.
        stream_options (StreamOptions | Unset): Options of a streamed answer.
        user (None | str | Unset):
    """

    model: str
    prompt: list[int] | list[list[int]] | list[str] | None | str
    suffix: None | str | Unset = UNSET
    max_tokens: int | Unset = 512
    temperature: float | Unset = 1.0
    top_p: float | Unset = 1.0
    n: int | Unset = 1
    best_of: int | Unset = 1
    echo: bool | Unset = False
    stop: list[str] | None | str | Unset = UNSET
    presence_penalty: float | Unset = 0.0
    frequency_penalty: float | Unset = 0.0
    repetition_penalty: float | Unset = 1.0
    min_p: float | Unset = 0.0
    seed: int | None | Unset = UNSET
    logprobs: int | None | Unset = UNSET
    logit_bias: CompletionRequestLogitBiasType0 | None | Unset = UNSET
    ignore_eos: bool | Unset = False
    log_prompt: bool | Unset = False
    loglikelihood: bool | Unset = False
    peft: None | str | Unset = UNSET
    stream: bool | Unset = False
    stream_options: StreamOptions | Unset = UNSET
    user: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.completion_request_logit_bias_type_0 import (
            CompletionRequestLogitBiasType0,
        )

        model = self.model

        prompt: list[int] | list[list[int]] | list[str] | None | str
        if isinstance(self.prompt, list) or isinstance(self.prompt, list):
            prompt = self.prompt

        elif isinstance(self.prompt, list):
            prompt = []
            for prompt_type_3_item_data in self.prompt:
                prompt_type_3_item = prompt_type_3_item_data

                prompt.append(prompt_type_3_item)

        else:
            prompt = self.prompt

        suffix: None | str | Unset
        if isinstance(self.suffix, Unset):
            suffix = UNSET
        else:
            suffix = self.suffix

        max_tokens = self.max_tokens

        temperature = self.temperature

        top_p = self.top_p

        n = self.n

        best_of = self.best_of

        echo = self.echo

        stop: list[str] | None | str | Unset
        if isinstance(self.stop, Unset):
            stop = UNSET
        elif isinstance(self.stop, list):
            stop = self.stop

        else:
            stop = self.stop

        presence_penalty = self.presence_penalty

        frequency_penalty = self.frequency_penalty

        repetition_penalty = self.repetition_penalty

        min_p = self.min_p

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        logprobs: int | None | Unset
        if isinstance(self.logprobs, Unset):
            logprobs = UNSET
        else:
            logprobs = self.logprobs

        logit_bias: dict[str, Any] | None | Unset
        if isinstance(self.logit_bias, Unset):
            logit_bias = UNSET
        elif isinstance(self.logit_bias, CompletionRequestLogitBiasType0):
            logit_bias = self.logit_bias.to_dict()
        else:
            logit_bias = self.logit_bias

        ignore_eos = self.ignore_eos

        log_prompt = self.log_prompt

        loglikelihood = self.loglikelihood

        peft: None | str | Unset
        if isinstance(self.peft, Unset):
            peft = UNSET
        else:
            peft = self.peft

        stream = self.stream

        stream_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stream_options, Unset):
            stream_options = self.stream_options.to_dict()

        user: None | str | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        else:
            user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "prompt": prompt,
            }
        )
        if suffix is not UNSET:
            field_dict["suffix"] = suffix
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if n is not UNSET:
            field_dict["n"] = n
        if best_of is not UNSET:
            field_dict["best_of"] = best_of
        if echo is not UNSET:
            field_dict["echo"] = echo
        if stop is not UNSET:
            field_dict["stop"] = stop
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if repetition_penalty is not UNSET:
            field_dict["repetition_penalty"] = repetition_penalty
        if min_p is not UNSET:
            field_dict["min_p"] = min_p
        if seed is not UNSET:
            field_dict["seed"] = seed
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if logit_bias is not UNSET:
            field_dict["logit_bias"] = logit_bias
        if ignore_eos is not UNSET:
            field_dict["ignore_eos"] = ignore_eos
        if log_prompt is not UNSET:
            field_dict["log_prompt"] = log_prompt
        if loglikelihood is not UNSET:
            field_dict["loglikelihood"] = loglikelihood
        if peft is not UNSET:
            field_dict["peft"] = peft
        if stream is not UNSET:
            field_dict["stream"] = stream
        if stream_options is not UNSET:
            field_dict["stream_options"] = stream_options
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.completion_request_logit_bias_type_0 import (
            CompletionRequestLogitBiasType0,
        )
        from ..models.stream_options import StreamOptions

        d = dict(src_dict)
        model = d.pop("model")

        def _parse_prompt(
            data: object,
        ) -> list[int] | list[list[int]] | list[str] | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prompt_type_1 = cast(list[str], data)

                return prompt_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prompt_type_2 = cast(list[int], data)

                return prompt_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prompt_type_3 = []
                _prompt_type_3 = data
                for prompt_type_3_item_data in _prompt_type_3:
                    prompt_type_3_item = cast(list[int], prompt_type_3_item_data)

                    prompt_type_3.append(prompt_type_3_item)

                return prompt_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | list[list[int]] | list[str] | None | str, data)

        prompt = _parse_prompt(d.pop("prompt"))

        def _parse_suffix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        suffix = _parse_suffix(d.pop("suffix", UNSET))

        max_tokens = d.pop("max_tokens", UNSET)

        temperature = d.pop("temperature", UNSET)

        top_p = d.pop("top_p", UNSET)

        n = d.pop("n", UNSET)

        best_of = d.pop("best_of", UNSET)

        echo = d.pop("echo", UNSET)

        def _parse_stop(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_stop_sequences_type_1 = cast(list[str], data)

                return componentsschemas_stop_sequences_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        stop = _parse_stop(d.pop("stop", UNSET))

        presence_penalty = d.pop("presence_penalty", UNSET)

        frequency_penalty = d.pop("frequency_penalty", UNSET)

        repetition_penalty = d.pop("repetition_penalty", UNSET)

        min_p = d.pop("min_p", UNSET)

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        def _parse_logprobs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        logprobs = _parse_logprobs(d.pop("logprobs", UNSET))

        def _parse_logit_bias(
            data: object,
        ) -> CompletionRequestLogitBiasType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logit_bias_type_0 = CompletionRequestLogitBiasType0.from_dict(data)

                return logit_bias_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompletionRequestLogitBiasType0 | None | Unset, data)

        logit_bias = _parse_logit_bias(d.pop("logit_bias", UNSET))

        ignore_eos = d.pop("ignore_eos", UNSET)

        log_prompt = d.pop("log_prompt", UNSET)

        loglikelihood = d.pop("loglikelihood", UNSET)

        def _parse_peft(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        peft = _parse_peft(d.pop("peft", UNSET))

        stream = d.pop("stream", UNSET)

        _stream_options = d.pop("stream_options", UNSET)
        stream_options: StreamOptions | Unset
        if isinstance(_stream_options, Unset):
            stream_options = UNSET
        else:
            stream_options = StreamOptions.from_dict(_stream_options)

        def _parse_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        completion_request = cls(
            model=model,
            prompt=prompt,
            suffix=suffix,
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=top_p,
            n=n,
            best_of=best_of,
            echo=echo,
            stop=stop,
            presence_penalty=presence_penalty,
            frequency_penalty=frequency_penalty,
            repetition_penalty=repetition_penalty,
            min_p=min_p,
            seed=seed,
            logprobs=logprobs,
            logit_bias=logit_bias,
            ignore_eos=ignore_eos,
            log_prompt=log_prompt,
            loglikelihood=loglikelihood,
            peft=peft,
            stream=stream,
            stream_options=stream_options,
            user=user,
        )

        completion_request.additional_properties = d
        return completion_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
