"""Client account use cases. The portal acts for the client as ``portal:<account id>``: the other areas'
services are called with that actor, and every read here starts from the account's own person, so a
client reaches no one else's records.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from onestop import audit
from onestop.access.passwords import hash_password, verify_password
from onestop.access.permissions import Actor
from onestop.cases.applications import (
    ApplicationCreate,
    ApplicationPublic,
    Checklist,
    create_application,
    get_checklist,
    list_applications,
)
from onestop.cases.decisions import DecisionPublic, get_decision, list_decisions
from onestop.cases.documents import DocumentPublic, upload_document
from onestop.cases.screenings import ScreeningStart, start_screening
from onestop.clients import domain
from onestop.clients.errors import ClientLoginFailed, NotYourRecord
from onestop.clients.models import ClientAccount, ClientToken, OutboxMessage
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.registry import create_unit, list_person_units, register_person
from onestop.registry.schemas import DuplicateDecision, EmailIn, MemberIn, PersonCreate, UnitCreate
from onestop.storage import DocumentStorage

SUBJECT = "client_account"
VERIFY_SUBJECT = {"en": "Confirm your e-mail address", "fr": "Confirmez votre adresse courriel"}
VERIFY_BODY = {
    "en": "Hello,\n\nTo finish creating your account, open this link within 48 hours:\n\n{link}\n\n"
    "If you did not ask for an account, ignore this message.\n",
    "fr": "Bonjour,\n\nPour terminer la création de votre compte, ouvrez ce lien dans les 48 heures :"
    "\n\n{link}\n\nSi vous n'avez pas demandé de compte, ne tenez pas compte de ce message.\n",
}
EXISTS_BODY = {
    "en": "Hello,\n\nSomeone asked to create an account with this address, which already has one. "
    "Sign in instead; nothing was changed.\n",
    "fr": "Bonjour,\n\nQuelqu'un a demandé de créer un compte avec cette adresse, qui en a déjà un. "
    "Connectez-vous plutôt; rien n'a été modifié.\n",
}


def portal_actor(account: ClientAccount) -> Actor:
    """Who the portal is when it acts for this client (audit events name the account)."""
    return Actor.system(f"portal:{account.id}")


def sign_up(
    uow: UnitOfWork,
    *,
    email: str,
    password: str,
    language: str,
    link_base: str,
    outbox_dir: Path | None = None,
) -> None:
    """Create an unverified account and e-mail the link; an address already used gets a notice instead.

    Both cases look the same to whoever asked, so the form cannot tell who has an account.
    """
    address = domain.normalise_email(email)
    domain.check_client_password(password, address)
    lang = "fr" if language == "fr" else "en"
    with uow:
        existing = uow.session.scalar(select(ClientAccount).where(ClientAccount.email == address))
        if existing is not None:
            _send(uow, address, VERIFY_SUBJECT[lang], EXISTS_BODY[lang], outbox_dir)
            uow.commit()
            return
        account = ClientAccount(
            id=new_id(), email=address, password_hash=hash_password(password), language=lang,
            created_at=uow.clock.now(),
        )  # fmt: skip
        uow.session.add(account)
        uow.flush()
        token, hashed = domain.new_token()
        now = uow.clock.now()
        uow.session.add(
            ClientToken(
                id=new_id(), account_id=account.id, token_hash=hashed, purpose="verify", created_at=now,
                expires_at=now + domain.TOKEN_LIFETIME, used_at=None,
            )
        )  # fmt: skip
        link = f"{link_base.rstrip('/')}/portal/account/verify?token={token}"
        _send(uow, address, VERIFY_SUBJECT[lang], VERIFY_BODY[lang].format(link=link), outbox_dir)
        audit.record(uow, actor=portal_actor(account), action="client:sign_up", subject_type=SUBJECT,
                     subject_id=account.id)  # fmt: skip
        uow.commit()


def verify_email(uow: UnitOfWork, *, token: str) -> ClientAccount:
    """Open the link: the account's address is verified (a used or expired link is refused)."""
    with uow:
        row = uow.session.scalar(
            select(ClientToken).where(ClientToken.token_hash == domain.token_hash(token))
        )
        now = uow.clock.now()
        if row is None or row.purpose != "verify" or row.used_at is not None or row.expires_at < now:
            raise InvalidInput("token", "this link is not valid any more; sign up again to get a new one")
        account = uow.session.get(ClientAccount, row.account_id)
        assert account is not None
        row.used_at = now
        account.verified_at = account.verified_at or now
        uow.flush()
        audit.record(uow, actor=portal_actor(account), action="client:verify", subject_type=SUBJECT,
                     subject_id=account.id)  # fmt: skip
        uow.commit()
        return account


def sign_in(uow: UnitOfWork, *, email: str, password: str) -> ClientAccount:
    """The account for this address and password, once verified (one message for every failure)."""
    address = (email or "").strip().lower()
    with uow:
        account = uow.session.scalar(select(ClientAccount).where(ClientAccount.email == address))
        if not verify_password(account.password_hash if account else None, password):
            raise ClientLoginFailed("the e-mail address or password is not right")
        assert account is not None
        if account.verified_at is None:
            raise ClientLoginFailed("the e-mail address or password is not right")
        account.last_sign_in_at = uow.clock.now()
        uow.flush()
        audit.record(uow, actor=portal_actor(account), action="client:sign_in", subject_type=SUBJECT,
                     subject_id=account.id)  # fmt: skip
        uow.commit()
        return account


def get_account(uow: UnitOfWork, *, account_id: uuid.UUID) -> ClientAccount:
    """The signed-in account (a deleted or unknown one is "not signed in")."""
    with uow:
        account = uow.session.get(ClientAccount, account_id)
        if account is None or account.verified_at is None:
            raise ClientLoginFailed("sign in again")
        uow.commit()  # a read: committing keeps the loaded account usable after the block
        return account


@dataclass(frozen=True)
class Applied:
    """What applying online created."""

    application: ApplicationPublic
    person_id: uuid.UUID


def apply_online(
    uow: UnitOfWork,
    *,
    account_id: uuid.UUID,
    program: str,
    jurisdiction: str,
    answers: dict[str, Any],
    given_names: str,
    family_name: str,
    birth_date: dt.date | None,
) -> Applied:
    """One transaction: the client's registry record (the first time), a unit of their own, the screening
    answers as an interview, and the application (channel "online"); officers check for duplicates."""
    with uow:
        account = _account(uow, account_id)
        actor = portal_actor(account)
        person_id = account.person_id or _register(uow, actor, account, given_names, family_name, birth_date)
        account.person_id = person_id
        unit_id = _current_unit(uow, actor, person_id)
        if unit_id is None:
            member = MemberIn(person_id=person_id, role="applicant", joined_on=uow.clock.today())
            unit_id = create_unit(
                uow, actor=actor, data=UnitCreate(label=family_name or None, members=[member])
            ).id
        start = ScreeningStart(jurisdiction=jurisdiction, person_id=person_id, answers=answers)
        session = start_screening(uow, actor=actor, data=start)
        data = ApplicationCreate(
            program=program, unit_id=unit_id, channel="online", screening_session_id=session.id
        )
        application = create_application(uow, actor=actor, data=data)
        audit.record(uow, actor=actor, action="client:apply", subject_type=SUBJECT, subject_id=account.id,
                     details={"application_id": application.id, "program": program})  # fmt: skip
        uow.commit()
        return Applied(application, person_id)


def _current_unit(uow: UnitOfWork, actor: Actor, person_id: uuid.UUID) -> uuid.UUID | None:
    for unit in list_person_units(uow, actor=actor, person_id=person_id):
        if any(m.person_id == person_id and m.left_on is None for m in unit.members):
            return unit.id
    return None


def _register(
    uow: UnitOfWork, actor: Actor, account: ClientAccount, given: str, family: str, born: dt.date | None
) -> uuid.UUID:
    data = PersonCreate(
        given_names=given, family_name=family, birth_date=born, language=account.language,
        emails=[EmailIn(address=account.email)],
    )  # fmt: skip
    decision = DuplicateDecision(
        decision="new_person", reason="applied online; an officer checks for duplicates"
    )
    return register_person(uow, actor=actor, data=data, duplicate_decision=decision).id


def my_applications(uow: UnitOfWork, *, account_id: uuid.UUID) -> list[ApplicationPublic]:
    """The client's own applications, newest first (none before the first one)."""
    account = get_account(uow, account_id=account_id)
    if account.person_id is None:
        return []
    return list_applications(uow, actor=portal_actor(account), person_id=account.person_id)


def my_application(
    uow: UnitOfWork, *, account_id: uuid.UUID, application_id: uuid.UUID
) -> tuple[ApplicationPublic, Checklist, list[DecisionPublic]]:
    """One of the client's applications with its document checklist and decisions (anyone else's: 404)."""
    account = get_account(uow, account_id=account_id)
    found = [a for a in my_applications(uow, account_id=account_id) if a.id == application_id]
    if not found:
        raise NotYourRecord("no such application")
    actor = portal_actor(account)
    checklist = get_checklist(uow, actor=actor, application_id=application_id)
    decisions = list_decisions(uow, actor=actor, application_id=application_id)
    return found[0], checklist, decisions


def my_decision(uow: UnitOfWork, *, account_id: uuid.UUID, decision_id: uuid.UUID) -> DecisionPublic:
    """One decision about the client, with its reasons."""
    account = get_account(uow, account_id=account_id)
    decision = get_decision(uow, actor=portal_actor(account), decision_id=decision_id)
    if account.person_id is None or decision.applicant_id != account.person_id:
        raise NotYourRecord("no such decision")
    return decision


def upload_my_document(
    uow: UnitOfWork,
    *,
    account_id: uuid.UUID,
    application_id: uuid.UUID,
    doc_type: str,
    filename: str | None,
    data: bytes,
    storage: DocumentStorage,
    max_bytes: int,
) -> DocumentPublic:
    """A document the client sends for one of their applications (an officer verifies it)."""
    account = get_account(uow, account_id=account_id)
    if account.person_id is None or application_id not in {
        a.id for a in my_applications(uow, account_id=account_id)
    }:
        raise NotYourRecord("no such application")
    return upload_document(
        uow, actor=portal_actor(account), storage=storage, max_bytes=max_bytes, person_id=account.person_id,
        doc_type=doc_type, filename=filename, data=data, application_id=application_id,
        description="sent through the portal",
    )  # fmt: skip


def _account(uow: UnitOfWork, account_id: uuid.UUID) -> ClientAccount:
    account = uow.session.get(ClientAccount, account_id)
    if account is None or account.verified_at is None:
        raise ClientLoginFailed("sign in again")
    return account


def _send(uow: UnitOfWork, to: str, subject: str, body: str, outbox_dir: Path | None) -> None:
    """Queue the e-mail in the outbox table; in development also write it as a file after commit."""
    message = OutboxMessage(
        id=new_id(), to_address=to, subject=subject, body=body, created_at=uow.clock.now(), sent_at=None
    )
    uow.session.add(message)
    if outbox_dir is not None:
        uow.after_commit(lambda: _write(outbox_dir, message))


def _write(folder: Path, message: OutboxMessage) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = f"To: {message.to_address}\nSubject: {message.subject}\n\n{message.body}"
    target = folder / f"{message.created_at:%Y%m%dT%H%M%S}-{message.id}.eml"
    partial = target.with_suffix(".tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)
