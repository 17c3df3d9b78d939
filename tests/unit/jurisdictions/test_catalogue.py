"""The shipped catalogues: complete, bilingual, reachable, sourced, and consistent with case-format.md."""

from __future__ import annotations

import re

import pytest

from onestop.jurisdictions.catalogue import (
    REACHABLE_KINDS,
    Catalogue,
    ContactKind,
    EntryKind,
    compares,
    load_catalogue,
)

# case-format.md, "Program identifiers": every decided program must be in its catalogue.
DECIDED = {
    "ca-ab": {
        "ab.income_support",
        "ab.aish",
        "ab.child_care_subsidy",
        "ab.seniors_benefit",
        "ab.child_health_benefit",
        "ab.adult_health_benefit",
        "ab.funeral_benefit",
        "ab.emergency_income_support",
    },
    "ca-nl": {
        "nl.income_support",
        "nl.nlpdp.foundation",
        "nl.nlpdp.65plus",
        "nl.nlpdp.access",
        "nl.nlpdp.assurance",
        "nl.nlpdp.select_needs",
    },
}
# The brief's minimum list of programs, services and referral targets, per province.
REQUIRED = {
    "ca-ab": {
        "ab.employment_training",
        "ab.pdd",
        "ab.fscd",
        "ab.fcss",
        "ab.income_support_health",
        "ab.adl",
        "ab.opg",
        "ab.opt",
        "ab.ppc",
        "ab.homelessness_supports",
        "ab.family_violence_supports",
        "ab.seniors_special_needs",
        "ext.wcb_ab",
        "ext.ahs",
        "ext.ab_continuing_care",
        "ext.ab_child_intervention",
        "ext.ab_housing",
        "ext.ab_womens_shelters",
        "ext.police",
        "ext.ab_legal_aid",
        "ext.ab_protection_orders",
        "ext.211",
    },
    "ca-nl": {
        "nl.mcp",
        "nl.lmda.skills_development",
        "nl.lmda.wage_subsidy",
        "nl.career_employment_services",
        "nl.emergency_assistance",
        "nl.travel_stranded",
        "nl.medical_travel",
        "nl.out_of_province_claims",
        "ext.whscc_nl",
        "ext.nl_health_services",
        "ext.nl_personal_care_homes",
        "ext.nl_child_protection",
        "ext.nlhc",
        "ext.nl_transition_houses",
        "ext.police",
        "ext.nl_legal_aid",
        "ext.211",
    },
}
FEDERAL = {"ext.ei", "ext.cpp", "ext.cpp_d", "ext.oas_gis"}


@pytest.fixture(params=["ca-ab", "ca-nl"])
def catalogue(request: pytest.FixtureRequest) -> Catalogue:
    return load_catalogue(request.param)


def test_every_decided_program_of_case_format_is_present_and_decided(catalogue: Catalogue) -> None:
    for program in DECIDED[catalogue.jurisdiction]:
        assert catalogue.get(program).kind is EntryKind.DECIDED


def test_the_briefs_programs_and_referral_targets_are_present(catalogue: Catalogue) -> None:
    missing = (REQUIRED[catalogue.jurisdiction] | FEDERAL) - set(catalogue.ids)
    assert not missing


def test_ids_are_unique_and_well_formed(catalogue: Catalogue) -> None:
    assert len(set(catalogue.ids)) == len(catalogue.ids)
    prefix = "ab." if catalogue.jurisdiction == "ca-ab" else "nl."
    for entry_id in catalogue.ids:
        assert entry_id.startswith((prefix, "ext.")), entry_id
        assert re.fullmatch(r"[a-z]+(\.[a-z0-9_]+)+", entry_id)


def test_only_decided_programs_use_case_format_ids(catalogue: Catalogue) -> None:
    decided = {e.id for e in catalogue if e.kind is EntryKind.DECIDED}
    assert decided == DECIDED[catalogue.jurisdiction]


def test_every_text_is_in_english_and_french(catalogue: Catalogue) -> None:
    for entry in catalogue:
        texts = [
            entry.name,
            entry.description,
            entry.who,
            entry.how_to_apply,
            *entry.documents,
            entry.agency.name,
        ]
        texts += [t.because for t in entry.screening.tests] if entry.screening else []
        for text in texts:
            assert text.en.strip() and text.fr.strip(), entry.id
            assert text.en != text.fr or len(text.en) < 40, (
                f"{entry.id}: French text copied from English: {text.en}"
            )
        if entry.act:  # Alberta and NL statutes exist in English only; their titles stay as enacted
            assert entry.act.en.strip() and entry.act.fr.strip()
    for spec in catalogue.inputs:
        assert spec.question.en.endswith("?") and spec.question.fr.endswith("?"), spec.name
    for rule in catalogue.interactions:
        assert rule.reason.en and rule.reason.fr


def test_every_entry_says_where_to_go_and_every_contact_is_sourced(catalogue: Catalogue) -> None:
    for entry in catalogue:
        kinds = {c.kind for c in entry.agency.contacts}
        assert kinds & REACHABLE_KINDS, entry.id
        for contact in entry.agency.contacts:
            assert contact.source.startswith(("https://", "http://")), (entry.id, contact.value)


def test_phone_numbers_are_written_the_canadian_way(catalogue: Catalogue) -> None:
    for entry in catalogue:
        for phone in entry.agency.phones():
            assert re.fullmatch(r"1-8\d\d-\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|310-\d{4}|[29]11|811", phone.value), (
                phone
            )


def test_urgent_needs_are_screened_first(catalogue: Catalogue) -> None:
    urgent_inputs = {"unit.no_money_for_food_today", "unit.no_safe_place_tonight", "unit.fleeing_violence"}
    screened_urgent = {
        leaf.path
        for entry in catalogue
        if entry.screening and entry.screening.urgent_when
        for leaf in compares(entry.screening.urgent_when)
    }
    assert urgent_inputs <= screened_urgent
    for name in urgent_inputs:
        assert any(spec.name == name for spec in catalogue.inputs)


def test_referral_targets_have_a_phone_or_a_routing(catalogue: Catalogue) -> None:
    for entry in catalogue:
        if entry.kind is EntryKind.REFERRAL:
            kinds = {c.kind for c in entry.agency.contacts}
            assert kinds & {ContactKind.PHONE, ContactKind.ROUTING, ContactKind.WEB}, entry.id


def test_interactions_point_at_programs_of_the_catalogue(catalogue: Catalogue) -> None:
    assert catalogue.interactions
    for rule in catalogue.interactions:
        assert rule.program in catalogue


def test_known_contacts_are_the_published_ones() -> None:
    ab = load_catalogue("ca-ab")
    assert ab.get("ab.income_support").agency.phones()[0].value == "1-877-644-9992"
    assert ab.get("ab.emergency_income_support").agency.phones()[0].value == "1-866-644-5135"
    assert ab.get("ab.ppc").agency.phones()[0].value == "1-888-357-9339"
    nl = load_catalogue("ca-nl")
    assert nl.get("nl.income_support").agency.phones()[0].value == "1-877-729-7888"
    assert nl.get("ext.ei").agency.phones()[0].value == "1-800-206-7218"
