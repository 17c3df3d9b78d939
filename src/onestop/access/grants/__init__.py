"""Role grants (issue 10, part 8): a role that reads client files, moves money or gives roles joins an
account only with a second administrator's approval. See ``services`` and ``docs/security.md``."""

from onestop.access.grants.domain import PRIVILEGED_ROLES, SENSITIVE_PERMISSIONS, GrantState, is_privileged
from onestop.access.grants.errors import GrantConflict, GrantNotFound, OwnGrant
from onestop.access.grants.models import RoleGrant
from onestop.access.grants.schemas import GrantApproval, GrantPublic, GrantRefusalIn, GrantRequest
from onestop.access.grants.services import (
    approve_grant,
    list_grants,
    pending_roles,
    refuse_grant,
    request_grant,
)

__all__ = [
    "PRIVILEGED_ROLES",
    "SENSITIVE_PERMISSIONS",
    "GrantApproval",
    "GrantConflict",
    "GrantNotFound",
    "GrantPublic",
    "GrantRefusalIn",
    "GrantRequest",
    "GrantState",
    "OwnGrant",
    "RoleGrant",
    "approve_grant",
    "is_privileged",
    "list_grants",
    "pending_roles",
    "refuse_grant",
    "request_grant",
]
