"""Applications: a program, a benefit unit, the facts of its case (verified by documents) and a checklist."""

from onestop.cases.applications import checklist, letters
from onestop.cases.applications.casedata import Fact, Member, assemble, explain_missing
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
from onestop.cases.applications.letters import OFFICE_PHONE
from onestop.cases.applications.models import Application, ApplicationFact
from onestop.cases.applications.repository import ApplicationRepository, application_is_for
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
    "OFFICE_PHONE",
    "Application",
    "ApplicationCreate",
    "ApplicationFact",
    "ApplicationNotFound",
    "ApplicationPublic",
    "ApplicationRepository",
    "ApplicationStatus",
    "ApplicationStatusChange",
    "Assessment",
    "CaseloadWork",
    "Channel",
    "Checklist",
    "DocumentNotUsable",
    "Fact",
    "FactIn",
    "FactNotFound",
    "FactPublic",
    "FactSource",
    "FactVerify",
    "LoadedCase",
    "Member",
    "WaitingApplication",
    "application_is_for",
    "assemble",
    "assess_application",
    "caseload_work",
    "checklist",
    "create_application",
    "explain_missing",
    "get_application",
    "get_checklist",
    "letters",
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
