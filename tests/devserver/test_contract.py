"""The server conforms to openapi.yaml: schemathesis drives every operation over real HTTP.

Each operation gets the spec's examples and 25 generated requests, some valid and some not
(the examples and fuzzing phases). Every answer must have a documented status, content type,
headers and body schema; invalid requests must be refused, and valid ones accepted where the
request cannot name something that does not exist.

Schemathesis's coverage phase is off: it sends every property with each wrong type and every
combination of optional properties, which checks the spec validator more than this server,
and it took most of this test's time. What it checked of the server itself, that a method an
operation does not document is refused with a 405 naming the others, is swept below for
every path.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.validation import find_spec

from .helpers import client

# Requests to these operations can fit the schema and still be refused with a documented 400
# or 422: they name assets that do not exist, engines or sizes the server does not offer. The
# other checks still hold them to the spec (documented statuses, bodies matching the schemas).
_SEMANTIC_TAGS = frozenset({"assets", "tune", "image_gen"})
#: The methods a request may use; a path answers those its operations do not document with 405.
_METHODS = ("GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "TRACE", "QUERY")


def _load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(find_spec().read_text(encoding="utf-8"))
    return spec


SPEC = _load_spec()
schema = schemathesis.openapi.from_dict(SPEC)
# Servers ignore query parameters and headers they do not know (OctoAI's did too), so requests
# that add some are not negative cases.
schema.config.generation.update(max_examples=25, deterministic=True, allow_extra_parameters=False)
schema.config.phases.coverage.enabled = False


@schema.parametrize()
@settings(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_contract(case: schemathesis.Case, devserver: DevServer) -> None:
    tags = set(case.operation.tags or ())
    excluded = [positive_data_acceptance] if tags & _SEMANTIC_TAGS else []
    case.call_and_validate(
        base_url=devserver.base_url,
        headers={"Authorization": f"Bearer {devserver.token}"},
        excluded_checks=excluded,
    )


@pytest.mark.parametrize("path", sorted(SPEC["paths"]))
def test_undocumented_methods_are_refused_naming_the_documented_ones(
    devserver: DevServer, path: str
) -> None:
    documented = {method.upper() for method in SPEC["paths"][path] if method.upper() in _METHODS}
    # Routing answers the method before any handler reads the path's parameters.
    url = re.sub(r"\{[^}]+\}", "x", path)
    with client(devserver) as http:
        answers = {
            method: http.request(method, url) for method in _METHODS if method not in documented
        }
    assert answers, "every path leaves some method undocumented"
    assert {method: answer.status_code for method, answer in answers.items()} == dict.fromkeys(
        answers, 405
    )
    for answer in answers.values():
        assert set(answer.headers["allow"].split(", ")) - {"HEAD"} == documented
        assert answer.json()["type"] == "invalid_request_error"
