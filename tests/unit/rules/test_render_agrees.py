"""The text explanation says what the JSON explanation says, value for value, in both languages.

The text path formats values straight from the evaluation (it is the hot path of explain), the JSON
path through wire values; on every YAML case of both packs the two must read the same.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from onestop.jurisdictions import get_pack
from onestop.rules.describe import word
from onestop.rules.yamltests import collect

CASES = [(j, t) for j in ("ca-ab", "ca-nl") for t in collect(get_pack(j))]
_DECIMAL = re.compile(r"-?\d+\.\d+")


def _plain(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_plain(v, lang)}" for k, v in value.items()) + "}"
    if value is None:
        return word("unknown", lang)
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    text = str(value)
    return text.replace(".", ",") if lang == "fr" and _DECIMAL.fullmatch(text) else text


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("jurisdiction", "test"), CASES, ids=[t.id for _, t in CASES])
def test_text_values_read_as_the_json_explanation(jurisdiction: str, test: Any, lang: str) -> None:
    pack = get_pack(jurisdiction)
    result = pack.evaluate_data({**test.case, "date": test.date}, [test.program.id]).results[0]
    ex = result.explanation(lang)
    labels = {
        **{n: v.label(lang) for n, v in result.program.inputs.items()},
        **{n: v.label(lang) for n, v in result.program.variables.items()},
    }
    expected = "; ".join(
        f"{labels.get(k) or k} = {_plain(ex['labels'].get(k, v), lang)}" for k, v in ex["values"].items()
    )
    text = result.render(lang)
    if expected:
        assert f": {expected}\n" in text + "\n"


def test_live_nodes_shared_between_cases_are_those_of_a_fresh_walk() -> None:
    for jurisdiction, test in CASES:
        pack = get_pack(jurisdiction)
        result = pack.evaluate_data({**test.case, "date": test.date}, [test.program.id]).results[0]
        assert result.live_set.indices == result._walk_live(), test.id
