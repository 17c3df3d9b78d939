"""Words for the registry's codes (flag kinds, languages, identifier kinds), marked for translation."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from starlette.requests import Request

from onestop.common.i18n import N_
from onestop.web import charts, pages

FLAG_KINDS = {
    "do_not_meet_alone": N_("Do not meet alone"),
    "aggressive_behaviour": N_("Aggressive behaviour"),
    "fleeing_violence_address_confidential": N_("Fleeing violence: address is confidential"),
    "other": N_("Other"),
}
LANGUAGES = {"en": N_("English"), "fr": N_("French"), "other": N_("Other language")}
IDENTIFIER_KINDS = {"sin": N_("Social insurance number"), "health_number": N_("Health number")}
CHANNELS = {
    "phone": N_("Phone"),
    "walk_in": N_("Walk-in"),
    "email": N_("E-mail"),
    "web": N_("Web"),
    "mail": N_("Mail"),
    "outreach": N_("Outreach"),
}
OUTCOMES = {
    "resolved": N_("Resolved"),
    "information_given": N_("Information given"),
    "follow_up": N_("Follow-up needed"),
    "referred": N_("Referred"),
    "appointment_booked": N_("Appointment booked"),
    "no_contact": N_("No contact"),
    "pending": N_("Not handled yet"),
}
DIRECTIONS = {"inbound": N_("The person contacted us"), "outbound": N_("We contacted the person")}
TASK_BUCKETS = {
    "overdue": N_("Overdue"),
    "due_today": N_("Due today"),
    "upcoming": N_("Upcoming"),
    "closed": N_("Closed"),
}
PRIORITIES = {"low": N_("Low"), "normal": N_("Normal"), "high": N_("High"), "urgent": N_("Urgent")}
MEMBER_ROLES = {"applicant": N_("Applicant"), "partner": N_("Partner"), "dependant": N_("Dependant")}
DOCUMENT_TYPES = {
    "identity": N_("Identity"),
    "income_proof": N_("Proof of income"),
    "bank_statement": N_("Bank statement"),
    "lease_rent_receipt": N_("Lease or rent receipt"),
    "medical": N_("Medical"),
    "immigration_status": N_("Immigration status"),
    "other": N_("Other"),
}
DOCUMENT_STATUSES = {"received": N_("Received"), "verified": N_("Verified"), "rejected": N_("Rejected")}
VERIFICATION_METHODS = {
    "seen_original": N_("Original seen"),
    "electronic_verification": N_("Confirmed with another agency"),
    "copy": N_("Copy accepted"),
}
DATA_CATEGORIES = {
    "identity": N_("Identity"),
    "contact": N_("Contact details"),
    "household": N_("Household"),
    "income": N_("Income"),
    "assets": N_("Assets"),
    "benefits": N_("Benefits"),
    "health": N_("Health"),
    "documents": N_("Documents"),
    "case_notes": N_("Case notes"),
}
REFERRAL_STATUSES = {
    "sent": N_("Sent"),
    "accepted": N_("Accepted"),
    "completed": N_("Completed"),
    "declined": N_("Declined"),
}
PLAN_STATUSES = {"active": N_("Active"), "closed": N_("Closed")}
#: Application statuses and rule outcomes (screening results and decisions use the same words).
STATUSES = {
    "received": N_("Received"),
    "pending_documents": N_("Waiting for documents"),
    "in_assessment": N_("Being assessed"),
    "decided": N_("Decided"),
    "withdrawn": N_("Withdrawn"),
    "eligible": N_("Eligible"),
    "ineligible": N_("Not eligible"),
    "suspended": N_("Suspended"),
    "undetermined": N_("Not known yet"),
    "approved": N_("Approved"),
    "denied": N_("Denied"),
    "pending": N_("Waiting"),
    "rejected": N_("Rejected"),
}
ROLES = {
    "officer": N_("officer"),
    "supervisor": N_("supervisor"),
    "specialist": N_("specialist"),
    "finance": N_("finance officer"),
    "administrator": N_("program administrator"),
    "auditor": N_("auditor"),
}
BATCH_STATES = {
    "built": N_("Built, waiting for approval"),
    "approved": N_("Approved, waiting for export"),
    "exporting": N_("Being exported"),
    "exported": N_("Exported, waiting for the bank"),
    "reconciled": N_("Reconciled"),
}
#: Money on the person page: the officer's words for payments, methods, recoveries (``money_words``).
PAYMENT_STATUSES = {
    "pending_approval": N_("Waiting for approval"),
    "generated": N_("Generated, waiting for a batch"),
    "in_batch": N_("In a payment batch"),
    "paid": N_("Paid"),
    "returned": N_("Returned by the bank"),
    "cancelled": N_("Cancelled"),
    "rejected": N_("Refused by the approver"),
}
PAY_METHODS = {"cheque": N_("Cheque"), "direct_deposit": N_("Direct deposit"), "voucher": N_("Voucher")}
FREQUENCIES = {"monthly": N_("monthly"), "semi_monthly": N_("twice a month"), "one_time": N_("once")}
RECOVERY_METHODS = {"deduction": N_("Deduction"), "repayment": N_("Repayment"), "write_off": N_("Write-off")}
OVERPAYMENT_STATES = {
    "open": N_("Being recovered"),
    "recovered": N_("Recovered"),
    "written_off": N_("Written off"),
}
PROVINCES = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]


def translated(request: Request, labels: dict[str, str]) -> dict[str, str]:
    """The labels in the request's language."""
    return {code: pages.gettext(request, text) for code, text in labels.items()}


def label(request: Request, table: dict[str, str], code: str) -> str:
    """One code in words in the request's language (the code itself when the table does not know it)."""
    return pages.gettext(request, table[code]) if code in table else code


def all_labels(request: Request) -> dict[str, dict[str, str]]:
    """Every label table, for templates that show registry codes."""
    return {
        "flag_labels": translated(request, FLAG_KINDS),
        "language_labels": translated(request, LANGUAGES),
        "identifier_labels": translated(request, IDENTIFIER_KINDS),
        "channel_labels": translated(request, CHANNELS),
        "outcome_labels": translated(request, OUTCOMES),
        "bucket_labels": translated(request, TASK_BUCKETS),
        "priority_labels": translated(request, PRIORITIES),
        "role_labels": translated(request, MEMBER_ROLES),
        "doc_type_labels": translated(request, DOCUMENT_TYPES),
        "doc_status_labels": translated(request, DOCUMENT_STATUSES),
        "method_labels": translated(request, VERIFICATION_METHODS),
        "category_labels": translated(request, DATA_CATEGORIES),
        "referral_labels": translated(request, REFERRAL_STATUSES),
        "plan_status_labels": translated(request, PLAN_STATUSES),
        "role_names": translated(request, ROLES),
        "batch_states": translated(request, BATCH_STATES),
    }


def money_words(request: Request) -> dict[str, dict[str, str]]:
    """The words of the person page's money section, by table."""
    return {
        "status": translated(request, PAYMENT_STATUSES),
        "method": translated(request, PAY_METHODS),
        "frequency": translated(request, FREQUENCIES),
        "recovery": translated(request, RECOVERY_METHODS),
        "overpayment": translated(request, OVERPAYMENT_STATES),
    }


def staff_context(request: Request) -> dict[str, Any]:
    """Every label table on every staff page (a few dozen catalogue look-ups) and ``status_label``."""
    if not request.url.path.startswith("/staff"):
        return {}
    return all_labels(request) | {
        "status_label": lambda code: label(request, STATUSES, str(code)),
        "money_words": money_words(request),
    }


def bar_chart(request: Request, chart_id: str, title: str, summary: str, data: list[charts.Bar]) -> Markup:
    """A horizontal bar chart whose title and summary (marked with ``N_``) are in the page's language."""
    return charts.horizontal(chart_id, pages.gettext(request, title), pages.gettext(request, summary), data)
