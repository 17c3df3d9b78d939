"""/api referrals and conferences over HTTP: consent refusal, states, conferences."""

from __future__ import annotations

from onestop import registry
from onestop.access import Role
from onestop.bootstrap import Container
from onestop.registry.schemas import ConsentCreate
from tests.integration.cases.factories import SYSTEM, api_client, make_office, make_person, make_worker


def test_referral_needs_consent_then_follows_its_states(container: Container) -> None:
    officer = make_worker(container, Role.OFFICER, office=make_office(container))
    person = make_person(container)
    body = {
        "person_id": str(person),
        "target_id": "ext.ei",
        "target_name": "EI",
        "reason": "job loss",
        "shared": ["income"],
    }
    with api_client(container, officer) as client:
        refused = client.post("/api/referrals", json=body)
        assert (refused.status_code, refused.json()["field"]) == (422, "consent")
        registry.record_consent(
            container.uow(),
            actor=SYSTEM,
            person_id=person,
            data=ConsentCreate(recipient="ext.ei", purpose="EI"),
        )
        sent = client.post("/api/referrals", json=body)
        assert sent.status_code == 201, sent.text
        ref = sent.json()
        assert ref["follow_up_task_id"] is not None
        done_too_soon = client.post(f"/api/referrals/{ref['id']}/status", json={"status": "completed"})
        assert done_too_soon.status_code == 409
        accepted = client.post(
            f"/api/referrals/{ref['id']}/status", json={"status": "accepted", "version": 1}
        )
        assert accepted.json()["status"] == "accepted"
        assert [r["id"] for r in client.get(f"/api/people/{person}/referrals").json()] == [ref["id"]]


def test_conference_round_trip(container: Container) -> None:
    officer = make_worker(container, Role.OFFICER, office=make_office(container))
    person = make_person(container)
    body = {
        "person_id": str(person),
        "held_on": "2026-03-02",
        "decisions": ["Refer to housing"],
        "participants": [{"staff_id": str(officer.id)}, {"name": "J. Lee", "organisation": "Shelter"}],
    }
    with api_client(container, officer) as client:
        made = client.post("/api/conferences", json=body)
        assert made.status_code == 201, made.text
        listed = client.get(f"/api/people/{person}/conferences").json()
        assert [len(c["participants"]) for c in listed] == [2]
        bad = client.post("/api/conferences", json=body | {"participants": []})
        assert (bad.status_code, bad.json()["field"]) == (422, "participants")
