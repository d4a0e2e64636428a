"""``octoai chat``: one chat turn, streamed to the terminal as it is generated."""

from __future__ import annotations

from typing import Any, Final

from .. import ChatCompletionChunk, ChatCompletionResponse, TextModel, get_model_list
from ._context import Context
from ._exits import ExitCode
from ._inputs import parse_headers

__all__ = ["DEFAULT_MODEL", "run_chat", "run_models"]

DEFAULT_MODEL: Final = TextModel.META_LLAMA_3_1_8B_INSTRUCT.value


def run_chat(ctx: Context) -> ExitCode:
    """Send the prompt and print the answer.

    Text is streamed token by token unless ``--no-stream``; ``--json`` prints the whole
    response object (with ``--stream``, one JSON line per chunk).
    """
    args = ctx.args
    prompt = ctx.reader.prompt(args.prompt)
    messages: list[dict[str, Any]] = []
    if args.system is not None:
        messages.append({"role": "system", "content": args.system})
    messages.append({"role": "user", "content": prompt})
    params: dict[str, Any] = {"max_tokens": args.max_tokens, "temperature": args.temperature}
    headers = parse_headers(args.headers)
    if headers:
        params["extra_headers"] = headers
    stream = args.stream if args.stream is not None else not args.json
    client = ctx.client()
    if not stream:
        completion = client.text_gen.create_chat_completion(
            model=args.model, messages=messages, **params
        )
        if args.json:
            ctx.out.json(completion.to_dict())
        else:
            ctx.out.text(_answer_text(completion))
            ctx.out.end_line()
        return ExitCode.OK
    try:
        with client.text_gen.create_chat_completion_stream(
            model=args.model, messages=messages, **params
        ) as chunks:
            for chunk in chunks:
                if args.json:
                    ctx.out.json_line(chunk.to_dict())
                else:
                    ctx.out.text(_delta_text(chunk))
    finally:
        # Also after a Ctrl-C or a broken stream, so the shell prompt starts on a new line.
        ctx.out.end_line()
    return ExitCode.OK


def run_models(ctx: Context) -> ExitCode:
    """Print the text models this package knows, one per line (no network call)."""
    for model in get_model_list():
        ctx.out.line(model)
    return ExitCode.OK


def _answer_text(completion: ChatCompletionResponse) -> str:
    if not completion.choices:
        return ""
    content: object = completion.choices[0].message.content
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            text for part in content if isinstance(text := getattr(part, "text", None), str)
        )
    return ""


def _delta_text(chunk: ChatCompletionChunk) -> str:
    # The last chunk of a stream with usage carries no choices.
    if not chunk.choices:
        return ""
    # A choice may also come without a delta (some servers end a stream that way).
    content: object = getattr(chunk.choices[0].delta, "content", None)
    return content if isinstance(content, str) else ""
