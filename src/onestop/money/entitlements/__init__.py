"""Who is paid what: payees (with encrypted banking details) and entitlements, versioned in series."""

from onestop.money.entitlements.payees import create_payee, get_payee, list_payees
from onestop.money.entitlements.services import (
    ChangeResult,
    change_entitlement,
    create_entitlement,
    get_entitlement,
    list_entitlements,
)

__all__ = [
    "ChangeResult",
    "change_entitlement",
    "create_entitlement",
    "create_payee",
    "get_entitlement",
    "get_payee",
    "list_entitlements",
    "list_payees",
]
