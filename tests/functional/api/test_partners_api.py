"""Sponsors, projects and inquiries over HTTP: the refusals map to their statuses (signing before
approval 409, an instalment over the funding 422 on `amount`, its payment approved by its recorder 403,
a disclosure without consent 422 on `disclose`, an officer approving 403) and amounts travel as decimal
strings; training, attendance and the on-call roster through their routes."""

from __future__ import annotations

from onestop.access import Role
from onestop.bootstrap import Container
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def test_partners_over_http(container: Container) -> None:
    office = make_office(container)
    officer = make_worker(container, Role.OFFICER, office=office)
    supervisor = make_worker(container, Role.SUPERVISOR, office=office)
    person = make_person(container)
    with api_client(container, officer) as client:
        sponsor = client.post("/api/sponsors", json={"name": "Harbour Youth Works", "kind": "community"})
        assert sponsor.status_code == 201, sponsor.text
        proposal = {
            "sponsor_id": sponsor.json()["id"],
            "title": "Boat building",
            "activities": "Dories",
            "participants_wanted": 4,
            "funding_asked": "30000.00",
            "starts_on": "2026-02-02",
            "ends_on": "2026-06-30",
        }
        bad = client.post("/api/projects", json=proposal | {"funding_asked": "12.345"})
        assert (bad.status_code, bad.json()["field"]) == (422, "funding_asked")
        project = client.post("/api/projects", json=proposal).json()
        base = f"/api/projects/{project['id']}"
        assert client.post(f"{base}/sign", json={"signed_on": "2026-02-02"}).status_code == 403
        assert client.post(f"{base}/recommend", json={"recommendation": "Yes"}).status_code == 200
        assert client.post(f"{base}/approve", json={}).status_code == 403
    with api_client(container, supervisor) as boss:
        assert boss.post(f"{base}/sign", json={"signed_on": "2026-02-02"}).status_code == 409
        approved = boss.post(f"{base}/approve", json={})
        assert approved.status_code == 200 and approved.json()["committed_cents"] == 3_000_000
        assert boss.post(f"{base}/sign", json={"signed_on": "2026-02-02"}).status_code == 200
    with api_client(container, officer) as client:
        instalment = {"amount": "10000.00", "pay_date": "2026-03-02"}
        waiting = client.post(f"{base}/instalments", json=instalment)
        assert waiting.status_code == 409  # the sponsor's payee waits for a second person's approval
    with api_client(container, supervisor) as boss:
        [request] = [
            r for r in boss.get("/api/approvals").json() if r["subject_id"] == sponsor.json()["payee_id"]
        ]
        assert boss.post(f"/api/approvals/{request['id']}", json={"approve": True}).status_code == 200
    with api_client(container, officer) as client:
        over = client.post(f"{base}/instalments", json=instalment | {"amount": "30000.01"})
        assert (over.status_code, over.json()["field"]) == (422, "amount")
        asked = client.post(f"{base}/instalments", json=instalment)
        assert asked.status_code == 200 and asked.json()["requested_cents"] == 1_000_000
        own = client.post(f"{base}/instalments/1/approve", json={})
        assert own.status_code == 403  # maker-checker: the recorder does not approve the payment
    with api_client(container, supervisor) as boss:
        approved = boss.post(f"{base}/instalments/1/approve", json={})
        assert approved.status_code == 200 and approved.json()["instalments"][0]["state"] == "approved"
        assert boss.post(f"{base}/instalments/9/approve", json={}).json()["field"] == "number"
    with api_client(container, officer) as client:
        inquiry = client.post(
            "/api/inquiries",
            json={
                "person_id": str(person),
                "member_name": "Hon. Pam Parsons",
                "asked_by": "Assistant",
                "on_behalf_of": "The client",
                "question": "Why?",
                "received_on": "2026-03-01",
            },
        )
        assert inquiry.status_code == 201, inquiry.text
        answer = {"answer": "Held for a T4.", "disclose": True, "answered_on": "2026-03-02"}
        refused = client.post(f"/api/inquiries/{inquiry.json()['id']}/answer", json=answer)
        assert (refused.status_code, refused.json()["field"]) == (422, "disclose")
        assert [i["id"] for i in client.get(f"/api/people/{person}/inquiries").json()] == [
            inquiry.json()["id"]
        ]


def test_training_and_on_call_over_http(container: Container) -> None:
    office = make_office(container)
    officer = make_worker(container, Role.OFFICER, office=office)
    supervisor = make_worker(container, Role.SUPERVISOR, office=office)
    person = make_person(container)
    with api_client(container, officer) as client:
        training = {
            "person_id": str(person),
            "institution": "College of the North Atlantic",
            "program_name": "Welding",
            "starts_on": "2026-01-05",
            "ends_on": "2026-12-18",
            "tuition": "2900.00",
        }
        bad = client.post("/api/training", json=training | {"tuition": "-1.00"})
        assert (bad.status_code, bad.json()["field"]) == (422, "tuition")
        made = client.post("/api/training", json=training)
        assert made.status_code == 201 and made.json()["tuition_cents"] == 290_000
        term = {
            "term": "Winter 2026",
            "period_start": "2026-01-05",
            "period_end": "2026-02-27",
            "scheduled_days": 40,
            "attended_days": 30,
            "received_on": "2026-03-02",
        }
        flagged = client.post(f"/api/training/{made.json()['id']}/attendance", json=term)
        [row] = flagged.json()["attendance"]
        assert flagged.status_code == 200 and row["flagged"] and row["missed_percent"] == 25
        assert [t["id"] for t in client.get("/api/training/flagged").json()] == [made.json()["id"]]
        excused = client.post(f"/api/attendance/{row['id']}/excuse", json={"note": "Illness"})
        assert excused.json()["attendance"][0]["outcome"] == "excused"
        again = client.post(f"/api/attendance/{row['id']}/excuse", json={"note": "Illness"})
        assert again.status_code == 409
        shift = {
            "staff_id": str(supervisor.id),
            "area": "Avalon",
            "phone": "709-555-0100",
            "starts_at": "2026-02-27T17:00-03:30",
            "ends_at": "2026-03-02T08:00-03:30",
        }
        assert (
            client.post("/api/oncall/shifts", json=shift).status_code == 403
        )  # someone else: a supervisor's
        mine = client.post("/api/oncall/shifts", json=shift | {"staff_id": str(officer.id)})
        assert mine.status_code == 201, mine.text
        roster = client.get(
            "/api/oncall/roster", params={"start": "2026-02-27T00:00Z", "end": "2026-03-03T00:00Z"}
        )
        assert [s["id"] for s in roster.json()] == [mine.json()["id"]]
        call = {"person_id": str(person), "received_at": "2026-02-28T23:10-03:30", "summary": "Needs a bed"}
        logged = client.post("/api/oncall/calls", json=call)
        assert logged.status_code == 201 and logged.json()["handover_due"] == "2026-03-03"
        assert [c["id"] for c in client.get(f"/api/people/{person}/oncall-calls").json()] == [
            logged.json()["id"]
        ]
