"""Batch and per-case evaluation agree for every AB and NL program, on every case of its YAML tests.

The YAML cases cover the published figures, boundaries and gaps (unknown values included), so this
checks the vectorised path on exactly the situations the packs are specified by.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from onestop.jurisdictions import get_pack
from onestop.rules import Case
from onestop.rules.yamltests import collect
from tests.unit.rules.test_batch_agrees import assert_agree

PROGRAMS = [
    (jurisdiction, program_id)
    for jurisdiction in ("ca-ab", "ca-nl")
    for program_id in get_pack(jurisdiction).programs
    if program_id != "ab.income_support"  # the engine's worked example has its own property test
]


@pytest.mark.parametrize(("jurisdiction", "program_id"), PROGRAMS)
def test_batch_agrees_with_explain_on_the_yaml_cases(jurisdiction: str, program_id: str) -> None:
    pack = get_pack(jurisdiction)
    by_date: dict[object, list[Case]] = defaultdict(list)
    for test in collect(pack):
        if test.program.id == program_id:
            by_date[test.date].append(pack.parse_case({**test.case, "date": test.date}))
    assert by_date
    for cases in by_date.values():
        assert_agree(pack, program_id, cases)
