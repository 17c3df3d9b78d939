"""Changes to a health record already made, on staff pages: restrict coverage and lift the restriction,
re-issue a card, withdraw a special authorization, set a co-pay case by case. Bad input is shown beside
its box with what was typed (422); a form from before a change is refused (409)."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from fastapi.testclient import TestClient

from onestop import health
from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.health.schemas import AuthorizationCreate, CardIssue, CopayRequest, CoverageFromDecision
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import person
from tests.integration.health.builders import nl_income_support_decision

SYSTEM = Actor.system("tests")


def _covered(container: Container) -> tuple[uuid.UUID, uuid.UUID]:
    marie = person(container)
    decision = nl_income_support_decision(container, SYSTEM, marie.id)
    change = health.apply_decision(
        container.uow(), actor=SYSTEM, data=CoverageFromDecision(decision_id=decision.id)
    )
    return marie.id, change.started[0].id


def _version(text: str) -> str:
    return re.search(r'name="version" value="(\d+)"', text).group(1)  # type: ignore[union-attr]


def test_restrict_and_lift(signed_in: TestClient, container: Container) -> None:
    pid, cid = _covered(container)
    home = f"/staff/people/{pid}/health"
    token = csrf_token(signed_in, home)
    page = f"{home}/coverage/{cid}"
    text = signed_in.get(page).text
    assert "Restrict the coverage" in text and "Lift a restriction" not in text
    add = {"csrf_token": token, "version": _version(text), "kind": "single_pharmacy", "value": "Lawtons"}
    untold = signed_in.post(f"{page}/restrictions", data=add)
    assert untold.status_code == 422 and 'id="f-explained_to_client-error"' in untold.text
    assert 'value="Lawtons"' in untold.text
    told = add | {"explained_to_client": "one pharmacy until the review"}
    assert signed_in.post(f"{page}/restrictions", data=told).status_code == 303
    assert signed_in.post(f"{page}/restrictions", data=told).status_code == 409  # the old version
    assert "Lawtons" in signed_in.get(home).text
    text = signed_in.get(page).text
    rid = health.health_file(container.uow(), actor=SYSTEM, person_id=pid).current[0].restrictions[0]["id"]
    assert f'<option value="{rid}"' in text
    lift = {"csrf_token": token, "version": _version(text), "restriction_id": rid}
    why = signed_in.post(f"{page}/restrictions/remove", data=lift)
    assert why.status_code == 422 and 'id="f-lift_reason-error"' in why.text
    assert (
        signed_in.post(f"{page}/restrictions/remove", data=lift | {"lift_reason": "review done"}).status_code
        == 303
    )
    text = signed_in.get(page).text
    assert "review done" in text and "Lift a restriction" not in text
    assert signed_in.get(f"{page}?lang=fr").status_code == 200


def test_reissue_a_card(signed_in: TestClient, container: Container) -> None:
    pid, _ = _covered(container)
    today = container.clock.today()
    card = health.issue_card(
        container.uow(),
        actor=SYSTEM,
        data=CardIssue(person_id=pid, valid_to=today + dt.timedelta(days=10), reason="waiting for the card"),
    )
    home = f"/staff/people/{pid}/health"
    token = csrf_token(signed_in, home)
    page = f"{home}/cards/{card.id}"
    assert page in signed_in.get(home).text
    text = signed_in.get(page).text
    form = {"csrf_token": token, "version": _version(text), "valid_to": str(today + dt.timedelta(days=20))}
    why = signed_in.post(f"{page}/reissue", data=form)
    assert why.status_code == 422 and 'id="f-reissue_reason-error"' in why.text
    assert f'value="{today + dt.timedelta(days=20)}"' in why.text
    done = signed_in.post(f"{page}/reissue", data=form | {"reissue_reason": "card lost"})
    assert done.status_code == 303
    cards = health.list_cards(container.uow(), actor=SYSTEM, person_id=pid)
    assert sorted(c.status for c in cards) == ["issued", "replaced"]
    assert signed_in.post(f"{page}/reissue", data=form | {"reissue_reason": "again"}).status_code == 409
    assert "Re-issue the card" not in signed_in.get(page).text
    assert signed_in.get(f"{home}/cards/{uuid.uuid4()}").status_code == 404
    assert signed_in.get(f"{page}?lang=fr").status_code == 200


def test_withdraw_an_authorization(signed_in: TestClient, container: Container) -> None:
    pid, _ = _covered(container)
    request = AuthorizationCreate(
        person_id=pid, din="02242903", drug_name="Adalimumab", prescriber="Dr. Walsh", reason="RA"
    )
    auth = health.submit_authorization(container.uow(), actor=SYSTEM, data=request)
    home = f"/staff/people/{pid}/health"
    token = csrf_token(signed_in, home)
    page = f"{home}/authorizations/{auth.id}"
    form = {"csrf_token": token, "version": str(auth.version)}
    why = signed_in.post(f"{page}/withdraw", data=form)
    assert why.status_code == 422 and 'id="f-withdraw_reason-error"' in why.text
    ok = form | {"withdraw_reason": "the prescriber changed the drug"}
    assert signed_in.post(f"{page}/withdraw", data=ok).status_code == 303
    text = signed_in.get(page).text
    assert "Withdrawn" in text and "Withdraw the request" not in text
    assert signed_in.post(f"{page}/withdraw", data=ok).status_code == 409


def test_set_a_copay_case_by_case(signed_in: TestClient, container: Container) -> None:
    pid, _ = _covered(container)
    rx = CopayRequest(
        person_id=pid, din="02242903", drug_name="Adalimumab", quantity="2", unit_price="10.005"
    )
    copay = health.cost_prescription(container.uow(), actor=SYSTEM, data=rx)
    home = f"/staff/people/{pid}/health"
    token = csrf_token(signed_in, home)
    page = f"{home}/copays/{copay.id}"
    assert page in signed_in.get(home).text
    text = signed_in.get(page).text
    form = {"csrf_token": token, "version": _version(text), "copay": "99.00", "override_reason": "hardship"}
    over = signed_in.post(f"{page}/override", data=form)
    assert over.status_code == 422 and 'id="f-copay-error"' in over.text and "hardship" in over.text
    assert signed_in.post(f"{page}/override", data=form | {"copay": "2.00"}).status_code == 303
    shown = health.health_file(container.uow(), actor=SYSTEM, person_id=pid).copays[0]
    assert (shown.copay, shown.computed_copay, shown.override_reason) == ("2.00", "0.00", "hardship")
    assert signed_in.post(f"{page}/override", data=form | {"copay": "1.00"}).status_code == 409
    assert signed_in.get(f"{page}?lang=fr").status_code == 200


def test_coverage_from_a_decision_on_the_health_page(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    decision = nl_income_support_decision(container, SYSTEM, marie.id)
    home = f"/staff/people/{marie.id}/health"
    token = csrf_token(signed_in, home)
    text = signed_in.get(home).text
    assert f'<option value="{decision.id}">nl.income_support: eligible' in text
    form = {"csrf_token": token, "decision_id": str(decision.id), "left_for_work": "yes"}
    refused = signed_in.post(f"{home}/coverage/from-decision", data=form)
    assert refused.status_code == 422 and 'id="f-left_for_work-error"' in refused.text
    assert 'name="left_for_work" value="yes" checked' in refused.text
    assert health.health_file(container.uow(), actor=SYSTEM, person_id=marie.id).current == []
    form.pop("left_for_work")
    assert signed_in.post(f"{home}/coverage/from-decision", data=form).status_code == 303
    [period] = health.health_file(container.uow(), actor=SYSTEM, person_id=marie.id).current
    assert (period.plan, period.decision_id) == ("foundation", decision.id)
    assert signed_in.post(f"{home}/coverage/from-decision", data=form).status_code == 409  # applied already
