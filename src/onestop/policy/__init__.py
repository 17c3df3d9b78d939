"""Policy parameters kept current between releases: overlays recorded, approved by a second person,
and laid over the rule packs' YAML (docs/packs.md, "Parameter overlays")."""

from onestop.policy.schemas import OverlayCreate, OverlayDecision, OverlayPublic
from onestop.policy.services import (
    approve_overlay,
    export_overlays,
    list_overlays,
    load_approved,
    load_by_ids,
    parameter_of,
    record_overlay,
    refuse_overlay,
)

__all__ = [
    "OverlayCreate",
    "OverlayDecision",
    "OverlayPublic",
    "approve_overlay",
    "export_overlays",
    "list_overlays",
    "load_approved",
    "load_by_ids",
    "parameter_of",
    "record_overlay",
    "refuse_overlay",
]
