"""Client accounts for the public portal: sign-up with e-mail verification, sign-in, applying online,
and reading one's own applications and decisions. A separate table from staff accounts; every read
goes through the account, so a client sees only their own records.
"""

from onestop.clients.errors import ClientLoginFailed, NotYourRecord
from onestop.clients.models import ClientAccount, ClientToken, OutboxMessage
from onestop.clients.services import (
    Applied,
    apply_online,
    get_account,
    my_application,
    my_applications,
    my_decision,
    sign_in,
    sign_up,
    upload_my_document,
    verify_email,
)

__all__ = [
    "Applied",
    "ClientAccount",
    "ClientLoginFailed",
    "ClientToken",
    "NotYourRecord",
    "OutboxMessage",
    "apply_online",
    "get_account",
    "my_application",
    "my_applications",
    "my_decision",
    "sign_in",
    "sign_up",
    "upload_my_document",
    "verify_email",
]
