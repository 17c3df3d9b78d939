"""Every rule pack's YAML tests (``<pack>/<program>/tests/*.yaml``), one pytest item each."""

from __future__ import annotations

import pytest

from onestop.jurisdictions import PACK_MODULES, get_pack, load_pack_path
from onestop.rules import Pack
from onestop.rules.yamltests import YamlTest, collect, run
from tests.unit.rules.conftest import ISB_PACK


def _packs() -> list[Pack]:
    return [*(get_pack(j) for j in sorted(PACK_MODULES)), load_pack_path(ISB_PACK)]


CASES: list[tuple[Pack, YamlTest]] = [(pack, test) for pack in _packs() for test in collect(pack)]


@pytest.mark.parametrize(("pack", "case"), CASES, ids=[t.id for _, t in CASES])
def test_yaml(pack: Pack, case: YamlTest) -> None:
    problems = run(pack, case)
    assert not problems, f"{case.file}:\n  " + "\n  ".join(problems)


def test_every_program_has_yaml_tests() -> None:
    covered = {t.program.id for _, t in CASES}
    for pack in _packs():
        assert set(pack.programs) <= covered
