"""The letters: English source text, French from the notices Babel catalogue, plain words (grade 8).

Each kind is a subject and paragraphs with ``{name}`` fields filled from the notice's params. The
strings are marked with ``L_`` and extracted into this area's own catalogue (``notices.po``), so
letters change without touching the web pages' catalogue. Never build a sentence from pieces.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency
from babel.support import NullTranslations, Translations

from onestop.common.money import cents_to_decimal
from onestop.notices.domain import Kind

TRANSLATIONS_DIR = Path(__file__).parent / "translations"
DOMAIN = "notices"
LANGUAGES = ("en", "fr")


def L_(text: str) -> str:  # noqa: N802 - the marker pybabel extracts (-k L_)
    """Mark a letter string for the notices catalogue; translated when the letter is rendered."""
    return text


@dataclass(frozen=True)
class Template:
    subject: str
    paragraphs: tuple[str, ...]
    legal: str
    #: Optional paragraphs: a heading shown with the named param when it is present and not empty.
    optional: dict[str, str] = field(default_factory=dict)


CLOSING = L_("If you have questions, call us at {office_phone}. We can help in English or French.")

TEMPLATES: dict[Kind, Template] = {
    Kind.DECISION_ELIGIBLE: Template(
        L_("You can get {program}"),
        (
            L_("We looked at your request for {program}. You can get it."),
            L_("You will get {amount} each month. This starts on {effective_from}."),
            L_("Here is how we got this amount:"),
            "{computation}",
            L_(
                "If you think we made a mistake, you can ask for an appeal. Send it to {appeal_body} by {appeal_deadline}. {appeal_how}"
            ),
        ),
        L_("This decision is made under {legal_source}."),
    ),
    Kind.DECISION_REFUSED: Template(
        L_("You cannot get {program} right now"),
        (
            L_("We looked at your request for {program}. We are sorry. You cannot get it right now."),
            L_("Here is why:"),
            "{reasons}",
            L_(
                "You have the right to appeal. Send your appeal to {appeal_body} by {appeal_deadline}. {appeal_how}"
            ),
        ),
        L_("This decision is made under {legal_source}."),
        {"other_help": L_("Other help you may get:")},
    ),
    Kind.DOCUMENTS_REQUESTED: Template(
        L_("We need some papers from you"),
        (
            L_("We need these papers to finish your file for {program}:"),
            "{documents}",
            L_("Why we need them: {why}"),
            L_(
                "Please send them by {due_on}. You can add them in your online account, mail them, or bring them to our office."
            ),
            L_("If you cannot get a paper in time, call us. We may be able to wait."),
        ),
        L_("We ask for these papers under {legal_source}."),
    ),
    Kind.REVIEW_DUE: Template(
        L_("It is time to check your {program}"),
        (
            L_("Each year we check that your {program} is still right for you."),
            L_("Please tell us about your income, your home and the people you live with by {due_on}."),
            L_("If we do not hear from you, your payments may stop."),
        ),
        L_("We check your benefit under {legal_source}."),
    ),
    Kind.BENEFIT_CHANGED: Template(
        L_("Your {program} is changing"),
        (
            L_("Your {program} will change on {effective_from}."),
            L_("You got {old_amount} each month. Now you will get {amount} each month."),
            L_("Here is why:"),
            "{reasons}",
            L_(
                "If you think we made a mistake, you can ask for an appeal. Send it to {appeal_body} by {appeal_deadline}. {appeal_how}"
            ),
        ),
        L_("This decision is made under {legal_source}."),
    ),
    Kind.SUSPENDED: Template(
        L_("Your {program} is on hold"),
        (
            L_(
                "We have put your {program} on hold from {effective_from}. You will not get payments while it is on hold."
            ),
            L_("Here is why: {reason}"),
            L_("To start your payments again, call us or send us what we asked for."),
            L_(
                "You have the right to appeal. Send your appeal to {appeal_body} by {appeal_deadline}. {appeal_how}"
            ),
        ),
        L_("This decision is made under {legal_source}."),
    ),
    Kind.REINSTATED: Template(
        L_("Your {program} has started again"),
        (
            L_("Your {program} is no longer on hold. It starts again on {effective_from}."),
            L_("You will get {amount} each month."),
        ),
        L_("This decision is made under {legal_source}."),
    ),
    Kind.OVERPAYMENT: Template(
        L_("You were paid too much"),
        (
            L_("We paid you {amount} more than you should have got from {program}."),
            L_("Here is why: {reason}"),
            L_("How you will pay it back: {recovery}"),
            L_("You do not have to pay it all at once. Call us if this will be hard for you."),
            L_(
                "If you do not agree, you can tell us why. Send us a letter or call us within 30 days. We will look at it again."
            ),
        ),
        L_("We collect this amount under {legal_source}."),
    ),
    Kind.APPEAL_RECEIVED: Template(
        L_("We got your appeal"),
        (
            L_("We got your appeal about {program} on {received_on}."),
            L_("{appeal_body} will look at it. They will tell you the date of your hearing."),
            L_("You can send more papers before the hearing. You can bring someone to help you."),
        ),
        L_("Your appeal is heard under {legal_source}."),
    ),
    Kind.APPEAL_OUTCOME: Template(
        L_("The result of your appeal"),
        (
            L_("{appeal_body} has decided your appeal about {program}."),
            L_("The result: {outcome}"),
            L_("Here is why: {reason}"),
        ),
        L_("This decision is made under {legal_source}."),
    ),
    Kind.PAYMENT_ADVICE: Template(
        L_("Your payment is on its way"),
        (
            L_("We are sending you {amount} for {program}."),
            L_("It is for {period}. You should get it on {paid_on}."),
            L_("It will go to {method}."),
        ),
        L_("We pay this amount under {legal_source}."),
    ),
    Kind.BREACH_NOTICE: Template(
        L_("We made a mistake with your information"),
        (
            L_(
                "We are sorry. On {discovered_on}, we found that someone who should not see your information may have seen it."
            ),
            L_("What happened: {what_happened}"),
            L_("The information: {information}"),
            L_("What we did about it: {containment_steps}"),
            L_(
                "What you can do: watch for mail, calls or e-mails that seem odd. If you think someone is using your information, call us right away."
            ),
            L_(
                "We told {commissioner} about this. You can also complain to them. Write to them at {commissioner_address}."
            ),
        ),
        L_("We tell you about this under {legal_source}."),
    ),
    Kind.BREACH_REPORT: Template(
        L_("We are reporting a privacy breach"),
        (
            L_("We are reporting a privacy breach to you. Our reference is {reference}."),
            L_("What happened: {what_happened} We found it on {discovered_on}."),
            L_("The information: {information}"),
            L_("How many people: {people_affected}"),
            L_("How sensitive the information is: {sensitivity}"),
            L_("How likely it is to be misused: {likelihood}"),
            L_("Is it back under our control: {containment}"),
            L_("What we did about it: {containment_steps}"),
            L_("The risk of harm, in our view: {risk}"),
            L_("Who we told: {person_told}"),
        ),
        L_("We report this breach under {legal_source}."),
    ),
    Kind.REPLY: Template(
        "{subject}",
        ("{body}",),
        L_("We are answering the e-mail you sent us."),
    ),
    Kind.REFERRAL_MADE: Template(
        L_("We asked {agency} to help you"),
        (
            L_("We sent your name to {agency}. They can help you with {service}."),
            L_("They will call you. You can also call them at {agency_phone}."),
            L_("We only shared what you said we could share."),
        ),
        L_("We share your information under {legal_source}."),
    ),
}


@dataclass(frozen=True)
class Letter:
    """A letter ready to print or send."""

    language: str
    subject: str
    paragraphs: list[str]
    legal: str

    def text(self) -> str:
        """The plain-text body (e-mail, portal, readability checks)."""
        return "\n\n".join([*self.paragraphs, self.legal]) + "\n"


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalogue (compiled from the .po at first use, like the web's)."""
    po_path = TRANSLATIONS_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == "en" or not po_path.exists():
        return NullTranslations()
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "-"


def render(kind: Kind, language: str, params: dict[str, Any], extra: str | None = None) -> Letter:
    """The letter of ``kind`` in ``language`` (English when the language has no catalogue)."""
    lang = language if language in LANGUAGES else "en"
    gettext = translations(lang).gettext
    values = _Params({k: _local(v, lang) for k, v in params.items()})
    template = TEMPLATES[kind]
    paragraphs = [gettext(p).format_map(values) for p in template.paragraphs]
    for key, text in template.optional.items():
        if values.get(key):
            paragraphs.append(gettext(text) + "\n" + str(values[key]))
    if extra:
        paragraphs.append(extra)
    paragraphs.append(gettext(CLOSING).format_map(values))
    return Letter(
        language=lang,
        subject=gettext(template.subject).format_map(values),
        paragraphs=[p for p in paragraphs if p.strip()],
        legal=gettext(template.legal).format_map(values),
    )


def _local(value: Any, lang: str) -> Any:
    """A param given per language ({"en": ..., "fr": ...}) becomes the one for ``lang``."""
    if isinstance(value, dict) and "en" in value:
        return value.get(lang) or value["en"]
    if isinstance(value, list):
        return "\n".join(f"- {_local(v, lang)}" for v in value)
    return value


def money(cents: int) -> dict[str, str]:
    """An amount as each language writes it (Canadian conventions)."""

    value = cents_to_decimal(cents)
    return {lang: format_currency(value, "CAD", locale=f"{lang}_CA") for lang in LANGUAGES}


def date(value: Any) -> dict[str, str]:
    """A date as each language writes it (12 March 2026 / 12 mars 2026)."""

    return {lang: format_date(value, "d MMMM y", locale=f"{lang}_CA") for lang in LANGUAGES}
