"""Dated parameters: lookup by date, a clear error before the first value, gaps that need a note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onestop.rules import ParameterNotInForce
from onestop.rules.errors import PackDefinitionError
from onestop.rules.parameters import load_parameters

GOOD = """
limit:
  label: {en: Asset limit, fr: Plafond}
  unit: money
  source: {title: Regulation, url: "https://example.org/reg", section: s.21}
  confidence: high
  values:
    - {effective: 2024-01-01, value: "9000.00"}
    - {effective: 2025-01-01, value: 10000}
table:
  label: Core
  unit: money
  keys: [family, size]
  source: {title: Manual}
  confidence: medium
  values:
    - effective: 2024-01-01
      note: couples not published
      value: {single: {1: 459.5, 2: 680}, couple: null}
rate:
  label: Rate
  unit: rate
  source: {title: Manual}
  confidence: low
  values: [{effective: 2020-04-01, value: 0.25}]
"""


def _load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "parameters.yaml"
    path.write_text(text, encoding="utf-8")
    return load_parameters(path, prefix="x.prog")


def test_lookup_by_date(tmp_path: Path) -> None:
    params = _load(tmp_path, GOOD)
    limit = params["limit"]  # type: ignore[index]
    assert limit.at(dt.date(2024, 12, 31)).value == 900000
    assert limit.at(dt.date(2025, 1, 1)).value == 1000000
    assert limit.at(dt.date(2030, 1, 1)).source.section == "s.21"
    table = params["table"]  # type: ignore[index]
    assert table.at(dt.date(2024, 6, 1)).value == {"single": {1: 45950, 2: 68000}, "couple": None}
    assert params["rate"].at(dt.date(2024, 1, 1)).value == 250000  # type: ignore[index]


def test_before_the_first_value_names_parameter_and_date(tmp_path: Path) -> None:
    params = _load(tmp_path, GOOD)
    with pytest.raises(ParameterNotInForce) as err:
        params["limit"].at(dt.date(2023, 12, 31))  # type: ignore[index]
    assert err.value.field == "x.prog.limit"
    assert "2023-12-31" in err.value.message and "2024-01-01" in err.value.message


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (GOOD.replace("      note: couples not published\n", ""), "no note"),
        (GOOD.replace("unit: rate", "unit: percent"), "unit must be"),
        (GOOD.replace("confidence: low", "confidence: sure"), "confidence"),
        (GOOD.replace('value: "9000.00"', 'value: "9000.001"'), "fraction of a cent"),
        (GOOD.replace("source: {title: Manual}\n  confidence: low", "confidence: low"), "source"),
        (
            GOOD.replace(
                "  keys: [family, size]\n", "  keys: [family, size]\n  key_labels: {single: {en: one}}\n"
            ),
            "key_labels",
        ),
    ],
)
def test_malformed_files_are_refused(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(PackDefinitionError, match=problem):
        _load(tmp_path, text)


def test_table_keys_may_have_words(tmp_path: Path) -> None:
    text = GOOD.replace(
        "  keys: [family, size]\n",
        "  keys: [family, size]\n  key_labels: {single: {en: one adult, fr: un adulte}}\n",
    )
    table = _load(tmp_path, text)["table"]  # type: ignore[index]
    assert table.key_labels["single"]("fr") == "un adulte"
