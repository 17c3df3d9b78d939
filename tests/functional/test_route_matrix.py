"""Issue 10 part 10(a): every route of /api, /staff and /portal, called by every staff role, by nobody
signed in and by a portal client, answers as its row in ``matrix/table.py`` says, and never 5xx.

A route without a row fails ``test_every_route_has_a_row`` with the row to add. One app over one seeded
database for the whole module; one test per caller, each calling every route (sign-out last).
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from tests.functional.matrix.expect import describe
from tests.functional.matrix.harness import CALLERS, World, answer_class, app_routes, seeded_container, world
from tests.functional.matrix.table import ROUTES

HOW_TO_ADD = (
    "Add a row for each to ROUTES in tests/functional/matrix/table.py, one line: "
    '"METHOD /path": needs(P.SOME_PERMISSION) | staff() | roles("supervisor") | client() | public() | '
    "body_first(); see docs/security.md, 'The route matrix'."
)


@pytest.fixture(scope="module")
def mx(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with contextlib.contextmanager(seeded_container)(engine, tmp_path_factory.mktemp("matrix")) as container:
        yield world(container)


def test_every_route_has_a_row(mx: World) -> None:
    routes = {f"{method} {path}" for method, path in app_routes(mx.app)}
    missing = sorted(routes - ROUTES.keys())
    stale = sorted(ROUTES.keys() - routes)
    assert not missing, f"{len(missing)} route(s) without a row in the route matrix: {missing}. {HOW_TO_ADD}"
    assert not stale, f"rows for routes that no longer exist (remove them from matrix/table.py): {stale}"


@pytest.mark.parametrize("caller", CALLERS)
def test_each_caller_gets_what_the_table_says(mx: World, caller: str) -> None:
    wrong, seen = [], Counter[str]()
    for method, path in app_routes(mx.app):
        key = f"{method} {path}"
        if key not in ROUTES:
            continue  # test_every_route_has_a_row names it
        response = mx.call(caller, method, path)
        got, expected = answer_class(response), ROUTES[key](caller)
        seen[got] += 1
        if got != expected:
            wrong.append(f"{key}: expected {expected}, got {got} ({response.status_code})")
    print(f"route matrix, {caller}: {dict(seen)}")  # noqa: T201 - the figures for the report (pytest -s)
    assert not wrong, f"{caller}: {len(wrong)} route(s) answer otherwise than their row:\n" + "\n".join(wrong)


def observed_rows(mx: World) -> list[str]:
    """The table as observed (to write a first table, or to see what a new route does): run
    ``python -m tests.functional.matrix.observe``."""
    rows = []
    for method, path in app_routes(mx.app):
        observed = {caller: answer_class(mx.call(caller, method, path)) for caller in CALLERS}
        rows.append(f'    "{method} {path}": {describe(observed)},')
    return rows
