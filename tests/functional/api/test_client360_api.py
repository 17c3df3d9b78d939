"""/api/people/{id}/360 over HTTP: every section key present, permission, not found."""

from __future__ import annotations

import uuid

from onestop.access import Role
from onestop.bootstrap import Container
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker

SECTIONS = {
    "person",
    "units",
    "applications",
    "decisions",
    "benefits",
    "assessments",
    "plans",
    "referrals",
    "conferences",
    "tasks",
    "interactions",
    "documents",
    "flags",
    "consents",
    "assigned_worker",
}


def test_client_360_has_every_section(container: Container) -> None:
    officer = make_worker(container, Role.OFFICER, office=make_office(container))
    person = make_person(container)
    with api_client(container, officer) as client:
        client.post(
            "/api/interactions",
            json={"channel": "phone", "reason_codes": ["other"], "person_id": str(person)},
        )
        view = client.get(f"/api/people/{person}/360", params={"recent": 10})
        assert view.status_code == 200, view.text
        body = view.json()
        assert set(body) >= SECTIONS
        assert (body["applications"], body["interactions"]["total"]) == ([], 1)
        assert client.get(f"/api/people/{uuid.uuid4()}/360").status_code == 404
    with api_client(container, make_worker(container, Role.FINANCE)) as finance:
        assert finance.get(f"/api/people/{person}/360").status_code == 403
