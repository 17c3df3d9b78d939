"""The document checklist without a database: items from the rules and the catalogue, their status."""

from __future__ import annotations

import datetime as dt
import uuid

from onestop.cases.applications import checklist
from onestop.cases.applications.casedata import Member
from onestop.cases.applications.checklist import KnownDocument

MOM = uuid.UUID("00000000-0000-4000-8000-000000000001")
KID = uuid.UUID("00000000-0000-4000-8000-000000000002")
MEMBERS = [Member(MOM, "applicant", dt.date(1990, 1, 1)), Member(KID, "dependant", dt.date(2015, 1, 1))]
PERSON = ["attending_high_school", "monthly_net_employment_income", "monthly_other_income", "role"]
UNIT = ["client_type", "housing", "liquid_assets"]


def _doc(person: uuid.UUID, doc_type: str, status: str) -> KnownDocument:
    return KnownDocument(uuid.uuid4(), person, doc_type, status)


def _items(
    docs: list[KnownDocument], catalogue: list[dict[str, str]] | None = None
) -> dict[tuple[str, object], checklist.ChecklistItem]:
    items = checklist.build(MEMBERS, PERSON, UNIT, docs, catalogue or [])
    return {(i.doc_type, i.person_id): i for i in items}


def test_items_follow_the_inputs_the_program_reads() -> None:
    items = _items([])
    assert set(items) == {
        ("identity", MOM),
        ("income_proof", MOM),
        ("other", KID),  # school attendance is asked of the dependant, not the adult
        ("lease_rent_receipt", None),
        ("bank_statement", None),
    }
    assert items[("income_proof", MOM)].needed_for == [
        f"people[{MOM}].monthly_net_employment_income",
        f"people[{MOM}].monthly_other_income",
    ]
    assert all(i.status == "missing" for i in items.values())
    assert items[("bank_statement", None)].how_to_obtain["fr"].startswith("Apportez")


def test_status_is_the_best_document_of_the_right_type_and_person() -> None:
    docs = [
        _doc(MOM, "identity", "rejected"),
        _doc(MOM, "identity", "verified"),
        _doc(KID, "income_proof", "verified"),  # the child's pay stub does not prove the mother's income
        _doc(KID, "bank_statement", "received"),  # a household item: any member's document counts
    ]
    items = _items(docs)
    assert items[("identity", MOM)].status == "verified"
    assert items[("identity", MOM)].document_ids == [docs[1].id]
    assert items[("income_proof", MOM)].status == "missing"
    assert items[("bank_statement", None)].status == "received"
    missing = {i.doc_type for i in checklist.missing(list(items.values()))}
    assert missing == {"income_proof", "other", "lease_rent_receipt", "bank_statement"}


def test_catalogue_lines_join_the_item_of_their_type_or_make_their_own() -> None:
    lines = [
        {"en": "Bank statements", "fr": "Relevés bancaires"},
        {"en": "Identification and Social Insurance Number for each adult", "fr": "Pièce d'identité"},
        {"en": "A letter from your school counsellor", "fr": "Une lettre du conseiller"},
    ]
    items = _items([], lines)
    assert items[("bank_statement", None)].catalogue == [lines[0]]
    assert items[("identity", MOM)].catalogue == [lines[1]]
    assert lines[2] in items[("other", KID)].catalogue


def test_assessment_inputs_need_no_document() -> None:
    assert checklist.accepted_types("client_type") is None
    assert checklist.accepted_types("liquid_assets") == ("bank_statement",)
    assert checklist.catalogue_type("Rental agreement", "Bail") == "lease_rent_receipt"
    assert checklist.catalogue_type("Something else", "Autre chose") is None
