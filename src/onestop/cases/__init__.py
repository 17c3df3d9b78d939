"""Case work, in sub-areas that each follow the area layout (domain, models, repository, services, schemas).

- ``interactions``: every contact (walk-in, phone, e-mail...), reason codes, daily statistics.
- ``tasks``: tasks with due dates for officers and teams, and caseloads (primary worker, dated history).
- ``referrals``: referrals to specialists and agencies under the client's consent; case conferences.
- ``plans``: service-level assessments and versioned, printable outcome plans.
- ``documents``: uploaded evidence, kept in ``onestop.storage``, verified or rejected by an officer.
- ``client360``: one audited read assembling everything about a person; other areas plug sections in.

Applications, decisions, screening, reviews, investigations and appeals arrive as further sub-areas.
Import from the sub-area packages (``from onestop.cases import tasks``), which are their public surfaces.
"""

# Wiring where one sub-area builds on another but the lower one must call back (no import cycle):
# a recorded decision schedules the next review; an upload for an application is checked by applications.
from onestop.cases import applications, decisions, documents, reviews

decisions.after_recording(reviews.after_decision)
documents.check_applications_with(applications.application_is_for)
