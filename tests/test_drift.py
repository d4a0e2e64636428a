"""generated/ is exactly what the pinned generator makes of openapi.yaml."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_generate_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "octoai_generate", ROOT / "scripts" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return _load_generate_script()


@pytest.fixture(autouse=True)
def _generator_not_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    # Coverage follows every Python subprocess of the tests; the generator is not our code, and
    # measuring its process would only slow it down.
    monkeypatch.delenv("COVERAGE_PROCESS_CONFIG", raising=False)


def test_committed_tree_matches_a_fresh_generation(generate: ModuleType, tmp_path: Path) -> None:
    fresh = tmp_path / "octoai_api"
    generate.generate_into(fresh)
    assert generate.diff_trees(fresh, generate.TARGET) == []
    assert not (fresh / ".ruff_cache").exists(), "the formatter must not leave caches behind"
    assert (fresh / "py.typed").exists()


def test_changing_a_description_changes_the_output(generate: ModuleType, tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    shutil.copy(ROOT / "openapi.yaml", spec)
    text = spec.read_text()
    before = "description: A request for the next message of a conversation."
    assert before in text
    spec.write_text(text.replace(before, "description: A changed description for the drift test."))
    fresh = tmp_path / "octoai_api"
    generate.generate_into(fresh, spec)
    problems = generate.diff_trees(fresh, generate.TARGET)
    assert any("chat_completion_request.py" in line for line in problems)
    assert any("A changed description for the drift test." in line for line in problems)
