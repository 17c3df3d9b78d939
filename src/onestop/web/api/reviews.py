"""/api/reviews: periodic reviews, reported changes, suspensions and reinstatements."""

from __future__ import annotations

from onestop.cases import reviews
from onestop.web.api.routing import ServiceRouter

router = ServiceRouter(prefix="/reviews", tags=["reviews"])

router.service_post(
    "/run-due",
    reviews.open_due_reviews,
    "run_due",
    "The scheduled job: reviews now due get a task for their officer.",
)

router.service_post(
    "/changes",
    reviews.report_change,
    "report_change",
    "A change in circumstances (income, household, address...): the case is reassessed.",
    created=True,
)

router.service_post(
    "/suspensions",
    reviews.suspend_benefit,
    "suspend",
    "Suspend the benefit (reason required): a new decision.",
    created=True,
)

router.service_post(
    "/reinstatements",
    reviews.reinstate_benefit,
    "reinstate",
    "Reinstate a suspended benefit (reason required): a new decision.",
    created=True,
)

router.service_get(
    "",
    reviews.list_reviews,
    "listing",
    "Reviews of an application or a person, or all due before a date.",
    query=(
        "application_id",
        "person_id",
        "status",
        "due_before",
    ),
)

router.service_get("/{review_id}", reviews.get_review, "read", "One review.")

router.service_post(
    "/{review_id}/start", reviews.start_review, "start", "Start: the case reopens so facts can be updated."
)

router.service_post(
    "/{review_id}/conduct",
    reviews.conduct_review,
    "conduct",
    "Re-evaluate (or suspend) and record the result as a new decision.",
)

router.service_post("/{review_id}/cancel", reviews.cancel_review, "cancel", "Cancel (reason required).")
