"""Run published guide snippets against the development server.

    python _run_guide.py {octoai-sdk|octoai} BASE_URL GUIDE...

Each snippet runs unchanged, with OCTOAI_TOKEN from the environment as the guides ask; the only
change is the host its SDK talks to, which becomes BASE_URL. What each snippet prints is
collected, and the whole is written as one JSON object: guide path to printed text.
"""

from __future__ import annotations

import contextlib
import io
import json
import runpy
import sys


def main() -> None:
    sdk, base_url, *guides = sys.argv[1:]
    if sdk == "octoai-sdk":
        import octoai.chat

        # octoai-sdk 0.10.1 keeps the chat URL in a class attribute.
        octoai.chat.Completions.endpoint = f"{base_url}/v1/chat/completions"
    elif sdk == "octoai":
        from octoai.environment import OctoAIEnvironment

        # octoai 1.11.0 clients default to this environment object.
        OctoAIEnvironment.PRODUCTION.text_gen = base_url
    else:
        raise SystemExit(f"unknown SDK {sdk!r}")
    printed: dict[str, str] = {}
    for guide in guides:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            runpy.run_path(guide, run_name="__main__")
        printed[guide] = out.getvalue()
    json.dump(printed, sys.stdout)


if __name__ == "__main__":
    main()
