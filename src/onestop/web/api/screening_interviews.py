"""/api/screenings: screening interviews (append-only steps), resumable, linkable to a person later."""

from __future__ import annotations

from onestop.cases import screenings
from onestop.web.api.routing import ServiceRouter

router = ServiceRouter(prefix="/screenings", tags=["screenings"])

router.service_post(
    "",
    screenings.start_screening,
    "start",
    "Start an interview (anonymous unless ``person_id``).",
    created=True,
)

router.service_get("", screenings.list_screenings, "listing", "A person's interviews, newest first.")

router.service_get(
    "/{session_id}",
    screenings.resume_screening,
    "resume",
    "Resume: the case so far, the latest results, the next questions, every step.",
)

router.service_post(
    "/{session_id}/answers",
    screenings.answer_screening,
    "answer",
    "Record answers as a new step (``version`` guards against a concurrent answer).",
)

router.service_post(
    "/{session_id}/link", screenings.link_screening, "link", "Link the interview to a registered person."
)

router.service_post(
    "/{session_id}/complete", screenings.complete_screening, "complete", "Close the interview."
)
