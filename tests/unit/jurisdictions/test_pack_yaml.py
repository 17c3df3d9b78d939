"""The Alberta and NL packs list every decided program, each with YAML tests of each kind.

The YAML tests themselves run in tests/unit/rules/test_pack_yaml.py, for every registered pack.
"""

from __future__ import annotations

import pytest

from onestop.jurisdictions import get_pack
from onestop.jurisdictions.catalogue import EntryKind, load_catalogue


@pytest.mark.parametrize("jurisdiction", ["ca-ab", "ca-nl"])
def test_every_decided_program_is_in_the_pack(jurisdiction: str) -> None:
    pack = get_pack(jurisdiction)
    decided = {e.id for e in load_catalogue(jurisdiction) if e.kind is EntryKind.DECIDED}
    assert decided == set(pack.programs)


@pytest.mark.parametrize("jurisdiction", ["ca-ab", "ca-nl"])
def test_every_program_has_published_figures_and_gaps(jurisdiction: str) -> None:
    for program in get_pack(jurisdiction).programs.values():
        files = {path.stem for path in (program.root / "tests").glob("*.yaml")}
        assert {"published_figures", "gaps"} <= files, program.id
