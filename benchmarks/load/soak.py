"""Soak: one hour at a steady moderate load, then the audit chain and the ledger must still verify.

    ONESTOP_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/onestop_load \\
    ONESTOP_VAR_DIR=/tmp/onestop-load/var \\
    .venv/bin/python benchmarks/load/soak.py --fixtures /tmp/onestop-load/fixtures.json \\
        --users 50 --minutes 60 --out benchmarks/results/soak.json

Every minute: each worker's RSS, open files and threads, and the database's connections; locust's
requests per second and p95 of the last seconds. After the hour the server is stopped and
``onestop audit verify`` and ``onestop ledger verify`` run on the database; the run fails (exit 1)
if either does not pass. The JSON holds the curve; the table printed is one row a minute.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from harness import (
    Sampler,
    read_stats,
    run_locust,
    serve,
    server_env,
    stop_cleanly_on_sigterm,
    table,
    verify,
    write_json,
)
from run import RUN_SETTINGS


def main() -> None:
    """Soak, then verify."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, required=True)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8720)
    parser.add_argument("--every", type=float, default=60.0, help="seconds between samples")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/soak.json"))
    args = parser.parse_args()
    stop_cleanly_on_sigterm()
    database_url = os.environ.get("ONESTOP_DATABASE_URL", "")
    if not database_url.startswith("postgresql"):
        sys.exit("set ONESTOP_DATABASE_URL to the PostgreSQL demo database (see the docstring)")
    work = args.out.parent / f"{args.out.stem}-csv"
    prefix = work / "soak"
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    env = server_env(RUN_SETTINGS)
    with (
        serve(args.workers, args.port, work / "server.log", env) as server,
        Sampler(server, database_url, every=args.every) as sampler,
    ):
        run_locust(server.url, args.users, args.minutes * 60, prefix, args.fixtures, reset_stats=False)
    checks = {name: verify(name, env) for name in ("audit", "ledger")}
    result: dict[str, Any] = {
        "users": args.users,
        "minutes": args.minutes,
        "workers": args.workers,
        "started": started,
        "settings": RUN_SETTINGS,
        **read_stats(prefix),
        "server": sampler.summary(),
        "traffic": _per_minute(Path(f"{prefix}_stats_history.csv")),
        "samples": sampler.samples,
        "verify": checks,
    }
    write_json(args.out, result)
    print(table(result["actions"]))
    print()
    print(curve(result))
    print(json.dumps({"server": result["server"], "verify": checks}))
    if not all(c["ok"] for c in checks.values()):
        sys.exit(1)


def _per_minute(history: Path) -> list[dict[str, Any]]:
    """The aggregated line of locust's history, one row a minute: RPS, failures/s and p95 of the moment."""
    if not history.exists():
        return []
    rows = [r for r in csv.DictReader(history.open()) if r["Name"] == "Aggregated"]
    if not rows:
        return []
    first = int(rows[0]["Timestamp"])
    out, minute = [], -1
    for r in rows:
        m = (int(r["Timestamp"]) - first) // 60
        if m > minute:
            minute = m
            out.append(
                {
                    "minute": m,
                    "users": int(r["User Count"]),
                    "rps": round(float(r["Requests/s"]), 2),
                    "failures_per_s": round(float(r["Failures/s"]), 2),
                    "p95_ms": None if r["95%"] in ("N/A", "") else float(r["95%"]),
                    "total_requests": int(r["Total Request Count"]),
                    "total_failures": int(r["Total Failure Count"]),
                }
            )
    return out


def curve(result: dict[str, Any]) -> str:
    """One row per sample: minute, RSS and open files per worker, the database's connections."""
    lines = [
        "| minute | load | RSS per worker (MiB) | open files per worker | PG connections |",
        "|---:|---:|---|---|---:|",
    ]
    for s in result["samples"]:
        rss = " / ".join(str(w["rss_mib"]) for w in s["workers"])
        fds = " / ".join(str(w["fds"]) for w in s["workers"])
        pg = sum(v for k, v in s["pg"].items() if k != "error")
        lines.append(f"| {s['t'] / 60:.0f} | {s['load1']} | {rss} | {fds} | {pg} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
