"""The YAML tests of the Alberta and Newfoundland and Labrador programs, one pytest item each.

The packs are built here from the programs this area owns, so the tests run whether or not the
packs registered in ``onestop.jurisdictions`` list them yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop.jurisdictions import ca_ab
from onestop.jurisdictions.ca_ab.decided import PROGRAMS as AB_PROGRAMS
from onestop.jurisdictions.ca_nl import PACK as NL_PACK
from onestop.rules import Pack
from onestop.rules.vocabulary import NESTED, STANDARD_INPUTS
from onestop.rules.yamltests import YamlTest, collect, run

AB_PACK = Pack(
    "ca-ab",
    label={"en": "Alberta", "fr": "Alberta"},
    root=Path(ca_ab.__file__).parent,
    programs=AB_PROGRAMS,
    inputs=STANDARD_INPUTS,
    nested=NESTED,
)
CASES: list[tuple[Pack, YamlTest]] = [(pack, t) for pack in (AB_PACK, NL_PACK) for t in collect(pack)]


@pytest.mark.parametrize(("pack", "case"), CASES, ids=[t.id for _, t in CASES])
def test_yaml(pack: Pack, case: YamlTest) -> None:
    problems = run(pack, case)
    assert not problems, f"{case.file}:\n  " + "\n  ".join(problems)


def test_every_program_has_yaml_tests_of_each_kind() -> None:
    for pack in (AB_PACK, NL_PACK):
        for program in pack.programs.values():
            files = {path.stem for path in (program.root / "tests").glob("*.yaml")}
            assert {"published_figures", "gaps"} <= files, program.id
