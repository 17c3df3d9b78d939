"""Conflicts of interest and restricted files (issue 10, parts 2 and 4), on SQLite and PostgreSQL.

Each refusal is a 403-class error naming why, leaves a ``denied`` audit event, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import event, func, select

from onestop import money, registry
from onestop.access.files import ConflictOfInterest, FileRestricted
from onestop.access.permissions import Actor, Role
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.common.clock import FixedClock
from onestop.common.errors import Conflict, InvalidInput, PermissionDenied
from onestop.money.models import Issuance
from onestop.notices.services import mailing_address
from onestop.registry import models as m
from onestop.registry.schemas import (
    AddressIn,
    DuplicateDecision,
    FlagCreate,
    MemberIn,
    PersonCreate,
    PersonUpdate,
    RestrictionIn,
    SearchQuery,
    StaffLinkIn,
    UnitCreate,
)
from tests.integration.money.conftest import Money

TODAY = dt.date(2026, 3, 2)
SYSTEM = Actor.system("test")


@pytest.fixture
def b(container: Container) -> Money:
    return Money(container)


def _person(c: Container, given: str, family: str, *, address: bool = True) -> uuid.UUID:
    data = PersonCreate(
        given_names=given,
        family_name=family,
        birth_date=dt.date(1984, 4, 4),
        addresses=(
            [AddressIn(line1="12 Hidden Lane", city="Edmonton", province="AB", postal_code="T5J 0N3")]
            if address
            else []
        ),
    )
    decision = DuplicateDecision(decision="new_person", reason="test seed")
    return registry.register_person(c.uow(), actor=SYSTEM, data=data, duplicate_decision=decision).id


def _household(c: Container, *people: uuid.UUID) -> uuid.UUID:
    roles = ["applicant", "partner", "dependant", "dependant"]
    members = [MemberIn(person_id=p, role=r, joined_on=TODAY) for p, r in zip(people, roles, strict=False)]
    return registry.create_unit(c.uow(), actor=SYSTEM, data=UnitCreate(label="home", members=members)).id


def _denials(c: Container, refused: str) -> list[AuditEvent]:
    with c.uow() as uow:
        rows = [
            e
            for e in uow.session.scalars(
                select(AuditEvent).where(AuditEvent.outcome == "denied").order_by(AuditEvent.seq)
            )
            if (e.details or {}).get("refused") == refused
        ]
        uow.session.expunge_all()
        return rows


def _count(c: Container, model: type) -> int:
    with c.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


# --- part 2: conflicts of interest ---------------------------------------------------------------


@pytest.fixture
def linked(container: Container, b: Money) -> dict[str, object]:
    """Olivia (officer) is linked to her own record; her partner shares her benefit unit."""
    admin = b.staff("ada-admin", Role.ADMINISTRATOR)
    olivia = b.staff("olivia", Role.OFFICER, Role.SUPERVISOR)
    own = _person(container, "Olivia", "Officer")
    partner = _person(container, "Pat", "Officer")
    stranger = _person(container, "Sam", "Stranger")
    unit = _household(container, own, partner)
    link = registry.link_staff_person(
        container.uow(), actor=admin, staff_id=olivia.staff_id, data=StaffLinkIn(person_id=own)
    )
    return {
        "admin": admin,
        "olivia": olivia,
        "own": own,
        "partner": partner,
        "stranger": stranger,
        "unit": unit,
        "link": link,
    }


def test_a_linked_officer_cannot_read_their_own_or_their_households_file(container, linked):
    olivia = linked["olivia"]
    for person_id in (linked["own"], linked["partner"]):
        with pytest.raises(ConflictOfInterest, match="conflict of interest"):
            registry.get_person(container.uow(), actor=olivia, person_id=person_id)
    with pytest.raises(ConflictOfInterest):
        registry.get_unit(container.uow(), actor=olivia, unit_id=linked["unit"])
    denied = _denials(container, "conflict_of_interest")
    assert len(denied) == 3
    assert {e.subject_id for e in denied} == {str(linked["own"]), str(linked["partner"]), str(linked["unit"])}
    assert all(e.actor_username == "olivia" and e.action == "person:read" for e in denied[:2])
    # Anyone else's file stays open to her, and her own stays open to others.
    assert registry.get_person(container.uow(), actor=olivia, person_id=linked["stranger"]).family_name
    other = Actor.for_roles(uuid.uuid4(), "other", frozenset({Role.OFFICER}))
    assert registry.get_person(container.uow(), actor=other, person_id=linked["own"]).given_names == "Olivia"


def test_a_linked_officer_cannot_change_the_file_and_nothing_changes(container, linked):
    olivia = linked["olivia"]
    seen = registry.get_person(container.uow(), actor=SYSTEM, person_id=linked["partner"])
    with pytest.raises(ConflictOfInterest):
        registry.update_person(
            container.uow(),
            actor=olivia,
            person_id=linked["partner"],
            changes=PersonUpdate(version=seen.version, family_name="Changed"),
        )
    after = registry.get_person(container.uow(), actor=SYSTEM, person_id=linked["partner"])
    assert after.family_name == "Officer" and after.version == seen.version
    assert [e.action for e in _denials(container, "conflict_of_interest")] == ["person:write"]


def test_a_linked_officer_cannot_pay_their_household(container, linked, b):
    olivia = linked["olivia"]
    payee = b.payee(linked["own"], name="Olivia Officer")
    data = money.IssuanceCreate(
        payment_type="emergency_funds",
        program="nl-income-support",
        unit_id=linked["unit"],
        payee_id=payee.id,
        amount=50_000,
        method="direct_deposit",
        pay_date=TODAY,
        explanation="rent",
    )
    with pytest.raises(ConflictOfInterest):
        money.issue_payment(container.uow(), actor=olivia, data=data)
    assert _count(container, Issuance) == 0
    [event] = _denials(container, "conflict_of_interest")
    assert (event.action, event.subject_type, event.subject_id) == (
        "money:issue",
        "unit",
        str(linked["unit"]),
    )


def test_case_records_reached_by_their_own_id_are_behind_the_guard_too(container, linked):
    from onestop.cases.applications import ApplicationCreate, create_application, get_application

    app = create_application(
        container.uow(),
        actor=SYSTEM,
        data=ApplicationCreate(program="ab.income_support", unit_id=linked["unit"]),
    )
    with pytest.raises(ConflictOfInterest):
        get_application(container.uow(), actor=linked["olivia"], application_id=app.id)
    [event] = _denials(container, "conflict_of_interest")
    assert (event.subject_type, event.subject_id) == ("application", str(app.id))


def test_linking_needs_staff_write_is_audited_listed_and_can_be_ended(container, linked, b):
    supervisor = b.staff("sue", Role.SUPERVISOR)
    olivia, admin = linked["olivia"], linked["admin"]
    with pytest.raises(PermissionDenied):
        registry.link_staff_person(
            container.uow(),
            actor=supervisor,
            staff_id=supervisor.staff_id,
            data=StaffLinkIn(person_id=linked["stranger"]),
        )
    with pytest.raises(Conflict):  # the same link twice
        registry.link_staff_person(
            container.uow(), actor=admin, staff_id=olivia.staff_id, data=StaffLinkIn(person_id=linked["own"])
        )
    [shown] = registry.list_staff_links(container.uow(), actor=supervisor, staff_id=olivia.staff_id)
    assert (shown.person_name, shown.relation, shown.linked_by) == ("Olivia Officer", "self", "ada-admin")
    with pytest.raises(InvalidInput, match="reason"):
        registry.unlink_staff_person(
            container.uow(), actor=admin, staff_id=olivia.staff_id, link_id=shown.id, reason=" "
        )
    registry.unlink_staff_person(
        container.uow(), actor=admin, staff_id=olivia.staff_id, link_id=shown.id, reason="entered by mistake"
    )
    assert registry.get_person(container.uow(), actor=olivia, person_id=linked["own"]).given_names == "Olivia"
    with container.uow() as uow:
        actions = list(
            uow.session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("staff:person%")))
        )
    assert actions == ["staff:person_link", "staff:person_links_read", "staff:person_unlink"]


def test_a_request_checks_a_file_once_whatever_the_permission(container, linked):
    """The guards' reads (the staff member's links, the file's people, its restrictions) are kept for
    the unit of work: a page's second use case on the same file costs no statement for its check."""
    from onestop.access import Permission, require

    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    olivia, stranger = linked["olivia"], linked["stranger"]
    uow = container.uow()
    event.listen(container.engine, "before_cursor_execute", seen)
    try:
        with uow:
            require(uow, olivia, Permission.PERSON_READ, subject_type="person", subject_id=stranger)
            first = len(statements)
            require(uow, olivia, Permission.CASE_READ, subject_type="person", subject_id=stranger)
            require(uow, olivia, Permission.CASE_WRITE, subject_type="person", subject_id=stranger)
            after = len(statements)
    finally:
        event.remove(container.engine, "before_cursor_execute", seen)
    assert first >= 3  # the links, the person, its restrictions
    assert after == first


def test_a_change_in_the_same_unit_of_work_is_checked_anew(container, linked):
    """What the guards read is forgotten as soon as a write is flushed: a link made in the same
    transaction refuses the next access at once."""
    from onestop.access import Permission, require

    olivia, stranger, admin = linked["olivia"], linked["stranger"], linked["admin"]
    uow = container.uow()
    with uow:
        require(uow, olivia, Permission.PERSON_READ, subject_type="person", subject_id=stranger)
        registry.link_staff_person(
            uow,
            actor=admin,
            staff_id=olivia.staff_id,
            data=StaffLinkIn(person_id=stranger, relation="relative"),
        )
        with pytest.raises(ConflictOfInterest):
            require(uow, olivia, Permission.CASE_READ, subject_type="person", subject_id=stranger)


# --- part 4: restricted files and break-glass --------------------------------------------------


def test_a_restricted_file_opens_only_with_a_reason_for_a_bounded_time(container, b, clock: FixedClock):
    supervisor = b.staff("sue", Role.SUPERVISOR)
    officer = b.staff("omar", Role.OFFICER)
    pid = _person(container, "Paula", "Public")
    with pytest.raises(PermissionDenied):  # officers do not restrict files
        registry.restrict_file(
            container.uow(), actor=officer, person_id=pid, data=RestrictionIn(kind="public_figure")
        )
    registry.restrict_file(
        container.uow(), actor=supervisor, person_id=pid, data=RestrictionIn(kind="public_figure")
    )

    with pytest.raises(FileRestricted, match="restricted") as refused:
        registry.get_person(container.uow(), actor=officer, person_id=pid)
    assert refused.value.person_id == pid
    [event] = _denials(container, "restricted_file")
    assert event.details["kinds"] == ["public_figure"]

    with pytest.raises(InvalidInput, match="reason"):
        registry.break_glass(container.uow(), actor=officer, person_id=pid, reason="need")
    assert _count(container, m.FileAccessGrant) == 0
    grant = registry.break_glass(
        container.uow(), actor=officer, person_id=pid, reason="client at the counter asking about her cheque"
    )
    assert grant.expires_at == clock.now() + dt.timedelta(hours=8)
    assert (
        registry.get_person(container.uow(), actor=officer, person_id=pid).restrictions[0].kind
        == "public_figure"
    )

    clock.advance(dt.timedelta(hours=8, minutes=1))
    with pytest.raises(FileRestricted):
        registry.get_person(container.uow(), actor=officer, person_id=pid)


def test_break_glass_accesses_wait_for_the_supervisors_review(container, b):
    supervisor = b.staff("sue", Role.SUPERVISOR)
    other_supervisor = b.staff("stan", Role.SUPERVISOR)
    pid = _person(container, "Rita", "Relative")
    registry.restrict_file(
        container.uow(), actor=supervisor, person_id=pid, data=RestrictionIn(kind="staff_relative")
    )
    registry.break_glass(
        container.uow(), actor=supervisor, person_id=pid, reason="covering the caseload today"
    )
    [waiting] = registry.list_file_accesses(container.uow(), actor=other_supervisor)
    assert (waiting.person_name, waiting.username) == ("Rita Relative", "sue")
    with pytest.raises(PermissionDenied, match="your own"):
        registry.review_file_access(container.uow(), actor=supervisor, access_id=waiting.id)
    registry.review_file_access(container.uow(), actor=other_supervisor, access_id=waiting.id, note="fine")
    assert registry.list_file_accesses(container.uow(), actor=other_supervisor) == []
    [done] = registry.list_file_accesses(container.uow(), actor=other_supervisor, to_review=False)
    assert (done.reviewed_by, done.review_note) == ("stan", "fine")


def test_a_conflict_of_interest_is_not_overridden_by_breaking_the_glass(container, linked):
    with pytest.raises(ConflictOfInterest):
        registry.break_glass(
            container.uow(), actor=linked["olivia"], person_id=linked["own"], reason="I want to see my file"
        )
    assert _count(container, m.FileAccessGrant) == 0


def test_the_confidential_address_is_hidden_from_search_views_and_letters(container, b):
    officer = b.staff("omar", Role.OFFICER)
    pid = _person(container, "Fay", "Fleeing")
    registry.set_safety_flag(
        container.uow(),
        actor=SYSTEM,
        person_id=pid,
        data=FlagCreate(kind="fleeing_violence_address_confidential"),
    )
    [hit] = registry.search_people(container.uow(), actor=officer, query=SearchQuery(name="Fay Fleeing"))
    assert hit.person.restricted and hit.person.city is None and hit.person.birth_date is None
    again = PersonCreate(given_names="Fay", family_name="Fleeing", birth_date=dt.date(1984, 4, 4))
    [match] = registry.find_duplicates(container.uow(), actor=officer, candidate=again)
    assert match.person.restricted and match.person.city is None and match.reasons == []
    with pytest.raises(FileRestricted):
        registry.get_person(container.uow(), actor=officer, person_id=pid)
    # Without a grant (here the CLI's system actor), the file shows no address.
    view = registry.get_person(container.uow(), actor=SYSTEM, person_id=pid)
    assert view.addresses == [] and view.address_hidden
    # Whoever breaks the glass sees it, and finds the person in full.
    registry.break_glass(container.uow(), actor=officer, person_id=pid, reason="safety plan meeting today")
    view = registry.get_person(container.uow(), actor=officer, person_id=pid)
    assert [a.line1 for a in view.addresses] == ["12 Hidden Lane"] and not view.address_hidden
    [hit] = registry.search_people(container.uow(), actor=officer, query=SearchQuery(name="Fay Fleeing"))
    assert not hit.person.restricted and hit.person.city == "Edmonton"


def test_a_confidential_address_restriction_holds_letters(container, b):
    supervisor = b.staff("sue", Role.SUPERVISOR)
    pid = _person(container, "Cora", "Confidential")
    with container.uow() as uow:
        assert mailing_address(uow, pid)[0] is not None
    registry.restrict_file(
        container.uow(), actor=supervisor, person_id=pid, data=RestrictionIn(kind="confidential_address")
    )
    with container.uow() as uow:
        address, why = mailing_address(uow, pid)
    assert address is None and "confidential" in why


def test_a_unit_with_a_restricted_member_needs_the_glass_too(container, b):
    supervisor = b.staff("sue", Role.SUPERVISOR)
    officer = b.staff("omar", Role.OFFICER)
    pid = _person(container, "Una", "Unit")
    unit = _household(container, pid)
    assert registry.get_unit(container.uow(), actor=officer, unit_id=unit).id == unit
    registry.restrict_file(
        container.uow(), actor=supervisor, person_id=pid, data=RestrictionIn(kind="public_figure")
    )
    with pytest.raises(FileRestricted):
        registry.get_unit(container.uow(), actor=officer, unit_id=unit)
    registry.break_glass(container.uow(), actor=officer, person_id=pid, reason="household review due today")
    assert registry.get_unit(container.uow(), actor=officer, unit_id=unit).id == unit


def test_lifting_a_restriction_opens_the_file_again(container, b):
    supervisor = b.staff("sue", Role.SUPERVISOR)
    officer = b.staff("omar", Role.OFFICER)
    pid = _person(container, "Lee", "Lifted")
    r = registry.restrict_file(
        container.uow(), actor=supervisor, person_id=pid, data=RestrictionIn(kind="public_figure")
    )
    with pytest.raises(Conflict):
        registry.restrict_file(
            container.uow(), actor=supervisor, person_id=pid, data=RestrictionIn(kind="public_figure")
        )
    registry.lift_restriction(
        container.uow(), actor=supervisor, person_id=pid, restriction_id=r.id, reason="no longer in office"
    )
    assert registry.get_person(container.uow(), actor=officer, person_id=pid).restrictions == []
