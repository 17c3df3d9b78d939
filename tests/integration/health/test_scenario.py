"""Issue 17's "done when": an NL client from the Income Support decision through Foundation coverage,
an emergency drug card, a special authorization to its decision, a co-pay to the cent and an
out-of-province claim paid through money, on both databases."""

from __future__ import annotations

import datetime as dt
import uuid

from onestop import health, money
from onestop.bootstrap import Container
from onestop.cases import tasks
from onestop.common.errors import InvalidInput
from onestop.health.schemas import (
    AuthorizationCreate,
    AuthorizationDecide,
    AuthorizationTold,
    CardCancel,
    CardIssue,
    CardReissue,
    ClaimContact,
    ClaimCreate,
    ClaimDecide,
    ClaimPay,
    CopayOverride,
    CopayRequest,
    CoverageFromDecision,
    McpRecord,
)
from tests.integration.cases.applications.builders import verified_document
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_person
from tests.integration.health.builders import BORN, nl_income_support_decision


def test_an_nl_client_from_income_support_to_a_paid_out_of_province_claim(
    container: Container, team: Team
) -> None:
    officer = team.officer.actor
    uow = container.uow
    today = container.clock.today()
    person = make_person(container, "Mary", "Pike", BORN)

    # Income Support decision -> Foundation coverage (100%, open-ended: it follows Income Support).
    decision = nl_income_support_decision(container, officer, person)
    assert decision.outcome == "eligible" and decision.program == "nl.income_support"
    change = health.apply_decision(uow(), actor=officer, data=CoverageFromDecision(decision_id=decision.id))
    [cov] = change.started
    assert (cov.plan, cov.start_on, cov.end_on, cov.status) == (
        "foundation",
        decision.effective_from,
        None,
        "active",
    )
    assert cov.copay_terms["coverage_rate"] == "1.00" and "NLPDP" in cov.copay_terms["source"]

    # MCP registration, the number encrypted and shown masked.
    mcp = health.record_mcp(
        uow(),
        actor=officer,
        data=McpRecord(
            person_id=person, status="registered", number="1234 5678 9012", valid_from=dt.date(2020, 1, 1)
        ),
    )
    assert mcp.masked == "*********012"

    # Emergency drug card: the officer alone, number, validity, pharmacy message; re-issued once.
    card = health.issue_card(
        uow(),
        actor=officer,
        data=CardIssue(
            person_id=person, valid_to=today + dt.timedelta(days=30), reason="card not yet received"
        ),
    )
    assert card.number.startswith("EDC-") and card.status == "issued"
    assert "Foundation Plan" in card.pharmacy_message and card.valid_from == today
    again = health.reissue_card(uow(), actor=officer, card_id=card.id, data=CardReissue(reason="lost"))
    assert again.replaces_id == card.id and again.number != card.number
    listed = {c.id: c.status for c in health.list_cards(uow(), actor=officer, person_id=person)}
    assert listed == {card.id: "replaced", again.id: "issued"}

    # Special authorization: submitted, approved with an expiry (follow-up task), client told.
    sa = health.submit_authorization(
        uow(),
        actor=officer,
        data=AuthorizationCreate(
            person_id=person,
            din="02242903",
            drug_name="Adalimumab",
            prescriber="Dr. Walsh",
            reason="rheumatoid arthritis, first-line therapy failed",
        ),
    )
    expires = today + dt.timedelta(days=365)
    sa = health.decide_authorization(
        uow(),
        actor=officer,
        authorization_id=sa.id,
        data=AuthorizationDecide(outcome="approved", reason="criteria met", expires_on=expires),
    )
    assert sa.status == "approved" and sa.follow_up_task_id is not None
    task = tasks.get_task(uow(), actor=officer, task_id=sa.follow_up_task_id)
    assert task.due_on == expires - dt.timedelta(days=30) and task.person_id == person
    sa = health.record_client_told(
        uow(), actor=officer, authorization_id=sa.id, data=AuthorizationTold(told="Approved for one year.")
    )
    assert sa.client_told == "Approved for one year."

    # Co-pay: 30 x 0.4567 = 13.701 -> 13.70, fee 11.99: total 25.69; Foundation pays all of it.
    cp = health.cost_prescription(
        uow(),
        actor=officer,
        data=CopayRequest(
            person_id=person,
            din="02242903",
            drug_name="Metformin 500 mg",
            quantity="30",
            unit_price="0.4567",
            dispensing_fee="11.99",
        ),
    )
    assert (cp.status, cp.total, cp.computed_copay, cp.copay) == ("determined", "25.69", "0.00", "0.00")
    assert "$13.70" in cp.explanation[0] and "100%" in cp.explanation[1]
    cp = health.override_copay(
        uow(), actor=officer, copay_id=cp.id, data=CopayOverride(copay="2.00", reason="test")
    )
    assert (cp.computed_copay, cp.copay, cp.override_by) == ("0.00", "2.00", officer.username)

    # Out-of-province claim: consultation, approved with appeal rights, paid to the person.
    bill = verified_document(container, officer, person, "medical")
    claim = health.receive_claim(
        uow(),
        actor=officer,
        data=ClaimCreate(
            person_id=person,
            province="NS",
            provider="QEII Health Sciences Centre",
            service="emergency room visit",
            service_from=today - dt.timedelta(days=20),
            amount="845.30",
            document_ids=[bill],
        ),
    )
    claim = health.add_contact(
        uow(),
        actor=officer,
        claim_id=claim.id,
        data=ClaimContact(
            name="Dr. Leblanc", role="attending physician", note="confirmed the visit was urgent"
        ),
    )
    assert claim.contacts[0]["province"] == "NS"
    claim = health.decide_claim(
        uow(),
        actor=officer,
        claim_id=claim.id,
        data=ClaimDecide(outcome="approved", reason="insured service"),
    )
    assert claim.approved_amount == "845.30" and claim.appeal and claim.appeal["days"] == 60
    payee = money.create_payee(
        uow(), actor=officer, data=money.PayeeCreate(kind="client", name="Mary Pike", person_id=person)
    )
    claim = health.pay_claim(
        uow(), actor=officer, claim_id=claim.id, data=ClaimPay(pay_to="person", payee_id=payee.id)
    )
    assert claim.status == "paid" and claim.issuance_id is not None
    issuance = money.get_issuance(uow(), actor=officer, issuance_id=claim.issuance_id)
    assert (issuance.gross_cents, issuance.payment_type, issuance.state) == (84530, "invoice", "approved")

    # The client 360's health section and the audit trail.
    file = health.health_file(uow(), actor=officer, person_id=person)
    assert [c.plan for c in file.current] == ["foundation"] and len(file.claims) == 1
    actions = [a for a, _ in audit_actions(container)]
    for action in (
        "coverage:from_decision",
        "mcp:record",
        "drug_card:issue",
        "authorization:decide",
        "copay:compute",
        "copay:override",
        "claim:decide",
        "claim:pay",
    ):
        assert action in actions


def test_without_coverage_a_card_authorization_or_claim_is_refused_and_nothing_is_issued(
    container: Container, team: Team
) -> None:
    officer = team.officer.actor
    person = make_person(container)
    today = container.clock.today()
    bad: list[tuple[str, object]] = [
        (
            "person_id",
            lambda: health.issue_card(
                container.uow(),
                actor=officer,
                data=CardIssue(person_id=person, valid_to=today + dt.timedelta(days=5), reason="urgent"),
            ),
        ),
        (
            "person_id",
            lambda: health.submit_authorization(
                container.uow(),
                actor=officer,
                data=AuthorizationCreate(
                    person_id=person, din="02242903", drug_name="x", prescriber="y", reason="z"
                ),
            ),
        ),
        (
            "person_id",
            lambda: health.receive_claim(
                container.uow(),
                actor=officer,
                data=ClaimCreate(
                    person_id=person,
                    province="ON",
                    provider="p",
                    service="s",
                    service_from=today,
                    amount="10.00",
                ),
            ),
        ),
    ]
    for field, call in bad:
        try:
            call()  # type: ignore[operator]
        except InvalidInput as err:
            assert err.field == field and "needs it" in err.problem
        else:
            raise AssertionError("expected a refusal")
    file = health.health_file(container.uow(), actor=officer, person_id=person)
    assert (file.cards, file.authorizations, file.claims) == ([], [], [])


def test_a_co_pay_for_an_unknown_drug_or_without_a_price_names_the_field(
    container: Container, team: Team
) -> None:
    officer = team.officer.actor
    person = make_person(container, born=BORN)
    decision = nl_income_support_decision(container, officer, person)
    health.apply_decision(container.uow(), actor=officer, data=CoverageFromDecision(decision_id=decision.id))
    base = {"person_id": person, "drug_name": "x", "quantity": "1"}
    for extra, field in (({"din": "12", "unit_price": "1"}, "din"), ({"din": "02242903"}, "unit_price")):
        try:
            health.cost_prescription(container.uow(), actor=officer, data=CopayRequest(**base, **extra))  # type: ignore[arg-type]
        except InvalidInput as err:
            assert err.field == field
        else:
            raise AssertionError("expected a refusal")


def test_cancelling_a_card_and_an_ineligible_decision_ends_coverage(container: Container, team: Team) -> None:
    officer = team.officer.actor
    person: uuid.UUID = make_person(container, born=BORN)
    decision = nl_income_support_decision(container, officer, person)
    [cov] = health.apply_decision(
        container.uow(), actor=officer, data=CoverageFromDecision(decision_id=decision.id)
    ).started
    card = health.issue_card(
        container.uow(),
        actor=officer,
        data=CardIssue(person_id=person, valid_to=container.clock.today() + dt.timedelta(days=3), reason="r"),
    )
    card = health.cancel_card(
        container.uow(), actor=officer, card_id=card.id, data=CardCancel(reason="card came")
    )
    assert card.status == "cancelled" and card.cancel_reason == "card came"
    assert ("drug_card:cancel", "ok") in audit_actions(container, card.id)
    assert cov.status == "active"
