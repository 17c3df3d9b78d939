"""Catalogue files are validated on load; each error names the file and the entry."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from onestop.jurisdictions.catalogue import (
    All,
    AnyPerson,
    CatalogueError,
    Compare,
    CriterionError,
    Not,
    describe,
    load_catalogue_files,
    parse_criterion,
)

AGENCY = """
agencies:
  office:
    name: {en: Office, fr: Bureau}
    contacts:
      - {kind: web, value: "https://example.org", source: "https://example.org/contact"}
"""


def entry(**overrides: str) -> str:
    fields = {
        "id": "xx.program",
        "kind": "screened",
        "name": "{en: Program, fr: Programme}",
        "description": "{en: Helps., fr: Aide.}",
        "who": "{en: People., fr: Des gens.}",
        "apply": "{en: Call., fr: Appeler.}",
        "refer_to": "office",
    }
    fields.update(overrides)
    lines = [f"    {k}: {v}" for k, v in fields.items() if v != "DROP"]
    return "entries:\n  - " + "\n".join(lines).lstrip() + "\n"


def load(tmp_path: Path, body: str, name: str = "programs.yaml") -> object:
    path = tmp_path / name
    path.write_text("jurisdiction: ca-xx\n" + textwrap.dedent(AGENCY) + body, encoding="utf-8")
    return load_catalogue_files("ca-xx", [path])


def test_a_valid_minimal_file_loads(tmp_path: Path) -> None:
    catalogue = load(tmp_path, entry())
    assert catalogue.ids == ("xx.program",)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": "{en: Program}"}, "programs.yaml: xx.program: name.fr is missing or empty"),
        ({"name": "{en: Program, fr: ''}"}, "name.fr is missing or empty"),
        ({"who": "{en: People, families, fr: Gens}"}, "who has keys"),
        ({"kind": "maybe"}, "xx.program: kind must be one of"),
        ({"refer_to": "nowhere"}, "xx.program: refer_to 'nowhere' is not an agency"),
        ({"id": "ab.program"}, "id must look like xx.name or ext.name"),
        ({"id": "xx.Bad-Id"}, "id must look like"),
    ],
)
def test_entry_errors_name_the_file_and_the_entry(
    tmp_path: Path, overrides: dict[str, str], message: str
) -> None:
    with pytest.raises(CatalogueError, match=message.replace(".", r"\.").replace("(", r"\(")):
        load(tmp_path, entry(**overrides))


@pytest.mark.parametrize(
    ("screen", "message"),
    [
        (
            "{tests: [{when: {input: unit.nothing, op: '==', value: true}, because: {en: a, fr: b}}]}",
            "input unit.nothing is not in the case vocabulary",
        ),
        (
            "{tests: [{when: {input: unit.receives_income_support, op: '>', value: 1},"
            " because: {en: a, fr: b}}]}",
            "is yes/no",
        ),
        (
            "{tests: [{when: {input: unit.housing, op: '==', value: castle}, because: {en: a, fr: b}}]}",
            "takes one of private",
        ),
        (
            "{tests: [{when: {input: unit.liquid_assets, op: '<', value: lots}, because: {en: a, fr: b}}]}",
            "is a number",
        ),
        (
            "{tests: [{when: {input: unit.liquid_assets, op: '<', value: '1.505'},"
            " because: {en: a, fr: b}}]}",
            "to the cent",
        ),
        (
            "{tests: [{when: {input: 'people[*].age', op: '>=', value: '17.5'}, because: {en: a, fr: b}}]}",
            "compare it with a whole number",
        ),
        (
            "{tests: [{when: {input: unit.liquid_assets, op: '<', value: 12.5}, because: {en: a, fr: b}}]}",
            "never binary floats",
        ),
        (
            "{tests: [{when: {input: 'person.age', op: '<', value: 5}, because: {en: a, fr: b}}]}",
            "only for inside any_person",
        ),
        (
            "{tests: [{when: {input: 'people[*].age', op: '~', value: 5}, because: {en: a, fr: b}}]}",
            "op '~' is not one of",
        ),
        ("{tests: [{when: {everything: true}, because: {en: a, fr: b}}]}", "unknown criterion keys"),
        ("{tests: []}", "screen needs a non-empty list of tests"),
        (
            "{priority: 12, tests: [{when: {input: 'people[*].age', op: '<', value: 5},"
            " because: {en: a, fr: b}}]}",
            "priority is a whole number",
        ),
    ],
)
def test_screening_errors_say_what_is_wrong(tmp_path: Path, screen: str, message: str) -> None:
    with pytest.raises(
        CatalogueError, match=r"programs\.yaml: xx\.program: .*" + message.replace("*", r"\*")
    ):
        load(tmp_path, entry(screen=screen))


def test_contacts_need_a_source_and_a_real_number(tmp_path: Path) -> None:
    body = entry()
    no_source = AGENCY.replace(', source: "https://example.org/contact"', "")
    path = tmp_path / "a.yaml"
    path.write_text("jurisdiction: ca-xx\n" + textwrap.dedent(no_source) + body, encoding="utf-8")
    with pytest.raises(
        CatalogueError, match=re.escape("a.yaml: agency office: contact https://example.org: every contact")
    ):
        load_catalogue_files("ca-xx", [path])
    bad_phone = AGENCY.replace('kind: web, value: "https://example.org"', 'kind: phone, value: "call us"')
    path.write_text("jurisdiction: ca-xx\n" + textwrap.dedent(bad_phone) + body, encoding="utf-8")
    with pytest.raises(CatalogueError, match="phone 'call us' is not written like"):
        load_catalogue_files("ca-xx", [path])


def test_an_agency_needs_a_way_to_reach_it(tmp_path: Path) -> None:
    only_email = AGENCY.replace(
        'kind: web, value: "https://example.org"', 'kind: email, value: "a@example.org"'
    )
    path = tmp_path / "a.yaml"
    path.write_text("jurisdiction: ca-xx\n" + textwrap.dedent(only_email) + entry(), encoding="utf-8")
    with pytest.raises(CatalogueError, match="no way to contact"):
        load_catalogue_files("ca-xx", [path])


def test_duplicate_ids_across_files_are_refused(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_text("jurisdiction: ca-xx\n" + textwrap.dedent(AGENCY) + entry(), encoding="utf-8")
    second = tmp_path / "b.yaml"
    second.write_text("jurisdiction: ca-xx\n" + entry(), encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape("b.yaml: xx.program: id already used in a.yaml")):
        load_catalogue_files("ca-xx", [first, second])


def test_a_file_of_another_jurisdiction_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("jurisdiction: ca-ab\n" + entry(), encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape("a.yaml: jurisdiction is 'ca-ab', expected 'ca-xx'")):
        load_catalogue_files("ca-xx", [path])


def test_interactions_must_name_a_catalogue_program(tmp_path: Path) -> None:
    body = entry() + textwrap.dedent("""
        interactions:
          - id: rule
            when: {input: unit.receives_income_support, op: "==", value: true}
            program: xx.other
            effect: note
            reason: {en: Because., fr: Parce que.}
        """)
    with pytest.raises(
        CatalogueError, match=re.escape("interaction rule: program xx.other is not in the catalogue")
    ):
        load(tmp_path, body)


def test_missing_decided_programs_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("jurisdiction: ca-ab\n" + textwrap.dedent(AGENCY), encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape("decided program ab.income_support is missing")):
        load_catalogue_files("ca-ab", [path])


def test_criteria_parse_into_a_small_tree() -> None:
    raw = {
        "any_person": {
            "all": [
                {"input": "person.age", "op": "<", "value": 18},
                {"not": {"input": "person.disability", "op": "==", "value": False}},
            ]
        }
    }
    tree = parse_criterion(raw)
    assert isinstance(tree, AnyPerson) and isinstance(tree.part, All)
    assert isinstance(tree.part.parts[1], Not)
    assert describe(tree) == "some member: (person.age < 18 and not person.disability = False)"
    leaf = parse_criterion({"input": "people[applicant].age", "op": ">=", "value": 18})
    assert leaf == Compare("applicant", "age", ">=", 18) and leaf.path == "people[applicant].age"
    with pytest.raises(CriterionError, match="cannot be nested"):
        parse_criterion({"any_person": {"any_person": {"input": "person.age", "op": "<", "value": 1}}})
