"""Facility caseloads (NL job profile: "maintains a caseload of residents in shelters, hospitals, halfway
houses, and residential facilities. Issues benefits to these individuals through the means of recurring,
non-recurring, and manual cheques with government service authorization and authorization for health
benefits").

A facility is a record with its rates and a vendor payee in money; a person's stay opens on the day
in and closes on the day out (one open stay at a time); the officer's caseload is who is in each
facility now. A benefit for a resident is paid to the facility through money (``payments``): the
spending authority is money's, and the authorization for health benefits is the drug coverage in force,
recorded on the benefit.
"""

from __future__ import annotations

import uuid

from onestop import audit, money
from onestop.access import Actor, Permission, find_staff_by_username, require
from onestop.audit import AuditAction
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.money import format_cents, to_cents
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.health import domain, payments
from onestop.health.domain import BenefitKind, FacilityKind
from onestop.health.errors import NoCoverage
from onestop.health.models import Facility, FacilityBenefit, FacilityStay
from onestop.health.repository import HealthRepository
from onestop.health.schemas import (
    BenefitCreate,
    BenefitPublic,
    CaseloadFacility,
    FacilityCreate,
    FacilityFile,
    FacilityPublic,
    FacilityUpdate,
    PersonStays,
    StayIn,
    StayOut,
    StayPublic,
)
from onestop.registry import merged_record_ids

SUBJECT = "health_facility"
_FACILITIES = audit.Subject.of_row(SUBJECT, FacilityPublic.of)
STAY = "health_facility_stay"


def _rate(value: str | None, field: str) -> int | None:
    if value is None or value == "":
        return None
    cents = to_cents(value, field=field)
    if cents <= 0:
        raise InvalidInput(field, "must be more than zero")
    return cents


def _optional(value: str | None, field: str, max_len: int) -> str | None:
    text = clean_text(value)
    if len(text) > max_len:
        raise InvalidInput(field, f"must be at most {max_len} characters")
    return text or None


def create_facility(uow: UnitOfWork, *, actor: Actor, data: FacilityCreate) -> FacilityPublic:
    """Record a facility and its vendor payee in money (a new one waits for a second person)."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT)
        name = required_text(data.name, "name", max_len=140)
        repo = HealthRepository(uow.session)
        if repo.facility_named(name) is not None:
            raise InvalidInput("name", f"a facility named {name} is already recorded")
        row = Facility(
            id=new_id(),
            name=name,
            kind=FacilityKind(data.kind).value,
            address=required_text(data.address, "address", max_len=1000),
            contact_name=_optional(data.contact_name, "contact_name", 140),
            phone=_optional(data.phone, "phone", 30),
            email=_optional(data.email, "email", 200),
            nightly_rate_cents=_rate(data.nightly_rate, "nightly_rate"),
            monthly_rate_cents=_rate(data.monthly_rate, "monthly_rate"),
            active=True,
            created_by=actor.username,
            created_at=uow.clock.now(),
        )
        if row.nightly_rate_cents is None and row.monthly_rate_cents is None:
            raise InvalidInput("nightly_rate", "give the nightly rate, the monthly rate or both")
        row.payee_id = payments.facility_payee(uow, actor=actor, name=name, payee_id=data.payee_id)
        repo.add(row)
        return _FACILITIES.saved(
            uow,
            actor,
            AuditAction.FACILITY_CREATE,
            row,
            after=audit.fields(row, "kind", "nightly_rate_cents", "monthly_rate_cents", "payee_id"),
        )


def update_facility(
    uow: UnitOfWork, *, actor: Actor, facility_id: uuid.UUID, data: FacilityUpdate
) -> FacilityPublic:
    """Change the address, contact or rates, or close the facility (no new stays; residents stay on)."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT, subject_id=facility_id)
        repo = HealthRepository(uow.session)
        row = repo.facility(facility_id, for_update=True)
        expect_version(row.version, data.version, what="facility")
        before = audit.fields(row, "nightly_rate_cents", "monthly_rate_cents")
        if data.address is not None:
            row.address = required_text(data.address, "address", max_len=1000)
        if data.contact_name is not None:
            row.contact_name = _optional(data.contact_name, "contact_name", 140)
        if data.phone is not None:
            row.phone = _optional(data.phone, "phone", 30)
        if data.email is not None:
            row.email = _optional(data.email, "email", 200)
        if data.nightly_rate is not None:
            row.nightly_rate_cents = _rate(data.nightly_rate, "nightly_rate")
        if data.monthly_rate is not None:
            row.monthly_rate_cents = _rate(data.monthly_rate, "monthly_rate")
        if row.nightly_rate_cents is None and row.monthly_rate_cents is None:
            raise InvalidInput("nightly_rate", "give the nightly rate, the monthly rate or both")
        if data.active is not None:
            row.active = data.active
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: FacilityPublic.of(row, repo.resident_counts().get(row.id, 0)),
            actor=actor,
            action=AuditAction.FACILITY_UPDATE,
            subject_type=SUBJECT,
            subject_id=row.id,
            before=before,
            after=audit.fields(row, "nightly_rate_cents", "monthly_rate_cents", "active"),
        )


def list_facilities(
    uow: UnitOfWork, *, actor: Actor, kind: str | None = None, active_only: bool = False
) -> list[FacilityPublic]:
    """Facilities by name, with how many people live in each now."""
    with uow:
        require(uow, actor, Permission.PERSON_READ_HEALTH, subject_type=SUBJECT)
        wanted = parse_enum(FacilityKind, kind, field="kind").value if kind else None
        repo = HealthRepository(uow.session)
        counts = repo.resident_counts()
        rows = [
            FacilityPublic.of(f, counts.get(f.id, 0))
            for f in repo.facilities(wanted, active_only=active_only)
        ]
        details = {"results": len(rows), "kind": wanted}
        return audit.audited_read(
            uow, rows, actor=actor, action=AuditAction.FACILITY_LIST, subject_type=SUBJECT, details=details
        )


def facility_file(uow: UnitOfWork, *, actor: Actor, facility_id: uuid.UUID) -> FacilityFile:
    """A facility with its residents now, its past stays and the benefits paid to it."""
    with uow:
        require(uow, actor, Permission.PERSON_READ_HEALTH, subject_type=SUBJECT, subject_id=facility_id)
        repo = HealthRepository(uow.session)
        row = repo.facility(facility_id)
        stays = repo.stays_at(facility_id)
        names = repo.person_names([s.person_id for s in stays])
        public = [StayPublic.of(s, names.get(s.person_id, ""), row.name) for s in stays]
        residents = [s for s in public if s.out_on is None]
        result = FacilityFile(
            facility=FacilityPublic.of(row, len(residents)),
            residents=sorted(residents, key=lambda s: (s.person_name.lower(), s.in_on)),
            past=[s for s in public if s.out_on is not None],
            benefits=[BenefitPublic.of(b) for b in repo.benefits_for(facility_id=facility_id)],
        )
        return audit.audited_read(
            uow,
            result,
            actor=actor,
            action=AuditAction.FACILITY_READ,
            subject_type=SUBJECT,
            subject_id=facility_id,
            details={"residents": len(residents)},
        )


def caseload(uow: UnitOfWork, *, actor: Actor, officer: str | None = None) -> list[CaseloadFacility]:
    """An officer's residents by facility (``officer`` a username, the actor's own by default; ``*``
    for every officer's): who is in each facility now."""
    with uow:
        require(uow, actor, Permission.PERSON_READ_HEALTH, subject_type=SUBJECT)
        whose = None if officer == "*" else (officer or actor.username)
        repo = HealthRepository(uow.session)
        stays = repo.open_stays(whose)
        names = repo.person_names([s.person_id for s in stays])
        by_facility: dict[uuid.UUID, list[FacilityStay]] = {}
        for stay in stays:
            by_facility.setdefault(stay.facility_id, []).append(stay)
        counts = repo.resident_counts()
        out = []
        for facility_id, rows in by_facility.items():
            facility = repo.facility(facility_id)
            residents = sorted(
                (StayPublic.of(s, names.get(s.person_id, ""), facility.name) for s in rows),
                key=lambda s: s.person_name.lower(),
            )
            out.append(
                CaseloadFacility(
                    facility=FacilityPublic.of(facility, counts.get(facility_id, 0)), residents=residents
                )
            )
        out.sort(key=lambda c: c.facility.name.lower())
        return audit.audited_write(
            uow,
            lambda: out,
            actor=actor,
            action=AuditAction.FACILITY_CASELOAD,
            subject_type=SUBJECT,
            subject_id=None,
            details={"officer": whose or "*", "residents": len(stays)},
        )


def record_stay_in(uow: UnitOfWork, *, actor: Actor, data: StayIn) -> StayPublic:
    """The person comes into a facility; refused while they have an open stay (one at a time)."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="person", subject_id=data.person_id)
        ids = merged_record_ids(uow, data.person_id)
        repo = HealthRepository(uow.session)
        facility = repo.facility(data.facility_id)
        if not facility.active:
            raise InvalidInput("facility_id", f"{facility.name} is closed: it takes no new residents")
        domain.check_stay_dates(data.in_on, None, uow.clock.today())
        current = repo.open_stay(ids)
        if current is not None:
            where = repo.facility(current.facility_id).name
            raise InvalidInput(
                "person_id",
                f"is already in {where} since {current.in_on.isoformat()}: record the day out first",
            )
        officer = (data.officer or actor.username).strip().lower()
        if officer != actor.username and not _active_staff(uow, officer):
            raise InvalidInput("officer", f"no active staff member {officer}")
        row = FacilityStay(
            id=new_id(),
            person_id=ids[0],
            facility_id=facility.id,
            in_on=data.in_on,
            reason=_optional(data.reason, "reason", 4000),
            officer=officer,
            recorded_by=actor.username,
            created_at=uow.clock.now(),
        )
        repo.add(row)
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: StayPublic.of(row, facility_name=facility.name),
            actor=actor,
            action=AuditAction.FACILITY_STAY_IN,
            subject_type=STAY,
            subject_id=row.id,
            after={"facility_id": facility.id, "in_on": row.in_on, "officer": officer},
        )


def _active_staff(uow: UnitOfWork, username: str) -> bool:
    staff = find_staff_by_username(uow.session, username)
    return staff is not None and staff.active


def record_stay_out(uow: UnitOfWork, *, actor: Actor, stay_id: uuid.UUID, data: StayOut) -> StayPublic:
    """The person leaves the facility on ``out_on``; a monthly payment to the facility (money's
    entitlement) ends that day when the actor may issue money. The result names the entitlements ended
    (``recurring_ended``) and those the officer still has to deal with in money (``recurring_to_end``:
    no money permission, or a set-up still waiting for approval)."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=STAY, subject_id=stay_id)
        repo = HealthRepository(uow.session)
        row = repo.get(FacilityStay, stay_id, for_update=True)
        expect_version(row.version, data.version, what="stay")
        if row.out_on is not None:
            raise InvalidInput("out_on", f"the stay already ended on {row.out_on.isoformat()}")
        domain.check_stay_dates(row.in_on, data.out_on, uow.clock.today())
        row.out_on, row.out_reason, row.ended_by = (
            data.out_on,
            _optional(data.reason, "reason", 4000),
            actor.username,
        )
        uow.flush()
        facility = repo.facility(row.facility_id)
        ended, to_end = _end_monthly(uow, actor, repo, row, facility.name)
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.FACILITY_STAY_OUT,
            subject_type=STAY,
            subject_id=row.id,
            after={"out_on": row.out_on, "recurring_ended": ended, "recurring_to_end": to_end},
        )
        uow.commit()
        out = StayPublic.of(row, facility_name=facility.name)
        out.recurring_ended, out.recurring_to_end = ended, to_end
        return out


def _end_monthly(
    uow: UnitOfWork, actor: Actor, repo: HealthRepository, stay: FacilityStay, facility: str
) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    """End the stay's monthly payments in money on the day out: (ended or ending, left to the officer)."""
    ended: list[uuid.UUID] = []
    to_end: list[uuid.UUID] = []
    assert stay.out_on is not None
    for benefit in repo.benefits_for(stay_ids=[stay.id]):
        if benefit.entitlement_id is None or benefit.money_state == payments.ENDED:
            continue
        if not actor.can(Permission.MONEY_ISSUE):
            to_end.append(benefit.entitlement_id)
            continue
        reason = f"resident left {facility} on {stay.out_on.isoformat()}"
        state = payments.end_facility_monthly(
            uow, actor=actor, entitlement_id=benefit.entitlement_id, out_on=stay.out_on, reason=reason
        )
        if state == payments.NOT_IN_FORCE:
            to_end.append(benefit.entitlement_id)
        else:
            benefit.money_state = state
            ended.append(benefit.entitlement_id)
    return ended, to_end


def person_stays(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> PersonStays:
    """A person's stays (the open one first) and the benefits paid for them."""
    with uow:
        require(uow, actor, Permission.PERSON_READ_HEALTH, subject_type="person", subject_id=person_id)
        repo = HealthRepository(uow.session)
        rows = repo.for_people(FacilityStay, merged_record_ids(uow, person_id))
        rows.sort(key=lambda s: (s.out_on is not None, -s.in_on.toordinal()))
        names = {f.id: f.name for f in repo.facilities()}
        result = PersonStays(
            stays=[StayPublic.of(s, facility_name=names.get(s.facility_id, "")) for s in rows],
            benefits=[BenefitPublic.of(b) for b in repo.benefits_for(stay_ids=[s.id for s in rows])],
        )
        return audit.audited_read(
            uow,
            result,
            actor=actor,
            action=AuditAction.FACILITY_STAY_LIST,
            subject_type="person",
            subject_id=person_id,
            details={"results": len(rows)},
        )


def pay_benefit(uow: UnitOfWork, *, actor: Actor, stay_id: uuid.UUID, data: BenefitCreate) -> BenefitPublic:
    """Pay the facility for a resident through money: a monthly entitlement, one issuance, or a manual
    cheque (always a second person's approval). The pay date must fall in the stay; with
    ``health_benefits`` the drug coverage in force that day is recorded as the authorization for health
    benefits, and without coverage the payment is refused (422) and nothing is paid."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=STAY, subject_id=stay_id)
        repo = HealthRepository(uow.session)
        stay = repo.get(FacilityStay, stay_id, for_update=True)
        expect_version(stay.version, data.version, what="stay")
        facility = repo.facility(stay.facility_id)
        kind, benefit = FacilityKind(facility.kind), BenefitKind(data.kind)
        pay_date = data.pay_date or uow.clock.today()
        if not domain.covers(stay.in_on, stay.out_on, pay_date):
            raise InvalidInput("pay_date", "must fall within the stay")
        cents = domain.benefit_amount(
            kind,
            benefit,
            amount_cents=to_cents(data.amount, field="amount") if data.amount else None,
            nights=data.nights,
            nightly_rate_cents=facility.nightly_rate_cents,
            monthly_rate_cents=facility.monthly_rate_cents,
        )
        coverage = None
        if data.health_benefits:
            coverage = repo.coverage_on(merged_record_ids(uow, stay.person_id), pay_date)
            if coverage is None:
                raise NoCoverage(
                    f"has no drug coverage in force on {pay_date.isoformat()}; "
                    "health benefits cannot be authorized"
                )
        if facility.payee_id is None:
            raise InvalidInput("facility_id", f"{facility.name} has no payee in money")
        method = "cheque" if benefit is BenefitKind.CHEQUE else data.method
        if benefit is BenefitKind.CHEQUE and not (data.cheque_number or "").strip():
            raise InvalidInput("cheque_number", "a manual cheque needs its number")
        if benefit is not BenefitKind.CHEQUE and data.cheque_number:
            raise InvalidInput("cheque_number", "only a manual cheque has a number")
        unit_id = payments.unit_to_pay(uow, stay.person_id, pay_date)
        explanation = (
            clean_text(data.explanation) or f"{facility.name}: resident since {stay.in_on.isoformat()}"
        )
        row = FacilityBenefit(
            id=new_id(),
            stay_id=stay.id,
            person_id=stay.person_id,
            facility_id=facility.id,
            kind=benefit.value,
            amount_cents=cents,
            nights=data.nights,
            pay_date=pay_date,
            method=method,
            cheque_number=(data.cheque_number or "").strip() or None,
            health_coverage_id=coverage.id if coverage else None,
            health_plan=coverage.plan if coverage else None,
            explanation=explanation,
            issued_by=actor.username,
            created_at=uow.clock.now(),
        )
        if benefit is BenefitKind.RECURRING:
            row.entitlement_id, row.money_state = payments.pay_facility_monthly(
                uow,
                actor=actor,
                unit_id=unit_id,
                payee_id=facility.payee_id,
                amount_cents=cents,
                method=method,
                start=pay_date,
                explanation=explanation,
            )
        else:
            row.issuance_id, row.money_state = payments.pay(
                uow,
                actor=actor,
                data=money.IssuanceCreate(
                    payment_type=domain.facility_payment_type(kind),
                    program=payments.FACILITY_PROGRAM,
                    unit_id=unit_id,
                    payee_id=facility.payee_id,
                    amount=cents,
                    method=method,
                    pay_date=pay_date,
                    explanation=explanation,
                    nights=data.nights if kind is FacilityKind.SHELTER else None,
                    cheque_number=row.cheque_number,
                    idempotency_key=f"health:facility_benefit:{row.id}",
                ),
            )
        repo.add(row)
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: BenefitPublic.of(row),
            actor=actor,
            action=AuditAction.FACILITY_BENEFIT,
            subject_type=STAY,
            subject_id=stay.id,
            after={
                "kind": row.kind,
                "amount": format_cents(cents),
                "money_state": row.money_state,
                "issuance_id": row.issuance_id,
                "entitlement_id": row.entitlement_id,
                "health_plan": row.health_plan,
            },
        )
