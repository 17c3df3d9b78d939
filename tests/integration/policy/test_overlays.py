"""Parameter overlays end to end on both databases: record, approve by another administrator, refuse,
the value read by evaluations from its date (a gap made decidable), the version hash, export, CLI."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from onestop import jurisdictions, policy
from onestop.access import Actor, actor_of
from onestop.access.permissions import Role
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container, lay_overlays
from onestop.cli import common
from onestop.cli.main import app
from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied
from onestop.policy.models import ParameterOverlayRow
from tests.integration.policy.factories import PASSWORD, make_staff

GAP = "ab.aish.max_living_allowance"  # null from 2025-01-01: the published 2025 amount is missing


def _case(on: str) -> dict[str, object]:
    person = {
        "id": "a",
        "role": "applicant",
        "age": 40,
        "severe_handicap": True,
        "monthly_net_employment_income": 0,
        "monthly_other_income": 0,
    }
    return {"jurisdiction": "ca-ab", "date": on, "people": [person], "unit": {"non_exempt_assets": 0}}


def _aish(on: str) -> dict[str, object]:
    result: dict[str, object] = jurisdictions.evaluate(_case(on), ["ab.aish"]).to_dict(explain=False)[
        "results"
    ][0]
    return result


@pytest.fixture(autouse=True)
def _packs_as_published() -> Iterator[None]:
    """Overlays are laid over process-wide packs: leave them as the YAML says for the next test."""
    yield
    jurisdictions.use_overlays([])


@pytest.fixture
def admins(container: Container) -> tuple[Actor, Actor]:
    return (
        actor_of(make_staff(container, "ada", Role.ADMINISTRATOR)),
        actor_of(make_staff(container, "bob", Role.ADMINISTRATOR)),
    )


def _new(**changes: object) -> policy.OverlayCreate:
    data: dict[str, object] = {
        "parameter": GAP,
        "value": "1901.00",
        "effective": dt.date(2025, 1, 1),
        "source_title": "AISH rates, January 2025 (alberta.ca)",
        "confidence": "high",
    }
    return policy.OverlayCreate.model_validate(data | changes)


def test_an_approved_value_fills_a_gap_from_its_date_and_changes_the_version(
    container: Container, admins: tuple[Actor, Actor]
) -> None:
    ada, bob = admins
    pack = jurisdictions.get_pack("ca-ab")
    published = pack.version
    assert _aish("2025-06-01")["status"] == "undetermined"

    row = policy.record_overlay(container.uow(), actor=ada, data=_new())
    assert row.status == "pending" and row.value == 190100 and row.jurisdiction == "ca-ab"
    assert _aish("2025-06-01")["status"] == "undetermined"  # pending changes nothing

    approved = policy.approve_overlay(
        container.uow(), actor=bob, overlay_id=row.id, data=policy.OverlayDecision(version=row.version)
    )
    assert approved.status == "approved" and approved.decided_by == "bob"
    after = _aish("2025-06-01")
    assert after["status"] == "eligible" and after["amounts"]["living_allowance"] == "1901.00"  # type: ignore[index]
    before = _aish("2024-06-01")  # the date before keeps the published value
    assert before["amounts"]["living_allowance"] == "1863.00"  # type: ignore[index]
    assert pack.version != published

    # a new process reads the approved overlays from the database
    jurisdictions.use_overlays([])
    assert pack.version == published
    lay_overlays(container.session_factory)
    assert _aish("2025-06-01")["status"] == "eligible"

    with container.session_factory() as session:
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.subject_id == str(row.id))))
    assert set(actions) == {"parameter_overlay:record", "parameter_overlay:approve"}


def test_nobody_approves_their_own_value_and_decided_values_stay_decided(
    container: Container, admins: tuple[Actor, Actor]
) -> None:
    ada, bob = admins
    row = policy.record_overlay(container.uow(), actor=ada, data=_new())
    with pytest.raises(PermissionDenied):
        policy.approve_overlay(container.uow(), actor=ada, overlay_id=row.id, data=policy.OverlayDecision())
    with pytest.raises(InvalidInput) as err:  # a refusal needs its reason
        policy.refuse_overlay(container.uow(), actor=bob, overlay_id=row.id, data=policy.OverlayDecision())
    assert err.value.field == "reason"
    refused = policy.refuse_overlay(
        container.uow(), actor=bob, overlay_id=row.id, data=policy.OverlayDecision(reason="wrong year")
    )
    assert refused.status == "refused" and refused.refusal_reason == "wrong year"
    with pytest.raises(InvalidTransition):
        policy.approve_overlay(container.uow(), actor=bob, overlay_id=row.id, data=policy.OverlayDecision())
    assert _aish("2025-06-01")["status"] == "undetermined"
    listed = policy.list_overlays(container.uow(), actor=bob, status="refused")
    assert [r.id for r in listed] == [row.id]


def test_an_officer_cannot_record_a_value(container: Container) -> None:
    officer = actor_of(make_staff(container, "olive", Role.OFFICER))
    with pytest.raises(PermissionDenied):
        policy.record_overlay(container.uow(), actor=officer, data=_new())


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"parameter": "ab.aish.no_such_rate"}, "parameter"),
        ({"parameter": "xx.nothing.at_all"}, "parameter"),
        ({"value": "a lot"}, "value"),
        ({"value": None}, "value"),
        ({"effective": dt.date(2000, 1, 1)}, "effective"),
        ({"confidence": "certain"}, "confidence"),
        ({"source_title": "  "}, "source_title"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    container: Container, admins: tuple[Actor, Actor], changes: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as err:
        policy.record_overlay(container.uow(), actor=admins[0], data=_new(**changes))
    assert err.value.field == field
    assert _stored(container) == 0


def test_one_cell_of_a_table_keeps_the_others_and_an_unknown_key_is_refused(
    container: Container, admins: tuple[Actor, Actor]
) -> None:
    pack = jurisdictions.get_pack("ca-ab")
    table = next(
        p for prog in pack.programs.values() for p in prog.parameter_set.values() if p.keys and not p.brackets
    )
    latest = table.versions[-1]
    first_key = next(iter(latest.value))
    path, inner = [], latest.value[first_key]
    for _ in table.keys[1:]:  # down to one cell, keys as JSON writes them (text)
        path.append(next(iter(inner)))
        inner = inner[path[-1]]
    cell: object = _raw(table.unit.value)
    for key in reversed(path):
        cell = {str(key): cell}
    row = policy.record_overlay(
        container.uow(),
        actor=admins[0],
        data=_new(parameter=table.name, value={str(first_key): cell}, effective=latest.effective),
    )
    assert row.value != latest.value
    assert set(row.value) == set(latest.value)
    assert {k: v for k, v in row.value.items() if k != first_key} == {
        k: v for k, v in latest.value.items() if k != first_key
    }
    stored = policy.load_by_ids(_session(container), [str(row.id)])
    assert stored[0].value == row.value  # numbered keys survive the JSON column
    with pytest.raises(InvalidInput) as err:
        policy.record_overlay(
            container.uow(),
            actor=admins[0],
            data=_new(parameter=table.name, value={"no_such_key": 1}, effective=latest.effective),
        )
    assert err.value.field == "value"


def _raw(unit: str) -> object:
    return {"money": "12.34", "rate": "0.5", "int": 3, "bool": True}[unit]


def test_the_export_writes_the_approved_values_as_pack_yaml(
    container: Container, admins: tuple[Actor, Actor]
) -> None:
    ada, bob = admins
    row = policy.record_overlay(container.uow(), actor=ada, data=_new())
    policy.approve_overlay(container.uow(), actor=bob, overlay_id=row.id, data=policy.OverlayDecision())
    text = policy.export_overlays(container.uow(), actor=bob)
    assert "max_living_allowance:" in text and "- effective: 2025-01-01" in text
    assert 'value: "1901.00"' in text and "confidence: high" in text


@pytest.fixture
def cli(container: Container, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("ONESTOP_PASSWORD", PASSWORD)
    common.set_container(container)
    yield CliRunner()
    common.set_container(None)


SET = ("rules", "set-parameter", GAP, "--value")


def test_the_commands_record_approve_list_and_export(
    container: Container, admins: tuple[Actor, Actor], cli: CliRunner
) -> None:
    set_ = cli.invoke(
        app,
        [*SET, "1901.00", "--effective", "2025-01-01", "--source", "AISH rates 2025", "--as-user", "ada"],
    )
    assert set_.exit_code == 0, set_.output
    overlay_id = set_.output.split()[1]
    uuid.UUID(overlay_id)
    own = cli.invoke(app, ["rules", "overlays", "--approve", overlay_id, "--as-user", "ada"])
    assert own.exit_code == 2 and "you cannot approve" in own.output
    ok = cli.invoke(app, ["rules", "overlays", "--approve", overlay_id, "--as-user", "bob"])
    assert ok.exit_code == 0 and "approved" in ok.output
    assert _aish("2025-06-01")["status"] == "eligible"
    listing = cli.invoke(app, ["rules", "overlays", "--status", "approved", "--as-user", "bob"])
    assert overlay_id in listing.output and "190100" in listing.output
    export = cli.invoke(app, ["rules", "overlays", "--export", "--as-user", "bob"])
    assert export.exit_code == 0 and "max_living_allowance:" in export.output


def test_a_command_with_a_bad_value_exits_2_naming_it(
    container: Container, admins: tuple[Actor, Actor], cli: CliRunner
) -> None:
    bad = cli.invoke(
        app,
        [*SET, "lots", "--effective", "2025-01-01", "--source", "x", "--as-user", "ada"],
    )
    assert bad.exit_code == 2 and "value" in bad.output
    assert _stored(container) == 0


def _stored(container: Container) -> int:
    with container.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(ParameterOverlayRow)) or 0)


def _session(container: Container) -> Session:
    return container.session_factory()
