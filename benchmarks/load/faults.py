"""Faults under load, each one command. Traffic goes to 127.0.0.1 only; each run stops by itself.

    # PostgreSQL restarted mid-run (a cluster of its own: never the one other work uses)
    .venv/bin/python benchmarks/load/faults.py pg-restart --cluster 15/loadtest \\
        --url postgresql+psycopg://postgres@127.0.0.1:5433/onestop_fault --fixtures F.json
    # the document store full, then read-only (a small tmpfs of its own; needs root to mount)
    .venv/bin/python benchmarks/load/faults.py store --fixtures F.json
    # Redis down under the sign-in limiter, for each fallback (a redis-server of its own on 6380)
    .venv/bin/python benchmarks/load/faults.py redis-down

ONESTOP_DATABASE_URL and ONESTOP_VAR_DIR name the demo database and its keys (``pg-restart`` takes its
database from ``--url``). Each run prints what it saw and writes it as JSON (``--out``); it exits 1 when
the system did not behave as it must: a 500, a 503 without Retry-After, no recovery, a broken audit
chain or ledger afterwards, an upload recorded although its file was not stored, a limiter that
failed other than as configured.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import requests
from harness import (
    Sampler,
    read_stats,
    run_locust,
    serve,
    server_env,
    stop,
    stop_cleanly_on_sigterm,
    verify,
    write_json,
)
from sqlalchemy import create_engine, text

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + b"% page\n" * 3000 + b"trailer\n%%EOF\n"
BASE_SETTINGS = {
    "ONESTOP_RATE_LIMIT_STORAGE": "memory://",
    "ONESTOP_LOGIN_RATE_PER_ADDRESS": "2000/10 minutes",
}


def main() -> None:
    """Run the fault named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="fault", required=True)
    pg = sub.add_parser("pg-restart", help="restart PostgreSQL in the middle of a run")
    pg.add_argument("--cluster", default="15/loadtest", help="VERSION/NAME for pg_ctlcluster (never main)")
    pg.add_argument("--url", required=True, help="the database on that cluster")
    pg.add_argument("--fixtures", type=Path, required=True)
    pg.add_argument("--users", type=int, default=30)
    pg.add_argument("--seconds", type=int, default=120)
    pg.add_argument("--restart-at", type=int, default=45, help="seconds into the run")
    pg.add_argument("--down-for", type=float, default=5.0, help="seconds between stop and start")
    store = sub.add_parser("store", help="the document store full, then read-only")
    store.add_argument("--fixtures", type=Path, required=True)
    sub.add_parser("redis-down", help="Redis stopped under the sign-in limiter, for each fallback")
    for p in (pg, store, sub.choices["redis-down"]):
        p.add_argument("--port", type=int, default=8721)
        p.add_argument("--workers", type=int, default=2)
        p.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    stop_cleanly_on_sigterm()
    run = {"pg-restart": pg_restart, "store": store_full_or_read_only, "redis-down": redis_down}[args.fault]
    result = run(args)
    out = args.out or Path(f"benchmarks/results/fault-{args.fault}.json")
    write_json(out, result)
    print(json.dumps({k: v for k, v in result.items() if k not in ("probe", "samples", "actions")}, indent=1))
    sys.exit(0 if result["passed"] else 1)


# --- PostgreSQL restarted ------------------------------------------------------------------------------


def _token(url: str, username: str, password: str) -> str:
    answer = requests.post(
        f"{url}/api/auth/token", data={"username": username, "password": password}, timeout=30
    )
    answer.raise_for_status()
    return str(answer.json()["access_token"])


class Probe(threading.Thread):
    """GET /api/staff/me (a read that needs the database: the token is looked up) every 0.2 s."""

    def __init__(self, url: str, token: str) -> None:
        super().__init__(daemon=True)
        self.url, self.token = url, token
        self.seen: list[dict[str, Any]] = []
        self.halt = threading.Event()
        self.began = time.monotonic()

    def run(self) -> None:
        session = requests.Session()
        while not self.halt.is_set():
            sent = time.monotonic()
            try:
                r = session.get(
                    f"{self.url}/api/staff/me", headers={"Authorization": f"Bearer {self.token}"}, timeout=15
                )
                row = {"status": r.status_code, "retry_after": r.headers.get("Retry-After")}
            except requests.RequestException as err:
                row = {"status": 0, "error": type(err).__name__}
            row |= {"t": round(sent - self.began, 2), "ms": round((time.monotonic() - sent) * 1000, 1)}
            self.seen.append(row)
            self.halt.wait(0.2)


def pg_restart(args: argparse.Namespace) -> dict[str, Any]:
    """Under locust traffic, stop PostgreSQL for a few seconds and start it again."""
    version, name = args.cluster.split("/")
    if name == "main":
        sys.exit("restart a cluster of your own (--cluster 15/loadtest), never the shared one")
    fixtures = json.loads(args.fixtures.read_text())
    work = Path(tempfile.mkdtemp(prefix="fault-pg-"))
    env = server_env(BASE_SETTINGS | {"ONESTOP_DATABASE_URL": args.url})
    before = _counts(args.url)
    timeline: dict[str, float] = {}
    with serve(args.workers, args.port, work / "server.log", env) as server:
        probe = Probe(server.url, _token(server.url, fixtures["officers"][-1], fixtures["officer_password"]))
        probe.start()
        locust = threading.Thread(
            target=run_locust,
            args=(server.url, args.users, args.seconds, work / "pg", args.fixtures),
            kwargs={"reset_stats": False},
        )
        with Sampler(server, args.url, every=2.0) as sampler:
            locust.start()
            time.sleep(args.restart_at)
            timeline["stop"] = time.monotonic() - probe.began
            _pg_ctl(version, name, "stop")
            time.sleep(args.down_for)
            timeline["start_issued"] = time.monotonic() - probe.began
            _pg_ctl(version, name, "start")
            timeline["started"] = time.monotonic() - probe.began
            locust.join()
        probe.halt.set()
        probe.join()
    log = (work / "server.log").read_text(errors="replace")
    stats = read_stats(work / "pg")
    statuses = Counter(row["status"] for row in probe.seen)
    bad = [r for r in probe.seen if r["status"] == 503 and not r.get("retry_after")]
    after_stop = [r for r in probe.seen if r["t"] >= timeline["stop"]]
    first_failure = next((r["t"] for r in after_stop if r["status"] != 200), None)
    last_failure = max((r["t"] for r in after_stop if r["status"] != 200), default=None)
    # when each answer came back (sent + how long it took)
    back = next(
        (r["t"] + r["ms"] / 1000 for r in after_stop if r["status"] == 200 and r["t"] > (last_failure or 0)),
        None,
    )
    five_hundreds = sum(f["count"] for f in stats["failures"] if re.search(r"\b500\b", f["error"]))
    restarted = re.findall(r"Child process \[\d+\] died|hung", log)
    checks = {name: verify(name, env) for name in ("audit", "ledger")}
    after = _counts(args.url)
    result = {
        "fault": "pg-restart",
        "cluster": args.cluster,
        "timeline_s": timeline,
        "probe_statuses": dict(statuses),
        "first_failure_s": first_failure,
        # the first answer after the last failure, counted from the moment PostgreSQL was told to start
        "recovered_s_after_start": round(back - timeline["start_issued"], 2) if back is not None else None,
        "outage_seen_s": round(back - first_failure, 2) if back is not None and first_failure else None,
        "responses_503_without_retry_after": len(bad),
        "locust_failures": stats["failures"],
        "http_500": five_hundreds,
        "tracebacks_in_log": log.count("Traceback"),
        "workers_replaced": len(restarted),
        "verify": checks,
        "rows_before": before,
        "rows_after": after,
        "actions": stats["actions"],
        "server": sampler.summary(),
        "probe": probe.seen,
        "samples": sampler.samples,
    }
    result["passed"] = (
        back is not None
        and not bad
        and five_hundreds == 0
        and result["tracebacks_in_log"] == 0
        and result["workers_replaced"] == 0
        and all(c["ok"] for c in checks.values())
    )
    out = args.out or Path("benchmarks/results/fault-pg-restart.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(work / "server.log", out.with_suffix(".server.log"))  # what the server said, kept
    shutil.rmtree(work, ignore_errors=True)
    return result


def _pg_ctl(version: str, name: str, action: str) -> None:
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action], check=True)


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = ("audit_event", "interaction", "money_issuance", "document", "decision")
            return {t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in tables}  # noqa: S608
    finally:
        engine.dispose()


# --- the document store full, then read-only -----------------------------------------------------------


def store_full_or_read_only(args: argparse.Namespace) -> dict[str, Any]:
    """A small tmpfs as the document store: an upload works; fill it: refused; read-only: refused."""
    fixtures = json.loads(args.fixtures.read_text())
    database_url = os.environ.get("ONESTOP_DATABASE_URL", "")
    mount = Path(tempfile.mkdtemp(prefix="fault-store-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], check=True)
    steps: list[dict[str, Any]] = []
    try:
        env = server_env(BASE_SETTINGS | {"ONESTOP_STORAGE_DIR": str(mount)})
        with serve(args.workers, args.port, mount.parent / f"{mount.name}.log", env) as server:
            client = fixtures["clients"][0]
            portal = _portal_session(server.url, client["email"], fixtures["client_password"])
            officer = _token(server.url, fixtures["officers"][0], fixtures["officer_password"])
            person = fixtures["people"][0]["id"]

            def attempt(state: str) -> None:
                docs = _documents(database_url)
                page = _portal_upload(portal, server.url, client["application_id"])
                api = requests.post(
                    f"{server.url}/api/people/{person}/documents",
                    headers={"Authorization": f"Bearer {officer}"},
                    data={"doc_type": "identity"},
                    files={"file": ("id.pdf", PDF + os.urandom(16).hex().encode(), "application/pdf")},
                    timeout=30,
                )
                steps.append(
                    {
                        "store": state,
                        "portal_status": page.status_code,
                        "portal_says": _said(page.text),
                        "api_status": api.status_code,
                        "api_body": api.json()
                        if api.headers.get("content-type", "").startswith("application/json")
                        else None,
                        "documents_recorded": _documents(database_url) - docs,
                    }
                )

            attempt("ok")
            filler = mount / "filler"
            subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=64k"], capture_output=True, check=False)
            attempt("full")
            filler.unlink()
            subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
            attempt("read-only")
            subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=True)
            attempt("ok again")
    finally:
        subprocess.run(["umount", str(mount)], check=False)
        shutil.rmtree(mount, ignore_errors=True)
    ok, refused = steps[0::3], steps[1:3]
    passed = all(
        s["portal_status"] == 303 and s["api_status"] == 201 and s["documents_recorded"] == 2 for s in ok
    )
    passed &= all(
        s["portal_status"] == 422 and s["api_status"] == 507 and s["documents_recorded"] == 0 for s in refused
    )
    return {"fault": "store", "steps": steps, "passed": passed}


def _portal_session(url: str, email: str, password: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{url}/portal/account/signin", timeout=30)
    token = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
    signed = session.post(
        f"{url}/portal/account/signin",
        data={"email": email, "password": password, "csrf_token": token},
        timeout=30,
    )
    signed.raise_for_status()
    return session


def _portal_upload(session: requests.Session, url: str, application_id: str) -> requests.Response:
    path = f"{url}/portal/applications/{application_id}"
    token = CSRF.search(session.get(path, timeout=30).text).group(1)  # type: ignore[union-attr]
    return session.post(
        f"{path}/documents",
        data={"doc_type": "income_proof", "csrf_token": token},
        files={"file": ("pay.pdf", PDF + os.urandom(16).hex().encode(), "application/pdf")},
        allow_redirects=False,
        timeout=30,
    )


def _said(html: str) -> str | None:
    found = re.search(r"cannot be saved right now[^<]*", html)
    return found.group(0) if found else None


def _documents(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM document")).scalar_one())
    finally:
        engine.dispose()


# --- Redis down under the limiter ----------------------------------------------------------------------


def redis_down(args: argparse.Namespace) -> dict[str, Any]:
    """For each fallback: 8 sign-in attempts from one address (limit 5 per address) with Redis stopped."""
    modes: dict[str, Any] = {}
    for fallback in ("memory", "allow", "refuse"):
        redis_dir = Path(tempfile.mkdtemp(prefix="fault-redis-"))
        redis = subprocess.Popen(
            ["redis-server", "--port", "6380", "--bind", "127.0.0.1", "--save", "", "--dir", str(redis_dir)],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        settings = {
            "ONESTOP_RATE_LIMIT_STORAGE": "redis://127.0.0.1:6380",
            "ONESTOP_RATE_LIMIT_FALLBACK": fallback,
            "ONESTOP_LOGIN_RATE_PER_ADDRESS": "5/10 minutes",
        }
        try:
            time.sleep(0.5)
            with serve(1, args.port, redis_dir / "server.log", server_env(settings)) as server:
                up = _attempts(server.url, 2)
                stop(redis)  # type: ignore[arg-type]
                down = _attempts(server.url, 8)
        finally:
            stop(redis)  # type: ignore[arg-type]
            shutil.rmtree(redis_dir, ignore_errors=True)
        modes[fallback] = {"redis_up": up, "redis_down": down}
    memory = modes["memory"]["redis_down"]
    passed = (
        memory[:5] == [401] * 5
        and set(memory[5:]) == {429}  # the limit holds while Redis is down, counted in the worker
        and modes["allow"]["redis_down"] == [401] * 8
        and modes["refuse"]["redis_down"] == [429] * 8
        and all(m["redis_up"] == [401, 401] for m in modes.values())
    )
    return {"fault": "redis-down", "statuses": modes, "passed": passed}


def _attempts(url: str, n: int) -> list[int]:
    """Sign-in attempts with a wrong password for an unknown name: 401 each, 429 once limited."""
    out = []
    for i in range(n):
        answer = requests.post(
            f"{url}/api/auth/token",
            data={"username": f"nobody-{i}-{time.time_ns()}", "password": "wrong"},
            timeout=30,
        )
        out.append(answer.status_code)
    return out


if __name__ == "__main__":
    main()
