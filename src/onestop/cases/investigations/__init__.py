"""Investigations of alleged misuse: allegation, evidence, interviews (cautioned statements), finding."""

from onestop.cases.investigations.domain import AllegationSource, Finding, InvestigationStatus
from onestop.cases.investigations.errors import InvestigationNotFound
from onestop.cases.investigations.models import Investigation, InvestigationEvidence, InvestigationInterview
from onestop.cases.investigations.roles import may_investigate
from onestop.cases.investigations.schemas import (
    EvidenceCreate,
    InterviewCreate,
    InvestigationClose,
    InvestigationCreate,
    InvestigationPublic,
    OverpaymentIn,
)
from onestop.cases.investigations.services import (
    add_evidence,
    close_investigation,
    get_investigation,
    list_investigations,
    open_investigation,
    record_interview,
)

__all__ = [
    "AllegationSource",
    "EvidenceCreate",
    "Finding",
    "InterviewCreate",
    "Investigation",
    "InvestigationClose",
    "InvestigationCreate",
    "InvestigationEvidence",
    "InvestigationInterview",
    "InvestigationNotFound",
    "InvestigationPublic",
    "InvestigationStatus",
    "OverpaymentIn",
    "add_evidence",
    "close_investigation",
    "get_investigation",
    "list_investigations",
    "may_investigate",
    "open_investigation",
    "record_interview",
]
