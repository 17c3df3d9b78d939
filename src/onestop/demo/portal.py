"""Portal clients: an account signed up and verified by the link it was mailed, with an online
application in progress (screened, waiting for documents); and an NL client on Income Support whose
account the officer linked at the counter, so the portal's health page shows their drug coverage."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from sqlalchemy import select

from onestop.clients import OutboxMessage, apply_online, link_portal_account, sign_up, verify_email
from onestop.demo.context import Client, Ctx

#: DEMO ONLY: printed with the staff logins.
CLIENT_EMAIL = "demo.client@example.com"
CLIENT_PASSWORD = "Portal-demo-2026"  # noqa: S105 (a published demo login)
HEALTH_EMAIL = "demo.nl.client@example.com"
HEALTH_PASSWORD = "Portal-health-2026"  # noqa: S105 (a published demo login)


def _signed_up(ctx: Ctx, email: str, password: str) -> uuid.UUID:
    """Sign up and open the verification link from the mail: the verified account's id."""
    sign_up(
        ctx.container.uow(), email=email, password=password, language="en", link_base="http://127.0.0.1:8000"
    )
    with ctx.container.uow() as uow:
        body = uow.session.scalars(
            select(OutboxMessage.body).where(OutboxMessage.to_address == email)
        ).first()
    found = re.search(r"token=([A-Za-z0-9_\-]+)", body or "")
    assert found is not None, "the sign-up mail has no verification link"
    return verify_email(ctx.container.uow(), token=found.group(1)).id


def portal_client(ctx: Ctx) -> None:
    """Sign up, open the verification link from the mail, apply online for Income Support."""
    account_id = _signed_up(ctx, CLIENT_EMAIL, CLIENT_PASSWORD)
    apply_online(
        ctx.container.uow(),
        account_id=account_id,
        program="ab.income_support",
        jurisdiction="ca-ab",
        answers={
            "people[p1].role": "applicant",
            "people[p1].age": 29,
            "unit.resident_of_province": True,
            "unit.no_money_for_food_today": False,
            "unit.no_safe_place_tonight": False,
        },
        given_names="Alex",
        family_name="Demo-Client",
        birth_date=ctx.today - dt.timedelta(days=29 * 365 + 40),
    )
    ctx.made.add("portal_accounts")
    ctx.made.add("applications")
    ctx.made.portal_login = (CLIENT_EMAIL, CLIENT_PASSWORD)


def health_client(ctx: Ctx, client: Client) -> None:
    """An NL client with drug coverage signs up; the officer checks their MCP card at the counter and
    links the account to their file."""
    _signed_up(ctx, HEALTH_EMAIL, HEALTH_PASSWORD)
    link_portal_account(
        ctx.container.uow(),
        actor=ctx.officers[0],
        person_id=client.person_id,
        email=HEALTH_EMAIL,
        document_type="health_card",
        last_digits=f"{client.person_id.int % 10000:04d}",
    )
    ctx.made.add("portal_accounts")
    ctx.made.add("portal_accounts_linked")
