"""Request validation against ``openapi.yaml`` with openapi-core, built once per server."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters

# openapi-core documents how to iterate over a request's errors, and that an error caused by the
# schema carries the jsonschema errors in `__cause__.schema_errors`, but not the classes of the
# errors themselves, which tell an unknown path from a bad parameter or body. These are the only
# imports of its internal modules; a release that moves a class breaks here, at import time.
from openapi_core.templating.paths.exceptions import PathError
from openapi_core.validation.request.exceptions import (
    InvalidRequestBody,
    MissingRequestBodyError,
    ParameterValidationError,
    SecurityValidationError,
)

# The request protocol's parameters hold werkzeug structures: the query needs `getlist`.
from werkzeug.datastructures import Headers, ImmutableMultiDict

from .queryparams import query_pairs
from .responses import Problem

__all__ = ["SpecValidator", "find_spec"]

_SPEC_NAME: Final = "openapi.yaml"
_CACHE_SIZE: Final = 4096
# Larger bodies are validated every time rather than kept as cache keys.
_CACHED_BODY_BYTES: Final = 64 * 1024


def find_spec() -> Path:
    """Locate the spec: the checkout's root ``openapi.yaml``, else the copy inside the package.

    Raises:
        FileNotFoundError: Neither file exists.
    """
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir.parent / _SPEC_NAME, package_dir / _SPEC_NAME):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{_SPEC_NAME} not found next to or inside {package_dir}")


@dataclass
class _Request:
    """The openapi-core request protocol over an already-read request."""

    host_url: str
    path: str
    method: str
    body: bytes | None
    content_type: str
    parameters: RequestParameters = field(default_factory=RequestParameters)


def _schema_problems(location: tuple[str | int, ...], cause: Any) -> list[Problem]:
    problems: list[Problem] = []
    # jsonschema's errors, which have no type stubs.
    schema_errors: list[Any] = list(cause.schema_errors)
    for schema_error in schema_errors:
        loc = (*location, *schema_error.absolute_path)
        kind = str(schema_error.validator)
        instance = schema_error.instance
        if kind == "required" and isinstance(instance, dict):
            # Name the missing field itself, as the 422 answers of the real service do.
            missing = [name for name in schema_error.validator_value if name not in instance]
            problems.extend(
                Problem((*loc, name), f"{name!r} is required", "missing") for name in missing
            )
            continue
        problems.append(Problem(loc, schema_error.message, kind))
    return problems or [Problem(location, str(cause), "value_error")]


def _has_schema_errors(cause: BaseException | None) -> bool:
    return getattr(cause, "schema_errors", None) is not None


def _problems(error: Exception) -> list[Problem]:
    cause = error.__cause__
    if isinstance(error, ParameterValidationError):
        location: tuple[str | int, ...] = (error.location, error.name)
        if _has_schema_errors(cause):
            return _schema_problems(location, cause)
        return [Problem(location, str(error), "missing" if "Missing" in str(error) else "invalid")]
    if isinstance(error, InvalidRequestBody) and _has_schema_errors(cause):
        return _schema_problems(("body",), cause)
    if isinstance(error, MissingRequestBodyError):
        return [Problem(("body",), str(error), "missing")]
    return [Problem(("body",), str(cause or error), "value_error")]


def _development_server(spec: Mapping[str, Any]) -> str:
    """Return the URL of the spec's loopback server (the development server's entry)."""
    for server in spec.get("servers", []):
        url = str(server.get("url", "")).rstrip("/")
        if url.startswith(("http://127.0.0.1", "http://localhost")):
            return url
    return str(spec["servers"][0]["url"]).rstrip("/")


def _parameters(spec: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """Yield every parameter the spec declares, shared ones resolved."""
    shared = spec.get("components", {}).get("parameters", {})
    for path_item in spec.get("paths", {}).values():
        operations = [path_item, *(op for op in path_item.values() if isinstance(op, dict))]
        for holder in operations:
            for parameter in holder.get("parameters", []):
                ref = parameter.get("$ref", "")
                yield shared.get(ref.rsplit("/", 1)[-1], {}) if ref else parameter


def _declared_headers(spec: Mapping[str, Any]) -> frozenset[str]:
    """Return the lower-case names of every header parameter the spec declares."""
    return frozenset(
        str(parameter["name"]).lower()
        for parameter in _parameters(spec)
        if parameter.get("in") == "header"
    )


def _array_queries(spec: Mapping[str, Any]) -> frozenset[str]:
    """Return the names of every query parameter the spec declares with an array schema."""
    return frozenset(
        str(parameter["name"])
        for parameter in _parameters(spec)
        if parameter.get("in") == "query" and parameter.get("schema", {}).get("type") == "array"
    )


class SpecValidator:
    """Validates requests against one spec file, parsed once.

    openapi-core takes milliseconds per request, so results are remembered for repeated
    requests (the same poll URL, the same chat body): validation depends only on the method,
    the path, the declared header parameters, the query and the body.
    """

    def __init__(self, spec_path: Path) -> None:
        with spec_path.open(encoding="utf-8") as stream:
            spec: dict[str, Any] = yaml.safe_load(stream)
        self.spec_path = spec_path
        self.spec = spec
        # The spec's servers do not include our random port. Operations of other hosts (the
        # platform API, image generation) list their own servers, and every list names the
        # development server, so its URL selects any operation by path and method alone.
        self._host_url = _development_server(spec)
        self._headers = _declared_headers(spec)
        self._arrays = _array_queries(spec)
        # Checks the spec and builds the validator; a server makes one SpecValidator, so this
        # runs once per process.
        self._openapi = OpenAPI.from_dict(spec)
        self._cache: OrderedDict[tuple[Any, ...], tuple[Problem, ...]] = OrderedDict()

    def validate(
        self,
        *,
        method: str,
        path: str,
        headers: Mapping[str, str],
        query: Mapping[str, str],
        body: bytes | None,
    ) -> tuple[Problem, ...]:
        """Validate one request.

        List parameters may come as repeated keys or comma-joined (see `queryparams`).

        Args:
            method: The HTTP method.
            path: The request path (no query string).
            headers: The request headers.
            query: The query parameters.
            body: The raw body, already known to be JSON when present.

        Returns:
            The problems found; empty when the request matches the spec.

        Raises:
            LookupError: The spec has no such path or method.
        """
        declared = tuple(
            sorted(
                (name.lower(), value)
                for name, value in headers.items()
                if name.lower() in self._headers
            )
        )
        pairs = query_pairs(query, self._arrays)
        key = (method.lower(), path, declared, tuple(sorted(pairs)), body)
        cacheable = body is None or len(body) <= _CACHED_BODY_BYTES
        if cacheable and (cached := self._cache.get(key)) is not None:
            self._cache.move_to_end(key)
            return cached
        problems = self._check(method, path, declared, pairs, body)
        if cacheable:
            self._cache[key] = problems
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return problems

    def _check(
        self,
        method: str,
        path: str,
        headers: tuple[tuple[str, str], ...],
        query: list[tuple[str, str]],
        body: bytes | None,
    ) -> tuple[Problem, ...]:
        request = _Request(
            host_url=self._host_url,
            path=path,
            method=method.lower(),
            body=body,
            # Bodies are checked as JSON whatever the client declared; a body that is not JSON
            # was already refused with a 400.
            content_type="application/json",
            parameters=RequestParameters(
                query=ImmutableMultiDict(query),
                # The server checks tokens itself before validating, so a stand-in credential
                # keeps openapi-core from stopping at its own security check.
                header=Headers([*headers, ("Authorization", "Bearer checked")]),
            ),
        )
        found = self._openapi.iter_request_errors(request)
        try:
            errors = list(found)
        except TypeError:
            # openapi-schema-validator cannot look up a discriminator value that is not a
            # string (for example a list); such a body never matches the spec.
            return (Problem(("body",), "A discriminator property is not a string.", "type"),)
        unknown = [error for error in errors if isinstance(error, PathError)]
        if unknown:
            raise LookupError(str(unknown[0]))
        return tuple(
            problem
            for error in errors
            if not isinstance(error, SecurityValidationError)
            for problem in _problems(error)
        )
