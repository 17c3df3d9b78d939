"""Issue 10 part 10(b): a bounded schemathesis run over every /api operation of the real app, as a
signed-in supervisor, with real ids in the path parameters (so it gets past the 404s): no 5xx.

Bounded and repeatable: ``MAX_EXAMPLES`` cases per operation, derandomized (the same cases every run),
no example database. Sign-out runs last so the token holds for the rest.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from tests.functional.matrix.harness import World, seeded_container, world

MAX_EXAMPLES = 4
pytestmark = pytest.mark.fuzz


@pytest.fixture(scope="module")
def fz(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with contextlib.contextmanager(seeded_container)(engine, tmp_path_factory.mktemp("fuzz")) as container:
        yield world(container)


def test_no_operation_answers_5xx(fz: World) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", fz.app)
    token = str(fz.clients["supervisor"].headers["Authorization"])
    operations = [result.ok() for result in schema.get_all_operations()]
    operations.sort(key=lambda op: "logout" in op.path)
    errors: list[str] = []
    counted: list[int] = []
    for operation in operations:
        names = re.findall(r"\{(\w+)", operation.path)
        known = {name: fz.ids[name] for name in names if name in fz.ids}
        strategy = operation.as_strategy(path_parameters=known or None)

        _run(strategy, operation, token, errors, counted)()
    print(f"schemathesis: {len(operations)} operations, {len(counted)} cases, {len(errors)} 5xx")  # noqa: T201 - the figures for the report (pytest -s)
    assert not errors, "\n".join(errors)


def _run(strategy: Any, operation: Any, token: str, errors: list[str], counted: list[int]) -> Any:
    """A hypothesis test drawing ``MAX_EXAMPLES`` cases of one operation (bound here, not in a loop)."""

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        case = data.draw(strategy)
        counted.append(1)
        response = case.call(headers={"Authorization": token})
        if response.status_code >= 500:
            errors.append(
                f"{operation.method.upper()} {operation.path}: {response.status_code} {case!r}"[:600]
            )

    return run
