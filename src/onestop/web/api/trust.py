"""Restricted files, break-glass and conflict-of-interest links (issue 10, parts 2 and 4).

``/api/people/{id}/break-glass`` opens a restricted file with a reason; supervisors flag files
(``/api/people/{id}/restrictions``) and review the openings (``/api/file-accesses``); administrators
link staff accounts to registry records (``/api/staff/{id}/person-links``).
"""

from __future__ import annotations

import uuid

from fastapi import Request, status

from onestop import registry
from onestop.registry import schemas as s
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import CurrentActor, UowDep

router = ServiceRouter(tags=["trust"])


def policy(request: Request) -> registry.BreakGlassPolicy:
    """How long a grant lasts, from the settings (``ONESTOP_BREAK_GLASS_HOURS``)."""
    return registry.BreakGlassPolicy(hours=request.app.state.container.settings.break_glass_hours)


@router.post(
    "/people/{person_id}/break-glass", status_code=status.HTTP_201_CREATED, response_model=s.FileAccessPublic
)
def break_glass(
    request: Request, uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.BreakGlassIn
) -> s.FileAccessPublic:
    """Open a restricted file for the rest of the working day; the reason goes to your supervisor."""
    return registry.break_glass(
        uow, actor=actor, person_id=person_id, reason=body.reason, policy=policy(request)
    )


router.service_post(
    "/people/{person_id}/restrictions",
    registry.restrict_file,
    "restrict",
    "Flag a file restricted (supervisors): it then opens only with a reason.",
    created=True,
)


router.service_post(
    "/people/{person_id}/restrictions/{restriction_id}/lift",
    registry.lift_restriction,
    "lift",
    "Lift a restriction, with a reason (kept in the file's history).",
    body=s.ReasonIn,
)


router.service_get(
    "/file-accesses",
    registry.list_file_accesses,
    "file_accesses",
    "Break-glass openings of restricted files, newest first (those waiting for review by default).",
    query=("to_review",),
)


router.service_post(
    "/file-accesses/{access_id}/review",
    registry.review_file_access,
    "review",
    "Mark an opening reviewed (not your own).",
    body=s.ReviewIn,
)


@router.get("/staff/{staff_id}/person-links", response_model=list[s.StaffLinkPublic])
def person_links(
    uow: UowDep, actor: CurrentActor, staff_id: uuid.UUID, include_removed: bool = False
) -> list[s.StaffLinkPublic]:
    """The registry records this staff account may not act on (with their household)."""
    return registry.list_staff_links(uow, actor=actor, staff_id=staff_id, include_removed=include_removed)


router.service_post(
    "/staff/{staff_id}/person-links",
    registry.link_staff_person,
    "link",
    "Link a staff account to their own registry record (or a relative's): administrators.",
    created=True,
)


router.service_post(
    "/staff/{staff_id}/person-links/{link_id}/remove",
    registry.unlink_staff_person,
    "unlink",
    "End a link, with a reason (kept).",
    body=s.ReasonIn,
)
