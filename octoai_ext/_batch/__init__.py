"""Batch inference: many inputs, a ledger that survives crashes, results as they finish.

`records` (item states and their pure transitions), `ledger` and `sqlite` (the SQLite adapter
that stores them), `source` (keyed items read lazily), `window`, `scheduler` and `work` (what
to send when, pure, and the values it hands out), `jobs` (the flows a job runs), `run` (the glue
both drivers share), `progress` (what `on_progress` receives) and `errors`. The drivers live in
`octoai_ext.resources.batch`.
"""
