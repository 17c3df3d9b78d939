"""An officer's caseload seen through its applications: how many people stand where, and what waits.

The home page's "caseload by status" chart and its "waiting for my action" list come from here, so an
officer sees in one read which files need them today (an application to decide, documents to check).
"""

from __future__ import annotations

import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.applications.domain import ApplicationStatus
from onestop.cases.applications.repository import ApplicationRepository
from onestop.cases.applications.schemas import CaseloadWork, WaitingApplication
from onestop.common.errors import InvalidInput
from onestop.db import UnitOfWork

#: The people of a caseload with no application yet are counted under this status.
NO_APPLICATION = "none"
#: Statuses where the next step is the officer's, in the order the chart shows them.
OPEN = (ApplicationStatus.RECEIVED, ApplicationStatus.PENDING_DOCUMENTS, ApplicationStatus.IN_ASSESSMENT)
ORDER = (*(s.value for s in OPEN), ApplicationStatus.DECIDED.value, ApplicationStatus.WITHDRAWN.value)


def caseload_work(uow: UnitOfWork, *, actor: Actor, staff_id: uuid.UUID | None = None) -> CaseloadWork:
    """The caseload (default: mine) counted by where each person's latest application stands."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="caseload", subject_id=staff_id)
        staff_id = staff_id or actor.staff_id
        if staff_id is None:
            raise InvalidInput("staff_id", "give the officer whose caseload to show")
        repo = ApplicationRepository(uow.session)
        person_ids = repo.caseload_people(staff_id)
        rows = repo.caseload_applications(staff_id)
        latest = {app.applicant_id: app.status for app, _f, _g in rows}  # oldest first: the last one wins
        counts = dict.fromkeys((*ORDER, NO_APPLICATION), 0)
        for status in latest.values():
            counts[status] = counts.get(status, 0) + 1
        counts[NO_APPLICATION] = len(person_ids - latest.keys())
        open_rows = [(a, f, g) for a, f, g in rows if a.status in OPEN]
        to_check = repo.documents_to_check([a.id for a, _f, _g in open_rows])
        waiting = [
            WaitingApplication(
                application_id=a.id,
                person_id=a.applicant_id,
                family_name=family,
                given_names=given,
                program=a.program,
                status=a.status,
                received_on=a.received_on,
                documents_to_check=to_check.get(a.id, 0),
            )
            for a, family, given in open_rows
        ]
        work = CaseloadWork(
            staff_id=staff_id, people=len(person_ids), by_status=list(counts.items()), waiting=waiting
        )
        return audit.audited_read(
            uow,
            work,
            actor=actor,
            action=AuditAction.CASELOAD_READ,
            subject_type="caseload",
            subject_id=staff_id,
            details={"view": "applications", "people": len(person_ids), "waiting": len(waiting)},
        )
