"""Client account use cases: sign up (with the e-mail link), confirm the address, sign in.

What a client does with their case (apply, read, send documents) is in ``casework``; both act as the
client (``client_actor``), never as the system.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

from onestop.access import hash_password, verify_password
from onestop.access.domain import LoginPolicy, LoginState, after_failure, after_success, is_locked
from onestop.audit import AuditAction
from onestop.clients import domain, repository, sessions
from onestop.clients.errors import ClientLoginFailed
from onestop.clients.models import ClientAccount, ClientToken, OutboxMessage
from onestop.clients.self_service import record_on_account, signed_in_account
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.db import UnitOfWork

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
        existing = repository.find_account_by_email(uow.session, address)
        if existing is not None:
            hash_password(password)  # thrown away: this answer must take as long as creating an account
            _send(uow, address, VERIFY_SUBJECT[lang], EXISTS_BODY[lang], outbox_dir)
            uow.commit()
            return
        account = ClientAccount(
            id=new_id(),
            email=address,
            password_hash=hash_password(password),
            language=lang,
            created_at=uow.clock.now(),
        )
        uow.session.add(account)
        uow.flush()
        token, hashed = domain.new_token()
        now = uow.clock.now()
        uow.session.add(
            ClientToken(
                id=new_id(),
                account_id=account.id,
                token_hash=hashed,
                purpose="verify",
                created_at=now,
                expires_at=now + domain.TOKEN_LIFETIME,
                used_at=None,
            )
        )
        link = f"{link_base.rstrip('/')}/portal/account/verify?token={token}"
        _send(uow, address, VERIFY_SUBJECT[lang], VERIFY_BODY[lang].format(link=link), outbox_dir)
        record_on_account(uow, account, AuditAction.CLIENT_SIGN_UP)
        uow.commit()


def verify_email(uow: UnitOfWork, *, token: str) -> ClientAccount:
    """Open the link: the account's address is verified (a used or expired link is refused)."""
    with uow:
        row = repository.find_token(uow.session, domain.token_hash(token))
        now = uow.clock.now()
        if row is None or row.purpose != "verify" or row.used_at is not None or row.expires_at < now:
            raise InvalidInput("token", "this link is not valid any more; sign up again to get a new one")
        account = repository.find_account(uow.session, row.account_id)
        assert account is not None
        row.used_at = now
        account.verified_at = account.verified_at or now
        uow.flush()
        record_on_account(uow, account, AuditAction.CLIENT_VERIFY)
        uow.commit()
        return account


@dataclass(frozen=True)
class SignedIn:
    """A successful sign-in: the account and its new session's token (for the cookie, shown once)."""

    account: ClientAccount
    token: str


def sign_in(
    uow: UnitOfWork, *, email: str, password: str, lifetime: dt.timedelta, policy: LoginPolicy = LoginPolicy()
) -> SignedIn:
    """Check the password and open a session lasting at most ``lifetime``.

    Wrong passwords are counted per account and lock it past ``policy``, exactly as for staff (the
    access area's rules). Every refusal is the same ``ClientLoginFailed`` and costs one password check,
    so neither the answer nor the time says whether the address has an account or is locked. A refusal
    of a known account is audited and kept (the transaction commits, then the error is raised).
    """
    address = (email or "").strip().lower()
    with uow:
        now = uow.clock.now()
        account = repository.find_account_by_email(uow.session, address, for_update=True)
        reason = _refusal(account, password, policy, now)
        if reason is None:
            assert account is not None
            signed = _accept(uow, account, lifetime, now)
            uow.commit()
            return signed
        if account is not None:
            _audit_refusal(uow, account, reason)
        uow.commit()  # keep the count and its audit event, then refuse
    raise ClientLoginFailed("the e-mail address or password is not right")


def _refusal(
    account: ClientAccount | None, password: str, policy: LoginPolicy, now: dt.datetime
) -> str | None:
    """Why this sign-in is refused (counting a wrong password), or None to let it in."""
    right = verify_password(account.password_hash if account else None, password)  # always, for the time
    if account is None:
        return "unknown address"
    state = LoginState(account.failed_sign_ins, account.locked_until)
    if is_locked(state, now):
        return "account locked"
    if not right:
        state = after_failure(state, policy, now)
        account.failed_sign_ins, account.locked_until = state.failed_logins, state.locked_until
        return "wrong password; account now locked" if is_locked(state, now) else "wrong password"
    return "address not confirmed" if account.verified_at is None else None


def _audit_refusal(uow: UnitOfWork, account: ClientAccount, reason: str) -> None:
    details = {
        "reason": reason,
        "failed_sign_ins": account.failed_sign_ins,
        "locked_until": account.locked_until,
    }
    record_on_account(uow, account, AuditAction.CLIENT_SIGN_IN_FAILED, outcome="failed", details=details)


def _accept(uow: UnitOfWork, account: ClientAccount, lifetime: dt.timedelta, now: dt.datetime) -> SignedIn:
    state = after_success()
    account.failed_sign_ins, account.locked_until = state.failed_logins, state.locked_until
    account.last_sign_in_at = now
    token = sessions.open_session(uow, account, lifetime)
    uow.flush()
    record_on_account(uow, account, AuditAction.CLIENT_SIGN_IN)
    return SignedIn(account, token)


def get_account(uow: UnitOfWork, *, account_id: uuid.UUID) -> ClientAccount:
    """The signed-in account (a deleted or unknown one is "not signed in")."""
    with uow:
        account = signed_in_account(uow, account_id)
        uow.commit()  # a read: committing keeps the loaded account usable after the block
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
