"""/api/parameter-overlays: new parameter values recorded, approved by another administrator, exported."""

from __future__ import annotations

from starlette.responses import PlainTextResponse

from onestop import policy
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import CurrentActor, UowDep

router = ServiceRouter(prefix="/parameter-overlays", tags=["parameter overlays"])

router.service_get(
    "",
    policy.list_overlays,
    "listing",
    "Overlays, newest first (``status``: pending, approved or refused).",
    query=(
        "status",
        "jurisdiction",
    ),
)

router.service_post(
    "",
    policy.record_overlay,
    "record",
    "Record a new value (pending until another administrator approves it); 422 names a bad field.",
    created=True,
)


@router.get("/export", response_class=PlainTextResponse)
def export(uow: UowDep, actor: CurrentActor, jurisdiction: str | None = None) -> PlainTextResponse:
    """The approved values as pack YAML entries, for review before a release."""
    text = policy.export_overlays(uow, actor=actor, jurisdiction=jurisdiction)
    return PlainTextResponse(text, media_type="text/yaml")


router.service_post(
    "/{overlay_id}/approve",
    policy.approve_overlay,
    "approve",
    "Approve (403 for your own value; 409 once decided): evaluations read it from its date.",
)

router.service_post(
    "/{overlay_id}/refuse",
    policy.refuse_overlay,
    "refuse",
    "Refuse with a reason (403 for your own value; 409 once decided).",
)
