"""Case conferences from the person page: participants and decisions one a line; a conference without
participants is named beside its box with what was typed, and nothing is written."""

from __future__ import annotations

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.cases.referrals import list_conferences
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import SYSTEM, person


def test_record_a_case_conference(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    path = f"/staff/people/{marie.id}/conferences"
    assert f'href="{path}"' in signed_in.get(f"/staff/people/{marie.id}").text
    token = csrf_token(signed_in, path)
    data = {
        "csrf_token": token,
        "held_on": container.clock.today().isoformat(),
        "notes": "safety plan discussed",
    }
    alone = signed_in.post(path, data=data | {"participants": " "})
    assert alone.status_code == 422 and 'id="f-participants-error"' in alone.text
    assert "safety plan discussed" in alone.text
    assert list_conferences(container.uow(), actor=SYSTEM, person_id=marie.id) == []
    people = "Alice Martin, Income Support, officer\nJo Hill, Women's Shelter, counsellor"
    done = signed_in.post(
        path, data=data | {"participants": people, "decisions": "move to a shelter bed\nreview in 2 weeks"}
    )
    assert done.status_code == 303
    page = signed_in.get(path).text
    assert "The case conference is recorded." in page and "Jo Hill, Women&#39;s Shelter (counsellor)" in page
    assert "<li>review in 2 weeks</li>" in page
    [conference] = list_conferences(container.uow(), actor=SYSTEM, person_id=marie.id)
    assert [p.name for p in conference.participants] == ["Alice Martin", "Jo Hill"]
