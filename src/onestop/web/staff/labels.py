"""Words for the registry's codes (flag kinds, languages, identifier kinds), marked for translation."""

from __future__ import annotations

from starlette.requests import Request

from onestop.web import pages
from onestop.web.error_pages import N_

FLAG_KINDS = {
    "do_not_meet_alone": N_("Do not meet alone"),
    "aggressive_behaviour": N_("Aggressive behaviour"),
    "fleeing_violence_address_confidential": N_("Fleeing violence: address is confidential"),
    "other": N_("Other"),
}
LANGUAGES = {"en": N_("English"), "fr": N_("French"), "other": N_("Other language")}
IDENTIFIER_KINDS = {"sin": N_("Social insurance number"), "health_number": N_("Health number")}
PROVINCES = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]


def translated(request: Request, labels: dict[str, str]) -> dict[str, str]:
    """The labels in the request's language."""
    return {code: pages.gettext(request, text) for code, text in labels.items()}


def all_labels(request: Request) -> dict[str, dict[str, str]]:
    """Every label table, for templates that show registry codes."""
    return {
        "flag_labels": translated(request, FLAG_KINDS),
        "language_labels": translated(request, LANGUAGES),
        "identifier_labels": translated(request, IDENTIFIER_KINDS),
    }
