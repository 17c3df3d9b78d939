"""The office at peak: ``onestop serve --workers N`` on PostgreSQL under locust at 50, 200 and 500 users.

    ONESTOP_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/onestop_load \\
    ONESTOP_VAR_DIR=/tmp/onestop-load/var \\
    .venv/bin/python benchmarks/load/run.py --fixtures /tmp/onestop-load/fixtures.json \\
        --workers 2 --users 50,200,500 --seconds 180 --out benchmarks/results/load.json

For each user count: a fresh locust run (users spawned over ``--ramp-seconds``, as officers arrive
over the first minutes of the morning, each signing in; the figures reset ``--settle-seconds`` after
the last one started, then ``--seconds`` of steady traffic measured, with each 30 s window's
throughput and p95 to show it was steady; locust's own CPU reported), the server's workers sampled
every 5 s (CPU, RSS, open files) and the database's connections (``pg_stat_activity``). Writes one
JSON file and prints a table per step; the last line is the JSON summary.

The server runs with the production settings that matter under load: sign-in counts in Redis (shared
by the workers), and the per-address sign-in limit sized for an office whose staff all reach the
server from one address (``ONESTOP_LOGIN_RATE_PER_ADDRESS``, see docs/operations.md); the
per-username limit and the account lockout stay as they are.
"""

from __future__ import annotations

import argparse
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
    windows,
    write_json,
)

#: What the run sets, printed with the figures (nothing else is changed from the defaults).
RUN_SETTINGS = {
    "ONESTOP_RATE_LIMIT_STORAGE": "redis://127.0.0.1:6379",
    "ONESTOP_LOGIN_RATE_PER_ADDRESS": "2000/10 minutes",
}


def main() -> None:
    """Run each step and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, required=True, help="written by prepare.py")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--users", default="50,200,500", help="comma-separated user counts, one step each")
    parser.add_argument("--seconds", type=int, default=180, help="steady traffic measured per step")
    parser.add_argument(
        "--ramp-seconds", type=float, default=120, help="users start over this long (each signs in)"
    )
    parser.add_argument(
        "--settle-seconds", type=float, default=30, help="after the ramp, before the measured window opens"
    )
    parser.add_argument("--port", type=int, default=8719)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/load.json"))
    parser.add_argument("--set", action="append", default=[], help="an extra NAME=VALUE for the server")
    args = parser.parse_args()
    stop_cleanly_on_sigterm()
    database_url = os.environ.get("ONESTOP_DATABASE_URL", "")
    if not database_url.startswith("postgresql"):
        sys.exit("set ONESTOP_DATABASE_URL to the PostgreSQL demo database (see the docstring)")
    settings = RUN_SETTINGS | dict(s.split("=", 1) for s in args.set)
    work = args.out.parent / f"{args.out.stem}-csv"
    steps: list[dict[str, Any]] = []
    result: dict[str, Any] = {"workers": args.workers, "seconds": args.seconds, "settings": settings}
    with serve(args.workers, args.port, work / "server.log", server_env(settings)) as server:
        for users in [int(u) for u in args.users.split(",")]:
            prefix = work / f"u{users}"
            rate = max(1.0, users / args.ramp_seconds)
            ramp = users / rate
            started = time.time()
            load_before = os.getloadavg()
            with Sampler(server, database_url) as sampler:
                done = run_locust(
                    server.url,
                    users,
                    round(ramp + args.settle_seconds + args.seconds),
                    prefix,
                    args.fixtures,
                    spawn_rate=rate,
                    settle_seconds=args.settle_seconds,
                )
            stats = read_stats(prefix)
            elapsed = time.time() - started
            step = {
                "users": users,
                "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
                "load_before_run": load_before,
                "ramp_seconds": round(ramp),
                "settle_seconds": args.settle_seconds,
                **stats,
                "windows": windows(prefix),
                "locust_cpu_percent": round(100 * done.cpu_seconds / elapsed, 1),  # type: ignore[attr-defined]
                "server": sampler.summary(),
                "samples": sampler.samples,
            }
            steps.append(step)
            result["steps"] = steps
            write_json(args.out, result)
            print(f"\n## {users} users, {args.workers} workers\n")
            print(table(stats["actions"]))
            print(json.dumps(step["server"]))
            print(json.dumps({"locust_cpu_percent": step["locust_cpu_percent"], "windows": step["windows"]}))
    print(json.dumps(_summary(result)))


def _summary(result: dict[str, Any]) -> dict[str, Any]:
    out = []
    for step in result["steps"]:
        staff = {k: v for k, v in step["actions"].items() if k.startswith("staff:")}
        total = step["actions"].get("Aggregated", {})
        out.append(
            {
                "users": step["users"],
                "rps": total.get("rps"),
                "errors": total.get("failures"),
                "requests": total.get("requests"),
                "worst_staff_p95_ms": max((a["p95_ms"] or 0 for a in staff.values()), default=None),
            }
        )
    return {"workers": result["workers"], "steps": out}


if __name__ == "__main__":
    main()
