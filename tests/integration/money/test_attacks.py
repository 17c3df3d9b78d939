"""Issue 10, part 10(c): an eligible Alberta funeral-benefit decision was a *monthly* entitlement
(paid every month, skipping the officer's $0 funeral authority). It is now one issuance that waits
for a supervisor."""

from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace

from onestop import money
from onestop.access.permissions import Role
from onestop.cases.decisions import benefits
from onestop.cases.decisions.domain import Action, Basis, Outcome
from onestop.cases.decisions.policy import default_policy
from onestop.money.models import Entitlement, Issuance


def test_an_alberta_funeral_benefit_is_one_issuance_that_needs_a_supervisor(m):
    how = default_policy().how_paid("ab.funeral_benefit")
    assert (how.frequency, how.payment_type) == ("one_time", "funeral")
    assert default_policy().how_paid("ab.income_support").frequency == "monthly"
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, person_id = m.unit()
    app = SimpleNamespace(
        program="ab.funeral_benefit", unit_id=unit_id, applicant_id=person_id, office_id=None
    )
    prepared = SimpleNamespace(
        outcome=Outcome.ELIGIBLE,
        monthly_amount_cents=542_100,
        effective_from=dt.date(2026, 3, 2),
        payment_method=None,
        basis=Basis.APPLICATION,
    )
    decision_id = uuid.uuid4()
    with m.c.uow() as uow:
        planned = benefits.plan(uow, officer, app, prepared, how)  # type: ignore[arg-type]
        assert planned.entitlement_id is None
        benefits.sync(uow, officer, app, prepared, Action.GRANT, decision_id, planned)  # type: ignore[arg-type]
        uow.commit()
    assert m.count(Entitlement) == 0
    [issuance] = money.list_issuances(m.c.uow(), actor=officer, unit_id=unit_id)
    assert (issuance.payment_type, issuance.gross_cents, issuance.state) == (
        "funeral",
        542_100,
        "pending_approval",
    )
    [request] = money.list_approvals(m.c.uow(), actor=m.staff("sam", Role.SUPERVISOR))
    assert request.needed_role == "supervisor" and "officer authority" in request.reason
    # Nothing is posted until the supervisor approves; a second run of the month adds nothing.
    assert money.generate_recurring(m.c.uow(), actor=m.system, period="2026-04").created == 0
    assert m.count(Issuance) == 1
