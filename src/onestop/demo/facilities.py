"""Issue 17 (part 8) in the demo: the facilities whose residents the officers carry, a few residents in
them today (one has left), and benefits paid to the facilities through money: nights at the shelter,
a monthly payment to the personal care home (waiting for the supervisor), a manual cheque to the
halfway house (always a second person's approval).

Every write goes through the health services; the residents are people already in a benefit unit
(money pays a unit), picked with the demo's seeded random source. Run it after the office's history,
on the last day (the replay clock never goes back).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from onestop import health
from onestop.demo.context import Ctx
from onestop.demo.money import approve_payee
from onestop.health.schemas import BenefitCreate, FacilityCreate, StayIn, StayOut
from onestop.registry import UnitMembership

#: name, kind, address, contact, phone, nightly rate, monthly rate (dollars). Demo data, not real rates.
FACILITIES = (
    (
        "Harbour Light Shelter",
        "shelter",
        "18 Springdale St, St. John's NL A1C 4C9",
        "Night desk",
        "709-555-0141",
        "45.00",
        None,
    ),
    (
        "Waterford Hospital",
        "hospital",
        "306 Waterford Bridge Rd, St. John's NL A1E 4J8",
        "Social work",
        "709-555-0177",
        None,
        "150.00",
    ),
    (
        "Howard House",
        "halfway_house",
        "42 Military Rd, St. John's NL A1C 2C5",
        "Case manager",
        "709-555-0190",
        None,
        "950.00",
    ),
    (
        "Kenmount Personal Care Home",
        "residential",
        "120 Kenmount Rd, St. John's NL A1B 3N9",
        "Administrator",
        "709-555-0123",
        None,
        "1850.00",
    ),
)


def load_facilities(ctx: Ctx) -> None:
    """Record the facilities, put residents in them and pay the facilities for them."""
    officer = ctx.officers[0]
    made = {}
    for name, kind, address, contact, phone, nightly, monthly in FACILITIES:
        facility = health.create_facility(
            ctx.container.uow(),
            actor=officer,
            data=FacilityCreate(
                name=name,
                kind=kind,
                address=address,
                contact_name=contact,
                phone=phone,
                nightly_rate=nightly,
                monthly_rate=monthly,
            ),
        )
        approve_payee(ctx, facility.payee_id, note="facility checked")
        made[kind] = facility.id
        ctx.made.add("facilities")
    people = _residents(ctx, 6)
    if len(people) < 6:
        return
    today = ctx.today
    stays = {}
    for n, (person_id, kind, days_ago) in enumerate(
        zip(
            people,
            ("shelter", "shelter", "hospital", "halfway_house", "residential", "residential"),
            (3, 12, 20, 45, 90, 200),
            strict=True,
        )
    ):
        who = ctx.officers[n % len(ctx.officers)]
        stays[n] = health.record_stay_in(
            ctx.container.uow(),
            actor=who,
            data=StayIn(
                person_id=person_id,
                facility_id=made[kind],
                in_on=today - dt.timedelta(days=days_ago),
                reason="referred by the officer",
            ),
        )
        ctx.made.add("facility_stays")
    pay = [
        (0, BenefitCreate(kind="one_time", nights=3, pay_date=today - dt.timedelta(days=3))),
        (1, BenefitCreate(kind="one_time", nights=7, pay_date=today - dt.timedelta(days=12))),
        (3, BenefitCreate(kind="cheque", cheque_number="100231", pay_date=today)),
        (4, BenefitCreate(kind="recurring", pay_date=today)),
    ]
    for n, data in pay:
        health.pay_benefit(ctx.container.uow(), actor=officer, stay_id=stays[n].id, data=data)
        ctx.made.add("facility_benefits")
    left = stays[1]
    health.record_stay_out(
        ctx.container.uow(),
        actor=officer,
        stay_id=left.id,
        data=StayOut(
            version=left.version, out_on=today - dt.timedelta(days=5), reason="moved in with family"
        ),
    )


def _residents(ctx: Ctx, n: int) -> list[uuid.UUID]:
    """``n`` people in a benefit unit since well before the longest stay, not yet in any facility."""
    settled = ctx.today - dt.timedelta(days=365)
    with ctx.container.uow() as uow:
        stmt = (
            select(UnitMembership.person_id)
            .where(UnitMembership.joined_on <= settled, UnitMembership.left_on.is_(None))
            .order_by(UnitMembership.person_id)
            .limit(500)
        )
        found = list(dict.fromkeys(uow.session.scalars(stmt)))
        uow.commit()
    return ctx.rng.sample(found, min(n, len(found)))
