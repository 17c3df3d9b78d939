"""Client accounts for the public portal: sign-up with e-mail verification, sign-in, applying online,
and reading one's own applications and decisions. A separate table from staff accounts; the portal
acts as the client (a client's few permissions), and every record is looked up through the account
first, so a client reaches only their own records.
"""

from onestop.clients.errors import ClientLoginFailed, NotYourRecord
from onestop.clients.letters import my_letter, my_letter_pdf, my_letters  # registers the portal inbox channel
from onestop.clients.linking import (
    DOCUMENT_TYPES,
    PortalAccountDecisionNeeded,
    PortalAccountLink,
    PortalDecision,
    link_portal_account,
    list_portal_accounts,
    merge_records,
    unlink_portal_account,
)
from onestop.clients.models import ClientAccount, ClientSession, ClientToken, OutboxMessage
from onestop.clients.repository import own_people
from onestop.clients.self_service import (
    Applied,
    apply_online,
    client_actor,
    my_application,
    my_applications,
    my_decision,
    signed_in_account,
    upload_my_document,
)
from onestop.clients.services import SignedIn, get_account, sign_in, sign_up, verify_email
from onestop.clients.sessions import client_for_session, sign_out

__all__ = [
    "DOCUMENT_TYPES",
    "Applied",
    "ClientAccount",
    "ClientLoginFailed",
    "ClientSession",
    "ClientToken",
    "NotYourRecord",
    "OutboxMessage",
    "PortalAccountDecisionNeeded",
    "PortalAccountLink",
    "PortalDecision",
    "SignedIn",
    "apply_online",
    "client_actor",
    "client_for_session",
    "get_account",
    "link_portal_account",
    "list_portal_accounts",
    "merge_records",
    "my_application",
    "my_applications",
    "my_decision",
    "my_letter",
    "my_letter_pdf",
    "my_letters",
    "own_people",
    "sign_in",
    "sign_out",
    "sign_up",
    "signed_in_account",
    "unlink_portal_account",
    "upload_my_document",
    "verify_email",
]
