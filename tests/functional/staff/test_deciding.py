"""Deciding from the application page: the decision is taken on the version the officer read (a change
made meanwhile stops it with a clear message), and a refused decision leaves the application as it was."""

from __future__ import annotations

import re
import uuid

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.cases.applications import ApplicationStatusChange, get_application, start_assessment
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import SYSTEM

STALE = "changed by someone else since you opened it"


def _status(container: Container, aid: uuid.UUID) -> tuple[str, int]:
    app = get_application(container.uow(), actor=SYSTEM, application_id=aid)
    return app.status, app.version


def test_a_decision_on_a_version_changed_meanwhile_is_stopped(
    signed_in: TestClient, container: Container, application: uuid.UUID
) -> None:
    path = f"/staff/applications/{application}"
    seen = re.search(r'name="version" value="(\d+)"', signed_in.get(path).text)
    assert seen and seen.group(1) == "1"
    change = ApplicationStatusChange(version=1)
    start_assessment(container.uow(), actor=SYSTEM, application_id=application, data=change)  # someone else
    stale = signed_in.post(f"{path}/decide", data={"csrf_token": csrf_token(signed_in, path), "version": "1"})
    assert stale.status_code == 409 and STALE in stale.text
    assert 'name="version" value="2"' in stale.text  # the page as it is now, to read again
    assert _status(container, application) == ("in_assessment", 2)
    missing = signed_in.post(f"{path}/decide", data={"csrf_token": csrf_token(signed_in, path)})
    assert missing.status_code == 409 and STALE in missing.text  # no version: never "whatever is there"


def test_a_refused_decision_leaves_a_received_application_untouched(
    signed_in: TestClient, container: Container, application: uuid.UUID
) -> None:
    path = f"/staff/applications/{application}"
    token = csrf_token(signed_in, path)
    undetermined = signed_in.post(f"{path}/decide", data={"csrf_token": token, "version": "1"})
    assert undetermined.status_code == 422 and "The rules cannot decide yet" in undetermined.text
    assert _status(container, application) == ("received", 1)  # the assessment was not started for nothing
    no_reason = signed_in.post(
        f"{path}/decide", data={"csrf_token": token, "version": "1", "override_outcome": "eligible"}
    )
    assert no_reason.status_code == 422 and 'id="f-override_reason-error"' in no_reason.text
    assert _status(container, application) == ("received", 1)
