"""Why a grant is refused. Each names the reason; the service audits it as a denied attempt."""

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
