"""Training and on-call pages over HTTP: a training recorded (a missing institution shown beside its box,
422), a term over the missed-attendance rule flagged and excused with a reason (a missing reason 422);
the officer puts themself on call, logs a call with emergency shelter (paid through money), and the
call shows in the list; a time with no shift is refused beside its box."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop import money
from onestop.access import Actor
from onestop.bootstrap import Container
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import person, staff_id

SYSTEM = Actor.system("tests")


def test_training_on_its_pages(signed_in: TestClient, container: Container) -> None:
    client = person(container, "Dana", "Hynes")
    token = csrf_token(signed_in, "/staff/training")
    form = {
        "csrf_token": token,
        "person_id": str(client.id),
        "kind": "short_course",
        "program_name": "Food safety",
        "starts_on": "2026-01-05",
        "ends_on": "2026-04-30",
        "tuition": "350.00",
    }
    missing = signed_in.post("/staff/training", data=form)
    assert (
        missing.status_code == 422
        and 'id="f-institution-error"' in missing.text
        and "Food safety" in missing.text
    )
    made = signed_in.post("/staff/training", data=form | {"institution": "Academy Canada"})
    assert made.status_code == 303
    page = made.headers["location"]
    term = {
        "csrf_token": token,
        "term": "Winter 2026",
        "period_start": "2026-01-05",
        "period_end": "2026-02-27",
        "scheduled_days": "40",
        "attended_days": "25",
        "received_on": "2026-03-02",
    }
    over = signed_in.post(f"{page}/attendance", data=term | {"attended_days": "41"})
    assert over.status_code == 422 and 'id="f-attended_days-error"' in over.text
    assert signed_in.post(f"{page}/attendance", data=term).status_code == 303
    text = signed_in.get(page).text
    assert "over the rule" in text and "Finding on Winter 2026" in text
    assert "Dana Hynes" in signed_in.get("/staff/training").text  # waiting for a finding
    found = re.search(r'action="([^"]+/attendance/[0-9a-f-]+)/confirm"', text)
    assert found
    excuse = found.group(1) + "/excuse"
    no_reason = signed_in.post(excuse, data={"csrf_token": token})
    assert no_reason.status_code == 422 and 'id="f-finding_note-error"' in no_reason.text
    assert signed_in.post(excuse, data={"csrf_token": token, "finding_note": "Illness"}).status_code == 303
    text = signed_in.get(page).text
    assert "Excused: Illness" in text and "Finding on" not in text
    assert "Présence" in signed_in.get(f"{page}?lang=fr").text


def test_on_call_on_its_page(signed_in: TestClient, container: Container) -> None:
    client = person(container, "Ray", "Pike")
    shelter = money.create_payee(
        container.uow(), actor=SYSTEM, data=money.PayeeCreate(kind="vendor", name="Harbour Shelter")
    )
    unit = _unit(container, client.id)
    token = csrf_token(signed_in, "/staff/oncall")
    me = str(staff_id(container, "amartin"))
    shift = {
        "csrf_token": token,
        "staff_id": me,
        "area": "Edmonton",
        "phone": "780-555-0100",
        "starts_at": "2026-03-01T17:00",
        "ends_at": "2026-03-01T16:00",
    }
    backwards = signed_in.post("/staff/oncall/shifts", data=shift)
    assert backwards.status_code == 422 and 'id="f-ends_at-error"' in backwards.text
    assert (
        signed_in.post("/staff/oncall/shifts", data=shift | {"ends_at": "2026-03-02T08:00"}).status_code
        == 303
    )
    call = {
        "csrf_token": token,
        "person_id": str(client.id),
        "received_at": "2026-02-28T23:10",
        "summary": "Locked out; needs a bed tonight",
        "kind": "shelter",
        "amount": "90.00",
        "nights": "1",
        "payee_id": str(shelter.id),
        "unit_id": str(unit),
    }
    off = signed_in.post("/staff/oncall/calls", data=call)
    assert off.status_code == 422 and 'id="f-received_at-error"' in off.text and "Locked out" in off.text
    done = signed_in.post("/staff/oncall/calls", data=call | {"received_at": "2026-03-01T23:10"})
    assert done.status_code == 303
    text = signed_in.get("/staff/oncall").text
    assert "Ray Pike" in text and "780-555-0100" in text and "$90.00" in text
    assert "Astreinte" in signed_in.get("/staff/oncall?lang=fr").text


def _unit(container: Container, person_id: object) -> object:
    from tests.integration.cases.applications.builders import make_unit

    return make_unit(container, person_id)  # type: ignore[arg-type]
