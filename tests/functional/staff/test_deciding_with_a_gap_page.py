"""Deciding with a gap on the application page: the rules cannot decide, the officer enters the value
with its authority, and the decision waits for a supervisor; a bad value comes back naming the field."""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onestop import jurisdictions
from onestop.bootstrap import Container
from onestop.cases import decisions
from onestop.cases.applications import get_application
from onestop.rules.overlay_values import ParameterOverlay
from onestop.rules.parameters import Source
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import SYSTEM
from tests.integration.cases.applications.builders import apply, assess, eligible_single, make_unit
from tests.integration.cases.factories import make_person

SHELTER = "ab.income_support.core_shelter_private"


@pytest.fixture
def gap_case(container: Container) -> Iterator[uuid.UUID]:
    """A verified single-adult case whose shelter amount is unpublished (laid over the YAML here)."""
    pack = jurisdictions.get_pack("ca-ab")
    parameter = pack.programs["ab.income_support"].parameter_set["core_shelter_private"]
    value = copy.deepcopy(parameter.versions[-1].value)
    value["single_adult"][0] = None
    gap = ParameterOverlay("test-gap", SHELTER, dt.date(2026, 1, 1), value, Source("test"), "low", "a gap")
    jurisdictions.use_overlays([gap])
    person = make_person(container)
    app = apply(container, SYSTEM, make_unit(container, person)).id
    eligible_single(container, SYSTEM, person, app)
    assess(container, SYSTEM, app)
    yield app
    jurisdictions.use_overlays([])


def test_the_officer_enters_the_missing_value_and_it_waits_for_a_supervisor(
    signed_in: TestClient, container: Container, gap_case: uuid.UUID
) -> None:
    path = f"/staff/applications/{gap_case}"
    version = str(get_application(container.uow(), actor=SYSTEM, application_id=gap_case).version)
    token = csrf_token(signed_in, path)
    first = signed_in.post(f"{path}/decide", data={"csrf_token": token, "version": version})
    assert first.status_code == 422 and "Decide with a value the policy does not publish" in first.text
    assert f'<option value="{SHELTER}">' in first.text

    fields = {"csrf_token": token, "version": version, "gap_parameter": SHELTER}
    bad = signed_in.post(f"{path}/decide", data=fields | {"gap_value": "lots", "gap_authority": "memo"})
    assert bad.status_code == 422 and 'id="f-gap_value-error"' in bad.text
    no_authority = signed_in.post(
        f"{path}/decide", data=fields | {"gap_value": '{"single_adult": {"0": "380"}}'}
    )
    assert no_authority.status_code == 422 and 'id="f-gap_authority-error"' in no_authority.text
    assert decisions.list_override_requests(container.uow(), actor=SYSTEM) == []

    value = '{"single_adult": {"0": "380.00"}}'
    done = signed_in.post(
        f"{path}/decide", data=fields | {"gap_value": value, "gap_authority": "Manual 4846"}
    )
    assert done.status_code == 303
    [pending] = decisions.list_override_requests(container.uow(), actor=SYSTEM)
    assert "Officer-entered value" in pending.reason and "Manual 4846" in pending.reason
