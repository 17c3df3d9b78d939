"""Payees: the client, or a landlord, utility or vendor paid on the client's behalf."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidInput
from onestop.db import UnitOfWork
from onestop.money import domain, repository, support
from onestop.money.models import Payee
from onestop.money.schemas import PayeeCreate
from onestop.registry import Person

PAYEE: support.Recorded[Payee] = support.Recorded("payee")


def create_payee(
    uow: UnitOfWork,
    *,
    actor: Actor,
    data: PayeeCreate,
) -> Payee:
    """Record a payee; the account number is stored encrypted and shown masked."""
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="payee")
        payee_kind, person_id = data.kind, data.person_id
        clean = " ".join(data.name.split())
        if not clean or len(clean) > 140:
            raise InvalidInput("name", "is required (at most 140 characters)")
        if payee_kind is domain.PayeeKind.CLIENT and person_id is None:
            raise InvalidInput("person_id", "a client payee must be a registered person")
        if person_id is not None and uow.session.get(Person, person_id) is None:
            raise InvalidInput("person_id", f"no person with id {person_id}")
        bank = domain.bank_account(data.institution, data.transit, data.account)
        sealed = uow.cipher.encrypt(bank.account, context=domain.ACCOUNT_CONTEXT) if bank else None
        payee = Payee(
            kind=payee_kind.value,
            person_id=person_id,
            name=clean,
            institution=bank.institution if bank else None,
            transit=bank.transit if bank else None,
            account_ciphertext=sealed,
            account_masked=bank.masked if bank else None,
            created_by=actor.username,
            created_at=uow.clock.now(),
            state="pending_approval" if needs_second_person(actor, payee_kind, bank) else "approved",
        )
        uow.session.add(payee)
        uow.flush()
        if payee.state == "pending_approval":
            support.open_request(
                uow,
                actor,
                subject_type="payee",
                subject_id=payee.id,
                kind="payee",
                role="supervisor",
                program="*",
                payment_type="payee",
                amount_cents=0,
                reason="a payee set up by hand (a third party, or banking details) needs a second person",
                explanation=f"new {payee.kind} payee {clean}, account {payee.account_masked or 'none'}",
            )
        after = audit.fields(payee, "kind", "name", "person_id") | {
            "account": payee.account_masked,
            "state": payee.state,
        }
        return PAYEE.saved(uow, actor, AuditAction.PAYEE_CREATE, payee, after=after)


def needs_second_person(actor: Actor, kind: domain.PayeeKind, bank: domain.BankAccount | None) -> bool:
    """Whether a new payee waits for approval: a third party, or any banking details, entered by a person.

    Where money goes is as sensitive as how much: an officer who could add a landlord or an account
    number alone could pay themselves. Configured jobs (no staff id, no roles) run within policy.
    """
    if actor.staff_id is None and not actor.roles:
        return False
    return kind is not domain.PayeeKind.CLIENT or bank is not None


def get_payee(uow: UnitOfWork, *, actor: Actor, payee_id: uuid.UUID) -> Payee:
    """One payee."""
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="payee", subject_id=payee_id)
        found = repository.get(uow.session, Payee, payee_id, kind="payee")
        return PAYEE.read(uow, actor, AuditAction.PAYEE_READ, found)


def list_payees(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID | None = None) -> Sequence[Payee]:
    """Payees, by name."""
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="payee")
        query = select(Payee).order_by(Payee.name)
        if person_id is not None:
            query = query.where(Payee.person_id == person_id)
        found = uow.session.scalars(query.limit(500)).all()
        return PAYEE.listed(uow, actor, AuditAction.PAYEE_LIST, found, within=("person", person_id))


def bank_details(uow: UnitOfWork, payee: Payee) -> domain.BankAccount | None:
    """Decrypted banking details (for payment files only)."""
    if payee.account_ciphertext is None or payee.institution is None or payee.transit is None:
        return None
    account = uow.cipher.decrypt(payee.account_ciphertext, context=domain.ACCOUNT_CONTEXT)
    return domain.BankAccount(payee.institution, payee.transit, account)
