"""/api/applications: applications, the facts of their case, the assessment and the document checklist."""

from __future__ import annotations

from onestop.cases import applications as apps
from onestop.web.api.routing import ServiceRouter

router = ServiceRouter(prefix="/applications", tags=["applications"])

router.service_post(
    "",
    apps.create_application,
    "create",
    "Receive an application (from a screening interview, its answers become unverified facts).",
    created=True,
)

router.service_get(
    "",
    apps.list_applications,
    "listing",
    "A person's or a unit's applications, newest first.",
    query=(
        "person_id",
        "unit_id",
    ),
)

router.service_get("/{application_id}", apps.get_application, "read", "One application.")

router.service_get(
    "/{application_id}/facts",
    apps.list_facts,
    "facts",
    "The current facts of the case (``history=true``: every value ever recorded).",
    query=("history",),
)

router.service_post(
    "/{application_id}/facts",
    apps.record_fact,
    "record_fact",
    "Record a value (verified when a proving, verified document is given); ``version`` guards a change.",
    created=True,
)

router.service_post(
    "/{application_id}/facts/verify",
    apps.verify_fact,
    "verify_fact",
    "Verify the current value at a path with a verified document.",
)

router.service_get(
    "/{application_id}/assessment",
    apps.assess_application,
    "assessment",
    "What the program's rules say on the verified case data (and what is still missing).",
    query=("on",),
)

router.service_get(
    "/{application_id}/checklist",
    apps.get_checklist,
    "checklist",
    "The documents needed, their status, and how to obtain the missing ones (EN/FR).",
)

router.service_post(
    "/{application_id}/request-documents",
    apps.request_documents,
    "request_documents",
    "Wait for documents (a follow-up task lists the missing ones).",
)

router.service_post(
    "/{application_id}/assess", apps.start_assessment, "start_assessment", "Start the assessment."
)

router.service_post(
    "/{application_id}/withdraw",
    apps.withdraw_application,
    "withdraw",
    "The client withdraws (reason required).",
)

router.service_post(
    "/{application_id}/reopen",
    apps.reopen_application,
    "reopen",
    "Reopen a decided application for a new assessment (reason required).",
)
