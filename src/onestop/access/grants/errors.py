"""Why a grant is refused. Each names the reason; the service audits it as a denied attempt.

The messages are fixed sentences (the caller knows which account and role it asked about), so the
staff pages list them for translation (``web/staff/grants.py``).
"""

from __future__ import annotations

from onestop.common.errors import Conflict, NotFound, PermissionDenied


class GrantRefusal(Exception):
    """Marks the refusals the grants service audits itself (``require`` audits its own)."""


class GrantNotFound(NotFound):
    """No grant request with that id."""

    def __init__(self, ref: object) -> None:
        super().__init__(f"no role grant {ref}")


class OwnGrant(GrantRefusal, PermissionDenied):
    """Nobody approves a grant they asked for, nor one to their own account; the system approves nothing."""


class GrantConflict(GrantRefusal, Conflict):
    """The grant clashes with the account or the request's state (already held, already decided...)."""


SYSTEM_APPROVES_NOTHING = "the system approves no grant: a named administrator must approve it (--as-user)"
OWN_REQUEST = "you asked for this grant; another administrator must approve it"
OWN_ACCOUNT = "nobody approves a role for their own account; another administrator must"
ALREADY_HELD = "the account already holds this role"
ALREADY_WAITING = "this role is already waiting for approval for this account"
DEACTIVATED = "the account is deactivated"
ALREADY_DECIDED = "this grant is already decided; nothing was changed"
NO_SUCH_ROLE = "this role no longer exists; refuse the grant"
