"""Investigations on pages: a Newfoundland officer opens one from the person page, adds evidence, records
a cautioned interview and closes it founded with a reassessment; an Alberta officer is not offered the
page and is refused it. Mistakes re-render beside their box with what was typed (422); a stale version
re-renders the file as it is now (409)."""

from __future__ import annotations

import datetime as dt
import re

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import SYSTEM, person
from tests.integration.cases.applications.builders import (
    apply,
    make_unit,
    verified_document,
)

NL_ADDRESS = {"line1": "12 Water St", "city": "St. John's", "province": "NL", "postal_code": "A1C 1A1"}


def test_a_newfoundland_officer_investigates_from_the_person_page(
    signed_in: TestClient, container: Container
) -> None:
    rose = person(container, "Rose", "Walsh", addresses=[NL_ADDRESS]).id
    app = apply(container, SYSTEM, make_unit(container, rose), program="nl.income_support").id
    doc = verified_document(container, SYSTEM, rose, "bank_statement")
    path = f"/staff/people/{rose}/investigations"
    assert f'href="{path}"' in signed_in.get(f"/staff/people/{rose}").text
    token = csrf_token(signed_in, path)
    blank = signed_in.post(path, data={"csrf_token": token, "allegation": "", "source": "named_tip"})
    assert blank.status_code == 422 and 'id="f-allegation-error"' in blank.text
    assert '<option value="named_tip" selected>' in blank.text
    opened = signed_in.post(
        path,
        data={
            "csrf_token": token,
            "allegation": "working at the fish plant",
            "source": "named_tip",
            "application_id": str(app),
        },
    )
    assert opened.status_code == 303, opened.text
    url = opened.headers["location"]
    assert "working at the fish plant" in signed_in.get(url).text

    added = signed_in.post(
        f"{url}/evidence",
        data={"csrf_token": token, "document_id": str(doc), "description": "deposits from the plant"},
    )
    assert added.status_code == 303
    yesterday = (container.clock.today() - dt.timedelta(days=1)).isoformat()
    bad_time = {
        "csrf_token": token,
        "interviewee_name": "Rose Walsh",
        "held_on": yesterday,
        "held_time": "noon",
        "statement": "I worked in May.",
    }
    wrong = signed_in.post(f"{url}/interviews", data=bad_time | {"cautioned": "yes"})
    assert (
        wrong.status_code == 422
        and 'id="f-held_time-error"' in wrong.text
        and "I worked in May." in wrong.text
    )
    done = signed_in.post(f"{url}/interviews", data=bad_time | {"cautioned": "yes", "held_time": "09:30"})
    assert done.status_code == 303
    page = signed_in.get(url).text
    assert "deposits from the plant" in page and "Cautioned" in page and "I worked in May." in page

    version = re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    close = {"csrf_token": token, "finding": "founded", "reason": "earnings not reported", "reassess": "yes"}
    stale = signed_in.post(f"{url}/close", data=close | {"version": str(int(version) + 5)})
    assert (
        stale.status_code == 409
        and "Someone else changed this" in stale.text
        and "earnings not reported" in stale.text
    )
    closed = signed_in.post(f"{url}/close", data=close | {"version": version})
    assert closed.status_code == 303 and closed.headers["location"].startswith("/staff/reviews/")
    page = signed_in.get(url).text
    assert "Founded" in page and "Close with a finding" not in page


def test_an_alberta_officer_is_not_offered_investigations_and_is_refused(
    signed_in: TestClient, container: Container
) -> None:
    ada = person(container, "Ada", "Stone").id  # no address: Alberta
    assert "/investigations" not in signed_in.get(f"/staff/people/{ada}").text
    assert signed_in.get(f"/staff/people/{ada}/investigations").status_code == 403
