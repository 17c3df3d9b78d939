"""Factories for money tests: units, staff actors, payees, entitlements (direct rows where another
area owns the table, so these tests stand alone)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

import pytest
from argon2 import PasswordHasher, profiles

from onestop import money
from onestop.access.models import Office, Staff
from onestop.access.permissions import Actor, Role
from onestop.bootstrap import Container
from onestop.common.ids import new_id
from onestop.money.models import Payee
from onestop.registry.models import BenefitUnit, Person

#: Every test staff account's password (what ``--as-user`` asks for); hashed cheaply once.
PASSWORD = "correct horse battery"
_PASSWORD_HASH = PasswordHasher.from_parameters(profiles.CHEAPEST).hash(PASSWORD)


@dataclass
class Money:
    """Builders bound to one container."""

    c: Container
    system: Actor = field(default_factory=lambda: Actor.system("test"))

    def office(self, code: str = "SJ1") -> uuid.UUID:
        with self.c.uow() as uow:
            office = Office(code=code, name=f"Office {code}", created_at=uow.clock.now())
            uow.session.add(office)
            uow.commit()
        return office.id

    def staff(
        self, username: str, *roles: Role, age_days: int = 400, office_id: uuid.UUID | None = None
    ) -> Actor:
        from sqlalchemy import select

        with self.c.uow() as uow:
            found = uow.session.scalar(select(Staff).where(Staff.username == username))
            if found is not None:
                return Actor.for_roles(found.id, username, found.roles, found.office_id)
            staff = Staff(
                username=username,
                display_name=username.title(),
                password_hash=_PASSWORD_HASH,
                role_names=[r.value for r in roles],
                office_id=office_id,
                active=True,
                failed_logins=0,
                created_at=uow.clock.now() - dt.timedelta(days=age_days),
            )
            uow.session.add(staff)
            uow.commit()
        return Actor.for_roles(staff.id, username, frozenset(roles), office_id)

    def unit(self, family: str = "Doe") -> tuple[uuid.UUID, uuid.UUID]:
        with self.c.uow() as uow:
            now = uow.clock.now()
            person = Person(
                id=new_id(), given_names="Jan", family_name=family, created_by="t", created_at=now
            )
            unit = BenefitUnit(id=new_id(), label=f"{family} household", created_by="t", created_at=now)
            uow.session.add_all([person, unit])
            uow.commit()
        return unit.id, person.id

    def payee(
        self,
        person_id: uuid.UUID | None = None,
        *,
        bank: bool = True,
        kind: str = "client",
        name: str = "Jan Doe",
    ) -> Payee:
        account = {"institution": "002", "transit": "12345", "account": "98765432"} if bank else {}
        return money.create_payee(
            self.c.uow(),
            actor=self.system,
            data=money.PayeeCreate(
                kind=kind,
                name=name,
                person_id=person_id,
                **account,
            ),
        )

    def client(self, family: str = "Doe", *, bank: bool = True) -> tuple[uuid.UUID, Payee]:
        unit_id, person_id = self.unit(family)
        return unit_id, self.payee(person_id, bank=bank, name=f"Jan {family}")

    def count(self, model: type) -> int:
        from sqlalchemy import func, select

        with self.c.uow() as uow:
            return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)

    def approve_pending(self, subject_id: uuid.UUID, approver: Actor | None = None) -> None:
        """A second person approves the request waiting on ``subject_id`` (set up or changed by hand)."""
        approver = approver or self.staff("sam-approver", Role.SUPERVISOR)
        [request] = [
            r for r in money.list_approvals(self.c.uow(), actor=approver) if r.subject_id == subject_id
        ]
        money.decide_approval(self.c.uow(), actor=approver, approval_id=request.id, approve=True)

    def change(
        self, actor: Actor, entitlement_id: uuid.UUID, *, approver: Actor | None = None, **kw: object
    ) -> money.ChangeResult:
        """Change an entitlement; a change by hand is approved by a supervisor, as in the office."""
        from sqlalchemy import select

        from onestop.money.models import Entitlement, Issuance, Overpayment

        data = money.EntitlementChange(amount=kw.pop("amount_cents", None), **kw)  # type: ignore[arg-type]
        result = money.change_entitlement(self.c.uow(), actor=actor, entitlement_id=entitlement_id, data=data)
        if not result.pending:
            return result
        self.approve_pending(result.entitlement.id, approver)
        with self.c.uow() as uow:
            new_id_ = result.entitlement.id
            ent = uow.session.get(Entitlement, new_id_)
            arrears = uow.session.scalars(
                select(Issuance).where(Issuance.entitlement_id == new_id_, Issuance.payment_type == "arrears")
            ).all()
            ops = uow.session.scalars(select(Overpayment).where(Overpayment.entitlement_id == new_id_)).all()
            uow.session.expunge_all()
        assert ent is not None
        return money.ChangeResult(ent, list(arrears), list(ops))

    def verify(self) -> money.LedgerCheck:
        return money.verify_ledger(self.c.uow(), actor=self.system)


@pytest.fixture
def m(container: Container) -> Money:
    """Money builders on the rolled-back container."""
    return Money(container)
