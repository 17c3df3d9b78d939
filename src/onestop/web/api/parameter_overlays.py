"""/api/parameter-overlays: new parameter values recorded, approved by another administrator, exported."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import PlainTextResponse

from onestop import policy
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/parameter-overlays", tags=["parameter overlays"])


@router.get("", response_model=list[policy.OverlayPublic])
def listing(
    uow: UowDep, actor: CurrentActor, status: str | None = None, jurisdiction: str | None = None
) -> list[policy.OverlayPublic]:
    """Overlays, newest first (``status``: pending, approved or refused)."""
    return policy.list_overlays(uow, actor=actor, status=status, jurisdiction=jurisdiction)


@router.post("", response_model=policy.OverlayPublic, status_code=201)
def record(uow: UowDep, actor: CurrentActor, body: policy.OverlayCreate) -> policy.OverlayPublic:
    """Record a new value (pending until another administrator approves it); 422 names a bad field."""
    return policy.record_overlay(uow, actor=actor, data=body)


@router.get("/export", response_class=PlainTextResponse)
def export(uow: UowDep, actor: CurrentActor, jurisdiction: str | None = None) -> PlainTextResponse:
    """The approved values as pack YAML entries, for review before a release."""
    text = policy.export_overlays(uow, actor=actor, jurisdiction=jurisdiction)
    return PlainTextResponse(text, media_type="text/yaml")


@router.post("/{overlay_id}/approve", response_model=policy.OverlayPublic)
def approve(
    uow: UowDep, actor: CurrentActor, overlay_id: uuid.UUID, body: policy.OverlayDecision
) -> policy.OverlayPublic:
    """Approve (403 for your own value; 409 once decided): evaluations read it from its date."""
    return policy.approve_overlay(uow, actor=actor, overlay_id=overlay_id, data=body)


@router.post("/{overlay_id}/refuse", response_model=policy.OverlayPublic)
def refuse(
    uow: UowDep, actor: CurrentActor, overlay_id: uuid.UUID, body: policy.OverlayDecision
) -> policy.OverlayPublic:
    """Refuse with a reason (403 for your own value; 409 once decided)."""
    return policy.refuse_overlay(uow, actor=actor, overlay_id=overlay_id, data=body)
