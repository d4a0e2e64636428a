"""Batch inference: many inputs, a ledger that survives crashes, results as they finish.

`records` (item states, pure transitions), `ledger` (their SQLite adapter), `window` and
`scheduler` (what to send when, pure), `jobs` (the flows a job runs), `run` (the glue both
drivers share) and `progress` (the counts reported to `on_progress`). The drivers live in
`octoai_ext.resources.batch`.
"""
