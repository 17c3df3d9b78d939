"""Issue #10 in the demo: a portal account an officer linked after checking the client's identity,
next to the demo portal client's own (unlinked) account."""

from __future__ import annotations

from onestop.clients import link_portal_account
from onestop.clients.models import ClientAccount
from onestop.demo.context import Ctx
from onestop.demo.portal import CLIENT_EMAIL


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
