"""Which staff pages no browser test checks with axe: ``python -m tests.browser.coverage``.

Reads ``var/screenshots/axe-pages.json`` (written by a run of ``tests/browser``: every address that
``check_accessibility`` saw) and matches it against the GET routes of the staff pages. Prints each
route with the test addresses that cover it, then those not covered.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

from onestop.bootstrap import build
from onestop.common.crypto import FieldCipher
from onestop.config import Settings
from onestop.web.app import create_app
from tests.browser.conftest import SCREENSHOTS
from tests.functional.matrix.harness import app_routes

#: Pages other helpers own (privacy, partners, knowledge): not listed here.
OWNED_ELSEWHERE = ("/staff/privacy", "/staff/partners", "/staff/inquiries", "/staff/knowledge")
#: Not pages: downloads (PDF, CSV, a document's file, payment files) and the fragment htmx asks for.
NOT_PAGES = ("/pdf", "/file", ".csv", "/files/{kind}", "/emergency/check", "/print")


def staff_pages() -> list[str]:
    """The GET routes of the staff workspace (a page a person opens), minus the ones owned elsewhere."""
    with tempfile.TemporaryDirectory() as var:
        settings = Settings(var_dir=Path(var), secret_key="c" * 48, field_key=FieldCipher.generate_key_text())
        app = create_app(build(settings))
        return [
            path
            for method, path in app_routes(app)
            if method == "GET"
            and path.startswith("/staff")
            and not path.startswith(OWNED_ELSEWHERE)
            and "/privacy" not in path
            and "/inquiries" not in path
            and not path.endswith(NOT_PAGES)
        ]


def _regex(path: str) -> re.Pattern[str]:
    """``/staff/people/{person_id:uuid}`` as a pattern an address is matched against."""
    parts = re.split(r"(\{[^}]+\})", path)
    return re.compile("^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$")


def coverage(visited: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """Route path -> the addresses checked that match it; and the routes none matched."""
    covered: dict[str, list[str]] = {}
    missing: list[str] = []
    for path in staff_pages():
        pattern = _regex(path)
        hits = [v for v in visited if pattern.match(v)]
        if hits:
            covered[path] = hits
        else:
            missing.append(path)
    return covered, missing


def main() -> int:
    visited = json.loads((SCREENSHOTS / "axe-pages.json").read_text(encoding="utf-8"))
    covered, missing = coverage(visited)
    for path, hits in covered.items():
        print(f"covered  {path}  ({len(hits)})")  # noqa: T201 - a report
    for path in missing:
        print(f"MISSING  {path}")  # noqa: T201 - a report
    print(f"{len(covered)} of {len(covered) + len(missing)} staff pages checked by axe")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
