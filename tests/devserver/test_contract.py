"""The server conforms to openapi.yaml: schemathesis drives every operation over real HTTP."""

from __future__ import annotations

from typing import Any

import schemathesis
import yaml
from hypothesis import HealthCheck, settings

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.validation import find_spec


def _load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(find_spec().read_text(encoding="utf-8"))
    return spec


schema = schemathesis.openapi.from_dict(_load_spec())
schema.config.generation.update(max_examples=25, deterministic=True)


@schema.parametrize()
@settings(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_contract(case: schemathesis.Case, devserver: DevServer) -> None:
    case.call_and_validate(
        base_url=devserver.base_url, headers={"Authorization": f"Bearer {devserver.token}"}
    )
