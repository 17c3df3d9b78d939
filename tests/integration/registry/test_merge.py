"""Merging two records of one person, and undoing it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from onestop.access.permissions import Actor
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.common.errors import InvalidInput, PermissionDenied
from onestop.registry import (
    AlreadyMerged,
    get_person,
    merge_people,
    search_people,
    set_safety_flag,
    unmerge_people,
)
from onestop.registry.schemas import FlagCreate, PhoneIn, SearchQuery
from tests.integration.registry.conftest import PersonFactory

SIN = "130 692 544"


def test_merge_keeps_both_histories_and_unmerge_restores(
    container: Container, officer: Actor, supervisor: Actor, make_person: PersonFactory
) -> None:
    survivor = make_person("John", "Smith", phones=[PhoneIn(number="780 555 0199")])
    merged = make_person("Jon", "Smith", sin=SIN, phones=[PhoneIn(number="709 555 0100")])
    set_safety_flag(
        container.uow(), actor=officer, person_id=merged.id, data=FlagCreate(kind="do_not_meet_alone")
    )
    with pytest.raises(PermissionDenied):
        merge_people(
            container.uow(), actor=officer, survivor_id=survivor.id, merged_id=merged.id, reason="same"
        )
    after = merge_people(
        container.uow(),
        actor=supervisor,
        survivor_id=survivor.id,
        merged_id=merged.id,
        reason="same birth certificate",
    )
    assert after.merged_ids == [merged.id]
    assert {c.value for c in after.contacts} == {"+17805550199", "+17095550100"}
    assert [i.masked for i in after.identifiers] == ["*** *** 544"]
    assert [f.kind for f in after.safety_flags] == ["do_not_meet_alone"]
    old = get_person(container.uow(), actor=officer, person_id=merged.id)
    assert old.merged_into_id == survivor.id  # not deleted
    hits = search_people(container.uow(), actor=officer, query=SearchQuery(sin=SIN))
    assert [h.person.id for h in hits] == [survivor.id]  # found through the merged record
    with pytest.raises(AlreadyMerged):
        merge_people(
            container.uow(), actor=supervisor, survivor_id=survivor.id, merged_id=merged.id, reason="again"
        )
    restored = unmerge_people(container.uow(), actor=supervisor, merged_id=merged.id, reason="two brothers")
    assert restored.merged_into_id is None
    assert [i.masked for i in restored.identifiers] == ["*** *** 544"]
    assert get_person(container.uow(), actor=officer, person_id=survivor.id).identifiers == []
    with container.uow() as uow:
        event = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "person:merge", AuditEvent.outcome == "ok")
        ).one()
        assert event.after == {"merged_id": str(merged.id), "merged_into_id": str(survivor.id)}
        assert event.purpose == "same birth certificate"
        assert uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "person:unmerge")).one()


def test_merge_refuses_self_and_needs_reason(
    container: Container, supervisor: Actor, make_person: PersonFactory
) -> None:
    person = make_person()
    with pytest.raises(InvalidInput):
        merge_people(
            container.uow(), actor=supervisor, survivor_id=person.id, merged_id=person.id, reason="x"
        )
    other = make_person("Jane", "Doe")
    with pytest.raises(InvalidInput) as excinfo:
        merge_people(container.uow(), actor=supervisor, survivor_id=person.id, merged_id=other.id, reason=" ")
    assert excinfo.value.field == "reason"
