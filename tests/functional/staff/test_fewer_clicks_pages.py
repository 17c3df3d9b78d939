"""Fewer clicks from search to decision (issue 14, part 7): the office's province in the registration
form, "Register and screen", the interview on one form (ticks are yes/no, an empty answer is not
recorded, a bad one comes back beside its question), and the client type asked in the decide form."""

from __future__ import annotations

import re
import uuid

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.cases.applications import get_application, list_facts
from onestop.cases.screenings import resume_screening
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import SYSTEM


def _register_and_screen(client: TestClient) -> str:
    form = client.get("/staff/people/new").text
    assert re.search(r'<option value="AB" selected>', form)  # the office's province, shown
    data = {
        "csrf_token": csrf_token(client, "/staff/people/new"),
        "given_names": "Grace",
        "family_name": "Okafor",
        "birth_date": "1988-09-14",
        "province": "AB",  # alone, the default makes no address
        "then": "screen",
    }
    done = client.post("/staff/people/new", data=data)
    assert done.status_code == 303, done.text
    location = str(done.headers["location"])
    assert re.fullmatch(r"/staff/screenings/[0-9a-f-]{36}\?form=all", location), location
    return location


def _form(page: str) -> tuple[str, list[str], list[str]]:
    version = re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    ticks = re.findall(r'<input type="hidden" name="tick" value="([^"]+)">', page)
    paths = re.findall(r'<input type="hidden" name="path" value="([^"]+)">', page)
    return version, ticks, paths


def test_register_and_screen_then_the_interview_on_one_form(
    signed_in: TestClient, container: Container
) -> None:
    where = _register_and_screen(signed_in)
    sid = uuid.UUID(where.split("/")[-1].split("?")[0])
    answer_url = f"/staff/screenings/{sid}/answer"
    page = signed_in.get(where).text
    assert "The questions, all on one form" in page and "A box not ticked is answered" in page
    version, ticks, paths = _form(page)
    gate = next(t for t in ticks if t.endswith("has_income") or t.endswith("health_needs"))
    token = csrf_token(signed_in, where)
    base = {"csrf_token": token, "jurisdiction": "ca-ab", "form": "all"}
    first = signed_in.post(
        answer_url, data=base | {"version": version, "tick": ticks, "path": paths, f"answer-{gate}": "yes"}
    )
    assert first.status_code == 303 and first.headers["location"].endswith("?form=all")
    answers = resume_screening(container.uow(), actor=SYSTEM, session_id=sid).answers
    assert answers[gate] is True
    assert all(answers[t] is False for t in ticks if t != gate)  # unticked: a "no", as the form says
    assert all(p not in answers for p in paths)  # left empty: not recorded

    page = signed_in.get(where).text
    version, ticks, paths = _form(page)
    typed = next(p for p in paths if f'name="answer-{p}" type="text"' in page)
    data = base | {"version": version, "tick": ticks, "path": paths}
    bad = signed_in.post(answer_url, data=data | {f"answer-{typed}": "lots"})
    assert bad.status_code == 422 and 'aria-invalid="true"' in bad.text and 'value="lots"' in bad.text
    assert resume_screening(container.uow(), actor=SYSTEM, session_id=sid).version == int(version)
    ok = signed_in.post(answer_url, data=data | {f"answer-{typed}": "120"})
    assert ok.status_code == 303
    answers = resume_screening(container.uow(), actor=SYSTEM, session_id=sid).answers
    assert str(answers[typed]) in ("120", "120.00", "120.0")
    assert all(p not in answers for p in paths if p != typed)


def test_the_decide_form_asks_the_client_type_and_records_only_assessments(
    signed_in: TestClient, container: Container, application: uuid.UUID
) -> None:
    path = f"/staff/applications/{application}"
    page = signed_in.get(path).text
    assert 'name="confirm_path" value="unit.client_type"' in page  # asked in the decide form itself
    assert 'name="confirm_path" value="people[p1].monthly_net_employment_income"' not in page  # a document
    token = csrf_token(signed_in, path)
    proved = signed_in.post(
        f"{path}/decide",
        data={
            "csrf_token": token,
            "version": "1",
            "confirm_path": "people[p1].monthly_net_employment_income",
            "confirm_value": "0",
        },
    )
    assert proved.status_code == 422  # a document proves it: never recorded as an assessment
    facts = list_facts(container.uow(), actor=SYSTEM, application_id=application)
    assert facts == [] or all(f.path != "people[p1].monthly_net_employment_income" for f in facts)
    assert get_application(container.uow(), actor=SYSTEM, application_id=application).version == 1
