"""What the load, soak and fault runs share: the server under test, the sampler and locust itself.

The server is ``onestop serve --workers N`` on 127.0.0.1 (the only address any run sends traffic to);
the sampler reads each worker's CPU, memory and open files (psutil) and the database's connections
(``pg_stat_activity``); locust runs headless, bounded in users and in time, and leaves CSV files.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from sqlalchemy import make_url

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"  # loopback only


def stop_cleanly_on_sigterm() -> None:
    """SIGTERM ends a run like Ctrl-C: the ``finally`` blocks stop the server and locust with it."""

    def _exit(_signo: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _exit)


@dataclass
class Server:
    """A running ``onestop serve`` and its worker processes."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def workers(self) -> list[psutil.Process]:
        """The uvicorn worker processes (the children of the supervisor), or the server itself."""
        try:
            parent = psutil.Process(self.process.pid)
            # uvicorn's workers are spawned processes; its resource tracker is not a worker
            children = [c for c in parent.children(recursive=True) if "spawn_main" in _cmd(c)]
            return children or [parent]
        except psutil.NoSuchProcess:
            return []


def _cmd(proc: psutil.Process) -> str:
    try:
        return " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return ""


def server_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of the server: this checkout's code, the caller's ONESTOP_* settings, ``extra``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra or {})
    return env


@contextmanager
def serve(workers: int, port: int, log: Path, env: dict[str, str]) -> Iterator[Server]:
    """Start the server, wait until /healthz answers, stop it (and its workers) at the end."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        cmd = [PYTHON, "-m", "onestop.cli.main", "serve", "--host", HOST, "--port", str(port)]
        cmd += ["--workers", str(workers)]
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        server = Server(proc, port, log)
        try:
            wait_healthy(server.url, timeout=90)
            yield server
        finally:
            stop(proc)


def stop(proc: subprocess.Popen[bytes], timeout: float = 20) -> None:
    """SIGTERM the process group (the server and its workers), SIGKILL what is left after ``timeout``."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def wait_healthy(url: str, timeout: float) -> float:
    """Seconds until ``url``/healthz answers 200 (TimeoutError past ``timeout``)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as answer:  # noqa: S310 (loopback)
                if answer.status == 200:
                    return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


_BY_STATE = (
    "SELECT coalesce(state, 'other'), count(*) FROM pg_stat_activity WHERE datname = %s "
    "AND pid <> pg_backend_pid() GROUP BY 1"
)
_BY_WAIT = (
    "SELECT CASE WHEN state = 'idle in transaction' THEN 'idle in transaction after: ' "
    "|| left(regexp_replace(query, '\\s+', ' ', 'g'), 60) "
    "WHEN wait_event_type = 'Lock' THEN 'Lock:' || wait_event || ' on: ' "
    "|| left(regexp_replace(query, '\\s+', ' ', 'g'), 60) "
    "ELSE coalesce(wait_event_type || ':' || wait_event, 'running') END, count(*) "
    "FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid() "
    "AND state IN ('active', 'idle in transaction') GROUP BY 1"
)


def pg_activity(database_url: str) -> tuple[dict[str, int], dict[str, int]]:
    """The database's connections by state, and what the busy ones (active, or idle inside a
    transaction) wait on, both from ``pg_stat_activity`` over one connection; empty for SQLite.

    A wait is ``wait_event_type:wait_event`` ("running" when on the CPU), with the statement for a
    lock wait and the last statement of a transaction left idle (its holder is working in the app):
    a queue on one lock shows as many connections on one ``Lock:tuple on: SELECT ...``."""
    url = make_url(database_url)
    if not url.drivername.startswith("postgresql"):
        return {}, {}
    import psycopg

    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
        states, waits = (conn.execute(sql, (url.database,)).fetchall() for sql in (_BY_STATE, _BY_WAIT))
        return {str(k): int(n) for k, n in states}, {str(k): int(n) for k, n in waits}


@dataclass
class Sampler:
    """Samples the server's workers and the database every ``every`` seconds, in a thread."""

    server: Server
    database_url: str
    every: float = 5.0
    samples: list[dict[str, Any]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> Sampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        known: dict[
            int, psutil.Process
        ] = {}  # the same objects each time: cpu_percent measures between calls

        def current() -> list[psutil.Process]:
            for p in self.server.workers():
                if p.pid not in known:
                    known[p.pid] = p
                    _cpu(p)  # the first call only starts the measure
            return [p for p in known.values() if p.is_running()]

        current()
        started = time.monotonic()
        while not self._stop.wait(self.every):
            workers = []
            for p in current():
                try:
                    with p.oneshot():
                        workers.append(
                            {
                                "pid": p.pid,
                                "cpu_percent": _cpu(p),
                                "rss_mib": round(p.memory_info().rss / 2**20, 1),
                                "fds": p.num_fds(),
                                "threads": p.num_threads(),
                            }
                        )
                except psutil.NoSuchProcess:
                    continue
            try:
                connections, waits = pg_activity(self.database_url)
            except Exception as err:  # the database is down (a fault run): say so in the sample
                connections, waits = {"error": 1}, {}
                print(f"sampler: no connection count ({type(err).__name__})", file=sys.stderr)
            self.samples.append(
                {
                    "t": round(time.monotonic() - started, 1),
                    "load1": round(os.getloadavg()[0], 2),
                    "workers": workers,
                    "pg": connections,
                    "pg_waits": waits,
                }
            )

    def summary(self) -> dict[str, Any]:
        """Per worker: mean and peak CPU, first/last/peak RSS and fds; connections: peak in total."""
        per: dict[int, list[dict[str, Any]]] = {}
        for s in self.samples:
            for w in s["workers"]:
                per.setdefault(w["pid"], []).append(w)
        workers = []
        for pid, rows in per.items():
            workers.append(
                {
                    "pid": pid,
                    "cpu_mean": round(sum(r["cpu_percent"] for r in rows) / len(rows), 1),
                    "cpu_peak": max(r["cpu_percent"] for r in rows),
                    "rss_first_mib": rows[0]["rss_mib"],
                    "rss_last_mib": rows[-1]["rss_mib"],
                    "rss_peak_mib": max(r["rss_mib"] for r in rows),
                    "fds_first": rows[0]["fds"],
                    "fds_last": rows[-1]["fds"],
                }
            )
        totals = [sum(v for k, v in s["pg"].items() if k != "error") for s in self.samples]
        waits: dict[str, int] = {}
        for s in self.samples:
            for what, n in s.get("pg_waits", {}).items():
                waits[what] = waits.get(what, 0) + n
        loads = [s["load1"] for s in self.samples]
        return {
            "workers": workers,
            "pg_connections_peak": max(totals, default=0),
            "pg_connections_last": totals[-1] if totals else 0,
            # summed over the samples: where the busy connections spent their time
            "pg_busy_by_wait": dict(sorted(waits.items(), key=lambda kv: -kv[1])),
            "load1_mean": round(sum(loads) / len(loads), 2) if loads else None,
            "load1_peak": max(loads, default=None),
        }


def _cpu(p: psutil.Process) -> float:
    try:
        return p.cpu_percent(None)
    except psutil.NoSuchProcess:
        return 0.0


#: The Python that runs locust: its own process (it shares the cores with the server, so its CPU is
#: reported), possibly from another virtualenv than the server's (``ONESTOP_LOAD_LOCUST_PYTHON``).
LOCUST_PYTHON = os.environ.get("ONESTOP_LOAD_LOCUST_PYTHON", PYTHON)


def run_locust(
    url: str,
    users: int,
    seconds: int,
    prefix: Path,
    fixtures: Path,
    *,
    spawn_rate: float | None = None,
    reset_stats: bool = True,
    settle_seconds: float = 0,
    classes: list[str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """locust headless: ``users`` users spawned over ~30 s, stopped after ``seconds`` (and 30 s grace).

    With ``settle_seconds``, the figures are reset that long after the last user started (instead of
    at once): the queue the ramp's sign-ins left behind drains before the measured window opens.
    The result's ``cpu_seconds`` is locust's own CPU time (its process was the only child waited for).
    """
    prefix.parent.mkdir(parents=True, exist_ok=True)
    rate = spawn_rate or max(1.0, users / 30)
    cmd = [LOCUST_PYTHON, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless", "--host", url]
    cmd += ["-u", str(users), "-r", f"{rate:g}", "-t", f"{seconds}s", "--stop-timeout", "30"]
    cmd += ["--csv", str(prefix), "--csv-full-history", "--only-summary", "--exit-code-on-error", "0"]
    cmd += ["--loglevel", "WARNING"]
    if reset_stats and not settle_seconds:
        cmd.append("--reset-stats")
    cmd += classes or []
    env = dict(os.environ, ONESTOP_LOAD_FIXTURES=str(fixtures))
    env["ONESTOP_LOAD_SETTLE_SECONDS"] = f"{settle_seconds:g}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with (prefix.parent / f"{prefix.name}.locust.log").open("wb") as out:
        done = subprocess.run(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done.cpu_seconds = round(  # type: ignore[attr-defined]
        (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1
    )
    return done


def windows(prefix: Path, every: int = 30) -> list[dict[str, Any]]:
    """The aggregated figures of each ``every`` seconds of the run (locust's history, since the reset).

    Tells whether the measured window was steady: p95 and requests per second should not fall from
    the first window to the last, as they do while a queue left by the ramp drains.
    """
    path = Path(f"{prefix}_stats_history.csv")
    if not path.exists():
        return []
    rows = [r for r in csv.DictReader(path.open()) if r["Name"] == "Aggregated"]
    out: list[dict[str, Any]] = []
    last_total = 0
    for row in rows:
        total = int(row["Total Request Count"])
        if total < last_total:  # the reset: the measured window starts here
            out.clear()
        last_total = total
        t = int(row["Timestamp"])
        if not out or t - out[-1]["t0"] >= every:
            out.append({"t0": t, "requests0": total, "p95_ms": [], "users": int(row["User Count"])})
        window = out[-1]
        window["requests1"] = total
        window["t1"] = t
        p95 = _ms(row["95%"])
        if p95 is not None:
            window["p95_ms"].append(p95)
    first = out[0]["t0"] if out else 0
    return [
        {
            "from_s": w["t0"] - first,
            "rps": round((w["requests1"] - w["requests0"]) / max(1, w["t1"] - w["t0"]), 1),
            "p95_ms_max": max(w["p95_ms"], default=None),
        }
        for w in out
    ]


def read_stats(prefix: Path) -> dict[str, Any]:
    """Per action from locust's ``_stats.csv``: count, failures, RPS, p50/p95/p99 in ms."""
    actions: dict[str, Any] = {}
    with Path(f"{prefix}_stats.csv").open() as handle:
        for row in csv.DictReader(handle):
            actions[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": round(float(row["Requests/s"]), 2),
                "p50_ms": _ms(row["50%"]),
                "p95_ms": _ms(row["95%"]),
                "p99_ms": _ms(row["99%"]),
                "max_ms": _ms(row["Max Response Time"]),
            }
    failures: list[dict[str, Any]] = []
    failures_csv = Path(f"{prefix}_failures.csv")
    if failures_csv.exists():
        with failures_csv.open() as handle:
            failures = [
                {"action": r["Name"], "error": r["Error"][:300], "count": int(r["Occurrences"])}
                for r in csv.DictReader(handle)
            ]
    return {"actions": actions, "failures": failures}


def _ms(value: str) -> float | None:
    return None if value in ("", "N/A") else round(float(value), 1)


def table(actions: dict[str, Any]) -> str:
    """A Markdown table of the per-action figures (Aggregated last)."""
    lines = [
        "| action | requests | failed | RPS | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, a in sorted(actions.items(), key=lambda kv: (kv[0] == "Aggregated", kv[0])):
        lines.append(
            f"| {name} | {a['requests']} | {a['failures']} | {a['rps']} | {a['p50_ms']} | {a['p95_ms']} | "
            f"{a['p99_ms']} |"
        )
    return "\n".join(lines)


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` as indented JSON (the folder made if needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, default=str) + "\n")


def verify(what: str, env: dict[str, str]) -> dict[str, Any]:
    """``onestop audit verify`` or ``onestop ledger verify``: whether it passed, and what it said."""
    began = time.perf_counter()
    done = subprocess.run(
        [PYTHON, "-m", "onestop.cli.main", what, "verify"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        "ok": done.returncode == 0,
        "exit": done.returncode,
        "said": (done.stdout + done.stderr).strip()[-500:],
        "seconds": round(time.perf_counter() - began, 1),
    }
