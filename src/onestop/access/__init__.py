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
from onestop.access.guard import require
from onestop.access.models import ApiToken, Office, Staff
from onestop.access.permissions import ROLE_PERMISSIONS, Actor, Permission, Role
from onestop.access.repository import find_active_staff, office_or_own
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
    "AUDIT_LIST_MAX",
    "ROLE_PERMISSIONS",
    "AccountLocked",
    "Actor",
    "ApiToken",
    "IssuedToken",
    "LoginFailed",
    "LoginPolicy",
    "Office",
    "OfficeNotFound",
    "Permission",
    "Role",
    "Staff",
    "StaffNotFound",
    "UsernameTaken",
    "actor_for_token",
    "actor_of",
    "anchor_audit_head",
    "authenticate",
    "change_password",
    "create_office",
    "create_staff",
    "deactivate_staff",
    "find_active_staff",
    "get_office_by_code",
    "get_staff",
    "get_staff_by_username",
    "issue_token",
    "list_audit_events",
    "list_offices",
    "list_staff",
    "login",
    "office_or_own",
    "require",
    "revoke_token",
    "verify_audit_chain",
]
