"""The office at peak, as locust users: officers on the staff pages and clients on the portal.

Run by ``benchmarks/load/run.py`` (headless, bounded in users and time, against 127.0.0.1 only). The
ids come from the fixtures JSON that ``prepare.py`` wrote (``ONESTOP_LOAD_FIXTURES``): real people of
the demo database, the load-test officers and portal clients, applications ready for a decision.

Each request is named after the officer's or client's action, so the figures are per action. A
request counts as failed when its status is not the one the page gives on success (a redirect after a
post is followed, and its page counted with it), or when it answers 5xx.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import random
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gevent
from locust import HttpUser, between, events, task
from locust.env import Environment
from scraping import CSRF, PDF, REASON, VERSION, emergency_form

_FIXTURES: dict[str, Any] = {}
_lock = threading.Lock()
_officers: itertools.count[int] = itertools.count()
_clients: itertools.count[int] = itertools.count()
_ENVIRONMENT: list[Environment] = []


_taken: list[str] = []


def _fixtures_path() -> Path:
    return Path(os.environ.get("ONESTOP_LOAD_FIXTURES", "var/load-fixtures.json"))


def _used_path() -> Path:
    """Where the applications a run took for a decision are listed, so the next run takes others."""
    path = _fixtures_path()
    return path.with_name(path.name + ".used")


def fixtures() -> dict[str, Any]:
    """The prepared ids (read once), without the applications earlier runs took for a decision."""
    if not _FIXTURES:
        _FIXTURES.update(json.loads(_fixtures_path().read_text()))
        used = set(_used_path().read_text().split()) if _used_path().exists() else set()
        ready = [a for a in _FIXTURES["ready_applications"] if a not in used]
        random.Random(19).shuffle(ready)
        _FIXTURES["ready_applications"] = ready
    return _FIXTURES


def next_ready_application() -> str | None:
    """An application in assessment nobody decided yet (each is decided once), or None when used up."""
    with _lock:
        ready: list[str] = fixtures()["ready_applications"]
        if not ready:
            return None
        _taken.append(ready.pop())
        return _taken[-1]


def signed_in(action: Callable[[Any], None]) -> Callable[[Any], None]:
    """Sign in again first when the last sign-in failed (as a person would; its failure is counted)."""

    @functools.wraps(action)
    def run(user: Any) -> None:
        if not user.csrf:
            user.sign_in()
            if not user.csrf:
                return
        action(user)

    return run


@events.init.add_listener
def _on_init(environment: Environment, **_kwargs: Any) -> None:
    fixtures()
    _ENVIRONMENT[:] = [environment]


@events.spawning_complete.add_listener
def _on_spawned(user_count: int, **_kwargs: Any) -> None:
    """Reset the figures ``ONESTOP_LOAD_SETTLE_SECONDS`` after the last user started (run.py sets it).

    The users sign in as they start; the queue of the last sign-ins must drain before the window
    measured opens, or the figures mix the ramp with the steady state.
    """
    settle = float(os.environ.get("ONESTOP_LOAD_SETTLE_SECONDS", "0"))
    runner = _ENVIRONMENT[0].runner if _ENVIRONMENT else None
    if settle <= 0 or runner is None:
        return

    def reset() -> None:
        gevent.sleep(settle)
        runner.stats.reset_all()

    gevent.spawn(reset)


@events.quitting.add_listener
def _on_quit(**_kwargs: Any) -> None:
    """List the applications this run took for a decision (decided or not, they are not ready now)."""
    with _lock, _used_path().open("a") as out:
        out.writelines(f"{a}\n" for a in _taken)
        _taken.clear()


class Officer(HttpUser):
    """An officer at the contact centre: searches, opens files, screens, records, decides, logs calls."""

    weight = 3
    wait_time = between(5, 15)  # talking with the client: one action every 10 s on average

    def on_start(self) -> None:
        data = fixtures()
        officers: list[str] = data["officers"]
        self.username = officers[next(_officers) % len(officers)]
        self.csrf = ""
        self.reason = "general_inquiry"
        self.password = data["officer_password"]
        self.sign_in()

    def sign_in(self) -> None:
        """The sign-in page, then the posted form (a 303 to the workspace, which is followed)."""
        form = {"username": self.username, "password": self.password}
        home = _sign_in(self.client, "/staff/login", form, "staff", "/staff/logout")
        self.csrf = _csrf(home) if home is not None else ""
        if home is not None:
            found = REASON.search(home)
            if found:
                self.reason = found.group(1)

    def _person(self) -> dict[str, Any]:
        people: list[dict[str, Any]] = fixtures()["people"]
        return random.choice(people)

    def _post(self, url: str, data: dict[str, str], name: str, **kwargs: Any) -> Any:
        headers = {"X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return self.client.post(url, data=data, name=name, headers=headers, **kwargs)

    @task(4)
    @signed_in
    def search(self) -> None:
        person = self._person()
        data = {"name": person["name"], "birth_date": ""}
        if random.random() < 0.5:
            data["birth_date"] = person["birth_date"]
        self._post("/staff/people", data, "staff: search", headers={"HX-Target": "search-results"})

    @task(4)
    @signed_in
    def client_360(self) -> None:
        self.client.get(f"/staff/people/{self._person()['id']}", name="staff: client 360")

    @task(2)
    @signed_in
    def screen(self) -> None:
        """Start an interview about the person; the redirect shows the first questions."""
        pid = self._person()["id"]
        self._post(f"/staff/people/{pid}/screening", {}, "staff: screen")

    @task(2)
    @signed_in
    def record_fact(self) -> None:
        """Open a portal client's application and record a fact of the case."""
        clients: list[dict[str, str]] = fixtures()["clients"]
        app_id = random.choice(clients)["application_id"]
        self.client.get(f"/staff/applications/{app_id}", name="staff: open application")
        data = {"path": "unit.client_type", "answer": "expected_to_work"}
        self._post(f"/staff/applications/{app_id}/facts", data, "staff: record a fact")

    @task(1)
    @signed_in
    def decide(self) -> None:
        """Open an application ready for a decision, then decide it on the version read."""
        app_id = next_ready_application()
        if app_id is None:
            return
        page = self.client.get(f"/staff/applications/{app_id}", name="staff: open application")
        found = VERSION.search(page.text)
        if not found:
            return
        self._post(f"/staff/applications/{app_id}/decide", {"version": found.group(1)}, "staff: decide")

    @task(3)
    @signed_in
    def log_call(self) -> None:
        """One click on the quick-log widget (htmx) about the person on the phone."""
        data = {"reason": self.reason, "channel": "phone", "person_id": self._person()["id"]}
        self._post("/staff/interactions/quick", data, "staff: log a call", headers={"HX-Request": "true"})

    @task(1)
    @signed_in
    def emergency_payment(self) -> None:
        """Issue a small emergency payment by cheque (within an officer's own authority)."""
        pid = self._person()["id"]
        data = emergency_form()
        self._post(
            f"/staff/people/{pid}/emergency", data, "staff: emergency payment", headers={"HX-Request": "true"}
        )


class PortalClient(HttpUser):
    """A client on the portal: the screener, signing in, the application's status, sending a paper."""

    weight = 1
    wait_time = between(5, 20)  # reading the page

    def on_start(self) -> None:
        data = fixtures()
        clients: list[dict[str, str]] = data["clients"]
        me = clients[next(_clients) % len(clients)]
        self.email, self.application_id = me["email"], me["application_id"]
        self.password = data["client_password"]
        self.csrf = ""
        self.sign_in()

    def sign_in(self) -> None:
        form = {"email": self.email, "password": self.password}
        home = _sign_in(self.client, "/portal/account/signin", form, "portal", "/portal/account/signout")
        self.csrf = _csrf(home) if home is not None else ""

    @task(4)
    def screener(self) -> None:
        """The anonymous screener: the first page, then the province chosen."""
        page = self.client.get("/portal/screener", name="portal: screener")
        token = _csrf(page.text) or self.csrf
        self.client.post(
            "/portal/screener",
            data={"jurisdiction": "ca-ab", "csrf_token": token},
            name="portal: screener answer",
        )

    @task(4)
    @signed_in
    def status(self) -> None:
        self.client.get(f"/portal/applications/{self.application_id}", name="portal: application status")

    @task(1)
    @signed_in
    def upload(self) -> None:
        """Send a small PDF for the application (each upload differs: no deduplication hides the write)."""
        content = PDF + uuid.uuid4().hex.encode()
        self.client.post(
            f"/portal/applications/{self.application_id}/documents",
            data={"doc_type": "income_proof"},
            files={"file": ("pay-stub.pdf", content, "application/pdf")},
            headers={"X-CSRF-Token": self.csrf},
            name="portal: upload",
        )

    @task(1)
    def sign_in_again(self) -> None:
        """Sign out and in again (a client comes back later in the day)."""
        if self.csrf:
            self.client.post(
                "/portal/account/signout", data={"csrf_token": self.csrf}, name="portal: sign out"
            )
        self.sign_in()


def _sign_in(client: Any, path: str, form: dict[str, str], side: str, signed_in_marker: str) -> str | None:
    """GET the sign-in form, POST it with its CSRF token; the page signed in to, or None (a failure)."""
    page = client.get(path, name=f"{side}: sign-in page")
    data = form | {"csrf_token": _csrf(page.text)}
    with client.post(path, data=data, name=f"{side}: sign in", catch_response=True) as home:
        if home.status_code != 200 or signed_in_marker not in home.text:
            home.failure(f"sign-in refused: {home.status_code}")
            return None
        return str(home.text)


def _csrf(html: str) -> str:
    found = CSRF.search(html)
    return found.group(1) if found else ""
