"""Print the route table as the app answers today (a starting point: check every row before keeping it).

PYTHONPATH=src python -m tests.functional.matrix.observe > /tmp/rows.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from onestop.db import all_models, make_engine, migrate  # noqa: F401
from tests.functional.matrix.harness import seeded_container, world
from tests.functional.test_route_matrix import observed_rows


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    engine = make_engine(f"sqlite:///{folder / 'matrix.db'}")
    migrate.upgrade(engine)
    for container in seeded_container(engine, folder / "var"):
        print("\n".join(observed_rows(world(container))))  # noqa: T201 - its output is the point


if __name__ == "__main__":
    main()
