"""The cost of each action of the load profile, one at a time: CPU, wall time and SQL statements.

    ONESTOP_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/onestop_load \\
    ONESTOP_VAR_DIR=/tmp/onestop-load/var \\
    .venv/bin/python benchmarks/load/profile_actions.py --fixtures /tmp/onestop-load/fixtures.json \\
        --repeat 20 [--profile /tmp/onestop-load/profiles]

The app runs in this process (the same ``create_app`` as ``onestop serve``, on the same database)
and one officer and one portal client do each action of ``locustfile.py`` ``--repeat`` times in turn,
with nothing else running: what each action costs the server when it does not wait for anything.
A latency under load is this plus the queue, so this is the figure to cut first. The requests go
to the app in this thread (httpx's ASGI transport; what the server would run in its thread pool runs
inline), so the CPU time is the request's alone, with the client's small share, and a profiler sees
all of it; the statements are counted on the engine. ``--profile`` (pyinstrument, which the
``bench`` extra installs) writes one HTML page and one text tree per action.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio.to_thread
import httpx
from sqlalchemy import event

from onestop.bootstrap import build
from onestop.web.app import create_app
from onestop.web.warmup import warm_up

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from scraping import CSRF, PDF, REASON, VERSION, emergency_form  # noqa: E402 (the same patterns as the load run)


class Counter:
    """SQL statements run on the engine since the last ``take``."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, *_args: object) -> None:
        self.n += 1

    def take(self) -> int:
        n, self.n = self.n, 0
        return n


def csrf(html: str) -> str:
    found = CSRF.search(html)
    return found.group(1) if found else ""


def main() -> None:
    """Do each action ``--repeat`` times and print its median CPU, wall time and statements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--officer", type=int, default=400, help="which load officer (1-based) signs in")
    parser.add_argument("--decide", type=int, default=5, help="applications decided (each uses one up)")
    parser.add_argument("--profile", type=Path, help="a folder for one pyinstrument page per action")
    parser.add_argument("--only", default="", help="comma-separated parts of action names to run")
    parser.add_argument("--out", type=Path, help="write the figures as JSON")
    args = parser.parse_args()
    anyio.to_thread.run_sync = _inline  # type: ignore[assignment]
    asyncio.run(_profile(args))


async def _inline(func: Callable[..., Any], *args: Any, **_kwargs: Any) -> Any:
    """``anyio.to_thread.run_sync`` done in the calling thread: one thread for the profiler to see."""
    return func(*args)


async def _profile(args: argparse.Namespace) -> None:
    fixtures = json.loads(args.fixtures.read_text())
    container = build()
    counter = Counter()
    event.listen(container.engine, "before_cursor_execute", counter)
    app = create_app(container)
    warm_up()
    rng = random.Random(19)
    people = fixtures["people"]
    officer = fixtures["officers"][args.officer - 1]
    client = fixtures["clients"][-1]
    # a few ready applications: a later load run that meets one already decided skips it
    ready = list(fixtures["ready_applications"])[: args.decide]
    transport = httpx.ASGITransport(app=app)
    base = "http://127.0.0.1"
    staff = httpx.AsyncClient(transport=transport, base_url=base, follow_redirects=True)
    portal = httpx.AsyncClient(transport=transport, base_url=base, follow_redirects=True)
    state: dict[str, str] = {}

    async def staff_sign_in() -> Any:
        page = await staff.get("/staff/login")
        form = {"username": officer, "password": fixtures["officer_password"], "csrf_token": csrf(page.text)}
        home = await staff.post("/staff/login", data=form)
        assert home.status_code == 200 and "/staff/logout" in home.text, home.status_code
        state["staff_csrf"] = csrf(home.text)
        found = REASON.search(home.text)
        state["reason"] = found.group(1) if found else "general_inquiry"
        return home

    async def portal_sign_in() -> Any:
        if "portal_csrf" in state:
            await portal.post("/portal/account/signout", data={"csrf_token": state["portal_csrf"]})
        page = await portal.get("/portal/account/signin")
        form = {"email": client["email"], "password": fixtures["client_password"]}
        form["csrf_token"] = csrf(page.text)
        home = await portal.post("/portal/account/signin", data=form)
        assert home.status_code == 200 and "/portal/account/signout" in home.text, home.status_code
        state["portal_csrf"] = csrf(home.text)
        return home

    async def post(url: str, data: dict[str, str], **headers: str) -> Any:
        return await staff.post(url, data=data, headers={"X-CSRF-Token": state["staff_csrf"], **headers})

    def person() -> dict[str, Any]:
        return people[rng.randrange(len(people))]

    def application() -> str:
        return str(rng.choice(fixtures["clients"])["application_id"])

    async def search() -> Any:
        p = person()
        data = {"name": p["name"], "birth_date": p["birth_date"] if rng.random() < 0.5 else ""}
        return await post("/staff/people", data, **{"HX-Target": "search-results"})

    async def client_360() -> Any:
        return await staff.get(f"/staff/people/{person()['id']}")

    async def screen() -> Any:
        return await post(f"/staff/people/{person()['id']}/screening", {})

    async def open_application() -> Any:
        return await staff.get(f"/staff/applications/{application()}")

    async def record_fact() -> Any:
        data = {"path": "unit.client_type", "answer": "expected_to_work"}
        return await post(f"/staff/applications/{application()}/facts", data)

    async def decide() -> Any:
        app_id = ready.pop()
        page = await staff.get(f"/staff/applications/{app_id}")
        found = VERSION.search(page.text)
        assert found, f"application {app_id} is not ready for a decision"
        return await post(f"/staff/applications/{app_id}/decide", {"version": found.group(1)})

    async def log_call() -> Any:
        data = {"reason": state["reason"], "channel": "phone", "person_id": person()["id"]}
        return await post("/staff/interactions/quick", data, **{"HX-Request": "true"})

    async def emergency_payment() -> Any:
        data = emergency_form()
        return await post(f"/staff/people/{person()['id']}/emergency", data, **{"HX-Request": "true"})

    async def screener() -> Any:
        return await portal.get("/portal/screener")

    async def screener_answer() -> Any:
        page = await portal.get("/portal/screener")
        data = {"jurisdiction": "ca-ab", "csrf_token": csrf(page.text)}
        return await portal.post("/portal/screener", data=data)

    async def status() -> Any:
        return await portal.get(f"/portal/applications/{client['application_id']}")

    async def upload() -> Any:
        return await portal.post(
            f"/portal/applications/{client['application_id']}/documents",
            data={"doc_type": "income_proof"},
            files={"file": ("pay-stub.pdf", PDF + uuid.uuid4().hex.encode(), "application/pdf")},
            headers={"X-CSRF-Token": state["portal_csrf"]},
        )

    actions: dict[str, tuple[Callable[[], Awaitable[Any]], int]] = {
        "staff: sign in (with its page)": (staff_sign_in, min(args.repeat, 5)),
        "staff: search": (search, args.repeat),
        "staff: client 360": (client_360, args.repeat),
        "staff: screen": (screen, args.repeat),
        "staff: open application": (open_application, args.repeat),
        "staff: record a fact": (record_fact, args.repeat),
        "staff: decide (with its page)": (decide, args.decide - 1),
        "staff: log a call": (log_call, args.repeat),
        "staff: emergency payment": (emergency_payment, args.repeat),
        "portal: sign in (with sign-out)": (portal_sign_in, min(args.repeat, 5)),
        "portal: screener": (screener, args.repeat),
        "portal: screener (page and answer)": (screener_answer, args.repeat),
        "portal: application status": (status, args.repeat),
        "portal: upload": (upload, args.repeat),
    }
    only = {a.strip() for a in args.only.split(",") if a.strip()}
    await staff_sign_in()
    await portal_sign_in()
    results: dict[str, Any] = {}
    for name, (action, times) in actions.items():
        if only and not any(o in name for o in only):
            continue
        await action()  # once unmeasured: its first-time caches
        counter.take()
        cpu, wall, statements = [], [], []
        profiler = _profiler(args.profile)
        for _ in range(times):
            if profiler is not None:
                profiler.start()
            c0, w0 = time.process_time(), time.perf_counter()
            answer = await action()
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - w0) * 1000)
            if profiler is not None:
                profiler.stop()
            statements.append(counter.take())
            if answer.status_code >= 400:
                print(f"{name}: answered {answer.status_code}", file=sys.stderr)
        results[name] = {
            "cpu_ms": round(statistics.median(cpu), 1),
            "wall_ms": round(statistics.median(wall), 1),
            "statements": statistics.median(statements),
            "n": times,
        }
        if profiler is not None:
            args.profile.mkdir(parents=True, exist_ok=True)
            slug = "".join(ch if ch.isalnum() else "-" for ch in name).strip("-")
            (args.profile / f"{slug}.html").write_text(profiler.output_html())
            (args.profile / f"{slug}.txt").write_text(profiler.output_text(unicode=False, show_all=False))
    await staff.aclose()
    await portal.aclose()
    print("| action | CPU ms (median) | wall ms (median) | SQL statements |")
    print("|---|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['cpu_ms']} | {r['wall_ms']} | {r['statements']:g} |")
    if args.out:
        args.out.write_text(json.dumps(results, indent=1) + "\n")
    container.engine.dispose()


def _profiler(folder: Path | None) -> Any:
    if folder is None:
        return None
    from pyinstrument import Profiler

    return Profiler(interval=0.0005, async_mode="disabled")


if __name__ == "__main__":
    main()
