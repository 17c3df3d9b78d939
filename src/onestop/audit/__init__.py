"""The audit trail: an append-only, hash-chained log of every access to personal data.

``record`` appends in the caller's transaction and ``audited_read`` (``audited_list``) ends a read
with it; each event names an ``AuditAction``. ``verify`` proves the chain unbroken; ``redact`` keeps
identifiers out of it.
"""

from onestop.audit.actions import AuditAction
from onestop.audit.domain import GENESIS_HASH, REDACTED, SENSITIVE_KEYS, VerifyResult, redact
from onestop.audit.models import AuditChainHead, AuditEvent
from onestop.audit.reads import audited_list, audited_read
from onestop.audit.recorder import record
from onestop.audit.services import MAX_LIMIT, list_events, verify_chain
from onestop.audit.verification import verify

__all__ = [
    "GENESIS_HASH",
    "MAX_LIMIT",
    "REDACTED",
    "SENSITIVE_KEYS",
    "AuditAction",
    "AuditChainHead",
    "AuditEvent",
    "VerifyResult",
    "audited_list",
    "audited_read",
    "list_events",
    "record",
    "redact",
    "verify",
    "verify_chain",
]
