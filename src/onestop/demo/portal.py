"""A portal client: an account signed up and verified by the link it was mailed, with an online
application in progress (screened, waiting for documents)."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from onestop.clients import self_service, services
from onestop.clients.models import OutboxMessage
from onestop.demo.context import Ctx

#: DEMO ONLY: printed with the staff logins.
CLIENT_EMAIL = "demo.client@example.com"
CLIENT_PASSWORD = "Portal-demo-2026"  # noqa: S105 (a published demo login)


def portal_client(ctx: Ctx) -> None:
    """Sign up, open the verification link from the mail, apply online for Income Support."""
    services.sign_up(
        ctx.container.uow(),
        email=CLIENT_EMAIL,
        password=CLIENT_PASSWORD,
        language="en",
        link_base="http://127.0.0.1:8000",
    )
    with ctx.container.uow() as uow:
        body = uow.session.scalars(
            select(OutboxMessage.body).where(OutboxMessage.to_address == CLIENT_EMAIL)
        ).first()
    found = re.search(r"token=([A-Za-z0-9_\-]+)", body or "")
    assert found is not None, "the sign-up mail has no verification link"
    account = services.verify_email(ctx.container.uow(), token=found.group(1))
    self_service.apply_online(
        ctx.container.uow(),
        account_id=account.id,
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
