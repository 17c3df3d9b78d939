"""Deciding with a gap (issue 13, part 6): the officer enters the value the published policy lacks,
with its authority; a supervisor approves; the decision says it is an officer-entered value."""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Iterator

import pytest

from onestop import jurisdictions
from onestop.bootstrap import Container
from onestop.cases import decisions
from onestop.cases.decisions import DecisionCreate, DecisionUndetermined, OverrideReview
from onestop.cases.decisions.letters import decision_params
from onestop.cases.decisions.schemas import GapValueIn
from onestop.common.errors import InvalidInput, PermissionDenied
from onestop.rules.overlay_values import ParameterOverlay
from onestop.rules.parameters import Source
from tests.integration.cases.applications.builders import apply, assess, eligible_single, make_unit
from tests.integration.cases.conftest import Team

SHELTER = "ab.income_support.core_shelter_private"


@pytest.fixture(autouse=True)
def shelter_gap(container: Container) -> Iterator[None]:
    """The single adult's shelter amount unpublished from 2026 (laid after the container reads overlays)."""
    pack = jurisdictions.get_pack("ca-ab")
    parameter = pack.programs["ab.income_support"].parameter_set["core_shelter_private"]
    value = copy.deepcopy(parameter.versions[-1].value)
    value["single_adult"][0] = None
    gap = ParameterOverlay("test-gap", SHELTER, dt.date(2026, 1, 1), value, Source("test"), "low", "a gap")
    jurisdictions.use_overlays([gap])
    yield
    jurisdictions.use_overlays([])


@pytest.fixture
def ready(container: Container, team: Team, person: uuid.UUID) -> uuid.UUID:
    app = apply(container, team.officer.actor, make_unit(container, person)).id
    eligible_single(container, team.officer.actor, person, app)
    assess(container, team.officer.actor, app)
    return app


def _entered(**changes: object) -> GapValueIn:
    data: dict[str, object] = {
        "parameter": SHELTER,
        "value": {"single_adult": {"0": "380.00"}},
        "authority": "Policy manual 4846, regional director's memo of 2026-01-05",
    }
    return GapValueIn.model_validate(data | changes)


def test_an_officer_entered_value_waits_for_a_supervisor_and_is_shown_as_such(
    container: Container, team: Team, ready: uuid.UUID
) -> None:
    with pytest.raises(DecisionUndetermined):
        decisions.decide_application(
            container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=ready)
        )
    out = decisions.decide_application(
        container.uow(),
        actor=team.officer.actor,
        data=DecisionCreate(application_id=ready, gap_values=[_entered()]),
    )
    assert out.decision is None and out.pending_override is not None
    with pytest.raises(PermissionDenied):  # nobody approves their own
        decisions.approve_override(
            container.uow(),
            actor=team.officer.actor,
            request_id=out.pending_override.id,
            data=OverrideReview(reason="mine"),
        )
    d = decisions.approve_override(
        container.uow(),
        actor=team.supervisor.actor,
        request_id=out.pending_override.id,
        data=OverrideReview(reason="agreed"),
    )
    assert d.monthly_amount == "839.00" and d.amounts["core_shelter"] == "380.00"  # 459 + 380
    assert d.approved_by == team.supervisor.actor.username
    [value] = d.explanation["officer_values"]
    assert value["parameter"] == SHELTER and value["authority"].startswith("Policy manual 4846")
    assert value["entered_by"] == team.officer.actor.username
    assert "Officer-entered value" in d.text_en and "Policy manual 4846" in d.text_en
    assert "Core shelter (private housing) = {" in d.text_en and '"380.00"' in d.text_en
    assert "Valeur saisie par l’agent" in d.text_fr
    with container.session_factory() as session:
        params = decision_params(session.get(decisions.Decision, d.id), None)  # type: ignore[arg-type]
    assert "Core shelter (private housing)" in params["computation"]["en"]
    assert (
        "An officer entered this value" in params["reason"]["en"]
        and "Policy manual 4846" in params["reason"]["en"]
    )
    assert "Un agent a saisi cette valeur" in params["computation"]["fr"]
    assert SHELTER not in params["computation"]["en"]  # no internal name on the client's notice
    replay = decisions.replay_decision(container.uow(), actor=team.officer.actor, decision_id=d.id)
    assert replay.same and replay.monthly_cents == 83900


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"parameter": "ab.income_support.core_essential"}, "gap_values[0].parameter"),
        ({"value": {"single_adult": {"0": "lots"}}}, "gap_values[0].value"),
        ({"authority": "  "}, "gap_values[0].authority"),
    ],
)
def test_a_bad_entered_value_names_the_field(
    container: Container, team: Team, ready: uuid.UUID, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as err:
        decisions.decide_application(
            container.uow(),
            actor=team.officer.actor,
            data=DecisionCreate(application_id=ready, gap_values=[_entered(**changes)]),
        )
    assert err.value.field == field
    pending = decisions.list_override_requests(container.uow(), actor=team.supervisor.actor)
    assert pending == []
