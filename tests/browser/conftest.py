"""Browser tests: the app served by uvicorn on 127.0.0.1, driven by Debian's Chromium through Playwright.

Never downloads a browser: Chromium is /usr/bin/chromium (``apt-get install chromium``). axe-core is
vendored in tests/browser/vendor and injected into each page visited; screenshots go to var/screenshots/.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, expect, sync_playwright

from onestop.access import Actor, Role, create_office, create_staff
from onestop.bootstrap import Container, build
from onestop.common.crypto import FieldCipher
from onestop.config import Settings
from onestop.db import Base, all_models, migrate  # noqa: F401 - all_models fills Base.metadata
from onestop.web.app import create_app

#: The browser: ``ONESTOP_BROWSER_PATH`` (or the older ``ONESTOP_CHROMIUM``), else Debian's Chromium.
CHROMIUM = Path(
    os.environ.get("ONESTOP_BROWSER_PATH") or os.environ.get("ONESTOP_CHROMIUM") or "/usr/bin/chromium"
)
#: Set by ``.ci/run``: a missing browser fails the run instead of skipping the browser tests.
REQUIRE_BROWSER = os.environ.get("ONESTOP_REQUIRE_BROWSER") == "1"
#: Part of every skip reason; the root conftest's summary looks for it.
BROWSER_MISSING = "Chromium not found"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"
AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
PASSWORD = "Correct-horse-42"


@dataclass
class Site:
    """The running app: its address and the accounts the tests sign in with."""

    base_url: str
    container: Container
    officer: str = "amartin"
    lockable: str = "blocked"
    supervisor: str = "ssuper"
    finance: str = "fpay"
    password: str = PASSWORD


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _migrate_or_create(container: Container) -> None:
    versions = Path(migrate.MIGRATIONS) / "versions"
    if any(versions.glob("*.py")):
        migrate.upgrade(container.engine)
    else:
        Base.metadata.create_all(container.engine)


def _accounts(container: Container) -> None:
    system = Actor.system("browser-tests")
    office = create_office(container.uow(), actor=system, code="EDM-01", name="Edmonton Central")
    for username, name, role in (
        ("amartin", "Alice Martin", Role.OFFICER),
        ("blocked", "Bob Locke", Role.OFFICER),
        ("ssuper", "Sam Super", Role.SUPERVISOR),
        ("fpay", "Fay Payne", Role.FINANCE),
    ):
        create_staff(
            container.uow(),
            actor=system,
            username=username,
            display_name=name,
            password=PASSWORD,
            roles={role},
            office_id=office.id,
        )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A fresh SQLite database with two officers, and the app served on a free port in a thread."""
    var = tmp_path_factory.mktemp("browser-var")
    port = _free_port()
    settings = Settings(
        var_dir=var,
        secret_key="browser-" + "s" * 40,
        field_key=FieldCipher.generate_key_text(),
        public_base_url=f"http://127.0.0.1:{port}",
        # Every scenario signs in from 127.0.0.1, mostly as amartin: room for all of them in one session.
        login_rate_per_address="500/10 minutes",
        login_rate_per_username="200/10 minutes",
    )
    container = build(settings)
    _migrate_or_create(container)
    _accounts(container)
    config = uvicorn.Config(
        create_app(container), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app did not start for the browser tests")
        time.sleep(0.05)
    yield Site(base_url=f"http://127.0.0.1:{port}", container=container)
    server.should_exit = True
    thread.join(timeout=10)
    container.engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def _browser_present() -> None:
    """Skip every browser test when there is no browser (a failure with ONESTOP_REQUIRE_BROWSER=1).

    Autouse and session-scoped, so it runs before the app is served and the verdict is reached once.
    """
    if CHROMIUM.is_file():
        return
    reason = f"{BROWSER_MISSING} at {CHROMIUM}: apt-get install chromium (never 'playwright install')"
    if REQUIRE_BROWSER:
        pytest.fail(f"{reason} (ONESTOP_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Playwright's driver (no browser download: only the system Chromium is used)."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@dataclass
class Problems:
    """What the page reported while a test ran: CSP violations and uncaught script errors."""

    messages: list[str] = field(default_factory=list)

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.messages.append(f"console: {message.text}")

    def page_error(self, error: Any) -> None:
        self.messages.append(f"script error: {error}")


@pytest.fixture
def page(browser: Browser, site: Site) -> Iterator[Page]:
    """A new tab with its own cookies; fails the test if the page broke its CSP or threw an error."""
    context = browser.new_context(
        base_url=site.base_url, locale="en-CA", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    tab = context.new_page()
    problems = Problems()
    tab.on("console", problems.console)
    tab.on("pageerror", problems.page_error)
    yield tab
    context.close()
    assert not problems.messages, "\n".join(problems.messages)


#: Every page address checked by axe in this run (written to var/screenshots/axe-pages.json at the end;
#: ``python -m tests.browser.coverage`` lists the staff pages no browser test checks).
AXED: set[str] = set()


@pytest.fixture(scope="session", autouse=True)
def _axed_pages() -> Iterator[None]:
    """Keep the list of the pages axe checked, for the page coverage list in docs/web.md."""
    yield
    if AXED:  # added to the list of earlier runs (delete the file for a fresh list)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        kept = SCREENSHOTS / "axe-pages.json"
        earlier = set(json.loads(kept.read_text(encoding="utf-8"))) if kept.exists() else set()
        kept.write_text(json.dumps(sorted(AXED | earlier), indent=1), encoding="utf-8")


def check_accessibility(page: Page, name: str) -> None:
    """Screenshot the page, then run axe-core (WCAG 2.1 A/AA, best practices); fail listing violations."""
    AXED.add(urlsplit(page.url).path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    if page.evaluate("typeof window.axe") == "undefined":
        page.evaluate(AXE_SOURCE)  # through the DevTools protocol, so the page's CSP does not block it
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    assert not result, f"axe-core violations on {name} ({page.url}):\n" + json.dumps(result, indent=2)


@dataclass
class Effort:
    """What a flow costs the person at the screen: clicks (and Enter presses that submit), files chosen,
    boxes typed into, and full page loads (htmx swaps are not page loads)."""

    page: Page
    clicks: int = 0
    files: int = 0
    typed: int = 0
    loads: int = 0
    steps: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("load", self._loaded)

    def _loaded(self, _: object) -> None:
        self.loads += 1

    def click(self, locator: Any, what: str) -> None:
        """One click."""
        locator.click()
        self.clicks += 1
        self.steps.append(f"click: {what}")

    def enter(self, locator: Any, text: str, what: str) -> None:
        """Type into a box and press Enter to submit (counted as typing plus one click)."""
        locator.fill(text)
        self.typed += 1
        locator.press("Enter")
        self.clicks += 1
        self.steps.append(f"type + Enter: {what}")

    def type(self, locator: Any, text: str, what: str) -> None:
        """Type into a box (no click counted: the box is reached with the keyboard or a click)."""
        locator.fill(text)
        self.typed += 1
        self.steps.append(f"type: {what}")

    def choose(self, locator: Any, value: str, what: str) -> None:
        """Choose an option in a list (one click, as the rules above count it)."""
        locator.select_option(value)
        self.clicks += 1
        self.steps.append(f"choose: {what}")

    def choose_file(self, locator: Any, path: Path, what: str) -> None:
        """Choose a file for an upload (one click on the file box, or one drop)."""
        locator.set_input_files(str(path))
        self.files += 1
        self.clicks += 1
        self.steps.append(f"choose file: {what}")

    def report(self) -> dict[str, Any]:
        """The figure, as saved next to the screenshots."""
        return {
            "clicks": self.clicks,
            "page_loads": self.loads,
            "fields_typed": self.typed,
            "files_chosen": self.files,
            "steps": self.steps,
        }


def save_figure(name: str, figure: dict[str, Any]) -> None:
    """Keep a measured figure under var/screenshots/ (the browser tests' output folder)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"{name}.json").write_text(json.dumps(figure, indent=2) + "\n", encoding="utf-8")


def sign_in(page: Page, username: str, password: str) -> None:
    """Fill and submit the sign-in form."""
    page.goto("/staff/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def open_and_check(page: Page, address: str, name: str, heading: str, shows: str | None = None) -> None:
    """Open a page, check its heading (and a value it shows), then run axe on it."""
    page.goto(address)
    expect(page.locator("h1")).to_contain_text(heading)
    if shows is not None:
        expect(page.locator("main")).to_contain_text(shows)
    check_accessibility(page, name)
