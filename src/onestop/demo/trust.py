"""Issue #10 in the demo: a portal account an officer linked after checking the client's identity,
next to the demo portal client's own (unlinked) account; a restricted file with a break-glass opening
waiting for the supervisor's review; a role grant waiting for a second administrator."""

from __future__ import annotations

import datetime as dt

from onestop.access import grants
from onestop.clients import ClientAccount, link_portal_account
from onestop.demo.context import Ctx
from onestop.demo.portal import CLIENT_EMAIL
from onestop.registry import break_glass, register_person, restrict_file
from onestop.registry.schemas import AddressIn, DuplicateDecision, PersonCreate, RestrictionIn


def linked_portal_account(ctx: Ctx) -> None:
    """The first officer saw the demo client's driver's licence at the counter and linked their account."""
    with ctx.container.uow() as uow:
        account = uow.session.query(ClientAccount).filter(ClientAccount.email == CLIENT_EMAIL).one()
        person_id = account.person_id
        uow.commit()
    assert person_id is not None, "the demo portal client has not applied"
    link_portal_account(
        ctx.container.uow(),
        actor=ctx.officers[0],
        person_id=person_id,
        email=CLIENT_EMAIL,
        document_type="drivers_licence",
        last_digits="4417",
    )
    ctx.made.add("portal_accounts_linked")


def restricted_file(ctx: Ctx) -> None:
    """Issue 10, part 4: a client fleeing violence whose file the supervisor restricted (her address
    is confidential), and the first officer's break-glass opening of it, waiting for review."""
    officer, supervisor = ctx.officers[0], ctx.staff["supervisor"]
    data = PersonCreate(
        given_names="Noor",
        family_name="Haddad-Lindqvist",
        birth_date=dt.date(1991, 11, 23),
        addresses=[
            AddressIn(line1="Shelter address withheld", city="Edmonton", province="AB", postal_code="T5J 0N3")
        ],
    )
    decision = DuplicateDecision(decision="new_person", reason="demo: a new client at the counter")
    person = register_person(ctx.container.uow(), actor=officer, data=data, duplicate_decision=decision)
    restrict_file(
        ctx.container.uow(),
        actor=supervisor,
        person_id=person.id,
        data=RestrictionIn(
            kind="confidential_address", note="In a shelter; do not disclose where she lives."
        ),
    )
    break_glass(
        ctx.container.uow(),
        actor=officer,
        person_id=person.id,
        reason="She called about her emergency funds; checking the household before calling back.",
    )
    ctx.made.add("restricted_files")
    ctx.made.add("file_accesses_to_review")


def pending_grant(ctx: Ctx) -> None:
    """Issue 10, part 8: the administrator asks for the supervisor role for the second officer (acting
    supervisor during a leave); a privileged role waits for a second administrator's approval."""
    officer2 = ctx.staff["officer2"]
    grants.request_grant(
        ctx.container.uow(),
        actor=ctx.staff["administrator"],
        staff_id=officer2.staff_id,
        role="supervisor",
        reason="Acting supervisor while the supervisor is on leave next month",
    )
    ctx.made.add("role_grants_waiting")
