"""/api routes: referrals and case conferences."""

from __future__ import annotations

from onestop.cases import referrals as r
from onestop.web.api.routing import ServiceRouter

router = ServiceRouter(tags=["referrals"])

router.service_post(
    "/referrals",
    r.refer,
    "refer",
    "Refer a person; sharing data needs their current consent for `target_id` (else 422 on `consent`).",
    created=True,
)

router.service_get(
    "/referrals/incoming",
    r.list_incoming_referrals,
    "incoming",
    "Open referrals addressed to a specialist (you by default).",
    query=("specialist_id",),
)

router.service_get("/referrals/{referral_id}", r.get_referral, "read", "One referral.")

router.service_post(
    "/referrals/{referral_id}/status",
    r.change_referral_status,
    "change_status",
    "Accepted, completed, or declined (with a `note`); send the `version` you read.",
)

router.service_get(
    "/people/{person_id}/referrals", r.list_referrals, "of_person", "A person's referrals, newest first."
)

router.service_post(
    "/conferences",
    r.record_conference,
    "record_conference",
    "Record a case conference that was held.",
    created=True,
)

router.service_get(
    "/people/{person_id}/conferences",
    r.list_conferences,
    "conferences",
    "A person's case conferences, newest first.",
)
