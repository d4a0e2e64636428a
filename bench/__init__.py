"""Benchmarks: the client's CPU, latency, call counts and memory next to raw httpx and the peers.

`python -m bench --quick` (under a minute) or `python -m bench` (more rounds) starts the loopback
server (`bench.server`) in its own process, runs every client in fresh worker processes
(`bench.worker`), interleaved over rounds, and writes `bench/RESULTS.md` (`bench.report`).
"""
