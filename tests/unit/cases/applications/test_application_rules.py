"""Application rules without a database: transitions, fact paths, case assembly, values."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid

import pytest

from onestop.cases.applications import domain
from onestop.cases.applications.casedata import Fact, Member, assemble, explain_missing
from onestop.cases.applications.domain import ApplicationStatus as S
from onestop.cases.vocabulary import program_packs
from onestop.common.errors import InvalidInput, InvalidTransition

ALLOWED = {
    (S.RECEIVED, S.PENDING_DOCUMENTS),
    (S.RECEIVED, S.IN_ASSESSMENT),
    (S.RECEIVED, S.WITHDRAWN),
    (S.PENDING_DOCUMENTS, S.IN_ASSESSMENT),
    (S.PENDING_DOCUMENTS, S.WITHDRAWN),
    (S.IN_ASSESSMENT, S.PENDING_DOCUMENTS),
    (S.IN_ASSESSMENT, S.DECIDED),
    (S.IN_ASSESSMENT, S.WITHDRAWN),
    (S.DECIDED, S.IN_ASSESSMENT),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(S, S)))
def test_every_transition_is_allowed_or_refused_as_designed(current: S, target: S) -> None:
    if (current, target) in ALLOWED:
        domain.check_transition(current.value, target)
    else:
        with pytest.raises(InvalidTransition):
            domain.check_transition(current.value, target)


def test_deciding_twice_says_to_reopen_first() -> None:
    with pytest.raises(InvalidTransition, match="reopen it for a new assessment"):
        domain.check_transition("decided", S.DECIDED)


def test_only_a_decided_application_is_reopened_and_it_is_not_just_assessed() -> None:
    domain.check_reopen("decided", reopen=True)
    domain.check_reopen("received", reopen=False)
    with pytest.raises(InvalidTransition, match="reopen it with a reason"):
        domain.check_reopen("decided", reopen=False)
    with pytest.raises(InvalidTransition, match="only a decided application"):
        domain.check_reopen("in_assessment", reopen=True)


@pytest.mark.parametrize("status", ["decided", "withdrawn"])
def test_facts_are_frozen_once_decided_or_withdrawn(status: str) -> None:
    with pytest.raises(InvalidTransition):
        domain.check_open_for_facts(status)


UUID_TEXT = "7d0c3f0e-1111-4444-8888-000000000001"


@pytest.mark.parametrize(
    ("text", "entity", "name", "person", "group"),
    [
        ("unit.liquid_assets", "unit", "liquid_assets", None, None),
        ("unit.funeral.ceremony_cost", "unit", "ceremony_cost", None, "funeral"),
        ("people[p1].age", "person", "age", "p1", None),
        (f"people[{UUID_TEXT}].monthly_other_income", "person", "monthly_other_income", UUID_TEXT, None),
    ],
)
def test_paths_round_trip(text: str, entity: str, name: str, person: str | None, group: str | None) -> None:
    path = domain.parse_path(text)
    assert (path.entity, path.name, path.person_id, path.group) == (entity, name, person, group)
    assert str(path) == text


@pytest.mark.parametrize(
    "text", ["liquid_assets", "unit.", "people[].age", "people[p1]", "unit.a.b.c", "x.y"]
)
def test_malformed_paths_name_the_field(text: str) -> None:
    with pytest.raises(InvalidInput) as err:
        domain.parse_path(text, field="answers")
    assert err.value.field == "answers"


def test_role_and_birth_date_come_from_the_registry() -> None:
    with pytest.raises(InvalidInput, match="registry"):
        domain.refuse_registry_path(domain.parse_path("people[p1].role"))
    domain.refuse_registry_path(domain.parse_path("people[p1].monthly_other_income"))


PID = uuid.UUID("00000000-0000-4000-8000-000000000001")
KID = uuid.UUID("00000000-0000-4000-8000-000000000002")
DOC = uuid.UUID("00000000-0000-4000-8000-0000000000d0")
ON = dt.date(2026, 3, 2)


def test_assembly_uses_only_verified_facts_and_names_the_others() -> None:
    members = [
        Member(PID, "applicant", dt.date(1990, 5, 1), DOC),
        Member(KID, "dependant", dt.date(2020, 1, 1)),
    ]
    facts = [
        Fact("unit.liquid_assets", "0.00", "officer", True, DOC),
        Fact(f"people[{PID}].monthly_other_income", "100.00", "officer", False),
        Fact("unit.funeral.ceremony_cost", "10.00", "officer", True, DOC),
        Fact("people[gone].monthly_other_income", "5.00", "officer", True, DOC),
    ]
    case = assemble("ca-ab", ON, members, facts, verified_only=True)
    people = {p["id"]: p for p in case.mapping["people"]}
    assert people[str(PID)] == {"id": str(PID), "role": "applicant", "birth_date": "1990-05-01"}
    assert "birth_date" not in people[str(KID)]  # no verified identity document for the child
    assert case.mapping["unit"] == {"liquid_assets": "0.00", "funeral": {"ceremony_cost": "10.00"}}
    assert case.unverified == [f"people[{KID}].birth_date", f"people[{PID}].monthly_other_income"]
    assert case.ignored == ["people[gone].monthly_other_income"]
    assert case.provenance[f"people[{PID}].birth_date"] == {
        "value": "1990-05-01",
        "source": "registry",
        "verified": True,
        "document_id": str(DOC),
    }
    everything = assemble("ca-ab", ON, members, facts, verified_only=False)
    assert {p["id"]: p for p in everything.mapping["people"]}[str(PID)]["monthly_other_income"] == "100.00"


def test_an_age_fact_gives_way_to_the_registry_birth_date() -> None:
    members = [Member(PID, "applicant", dt.date(1990, 5, 1), DOC)]
    case = assemble(
        "ca-ab", ON, members, [Fact(f"people[{PID}].age", 20, "officer", True)], verified_only=True
    )
    assert "age" not in case.mapping["people"][0]
    assert case.ignored == [f"people[{PID}].age"]


def test_missing_inputs_say_whether_they_wait_for_verification() -> None:
    out = explain_missing(
        ["unit.liquid_assets", "unit.housing", f"people[{KID}].age"],
        ["unit.liquid_assets", f"people[{KID}].birth_date"],
    )
    assert [m["problem"] for m in out] == [
        "recorded but not verified",
        "not known",
        "date of birth not verified (needs a verified identity document)",
    ]


def test_values_are_checked_by_the_pack_and_stored_in_their_canonical_form() -> None:
    pack = program_packs.pack_of("ca-ab")
    assert program_packs.normalise(pack, domain.parse_path("unit.liquid_assets"), 12.5, ON) == "12.50"
    assert (
        program_packs.normalise(pack, domain.parse_path("unit.client_type"), "expected_to_work", ON)
        == "expected_to_work"
    )
    assert program_packs.normalise(pack, domain.parse_path("people[p1].receives_oas"), False, ON) is False
    with pytest.raises(InvalidInput) as err:
        program_packs.normalise(pack, domain.parse_path("unit.client_type"), "lazy", ON)
    assert err.value.field == "value"
    with pytest.raises(InvalidInput) as err:
        program_packs.normalise(pack, domain.parse_path("unit.liquid_assets"), "1.005", ON)
    assert err.value.field == "value"
    with pytest.raises(InvalidInput) as err:
        program_packs.normalise(pack, domain.parse_path("unit.favourite_colour"), "blue", ON)
    assert err.value.field == "path"
    with pytest.raises(InvalidInput, match="required"):
        program_packs.normalise(pack, domain.parse_path("unit.liquid_assets"), None, ON)


def test_the_program_reads_only_some_of_the_pack_inputs() -> None:
    _pack, program = program_packs.program_of("ab.income_support")
    person, unit = program_packs.inputs_used(program)
    assert {"monthly_net_employment_income", "monthly_other_income", "role"} <= set(person)
    assert {"client_type", "housing", "liquid_assets"} <= set(unit)
    assert "annual_eligible_drug_costs" not in unit
    assert program_packs.question(program_packs.pack_of("ca-ab"), "unit.liquid_assets", "fr")
