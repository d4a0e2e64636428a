"""``python -m octoai_ext.cli``: the same as the ``octoai`` console script."""

from ._app import main

raise SystemExit(main())
