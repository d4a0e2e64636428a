from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_choice_mode import ToolChoiceMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_request_logit_bias_type_0 import (
        ChatCompletionRequestLogitBiasType0,
    )
    from ..models.chat_message import ChatMessage
    from ..models.function_choice import FunctionChoice
    from ..models.response_format import ResponseFormat
    from ..models.stream_options import StreamOptions
    from ..models.tool_definition import ToolDefinition


T = TypeVar("T", bound="ChatCompletionRequest")


@_attrs_define
class ChatCompletionRequest:
    """A request for the next message of a conversation.

    Attributes:
        model (str): A shared-tenancy model name or the identifier of a custom model.
        messages (list[ChatMessage]): The conversation so far, oldest first.
        max_tokens (int | Unset): The most tokens to generate. Default: 512.
        temperature (float | Unset): Sampling temperature; higher is more random. Default: 1.0.
        top_p (float | Unset): Nucleus sampling probability mass. Default: 1.0.
        min_p (float | Unset): Minimum token probability relative to the most likely token. Default: 0.0.
        n (int | Unset): How many choices to generate. Default: 1.
        stop (list[str] | None | str | Unset): One or more sequences where generation stops.
        presence_penalty (float | Unset): Penalises tokens that already appeared. Default: 0.0.
        frequency_penalty (float | Unset): Penalises tokens by how often they appeared. Default: 0.0.
        repetition_penalty (float | Unset): Multiplicative penalty on repeated tokens. Default: 1.0.
        seed (int | None | Unset): Seed for deterministic sampling.
        stream (bool | Unset): Answer a `text/event-stream` of `ChatCompletionChunk` events. Default: False.
        stream_options (StreamOptions | Unset): Options of a streamed answer.
        response_format (None | ResponseFormat | Unset): Constrains the output format (JSON mode); null is the same as
            leaving it out.
        tools (list[ToolDefinition] | None | Unset): Functions the model may call; null is the same as leaving it out.
        tool_choice (FunctionChoice | None | ToolChoiceMode | Unset): `auto`, `required`, `none`, or a named function
            the model must call; null is the same as leaving it out.
        logprobs (bool | Unset): Return the log probability of each output token. Default: False.
        top_logprobs (int | Unset): How many most likely tokens to return at each position, 0 to 20 (needs `logprobs`).
            Default: 0.
        logit_bias (ChatCompletionRequestLogitBiasType0 | None | Unset): Token id to bias (-100 to 100).
        ignore_eos (bool | Unset): Keep generating after the end-of-sequence token. Default: False.
        log_prompt (bool | Unset): Let the service store the request's prompt. Default: False.
        loglikelihood (bool | Unset): Return the log probabilities of the prompt tokens (all but the first). Default:
            False.
        peft (None | str | Unset): A LoRA / PEFT asset to apply.
        user (None | str | Unset): An id of the end user, for abuse monitoring.
    """

    model: str
    messages: list[ChatMessage]
    max_tokens: int | Unset = 512
    temperature: float | Unset = 1.0
    top_p: float | Unset = 1.0
    min_p: float | Unset = 0.0
    n: int | Unset = 1
    stop: list[str] | None | str | Unset = UNSET
    presence_penalty: float | Unset = 0.0
    frequency_penalty: float | Unset = 0.0
    repetition_penalty: float | Unset = 1.0
    seed: int | None | Unset = UNSET
    stream: bool | Unset = False
    stream_options: StreamOptions | Unset = UNSET
    response_format: None | ResponseFormat | Unset = UNSET
    tools: list[ToolDefinition] | None | Unset = UNSET
    tool_choice: FunctionChoice | None | ToolChoiceMode | Unset = UNSET
    logprobs: bool | Unset = False
    top_logprobs: int | Unset = 0
    logit_bias: ChatCompletionRequestLogitBiasType0 | None | Unset = UNSET
    ignore_eos: bool | Unset = False
    log_prompt: bool | Unset = False
    loglikelihood: bool | Unset = False
    peft: None | str | Unset = UNSET
    user: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_completion_request_logit_bias_type_0 import (
            ChatCompletionRequestLogitBiasType0,
        )
        from ..models.function_choice import FunctionChoice
        from ..models.response_format import ResponseFormat

        model = self.model

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        max_tokens = self.max_tokens

        temperature = self.temperature

        top_p = self.top_p

        min_p = self.min_p

        n = self.n

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

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        stream = self.stream

        stream_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stream_options, Unset):
            stream_options = self.stream_options.to_dict()

        response_format: dict[str, Any] | None | Unset
        if isinstance(self.response_format, Unset):
            response_format = UNSET
        elif isinstance(self.response_format, ResponseFormat):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format

        tools: list[dict[str, Any]] | None | Unset
        if isinstance(self.tools, Unset):
            tools = UNSET
        elif isinstance(self.tools, list):
            tools = []
            for tools_type_0_item_data in self.tools:
                tools_type_0_item = tools_type_0_item_data.to_dict()
                tools.append(tools_type_0_item)

        else:
            tools = self.tools

        tool_choice: dict[str, Any] | None | str | Unset
        if isinstance(self.tool_choice, Unset):
            tool_choice = UNSET
        elif isinstance(self.tool_choice, ToolChoiceMode):
            tool_choice = self.tool_choice.value
        elif isinstance(self.tool_choice, FunctionChoice):
            tool_choice = self.tool_choice.to_dict()
        else:
            tool_choice = self.tool_choice

        logprobs = self.logprobs

        top_logprobs = self.top_logprobs

        logit_bias: dict[str, Any] | None | Unset
        if isinstance(self.logit_bias, Unset):
            logit_bias = UNSET
        elif isinstance(self.logit_bias, ChatCompletionRequestLogitBiasType0):
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
                "messages": messages,
            }
        )
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if min_p is not UNSET:
            field_dict["min_p"] = min_p
        if n is not UNSET:
            field_dict["n"] = n
        if stop is not UNSET:
            field_dict["stop"] = stop
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if repetition_penalty is not UNSET:
            field_dict["repetition_penalty"] = repetition_penalty
        if seed is not UNSET:
            field_dict["seed"] = seed
        if stream is not UNSET:
            field_dict["stream"] = stream
        if stream_options is not UNSET:
            field_dict["stream_options"] = stream_options
        if response_format is not UNSET:
            field_dict["response_format"] = response_format
        if tools is not UNSET:
            field_dict["tools"] = tools
        if tool_choice is not UNSET:
            field_dict["tool_choice"] = tool_choice
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs
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
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_completion_request_logit_bias_type_0 import (
            ChatCompletionRequestLogitBiasType0,
        )
        from ..models.chat_message import ChatMessage
        from ..models.function_choice import FunctionChoice
        from ..models.response_format import ResponseFormat
        from ..models.stream_options import StreamOptions
        from ..models.tool_definition import ToolDefinition

        d = dict(src_dict)
        model = d.pop("model")

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = ChatMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        max_tokens = d.pop("max_tokens", UNSET)

        temperature = d.pop("temperature", UNSET)

        top_p = d.pop("top_p", UNSET)

        min_p = d.pop("min_p", UNSET)

        n = d.pop("n", UNSET)

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

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        stream = d.pop("stream", UNSET)

        _stream_options = d.pop("stream_options", UNSET)
        stream_options: StreamOptions | Unset
        if isinstance(_stream_options, Unset):
            stream_options = UNSET
        else:
            stream_options = StreamOptions.from_dict(_stream_options)

        def _parse_response_format(data: object) -> None | ResponseFormat | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_format_type_0 = ResponseFormat.from_dict(data)

                return response_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseFormat | Unset, data)

        response_format = _parse_response_format(d.pop("response_format", UNSET))

        def _parse_tools(data: object) -> list[ToolDefinition] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tools_type_0 = []
                _tools_type_0 = data
                for tools_type_0_item_data in _tools_type_0:
                    tools_type_0_item = ToolDefinition.from_dict(tools_type_0_item_data)

                    tools_type_0.append(tools_type_0_item)

                return tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ToolDefinition] | None | Unset, data)

        tools = _parse_tools(d.pop("tools", UNSET))

        def _parse_tool_choice(
            data: object,
        ) -> FunctionChoice | None | ToolChoiceMode | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_tool_choice_type_0 = ToolChoiceMode(data)

                return componentsschemas_tool_choice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tool_choice_type_1 = FunctionChoice.from_dict(data)

                return componentsschemas_tool_choice_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FunctionChoice | None | ToolChoiceMode | Unset, data)

        tool_choice = _parse_tool_choice(d.pop("tool_choice", UNSET))

        logprobs = d.pop("logprobs", UNSET)

        top_logprobs = d.pop("top_logprobs", UNSET)

        def _parse_logit_bias(
            data: object,
        ) -> ChatCompletionRequestLogitBiasType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logit_bias_type_0 = ChatCompletionRequestLogitBiasType0.from_dict(data)

                return logit_bias_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionRequestLogitBiasType0 | None | Unset, data)

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

        def _parse_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        chat_completion_request = cls(
            model=model,
            messages=messages,
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=top_p,
            min_p=min_p,
            n=n,
            stop=stop,
            presence_penalty=presence_penalty,
            frequency_penalty=frequency_penalty,
            repetition_penalty=repetition_penalty,
            seed=seed,
            stream=stream,
            stream_options=stream_options,
            response_format=response_format,
            tools=tools,
            tool_choice=tool_choice,
            logprobs=logprobs,
            top_logprobs=top_logprobs,
            logit_bias=logit_bias,
            ignore_eos=ignore_eos,
            log_prompt=log_prompt,
            loglikelihood=loglikelihood,
            peft=peft,
            user=user,
        )

        chat_completion_request.additional_properties = d
        return chat_completion_request

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
