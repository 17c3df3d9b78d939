"""Enum values in words: explanations read to a client say "single adult", the JSON keeps the codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from onestop.jurisdictions import get_pack
from onestop.rules import ENUM, UNIT, Expr, FormulaError, Pack, Program, Unit, input_variable, when
from onestop.rules.vocabulary import STANDARD_INPUTS

CASE: dict[str, Any] = {
    "jurisdiction": "ca-ab",
    "date": "2024-06-01",
    "people": [
        {
            "id": "p1",
            "role": "applicant",
            "age": 39,
            "monthly_net_employment_income": "500.00",
            "monthly_other_income": 0,
        }
    ],
    "unit": {"client_type": "expected_to_work", "housing": "private", "liquid_assets": 0},
}
PARTNER = {
    "id": "p2",
    "role": "partner",
    "age": 40,
    "monthly_net_employment_income": 0,
    "monthly_other_income": 0,
}
COUPLE = {**CASE, "people": [*CASE["people"], PARTNER]}


def _result(case: dict[str, Any]) -> Any:
    return get_pack("ca-ab").evaluate_data(case, ["ab.income_support"]).results[0]


EN = [
    "Family type = single adult",
    "Client type = expected to work",
    "Housing = private housing",
    "Role in the unit = {p1: applicant}",
    "Core essential[single adult][0][expected to work] = 459.00",
]
FR = [
    "Type de famille = adulte seul",
    "Type de client = apte au travail",
    "Logement = logement privé",
    "Rôle dans l'unité = {p1: demandeur}",
    "Besoins essentiels de base[adulte seul][0][apte au travail] = 459,00",
]


@pytest.mark.parametrize(("lang", "words"), [("en", EN), ("fr", FR)])
def test_text_says_enum_values_in_words(lang: str, words: list[str]) -> None:
    text = _result(CASE).render(lang)
    for phrase in words:
        assert phrase in text
    assert "single_adult" not in text and "expected_to_work" not in text


def test_json_keeps_codes_and_adds_the_words() -> None:
    explanation = _result(CASE).to_dict("fr")["explanation"]
    assert explanation["values"]["family"] == "single_adult"
    assert explanation["labels"]["family"] == "adulte seul"
    assert explanation["labels"]["role"] == {"p1": "demandeur"}
    core = next(p for p in explanation["parameters"] if p["name"] == "ab.income_support.core_essential")
    assert core["keys"] == ["single_adult", 0, "expected_to_work"]
    assert core["key_labels"] == ["adulte seul", 0, "apte au travail"]


def test_missing_policy_values_are_named_in_words_and_by_their_id() -> None:
    result = _result(COUPLE)
    assert result.missing.parameters[0] == "ab.income_support.core_essential[couple][0][expected_to_work]"
    assert result.gaps("en")[0] == (
        "Core essential [couple][0][expected to work] "
        "(ab.income_support.core_essential[couple][0][expected_to_work])"
    )
    assert "Besoins essentiels de base [couple][0][apte au travail]" in result.render("fr")


def test_reason_details_compare_in_words(tmp_path: Path) -> None:
    prog = Program("t.words", label="Words", root=tmp_path)

    @prog.test(words="housed privately", reference=None)
    def private(unit: Unit) -> Expr:
        return unit.housing == "private"

    pack = Pack("t", label="T", root=tmp_path, programs=[prog], inputs=STANDARD_INPUTS)
    result = pack.evaluate_data({"date": "2024-01-01", "unit": {"housing": "shelter"}}).results[0]
    assert result.reasons("en")[0]["detail"] == "emergency shelter = private housing"
    assert result.reasons("fr")[0]["detail"] == "refuge d'urgence = logement privé"


def test_one_code_has_one_meaning_in_a_program(tmp_path: Path) -> None:
    prog = Program("t.clash", label="Clash", root=tmp_path)
    fruit = {"a": {"en": "apple", "fr": "pomme"}, "b": {"en": "pear", "fr": "poire"}}
    kind = input_variable("kind", UNIT, ENUM, label="Kind", question="Kind?", domain=fruit)
    prog.inputs["kind"] = kind

    @prog.variable(UNIT, ENUM, label="Copy", domain={"a": {"en": "avocado", "fr": "avocat"}})
    def copy(unit: Unit) -> Expr:
        return when(unit.kind == "a", "a", "a")

    pack = Pack("t", label="T", root=tmp_path, programs=[prog])
    with pytest.raises(FormulaError, match="gives 'a' other words than kind does"):
        pack.evaluate_data({"date": "2024-01-01"})


def test_every_enum_of_the_shared_vocabulary_has_words_in_both_languages() -> None:
    for var in STANDARD_INPUTS:
        if var.kind is ENUM:
            assert var.value_labels is not None and set(var.value_labels) == set(var.domain or ())
            assert all(text.en and text.fr for text in var.value_labels.values()), var.name


def test_every_computed_enum_of_the_packs_has_words() -> None:
    for jurisdiction in ("ca-ab", "ca-nl"):
        for program in get_pack(jurisdiction).programs.values():
            for var in program.variables.values():
                if var.kind is ENUM:
                    assert var.value_labels and set(var.value_labels) == set(var.domain or ()), var.name


def test_an_unknown_enum_value_has_no_words() -> None:
    case = {**CASE, "unit": {**CASE["unit"], "client_type": None}}
    labels = _result(case).explanation()["labels"]
    assert labels["client_type"] is None and labels["family"] == "single adult"
