"""Queries of the health area (its only SQL)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import func, or_, select

from onestop.db import Entity, Repository
from onestop.health.domain import CoverageStatus, McpStatus
from onestop.health.errors import HealthRecordNotFound
from onestop.health.models import (
    CopayCosting,
    Coverage,
    DrugCard,
    Facility,
    FacilityBenefit,
    FacilityStay,
    HealthClaim,
    McpRegistration,
    SeniorClaim,
    SpecialAuthorization,
    Travel,
)
from onestop.registry import Person, UnitMembership

T = TypeVar(
    "T",
    Coverage,
    CopayCosting,
    DrugCard,
    FacilityBenefit,
    FacilityStay,
    HealthClaim,
    McpRegistration,
    SeniorClaim,
    SpecialAuthorization,
    Travel,
)

_WHAT = {
    Coverage: "coverage period",
    CopayCosting: "co-pay costing",
    DrugCard: "drug card",
    FacilityBenefit: "facility benefit",
    FacilityStay: "stay",
    HealthClaim: "claim",
    McpRegistration: "MCP registration",
    SeniorClaim: "65Plus claim",
    Travel: "travel request",
    SpecialAuthorization: "special authorization",
}


def what_of(model: type[Entity]) -> str:
    """How messages name a record of ``model`` ("coverage period", "drug card", ...)."""
    return _WHAT[model]


class HealthRepository(Repository[object]):
    """Every health record by id and by person."""

    def get(self, model: type[T], row_id: uuid.UUID, *, for_update: bool = False) -> T:
        """The row; raises HealthRecordNotFound naming what was looked for."""
        row = self.session.get(model, row_id, with_for_update=for_update or None)
        if row is None:
            raise HealthRecordNotFound(f"no {_WHAT[model]} with id {row_id}")
        return row

    def for_people(self, model: type[T], person_ids: Sequence[uuid.UUID]) -> list[T]:
        """The people's rows, newest first."""
        stmt = select(model).where(model.person_id.in_(person_ids)).order_by(model.created_at.desc())
        return list(self.session.scalars(stmt))

    def active_coverage(self, person_ids: Sequence[uuid.UUID], plan: str | None = None) -> list[Coverage]:
        """Active coverage periods of the people (one plan, or all)."""
        stmt = select(Coverage).where(
            Coverage.person_id.in_(person_ids), Coverage.status == CoverageStatus.ACTIVE.value
        )
        if plan is not None:
            stmt = stmt.where(Coverage.plan == plan)
        return list(self.session.scalars(stmt.order_by(Coverage.start_on)))

    def coverage_on(self, person_ids: Sequence[uuid.UUID], on: dt.date) -> Coverage | None:
        """The coverage period that includes ``on`` (the earliest started when several).

        By its dates, not its status: a period ended (or renewed) from a later day still covers the days
        up to its end.
        """
        stmt = select(Coverage).where(
            Coverage.person_id.in_(person_ids),
            Coverage.start_on <= on,
            or_(Coverage.end_on.is_(None), Coverage.end_on >= on),
        )
        return self.session.scalars(stmt.order_by(Coverage.start_on).limit(1)).first()

    def mcp_on(self, person_ids: Sequence[uuid.UUID], on: dt.date) -> McpRegistration | None:
        """The MCP registration in force on ``on``."""
        stmt = select(McpRegistration).where(
            McpRegistration.person_id.in_(person_ids), McpRegistration.status == McpStatus.REGISTERED.value
        )
        for row in self.session.scalars(stmt.order_by(McpRegistration.created_at.desc())):
            if (row.valid_from is None or row.valid_from <= on) and (
                row.valid_to is None or on <= row.valid_to
            ):
                return row
        return None

    def unit_members(self, unit_id: uuid.UUID, on: dt.date) -> list[uuid.UUID]:
        """People in the benefit unit on ``on``."""
        stmt = select(UnitMembership.person_id).where(
            UnitMembership.unit_id == unit_id, UnitMembership.joined_on <= on
        )
        stmt = stmt.where((UnitMembership.left_on.is_(None)) | (UnitMembership.left_on >= on))
        return list(dict.fromkeys(self.session.scalars(stmt)))

    def current_unit(self, person_ids: Sequence[uuid.UUID], on: dt.date) -> uuid.UUID | None:
        """The benefit unit the person belongs to on ``on`` (for payments)."""
        stmt = select(UnitMembership.unit_id).where(
            UnitMembership.person_id.in_(person_ids), UnitMembership.joined_on <= on
        )
        stmt = stmt.where((UnitMembership.left_on.is_(None)) | (UnitMembership.left_on >= on))
        return self.session.scalars(stmt.order_by(UnitMembership.joined_on.desc())).first()

    def authorizations_expiring(self, before: dt.date) -> list[SpecialAuthorization]:
        """Approved authorizations that expire on or before ``before``."""
        stmt = select(SpecialAuthorization).where(
            SpecialAuthorization.status == "approved", SpecialAuthorization.expires_on <= before
        )
        return list(self.session.scalars(stmt.order_by(SpecialAuthorization.expires_on)))

    # --- facility caseloads ---------------------------------------------------------------------

    def facility(self, facility_id: uuid.UUID, *, for_update: bool = False) -> Facility:
        """The facility; raises HealthRecordNotFound."""
        return self.fetch(Facility, facility_id, HealthRecordNotFound, "facility", for_update=for_update)

    def facility_named(self, name: str) -> Facility | None:
        """The facility of that name (names are unique, compared without case)."""
        stmt = select(Facility).where(func.lower(Facility.name) == name.lower())
        return self.session.scalars(stmt).first()

    def facilities(self, kind: str | None = None, *, active_only: bool = False) -> list[Facility]:
        """Facilities by name (one kind, or all)."""
        stmt = select(Facility).order_by(Facility.name)
        if kind is not None:
            stmt = stmt.where(Facility.kind == kind)
        if active_only:
            stmt = stmt.where(Facility.active.is_(True))
        return list(self.session.scalars(stmt))

    def resident_counts(self) -> dict[uuid.UUID, int]:
        """How many open stays each facility has."""
        stmt = (
            select(FacilityStay.facility_id, func.count())
            .where(FacilityStay.out_on.is_(None))
            .group_by(FacilityStay.facility_id)
        )
        return {facility_id: int(n) for facility_id, n in self.session.execute(stmt)}

    def open_stay(self, person_ids: Sequence[uuid.UUID]) -> FacilityStay | None:
        """The person's open stay, if any."""
        stmt = select(FacilityStay).where(
            FacilityStay.person_id.in_(person_ids), FacilityStay.out_on.is_(None)
        )
        return self.session.scalars(stmt).first()

    def stays_at(self, facility_id: uuid.UUID) -> list[FacilityStay]:
        """Every stay at the facility, the latest in first."""
        stmt = select(FacilityStay).where(FacilityStay.facility_id == facility_id)
        return list(self.session.scalars(stmt.order_by(FacilityStay.in_on.desc(), FacilityStay.created_at)))

    def open_stays(self, officer: str | None) -> list[FacilityStay]:
        """Open stays (one officer's, or everyone's), by facility then day in."""
        stmt = select(FacilityStay).where(FacilityStay.out_on.is_(None))
        if officer is not None:
            stmt = stmt.where(FacilityStay.officer == officer)
        return list(self.session.scalars(stmt.order_by(FacilityStay.facility_id, FacilityStay.in_on)))

    def benefits_for(
        self, *, stay_ids: Sequence[uuid.UUID] = (), facility_id: uuid.UUID | None = None
    ) -> list[FacilityBenefit]:
        """Benefits paid for these stays or at this facility, newest first."""
        stmt = select(FacilityBenefit)
        if facility_id is not None:
            stmt = stmt.where(FacilityBenefit.facility_id == facility_id)
        else:
            stmt = stmt.where(FacilityBenefit.stay_id.in_(stay_ids))
        return list(self.session.scalars(stmt.order_by(FacilityBenefit.created_at.desc())))

    def person_names(self, person_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        """Display names (given and family) for the staff pages' resident lists."""
        if not person_ids:
            return {}
        stmt = select(Person.id, Person.given_names, Person.family_name).where(Person.id.in_(set(person_ids)))
        return {pid: f"{given} {family}".strip() for pid, given, family in self.session.execute(stmt)}
