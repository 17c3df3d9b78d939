"""What a client sees of their own health coverage in the portal: plain words, no internal ids.

The portal acts as the client (``client_actor``); only the client's own records are read (their
registry record and the records merged into it), and the read is audited in their name.
"""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel

from onestop import audit
from onestop.audit import AuditAction
from onestop.clients import client_actor, own_people, signed_in_account
from onestop.db import UnitOfWork
from onestop.health.coverage import build_file
from onestop.health.repository import HealthRepository


class MyCoverage(BaseModel):
    """A coverage period as the client reads it."""

    plan: str
    start_on: dt.date
    end_on: dt.date | None
    current: bool
    limits: list[str]  # restrictions in force, as the officer named them


class MyCard(BaseModel):
    """An emergency drug card: the number to show at the pharmacy and until when."""

    number: str
    valid_from: dt.date
    valid_to: dt.date
    status: str


class MyAuthorization(BaseModel):
    """A special authorization request: the drug, where it stands, until when."""

    drug: str
    status: str
    submitted_on: dt.date
    expires_on: dt.date | None
    told: str | None


class MyClaim(BaseModel):
    """An out-of-province claim."""

    provider: str
    service_from: dt.date
    amount: str
    status: str
    approved_amount: str | None
    reason: str | None
    appeal_deadline: dt.date | None


class MyTrip(BaseModel):
    """A travel request: where to, when, where it stands (the carrier is paid, not the client)."""

    kind: str
    destination: str
    depart_on: dt.date
    return_on: dt.date | None
    status: str
    reason: str | None  # the officer's reason when it was not approved


class MySeniorClaim(BaseModel):
    """A claim for 65Plus coverage: when it came in and the answer."""

    received_on: dt.date
    status: str
    decided_on: dt.date | None
    reason: str | None  # the officer's reason when it was not approved


class MyHealth(BaseModel):
    """The client's health page."""

    coverage: list[MyCoverage]
    mcp_registered: bool
    cards: list[MyCard]
    authorizations: list[MyAuthorization]
    claims: list[MyClaim]
    trips: list[MyTrip]
    senior_claims: list[MySeniorClaim]


def my_health(uow: UnitOfWork, *, account_id: uuid.UUID) -> MyHealth:
    """The signed-in client's coverage, cards, authorizations and claims (nothing before registration)."""
    with uow:
        account = signed_in_account(uow, account_id)
        ids = own_people(uow.session, account)
        today = uow.clock.today()
        f = build_file(HealthRepository(uow.session), ids, today)
        if account.person_id is not None:
            audit.record(
                uow,
                actor=client_actor(account),
                action=AuditAction.HEALTH_CLIENT_READ,
                subject_type="person",
                subject_id=account.person_id,
            )
        uow.commit()
    return MyHealth(
        coverage=[
            MyCoverage(
                plan=c.plan,
                start_on=c.start_on,
                end_on=c.end_on,
                current=c in f.current,
                limits=[r["value"] for r in c.restrictions if not r.get("removed_on")],
            )
            for c in f.current + f.past
        ],
        mcp_registered=any(m.status == "registered" for m in f.mcp),
        cards=[
            MyCard(number=c.number, valid_from=c.valid_from, valid_to=c.valid_to, status=c.status)
            for c in f.cards
        ],
        authorizations=[
            MyAuthorization(
                drug=a.drug_name,
                status=a.status,
                submitted_on=a.submitted_on,
                expires_on=a.expires_on,
                told=a.client_told,
            )
            for a in f.authorizations
        ],
        claims=[
            MyClaim(
                provider=c.provider,
                service_from=c.service_from,
                amount=c.amount,
                status=c.status,
                approved_amount=c.approved_amount,
                reason=c.decision_reason,
                appeal_deadline=_deadline(c.appeal) if c.status == "denied" else None,
            )
            for c in f.claims
        ],
        trips=[
            MyTrip(
                kind=t.kind,
                destination=str(t.legs[0]["to_place"]) if t.legs else "",
                depart_on=t.depart_on,
                return_on=t.return_on,
                status=t.status,
                reason=t.decision_reason if t.status == "denied" else None,
            )
            for t in f.travel
        ],
        senior_claims=[
            MySeniorClaim(
                received_on=c.received_on,
                status=c.status,
                decided_on=c.decided_on,
                reason=c.decision_reason if c.status == "denied" else None,
            )
            for c in f.senior_claims
        ],
    )


def _deadline(appeal: dict[str, object] | None) -> dt.date | None:
    raw = (appeal or {}).get("deadline")
    return dt.date.fromisoformat(raw) if isinstance(raw, str) else None


__all__ = ["MyHealth", "my_health"]
