"""The server conforms to openapi.yaml: schemathesis drives every operation over real HTTP."""

from __future__ import annotations

from typing import Any

import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.validation import find_spec

# Requests to these operations can fit the schema and still be refused with a documented 400
# or 422: they name assets that do not exist, engines or sizes the server does not offer. The
# other checks still hold them to the spec (documented statuses, bodies matching the schemas).
_SEMANTIC_TAGS = frozenset({"assets", "tune", "image_gen"})


def _load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(find_spec().read_text(encoding="utf-8"))
    return spec


schema = schemathesis.openapi.from_dict(_load_spec())
# Servers ignore query parameters and headers they do not know (OctoAI's did too), so requests
# that add some are not negative cases.
schema.config.generation.update(max_examples=25, deterministic=True, allow_extra_parameters=False)


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
