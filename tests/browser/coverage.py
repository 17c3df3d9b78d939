"""Which staff pages no browser test checks with axe: ``python -m tests.browser.coverage``.

Reads ``var/screenshots/axe-pages.json`` (written by a run of ``tests/browser``: every address that
``check_accessibility`` saw) and matches it against the GET routes of the staff pages. Prints each
route with the test addresses that cover it, then those not covered.
"""

from __future__ import annotations

import json
import sys

from starlette.routing import Route

from onestop.web.staff import router
from tests.browser.conftest import SCREENSHOTS

#: Pages other helpers own (privacy, partners, knowledge): not listed here.
OWNED_ELSEWHERE = ("/staff/privacy", "/staff/partners", "/staff/inquiries", "/staff/knowledge")


def staff_pages() -> list[Route]:
    """The GET routes of the staff workspace (a page a person opens), minus the ones owned elsewhere."""
    return [
        r
        for r in router.routes
        if isinstance(r, Route)
        and "GET" in (r.methods or set())
        and not r.path.startswith(OWNED_ELSEWHERE)
        and "/people/{person_id:uuid}/privacy" not in r.path
        and "/people/{person_id:uuid}/inquiries" not in r.path
    ]


def coverage(visited: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """Route path -> the addresses checked that match it; and the routes none matched."""
    covered: dict[str, list[str]] = {}
    missing: list[str] = []
    for route in staff_pages():
        hits = [v for v in visited if route.path_regex.match(v)]
        if hits:
            covered[route.path] = hits
        else:
            missing.append(route.path)
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
