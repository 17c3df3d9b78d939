"""The audit trail: an append-only, hash-chained log of every access to personal data.

``record`` appends in the caller's transaction; ``verify`` proves the chain unbroken; ``redact``
keeps identifiers out of it.
"""

from onestop.audit.anchor import Anchor
from onestop.audit.domain import GENESIS_HASH, REDACTED, SENSITIVE_KEYS, VerifyResult, redact
from onestop.audit.models import AuditChainHead, AuditEvent
from onestop.audit.recorder import record
from onestop.audit.services import MAX_LIMIT, anchor_head, list_events, verify_chain
from onestop.audit.verification import verify

__all__ = [
    "GENESIS_HASH",
    "MAX_LIMIT",
    "REDACTED",
    "SENSITIVE_KEYS",
    "Anchor",
    "AuditChainHead",
    "AuditEvent",
    "VerifyResult",
    "anchor_head",
    "list_events",
    "record",
    "redact",
    "verify",
    "verify_chain",
]
