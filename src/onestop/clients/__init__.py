"""Client accounts for the public portal: sign-up with e-mail verification, sign-in, applying online,
and reading one's own applications and decisions. A separate table from staff accounts; the portal
acts as the client (a client's few permissions), and every record is looked up through the account
first, so a client reaches only their own records.
"""

from onestop.clients.casework import (
    Applied,
    apply_online,
    client_actor,
    my_application,
    my_applications,
    my_decision,
    upload_my_document,
)
from onestop.clients.errors import ClientLoginFailed, NotYourRecord
from onestop.clients.models import ClientAccount, ClientToken, OutboxMessage
from onestop.clients.services import get_account, sign_in, sign_up, verify_email

__all__ = [
    "Applied",
    "ClientAccount",
    "ClientLoginFailed",
    "ClientToken",
    "NotYourRecord",
    "OutboxMessage",
    "apply_online",
    "client_actor",
    "get_account",
    "my_application",
    "my_applications",
    "my_decision",
    "sign_in",
    "sign_up",
    "upload_my_document",
    "verify_email",
]
