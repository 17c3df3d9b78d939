"""Applications: a program, a benefit unit, the facts of its case (verified by documents) and a checklist."""

from onestop.cases.applications.caseload import caseload_work
from onestop.cases.applications.domain import ApplicationStatus, Channel, FactSource
from onestop.cases.applications.errors import ApplicationNotFound, DocumentNotUsable, FactNotFound
from onestop.cases.applications.facts import (
    LoadedCase,
    assess_application,
    get_checklist,
    list_facts,
    load_case,
    record_fact,
    verify_fact,
)
from onestop.cases.applications.models import Application, ApplicationFact
from onestop.cases.applications.repository import application_is_for
from onestop.cases.applications.schemas import (
    ApplicationCreate,
    ApplicationPublic,
    ApplicationStatusChange,
    Assessment,
    CaseloadWork,
    Checklist,
    FactIn,
    FactPublic,
    FactVerify,
    WaitingApplication,
)
from onestop.cases.applications.services import (
    create_application,
    get_application,
    list_applications,
    reopen_application,
    request_documents,
    start_assessment,
    withdraw_application,
)

__all__ = [
    "Application",
    "ApplicationCreate",
    "ApplicationFact",
    "ApplicationNotFound",
    "ApplicationPublic",
    "ApplicationStatus",
    "ApplicationStatusChange",
    "Assessment",
    "CaseloadWork",
    "Channel",
    "Checklist",
    "DocumentNotUsable",
    "FactIn",
    "FactNotFound",
    "FactPublic",
    "FactSource",
    "FactVerify",
    "LoadedCase",
    "WaitingApplication",
    "application_is_for",
    "assess_application",
    "caseload_work",
    "create_application",
    "get_application",
    "get_checklist",
    "list_applications",
    "list_facts",
    "load_case",
    "record_fact",
    "reopen_application",
    "request_documents",
    "start_assessment",
    "verify_fact",
    "withdraw_application",
]
