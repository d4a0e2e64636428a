"""Chat and text completions: `client.text_gen`, `client.chat.completions`, `client.completions`.

Each class has its asyncio twin right below it, with the same methods as coroutines; both build
the same flows (`_text`) and differ only in how they drive them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Unpack, overload

from .. import _text
from .._response import raw_async, raw_sync
from .._types import ChatParams, CompletionParams, Message

if TYPE_CHECKING:
    from .._generated import (
        ChatCompletionChunk,
        ChatCompletionResponse,
        CompletionChunk,
        CompletionResponse,
    )
    from .._streaming import AsyncStream, Stream
    from ..aio import AsyncOctoAI
    from ..client import OctoAI

__all__ = [
    "AsyncChat",
    "AsyncChatCompletions",
    "AsyncCompletions",
    "AsyncTextGen",
    "Chat",
    "ChatCompletions",
    "Completions",
    "TextGen",
]


class TextGen:
    """Chat and text completions: `client.text_gen`."""

    def __init__(self, client: OctoAI) -> None:
        self._client = client

    def create_chat_completion(
        self, *, model: str, messages: Sequence[Message], **params: Unpack[ChatParams]
    ) -> ChatCompletionResponse:
        """Generate the next message of a conversation.

        Args:
            model: The model name, such as `meta-llama-3.1-8b-instruct` (a `TextModel` works).
            messages: The conversation: `ChatMessage` objects or dicts with `role`/`content`.
            **params: The request's optional fields (`max_tokens`, `temperature`, `tools`, ...;
                `None` leaves a field out) and the per-call options (`timeout`, `max_retries`,
                `extra_headers`, `extra_body`).

        Raises:
            AuthenticationError: No token (before sending), or the token was refused (401).
            OctoAIClientError: An unknown argument (before sending), or a 4xx answer (an
                unknown model is `NotFoundError`, bad fields `RequestValidationError`).
            OctoAIServerError: A 5xx answer or a malformed one; `OctoAIConnectionError` when
                no answer arrived.
            OctoAITimeoutError: The `timeout` passed.
        """
        client = self._client
        return client._drive(_text.chat(client._core, model, messages, params))

    def create_chat_completion_stream(
        self, *, model: str, messages: Sequence[Message], **params: Unpack[ChatParams]
    ) -> Stream[ChatCompletionChunk]:
        """Stream the next message as `ChatCompletionChunk` objects, ending at `data: [DONE]`.

        The request is sent at once, so a refused request raises here, not in the loop.

        Raises:
            AuthenticationError: No token, or the token was refused (401).
            OctoAIClientError: An unknown argument, or a 4xx answer.
            OctoAIServerError: A 5xx answer; no answer (`OctoAIConnectionError`).
            OctoAITimeoutError: The `timeout` passed before the stream opened.
            StreamError: While iterating, if the stream breaks, ends early or reports an error.
        """
        client = self._client
        return client._stream(_text.chat_stream(client._core, model, messages, params))

    def create_completion(
        self, *, model: str, prompt: str | Sequence[str], **params: Unpack[CompletionParams]
    ) -> CompletionResponse:
        """Continue a prompt.

        Raises:
            AuthenticationError: No token, or the token was refused (401).
            OctoAIClientError: An unknown argument, or a 4xx answer.
            OctoAIServerError: A 5xx answer or a malformed one; no answer
                (`OctoAIConnectionError`).
            OctoAITimeoutError: The `timeout` passed.
        """
        client = self._client
        return client._drive(_text.completion(client._core, model, prompt, params))

    def create_completion_stream(
        self, *, model: str, prompt: str | Sequence[str], **params: Unpack[CompletionParams]
    ) -> Stream[CompletionChunk]:
        """Stream a completion as `CompletionChunk` events, ending at `data: [DONE]`.

        The request is sent at once, so a refused request raises here, not in the loop.

        Raises:
            AuthenticationError: No token, or the token was refused (401).
            OctoAIClientError: An unknown argument, or a 4xx answer.
            OctoAIServerError: A 5xx answer; no answer (`OctoAIConnectionError`).
            OctoAITimeoutError: The `timeout` passed before the stream opened.
            StreamError: While iterating, if the stream breaks, ends early or reports an error.
        """
        client = self._client
        return client._stream(_text.completion_stream(client._core, model, prompt, params))


class AsyncTextGen:
    """Chat and text completions: `client.text_gen` of `AsyncOctoAI`."""

    def __init__(self, client: AsyncOctoAI) -> None:
        self._client = client

    async def create_chat_completion(
        self, *, model: str, messages: Sequence[Message], **params: Unpack[ChatParams]
    ) -> ChatCompletionResponse:
        """Generate the next message of a conversation.

        Args:
            model: The model name, such as `meta-llama-3.1-8b-instruct` (a `TextModel` works).
            messages: The conversation: `ChatMessage` objects or dicts with `role`/`content`.
            **params: The request's optional fields (`max_tokens`, `temperature`, `tools`, ...;
                `None` leaves a field out) and the per-call options (`timeout`, `max_retries`,
                `extra_headers`, `extra_body`).

        Raises:
            AuthenticationError: No token (before sending), or the token was refused (401).
            OctoAIClientError: An unknown argument (before sending), or a 4xx answer (an
                unknown model is `NotFoundError`, bad fields `RequestValidationError`).
            OctoAIServerError: A 5xx answer or a malformed one; `OctoAIConnectionError` when
                no answer arrived.
            OctoAITimeoutError: The `timeout` passed.
        """
        client = self._client
        return await client._drive(_text.chat(client._core, model, messages, params))

    async def create_chat_completion_stream(
        self, *, model: str, messages: Sequence[Message], **params: Unpack[ChatParams]
    ) -> AsyncStream[ChatCompletionChunk]:
        """Stream the next message as `ChatCompletionChunk` objects, ending at `data: [DONE]`.

        The request is sent at once, so a refused request raises here, not in the loop.

        Raises:
            AuthenticationError: No token, or the token was refused (401).
            OctoAIClientError: An unknown argument, or a 4xx answer.
            OctoAIServerError: A 5xx answer; no answer (`OctoAIConnectionError`).
            OctoAITimeoutError: The `timeout` passed before the stream opened.
            StreamError: While iterating, if the stream breaks, ends early or reports an error.
        """
        client = self._client
        return await client._stream(_text.chat_stream(client._core, model, messages, params))

    async def create_completion(
        self, *, model: str, prompt: str | Sequence[str], **params: Unpack[CompletionParams]
    ) -> CompletionResponse:
        """Continue a prompt.

        Raises:
            AuthenticationError: No token, or the token was refused (401).
            OctoAIClientError: An unknown argument, or a 4xx answer.
            OctoAIServerError: A 5xx answer or a malformed one; no answer
                (`OctoAIConnectionError`).
            OctoAITimeoutError: The `timeout` passed.
        """
        client = self._client
        return await client._drive(_text.completion(client._core, model, prompt, params))

    async def create_completion_stream(
        self, *, model: str, prompt: str | Sequence[str], **params: Unpack[CompletionParams]
    ) -> AsyncStream[CompletionChunk]:
        """Stream a completion as `CompletionChunk` events, ending at `data: [DONE]`.

        The request is sent at once, so a refused request raises here, not in the loop.

        Raises:
            AuthenticationError: No token, or the token was refused (401).
            OctoAIClientError: An unknown argument, or a 4xx answer.
            OctoAIServerError: A 5xx answer; no answer (`OctoAIConnectionError`).
            OctoAITimeoutError: The `timeout` passed before the stream opened.
            StreamError: While iterating, if the stream breaks, ends early or reports an error.
        """
        client = self._client
        return await client._stream(_text.completion_stream(client._core, model, prompt, params))


class ChatCompletions:
    """The OpenAI-style surface of the older guides: `client.chat.completions.create(...)`."""

    def __init__(self, client: OctoAI) -> None:
        self._text_gen = client.text_gen

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: Literal[False] = False,
        **params: Unpack[ChatParams],
    ) -> ChatCompletionResponse: ...
    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: Literal[True],
        **params: Unpack[ChatParams],
    ) -> Stream[ChatCompletionChunk]: ...
    def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: bool = False,
        **params: Unpack[ChatParams],
    ) -> ChatCompletionResponse | Stream[ChatCompletionChunk]:
        """A chat completion, or a stream of chunks with `stream=True`.

        Raises:
            OctoAIError: As `text_gen.create_chat_completion` (or its stream twin).
        """
        if stream:
            return self._text_gen.create_chat_completion_stream(
                model=model, messages=messages, **params
            )
        return self._text_gen.create_chat_completion(model=model, messages=messages, **params)


class AsyncChatCompletions:
    """The OpenAI-style surface of the older guides: `client.chat.completions.create(...)`."""

    def __init__(self, client: AsyncOctoAI) -> None:
        self._text_gen = client.text_gen

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: Literal[False] = False,
        **params: Unpack[ChatParams],
    ) -> ChatCompletionResponse: ...
    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: Literal[True],
        **params: Unpack[ChatParams],
    ) -> AsyncStream[ChatCompletionChunk]: ...
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: bool = False,
        **params: Unpack[ChatParams],
    ) -> ChatCompletionResponse | AsyncStream[ChatCompletionChunk]:
        """A chat completion, or a stream of chunks with `stream=True`.

        Raises:
            OctoAIError: As `text_gen.create_chat_completion` (or its stream twin).
        """
        if stream:
            return await self._text_gen.create_chat_completion_stream(
                model=model, messages=messages, **params
            )
        return await self._text_gen.create_chat_completion(model=model, messages=messages, **params)


class Completions:
    """OpenAI-style text completions: `client.completions.create(model=, prompt=, stream=)`."""

    def __init__(self, client: OctoAI) -> None:
        self._text_gen = client.text_gen

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str],
        stream: Literal[False] = False,
        **params: Unpack[CompletionParams],
    ) -> CompletionResponse: ...
    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str],
        stream: Literal[True],
        **params: Unpack[CompletionParams],
    ) -> Stream[CompletionChunk]: ...
    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str],
        stream: bool = False,
        **params: Unpack[CompletionParams],
    ) -> CompletionResponse | Stream[CompletionChunk]:
        """A text completion, or a stream of completion events with `stream=True`.

        Raises:
            OctoAIError: As `text_gen.create_completion` (or its stream twin).
        """
        if stream:
            return self._text_gen.create_completion_stream(model=model, prompt=prompt, **params)
        return self._text_gen.create_completion(model=model, prompt=prompt, **params)


class AsyncCompletions:
    """OpenAI-style text completions: `client.completions.create(model=, prompt=, stream=)`."""

    def __init__(self, client: AsyncOctoAI) -> None:
        self._text_gen = client.text_gen

    @overload
    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str],
        stream: Literal[False] = False,
        **params: Unpack[CompletionParams],
    ) -> CompletionResponse: ...
    @overload
    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str],
        stream: Literal[True],
        **params: Unpack[CompletionParams],
    ) -> AsyncStream[CompletionChunk]: ...
    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str],
        stream: bool = False,
        **params: Unpack[CompletionParams],
    ) -> CompletionResponse | AsyncStream[CompletionChunk]:
        """A text completion, or a stream of completion events with `stream=True`.

        Raises:
            OctoAIError: As `text_gen.create_completion` (or its stream twin).
        """
        if stream:
            return await self._text_gen.create_completion_stream(
                model=model, prompt=prompt, **params
            )
        return await self._text_gen.create_completion(model=model, prompt=prompt, **params)


class Chat:
    """`client.chat`, holding `completions`."""

    def __init__(self, client: OctoAI) -> None:
        self.completions = ChatCompletions(client)


class AsyncChat:
    """`client.chat` of `AsyncOctoAI`, holding `completions`."""

    def __init__(self, client: AsyncOctoAI) -> None:
        self.completions = AsyncChatCompletions(client)


# ---- the raw-response views (`client.with_raw_response.text_gen`, ...) --------------------


class TextGenWithRawResponse:
    """`client.with_raw_response.text_gen`: the same methods, returning `APIResponse`s."""

    def __init__(self, text_gen: TextGen) -> None:
        self.create_chat_completion = raw_sync(text_gen.create_chat_completion)
        self.create_chat_completion_stream = raw_sync(text_gen.create_chat_completion_stream)
        self.create_completion = raw_sync(text_gen.create_completion)
        self.create_completion_stream = raw_sync(text_gen.create_completion_stream)


class AsyncTextGenWithRawResponse:
    """`client.with_raw_response.text_gen` of `AsyncOctoAI`."""

    def __init__(self, text_gen: AsyncTextGen) -> None:
        self.create_chat_completion = raw_async(text_gen.create_chat_completion)
        self.create_chat_completion_stream = raw_async(text_gen.create_chat_completion_stream)
        self.create_completion = raw_async(text_gen.create_completion)
        self.create_completion_stream = raw_async(text_gen.create_completion_stream)


class ChatCompletionsWithRawResponse:
    """`client.with_raw_response.chat.completions`."""

    def __init__(self, completions: ChatCompletions) -> None:
        self.create = raw_sync(completions.create)


class AsyncChatCompletionsWithRawResponse:
    """`client.with_raw_response.chat.completions` of `AsyncOctoAI`."""

    def __init__(self, completions: AsyncChatCompletions) -> None:
        self.create = raw_async(completions.create)


class ChatWithRawResponse:
    """`client.with_raw_response.chat`."""

    def __init__(self, chat: Chat) -> None:
        self.completions = ChatCompletionsWithRawResponse(chat.completions)


class AsyncChatWithRawResponse:
    """`client.with_raw_response.chat` of `AsyncOctoAI`."""

    def __init__(self, chat: AsyncChat) -> None:
        self.completions = AsyncChatCompletionsWithRawResponse(chat.completions)


class CompletionsWithRawResponse:
    """`client.with_raw_response.completions`."""

    def __init__(self, completions: Completions) -> None:
        self.create = raw_sync(completions.create)


class AsyncCompletionsWithRawResponse:
    """`client.with_raw_response.completions` of `AsyncOctoAI`."""

    def __init__(self, completions: AsyncCompletions) -> None:
        self.create = raw_async(completions.create)
