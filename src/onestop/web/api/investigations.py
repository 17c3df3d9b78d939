"""/api/investigations: alleged misuse, evidence, interviews (cautioned statements), findings."""

from __future__ import annotations

from onestop.cases import investigations as inv
from onestop.web.api.routing import ServiceRouter

router = ServiceRouter(prefix="/investigations", tags=["investigations"])

router.service_post(
    "", inv.open_investigation, "open_", "Open an investigation of an allegation.", created=True
)

router.service_get("", inv.list_investigations, "listing", "Investigations about a person.")

router.service_get("/{investigation_id}", inv.get_investigation, "read", "One investigation with its file.")

router.service_post(
    "/{investigation_id}/evidence", inv.add_evidence, "evidence", "Add a document to the file.", created=True
)

router.service_post(
    "/{investigation_id}/interviews",
    inv.record_interview,
    "interview",
    "Record an interview (``cautioned`` flags a cautioned statement).",
    created=True,
)

router.service_post(
    "/{investigation_id}/close",
    inv.close_investigation,
    "close",
    "Close with a finding (once); a founded one may trigger a reassessment and an overpayment.",
)
