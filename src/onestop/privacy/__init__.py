"""Privacy obligations (issue 20): access and correction requests, legal holds, retention and destruction."""

from onestop.privacy import sections
from onestop.privacy.disclosures import list_disclosures, record_disclosure
from onestop.privacy.domain import RedactionReason, RequestKind, RequestStatus
from onestop.privacy.errors import HoldNotFound, RequestNotFound
from onestop.privacy.retention import lift_hold, list_certificates, list_holds, place_hold, purge
from onestop.privacy.schemas import (
    CertificatePublic,
    CorrectionDecision,
    DisagreementIn,
    DisclosureIn,
    DisclosurePublic,
    ExtensionIn,
    HoldIn,
    HoldPublic,
    PackagePublic,
    PurgeReport,
    RedactionIn,
    RequestCreate,
    RequestPublic,
)
from onestop.privacy.services import (
    add_redaction,
    approve_release,
    assemble_package,
    attach_disagreement,
    decide_correction,
    extend_deadline,
    get_request,
    list_requests,
    log_request,
    person_requests,
    preview_package,
    release_package,
    released_file,
)

sections.install()  # the person page shows requests and statements of disagreement

__all__ = [
    "CertificatePublic",
    "CorrectionDecision",
    "DisagreementIn",
    "DisclosureIn",
    "DisclosurePublic",
    "ExtensionIn",
    "HoldIn",
    "HoldNotFound",
    "HoldPublic",
    "PackagePublic",
    "PurgeReport",
    "RedactionIn",
    "RedactionReason",
    "RequestCreate",
    "RequestKind",
    "RequestNotFound",
    "RequestPublic",
    "RequestStatus",
    "add_redaction",
    "approve_release",
    "assemble_package",
    "attach_disagreement",
    "decide_correction",
    "extend_deadline",
    "get_request",
    "lift_hold",
    "list_certificates",
    "list_disclosures",
    "list_holds",
    "list_requests",
    "log_request",
    "person_requests",
    "place_hold",
    "preview_package",
    "purge",
    "record_disclosure",
    "release_package",
    "released_file",
]
