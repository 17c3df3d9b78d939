"""Non-recurring issuances (emergency funds, vouchers, shelter, travel, funeral costs, manual cheques).

Every issuance has a unique idempotency key: the same request sent twice, or by two officers at the
same moment, makes one payment (the second caller gets the first issuance back).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from onestop.access import Actor, Permission, Role, Staff, require
from onestop.audit import AuditAction
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.money import domain, repository, support
from onestop.money.domain import IssuanceState, PaymentMethod, PaymentType
from onestop.money.errors import ChequeNumberUsed
from onestop.money.ledger import domain as postings
from onestop.money.ledger import services as ledger
from onestop.money.models import ApprovalRequest, Cheque, Issuance, Payee
from onestop.money.payments import advice
from onestop.money.payments.authority import (
    AuthorityDecision,
    AuthorityPolicy,
    check_authority,
    default_policy,
)
from onestop.money.schemas import IssuanceCreate

#: Types issued through ``issue_payment``; recurring and arrears come from entitlements.
ONE_OFF_TYPES = frozenset(PaymentType) - {
    PaymentType.RECURRING,
    PaymentType.ARREARS,
    PaymentType.PROJECT_FUNDING,
}

ISSUANCE: support.Recorded[Issuance] = support.Recorded(
    "issuance",
    "state",
    "payment_type",
    "program",
    "unit_id",
    "gross_cents",
    "net_cents",
    "method",
    "pay_date",
)


def issue_payment(
    uow: UnitOfWork,
    *,
    actor: Actor,
    data: IssuanceCreate,
    policy: AuthorityPolicy | None = None,
) -> Issuance:
    """Issue a one-off payment now, or queue it for approval when it is beyond the actor's authority."""
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="issuance")
        # The file guards (conflicts of interest, restricted files) look at the unit paid.
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="unit", subject_id=data.unit_id)
        kind, how, amount_cents = _payment_type(data.payment_type), data.method, data.amount
        domain.positive_cents(amount_cents, field="amount_cents")
        nights = _nights(kind, data.nights)
        program = parse_program(data.program)
        payee = payee_for(uow, data.payee_id, how)
        support.ensure_unit(uow.session, data.unit_id)
        support.ensure_open(uow.session, [data.pay_date], field="pay_date")
        cheque_number = _cheque_number(uow, how, data.cheque_number)
        key = data.idempotency_key or domain.derived_key(
            kind, data.unit_id, program, data.payee_id, amount_cents, nights, data.pay_date
        )
        existing = repository.find_issuance_by_key(uow.session, key)
        if existing is not None:
            return support.kept(uow, _same_or_conflict(existing, amount_cents, data.unit_id))
        decision = check_authority(
            actor,
            kind,
            program,
            amount_cents,
            nights=nights,
            policy=policy,
            already_cents=already_in_period(uow, kind, data.unit_id, data.pay_date, policy),
        )
        if cheque_number is not None:
            decision = _manual_cheque(actor, decision)
        issuance = new_issuance(
            uow,
            actor,
            key=key,
            payment_type=kind,
            program=program,
            unit_id=data.unit_id,
            payee_id=payee.id,
            office_id=data.office_id or actor.office_id,
            method=how.value,
            pay_date=data.pay_date,
            amount_cents=amount_cents,
            description=data.explanation.strip() or None,
            nights=nights,
            cheque_number=cheque_number,
        )
        stored, created = support.insert_once(
            uow, issuance, lambda: repository.find_issuance_by_key(uow.session, key)
        )
        if not created:
            return support.kept(uow, _same_or_conflict(stored, amount_cents, data.unit_id))
        route_issuance(uow, actor, issuance, decision, data.explanation, policy)
        details = {"authority": decision.reason}
        return ISSUANCE.saved(uow, actor, AuditAction.ISSUANCE_CREATE, issuance, details=details)


def already_in_period(
    uow: UnitOfWork,
    kind: PaymentType,
    unit_id: uuid.UUID,
    pay_date: dt.date,
    policy: AuthorityPolicy | None = None,
) -> int:
    """What the unit already has of this payment type in the policy's period for it (0 if none is set)."""
    window = (policy or default_policy()).period_of(kind.value, pay_date)
    if window is None:
        return 0
    first, last = window
    return repository.issued_in_period(
        uow.session, unit_id=unit_id, payment_type=kind.value, first=first, last=last
    )


def _manual_cheque(actor: Actor, decision: AuthorityDecision) -> AuthorityDecision:
    """A manual cheque is paid by hand the moment it is approved: a second person always approves it."""
    if actor.staff_id is None and not actor.roles:
        return decision  # a configured job (never a person at a counter)
    role = decision.needs_approval_by_role or Role.SUPERVISOR
    return AuthorityDecision(
        False, role, decision.limit, f"a manual cheque needs a second person ({decision.reason})"
    )


def new_issuance(
    uow: UnitOfWork,
    actor: Actor,
    *,
    key: str,
    payment_type: PaymentType,
    program: str,
    unit_id: uuid.UUID | None,
    payee_id: uuid.UUID,
    office_id: uuid.UUID | None,
    method: str,
    pay_date: dt.date,
    amount_cents: int,
    description: str | None,
    nights: int | None = None,
    cheque_number: str | None = None,
    entitlement_id: uuid.UUID | None = None,
    invoice_id: uuid.UUID | None = None,
    period_start: dt.date | None = None,
) -> Issuance:
    """A one-off issuance requested by ``actor``, not yet stored or routed (see ``route_issuance``)."""
    return Issuance(
        id=new_id(),
        idempotency_key=key,
        payment_type=payment_type.value,
        program=program,
        unit_id=unit_id,
        payee_id=payee_id,
        entitlement_id=entitlement_id,
        invoice_id=invoice_id,
        office_id=office_id,
        method=method,
        pay_date=pay_date,
        period_start=period_start,
        fiscal_year=domain.fiscal_year(pay_date),
        gross_cents=amount_cents,
        deduction_cents=0,
        net_cents=amount_cents,
        nights=nights,
        description=description,
        state=IssuanceState.PENDING_APPROVAL.value,
        requested_by=actor.username,
        requested_by_id=actor.staff_id,
        cheque_number=cheque_number,
        attempts=0,
        created_at=uow.clock.now(),
    )


def route_issuance(
    uow: UnitOfWork,
    actor: Actor,
    issuance: Issuance,
    decision: AuthorityDecision,
    explanation: str,
    policy: AuthorityPolicy | None = None,
) -> None:
    """Approve a stored issuance at once, or open an approval request (beyond authority, or sampled
    for a new officer's second check); every way of issuing goes through here."""
    policy = policy or default_policy()
    if not decision.allowed:
        assert decision.needs_approval_by_role is not None
        request_approval(
            uow,
            actor,
            issuance,
            "authority",
            decision.needs_approval_by_role.value,
            decision.reason,
            explanation,
        )
    elif _sampled_new_officer(uow, actor, issuance.id, policy):
        reason = f"second check of a new officer's issuance ({policy.new_officer_sample_share:%} sampled)"
        request_approval(uow, actor, issuance, "second_check", "supervisor", reason, explanation)
    else:
        on_approved(uow, issuance, by=actor.username)


def _sampled_new_officer(
    uow: UnitOfWork, actor: Actor, issuance_id: uuid.UUID, policy: AuthorityPolicy
) -> bool:
    if actor.staff_id is None or policy.new_officer_sample_share <= 0:
        return False
    staff = uow.session.get(Staff, actor.staff_id)
    if staff is None or uow.clock.now() - staff.created_at > dt.timedelta(days=policy.new_officer_days):
        return False
    return domain.sampled_for_second_check(issuance_id, policy.new_officer_sample_share)


def request_approval(
    uow: UnitOfWork,
    actor: Actor,
    issuance: Issuance,
    kind: str,
    role: str,
    reason: str,
    explanation: str,
) -> ApprovalRequest:
    """Queue an issuance for a supervisor: the reason it needs approval and the officer's explanation."""
    if not explanation.strip():
        raise InvalidInput("explanation", "say why this payment is needed: it goes to an approver")
    return support.open_request(
        uow,
        actor,
        subject_type="issuance",
        subject_id=issuance.id,
        kind=kind,
        role=role,
        program=issuance.program,
        payment_type=issuance.payment_type,
        amount_cents=issuance.gross_cents,
        nights=issuance.nights,
        reason=reason,
        explanation=explanation,
    )


def on_approved(uow: UnitOfWork, issuance: Issuance, *, by: str) -> None:
    """Commit the money: post the issue entry; manual cheques and vouchers are released at once."""
    issuance.state = IssuanceState.APPROVED.value
    issuance.approved_by = by
    issuance.approved_at = uow.clock.now()
    item = amount_of(issuance)
    ledger.post(
        uow,
        kind="issue",
        ref=issuance.id,
        memo=f"{issuance.payment_type} issued",
        lines=postings.issue_lines(item),
        posted_by=by,
    )
    if issuance.method == PaymentMethod.CHEQUE.value and issuance.cheque_number:
        _release(uow, issuance, postings.Account.BANK_CLEARING, by)
        payee = repository.get(uow.session, Payee, issuance.payee_id, kind="payee")
        uow.session.add(
            Cheque(
                number=issuance.cheque_number,
                issuance_id=issuance.id,
                batch_id=None,
                kind="manual",
                payee_name=payee.name,
                amount_cents=issuance.net_cents,
                issued_on=issuance.pay_date,
                recorded_at=uow.clock.now(),
                recorded_by=by,
            )
        )
    elif issuance.method == PaymentMethod.VOUCHER.value:
        issuance.voucher_number = issuance.voucher_number or f"V{issuance.id.hex[:12].upper()}"
        _release(uow, issuance, postings.Account.VOUCHER_CLEARING, by)
    advice.queue_payment_advice(uow, issuance, by=by)  # the person's letter, with the money (issue 15)


def _release(uow: UnitOfWork, issuance: Issuance, to: postings.Account, by: str) -> None:
    ledger.post(
        uow,
        kind="release",
        ref=issuance.id,
        memo=f"released by {issuance.method}",
        lines=postings.release_lines([amount_of(issuance)], to=to),
        posted_by=by,
    )
    issuance.state = IssuanceState.PAID.value


def amount_of(issuance: Issuance) -> postings.IssuedAmount:
    """The amounts of an issuance as the ledger sees them."""
    return postings.IssuedAmount(
        issuance.id, issuance.unit_id, issuance.program, issuance.gross_cents, issuance.deduction_cents
    )


def cancel_issuance(uow: UnitOfWork, *, actor: Actor, issuance_id: uuid.UUID, reason: str) -> Issuance:
    """Cancel an issuance not yet in a batch; an approved one is reversed in the ledger."""
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="issuance", subject_id=issuance_id)
        issuance = repository.get(uow.session, Issuance, issuance_id, kind="issuance", for_update=True)
        if not reason.strip():
            raise InvalidInput("reason", "is required")
        before = ISSUANCE.snapshot(issuance)
        if issuance.state == IssuanceState.APPROVED.value:
            if issuance.deduction_cents:
                raise InvalidTransition(
                    "this issuance recovered an overpayment; record a new decision instead"
                )
            lines = postings.reversal(postings.issue_lines(amount_of(issuance)))
            ledger.post(
                uow,
                kind="cancel",
                ref=issuance.id,
                memo=reason.strip(),
                lines=lines,
                posted_by=actor.username,
            )
        elif issuance.state == IssuanceState.PENDING_APPROVAL.value:
            pending = repository.approval_for(uow.session, issuance.id)
            if pending is not None:
                pending.state, pending.decided_by, pending.decided_at = (
                    "withdrawn",
                    actor.username,
                    uow.clock.now(),
                )
        else:
            raise InvalidTransition(f"an issuance that is {issuance.state} cannot be cancelled")
        issuance.state = IssuanceState.CANCELLED.value
        why = {"reason": reason.strip()}
        return ISSUANCE.saved(uow, actor, AuditAction.ISSUANCE_CANCEL, issuance, before=before, details=why)


def get_issuance(uow: UnitOfWork, *, actor: Actor, issuance_id: uuid.UUID) -> Issuance:
    """One issuance."""
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="issuance", subject_id=issuance_id)
        found = repository.get(uow.session, Issuance, issuance_id, kind="issuance")
        return ISSUANCE.read(uow, actor, AuditAction.ISSUANCE_READ, found)


def list_issuances(
    uow: UnitOfWork,
    *,
    actor: Actor,
    unit_id: uuid.UUID | None = None,
    state: str | None = None,
    limit: int = 200,
) -> Sequence[Issuance]:
    """Issuances, newest pay date first."""
    with uow:
        if unit_id is None:
            require(uow, actor, Permission.MONEY_ISSUE, subject_type="issuance")
        else:
            require(uow, actor, Permission.MONEY_ISSUE, subject_type="unit", subject_id=unit_id)
        found = repository.list_issuances(uow.session, unit_id=unit_id, state=state, limit=min(limit, 1000))
        return ISSUANCE.listed(
            uow, actor, AuditAction.ISSUANCE_LIST, found, within=("unit", unit_id), state=state
        )


def _same_or_conflict(existing: Issuance, amount_cents: int, unit_id: uuid.UUID) -> Issuance:
    if existing.gross_cents != amount_cents or existing.unit_id != unit_id:
        raise Conflict("this idempotency key was already used for a different payment")
    return existing


def _payment_type(kind: PaymentType) -> PaymentType:
    if kind not in ONE_OFF_TYPES:
        choices = ", ".join(sorted(k.value for k in ONE_OFF_TYPES))
        raise InvalidInput("payment_type", f"must be one of {choices}")
    return kind


def parse_method(value: str) -> PaymentMethod:
    """A payment method named by its value."""
    try:
        return PaymentMethod(value)
    except ValueError:
        raise InvalidInput("method", f"must be one of {', '.join(m.value for m in PaymentMethod)}") from None


def _nights(kind: PaymentType, nights: int | None) -> int | None:
    if kind is PaymentType.SHELTER:
        if nights is None or isinstance(nights, bool) or nights <= 0:
            raise InvalidInput("nights", "shelter needs a number of nights (1 or more)")
        return nights
    if nights is not None:
        raise InvalidInput("nights", "only shelter is counted in nights")
    return None


def parse_program(value: str) -> str:
    """A program identifier, trimmed."""
    text = (value or "").strip()
    if not text or len(text) > 64:
        raise InvalidInput("program", "is required (a program identifier, at most 64 characters)")
    return text


def payee_for(uow: UnitOfWork, payee_id: uuid.UUID, method: PaymentMethod) -> Payee:
    """The payee, with banking details when the method pays through the bank."""
    payee = uow.session.get(Payee, payee_id)
    if payee is None:
        raise InvalidInput("payee_id", f"no payee with id {payee_id}")
    if payee.state != "approved":
        raise InvalidInput(
            "payee_id", f"{payee.name} was set up by hand and waits for a second person's approval"
        )
    if domain.needs_bank_account(method) and payee.account_ciphertext is None:
        raise InvalidInput("payee_id", f"{payee.name} has no banking details; {method.value} needs them")
    return payee


def _cheque_number(uow: UnitOfWork, method: PaymentMethod, number: str | None) -> str | None:
    if number is None or not number.strip():
        return None
    if method is not PaymentMethod.CHEQUE:
        raise InvalidInput("cheque_number", "only a cheque has a cheque number")
    text = number.strip()
    if not text.isdigit() or len(text) > 20:
        raise InvalidInput("cheque_number", "must be digits (at most 20)")
    if repository.cheque_taken(uow.session, text):
        raise ChequeNumberUsed(text)
    return text
