"""Person amounts: reported per member as ``<name>.<person id>`` in explain, text and batch alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onestop.jurisdictions import get_pack
from onestop.rules import BOOL, MONEY, PERSON, Expr, FormulaError, Pack, Person, Program, Unit, when
from onestop.rules.batch import batch_plan
from onestop.rules.columns import columns_from_cases
from tests.unit.rules.test_engine import INPUTS

FAMILY = {
    "jurisdiction": "ca-ab",
    "date": "2025-10-01",
    "people": [
        {"id": "p1", "role": "applicant", "age": 35},
        {
            "id": "p2",
            "role": "dependant",
            "age": 5,
            "school_grade": "kindergarten",
            "child_care_type": "facility_based",
        },
        {"id": "p3", "role": "dependant", "age": 7, "school_grade": "1", "child_care_type": "facility_based"},
        {"id": "p4", "role": "dependant", "age": 15, "school_grade": "10"},
    ],
    "unit": {"annual_net_income": 57000},
}


def _subsidy() -> object:
    return get_pack("ca-ab").evaluate_data(FAMILY, ["ab.child_care_subsidy"]).results[0]


def test_json_reports_one_subsidy_per_child_in_care_and_the_total_as_the_monthly_amount() -> None:
    out = _subsidy().to_dict()  # type: ignore[attr-defined]
    assert out["monthly_amount"] == "858.00"
    assert out["amounts"] == {"subsidy.p2": "547.00", "subsidy.p3": "311.00"}
    assert out["explanation"]["values"]["subsidy"] == {
        "p1": "0.00",
        "p2": "547.00",
        "p3": "311.00",
        "p4": "0.00",
    }


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "en",
            "Amounts: Subsidy for the child (per month) [p2] 547.00; "
            "Subsidy for the child (per month) [p3] 311.00",
        ),
        (
            "fr",
            "Montants: Subvention pour l'enfant (par mois) [p2] 547,00; "
            "Subvention pour l'enfant (par mois) [p3] 311,00",
        ),
    ],
)
def test_text_names_each_child(lang: str, line: str) -> None:
    assert f"  {line}\n" in _subsidy().render(lang)  # type: ignore[attr-defined]


def test_batch_gives_a_per_person_array_and_the_members_it_lists() -> None:
    pack = get_pack("ca-ab")
    program = pack.programs["ab.child_care_subsidy"]
    case = pack.parse_case(FAMILY)
    batch = batch_plan(program, case.date).run(columns_from_cases(program.inputs, [case, case]))
    value, unknown = batch.amount("subsidy")
    assert value.tolist() == [0, 54700, 31100, 0] * 2 and not unknown.any()
    assert batch.listed("subsidy").tolist() == [False, True, True, False] * 2
    assert batch.monthly_amount()[0].tolist() == [85800, 85800]


def _program(tmp_path: Path) -> Program:
    prog = Program("t.per", label="Per person", root=tmp_path)

    @prog.variable(PERSON, BOOL, label="Counted")
    def counted(person: Person) -> Expr:
        return ~person.student

    @prog.amount(PERSON, label={"en": "Share", "fr": "Part"}, for_members="counted")
    def share(person: Person) -> Expr:
        return when(person.student, 0, person.income)

    @prog.amount(label="Total", pays=True)
    def total(unit: Unit) -> Expr:
        return unit.members.share.sum()

    return prog


def test_an_unknown_listing_condition_lists_the_member_with_an_unknown_amount(tmp_path: Path) -> None:
    pack = Pack("t", label="T", root=tmp_path, programs=[_program(tmp_path)], inputs=INPUTS)
    data = {
        "date": "2024-01-01",
        "people": [
            {"id": "a", "income": 10, "student": False},
            {"id": "b", "income": 5, "student": True},
            {"id": "c", "income": 7},
        ],
    }
    result = pack.evaluate_data(data).results[0]
    assert result.amounts == {"share.a": 1000, "share.c": None}
    assert result.status == "undetermined" and result.missing.inputs == ["people[c].student"]


def test_declaration_mistakes_are_named(tmp_path: Path) -> None:
    prog = Program("t.bad", label="Bad", root=tmp_path)
    with pytest.raises(FormulaError, match="unit amount"):
        prog.amount(PERSON, label="x", pays=True)
    with pytest.raises(FormulaError, match="for person amounts"):
        prog.amount(label="x", for_members="student")

    @prog.amount(PERSON, label="Share", for_members="income")
    def share(person: Person) -> Expr:
        return person.income

    pack = Pack("t", label="T", root=tmp_path, programs=[prog], inputs=INPUTS)
    with pytest.raises(FormulaError, match="must name a person yes/no value"):
        pack.evaluate_data({"date": dt.date(2024, 1, 1).isoformat()})


def test_person_amount_kind_is_money() -> None:
    assert get_pack("ca-ab").programs["ab.child_care_subsidy"].variables["subsidy"].kind is MONEY
