"""Staff access: accounts, roles and permissions, logins and tokens, and the ``require`` check.

Other areas use ``require`` and ``Actor``/``Permission``; the web and CLI use the services.
"""

from onestop.access.authn import (
    IssuedToken,
    actor_for_token,
    actor_of,
    authenticate,
    issue_token,
    login,
    revoke_token,
)
from onestop.access.domain import LoginPolicy
from onestop.access.errors import AccountLocked, LoginFailed, OfficeNotFound, StaffNotFound, UsernameTaken
from onestop.access.files import (
    ConflictOfInterest,
    FileRefused,
    FileRestricted,
    Refusal,
    check_file,
    is_staff,
    register_file_guard,
)
from onestop.access.grants import (
    GrantApproval,
    GrantConflict,
    GrantPublic,
    GrantRefusalIn,
    GrantRequest,
    OwnGrant,
    approve_grant,
    is_privileged,
    list_grants,
    refuse_grant,
    request_grant,
)
from onestop.access.grants.services import ASKED_AT_CREATION
from onestop.access.guard import require
from onestop.access.models import ApiToken, Office, Staff
from onestop.access.passwords import hash_password, verify_password
from onestop.access.permissions import ROLE_PERMISSIONS, Actor, Permission, Role
from onestop.access.repository import find_active_staff, find_staff_by_username, office_or_own
from onestop.access.services import (
    change_password,
    create_office,
    create_staff,
    deactivate_staff,
    get_office_by_code,
    get_staff,
    get_staff_by_username,
    list_offices,
    list_staff,
)
from onestop.access.trail import AUDIT_LIST_MAX, anchor_audit_head, list_audit_events, verify_audit_chain

__all__ = [
    "ASKED_AT_CREATION",
    "AUDIT_LIST_MAX",
    "ROLE_PERMISSIONS",
    "AccountLocked",
    "Actor",
    "ApiToken",
    "ConflictOfInterest",
    "FileRefused",
    "FileRestricted",
    "GrantApproval",
    "GrantConflict",
    "GrantPublic",
    "GrantRefusalIn",
    "GrantRequest",
    "IssuedToken",
    "LoginFailed",
    "LoginPolicy",
    "Office",
    "OfficeNotFound",
    "OwnGrant",
    "Permission",
    "Refusal",
    "Role",
    "Staff",
    "StaffNotFound",
    "UsernameTaken",
    "actor_for_token",
    "actor_of",
    "anchor_audit_head",
    "approve_grant",
    "authenticate",
    "change_password",
    "check_file",
    "create_office",
    "create_staff",
    "deactivate_staff",
    "find_active_staff",
    "find_staff_by_username",
    "get_office_by_code",
    "get_staff",
    "get_staff_by_username",
    "hash_password",
    "is_privileged",
    "is_staff",
    "issue_token",
    "list_audit_events",
    "list_grants",
    "list_offices",
    "list_staff",
    "login",
    "office_or_own",
    "refuse_grant",
    "register_file_guard",
    "request_grant",
    "require",
    "revoke_token",
    "verify_audit_chain",
    "verify_password",
]
