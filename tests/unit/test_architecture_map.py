"""docs/architecture.md is the map of the code: every top-level package of onestop has its line there."""

from __future__ import annotations

import re
from pathlib import Path

import onestop

ROOT = Path(__file__).resolve().parents[2]


def _packages() -> set[str]:
    src = Path(onestop.__file__).parent
    return {p.name for p in src.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def _mapped() -> set[str]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    return set(re.findall(r"^  (\w+)/ ", text, flags=re.MULTILINE))


def test_every_top_level_package_is_on_the_map() -> None:
    missing = _packages() - _mapped()
    assert not missing, f"add a line for {sorted(missing)} to docs/architecture.md"


def test_the_map_names_no_package_that_is_gone() -> None:
    gone = _mapped() - _packages()
    assert not gone, f"docs/architecture.md lists {sorted(gone)}, which src/onestop no longer has"
