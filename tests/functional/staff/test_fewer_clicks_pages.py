"""Fewer clicks from search to decision (issue 14, part 7): the office's province in the registration
form, "Register and screen", the interview on one form (ticks are yes/no, an empty answer is not
recorded, a bad one comes back beside its question), and the client type asked in the decide form."""

from __future__ import annotations

import re
import uuid

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
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
    page = signed_in.get(where).text
    assert "The questions, all on one form" in page and "A box not ticked is answered" in page
    version, ticks, paths = _form(page)
    assert "unit.has_income" in ticks and ticks and paths
    token = csrf_token(signed_in, where)
    base = {"csrf_token": token, "version": version, "jurisdiction": "ca-ab", "form": "all"}
    typed = next(p for p in paths if p.endswith("liquid_assets"))
    bad = signed_in.post(
        f"/staff/screenings/{sid}/answer",
        data=base
        | {"tick": ticks, "path": paths, f"answer-{typed}": "lots", "answer-unit.has_income": "yes"},
    )
    assert bad.status_code == 422 and 'aria-invalid="true"' in bad.text and 'value="lots"' in bad.text
    assert resume_screening(container.uow(), actor=SYSTEM, session_id=sid).version == int(version)  # nothing
    ok = signed_in.post(
        f"/staff/screenings/{sid}/answer",
        data=base | {"tick": ticks, "path": paths, f"answer-{typed}": "120", "answer-unit.has_income": "yes"},
    )
    assert ok.status_code == 303 and ok.headers["location"].endswith("?form=all")
    answers = resume_screening(container.uow(), actor=SYSTEM, session_id=sid).answers
    assert answers["unit.has_income"] is True
    assert all(answers[t] is False for t in ticks if t != "unit.has_income")  # unticked: a "no"
    assert all(p not in answers for p in paths if p != typed)  # left empty: not recorded
    assert str(answers[typed]) in ("120", "120.00")
