"""The audit trail: an append-only, hash-chained log of every access to personal data.

``record`` appends in the caller's transaction; ``verify`` proves the chain unbroken; ``redact``
keeps identifiers out of it. The lowest area above ``db``: it imports nothing of ``access`` (the
staff use cases that read the trail, behind their permissions, are ``access.list_audit_events`` and
``access.verify_audit_chain``).
Reads end with ``audited_read`` (``audited_list``), changes with ``audited_write`` (or a ``Subject``'s
``saved``); each event names an ``AuditAction``.
"""

from onestop.audit.actions import AuditAction
from onestop.audit.anchor import Anchor, anchor_of_head
from onestop.audit.domain import GENESIS_HASH, REDACTED, SENSITIVE_KEYS, VerifyResult, redact
from onestop.audit.models import AuditChainHead, AuditEvent
from onestop.audit.reads import audited_list, audited_read
from onestop.audit.recorder import record
from onestop.audit.repository import list_recent_events
from onestop.audit.subjects import Subject
from onestop.audit.verification import verify
from onestop.audit.writes import audited_write, fields

__all__ = [
    "GENESIS_HASH",
    "REDACTED",
    "SENSITIVE_KEYS",
    "Anchor",
    "AuditAction",
    "AuditChainHead",
    "AuditEvent",
    "Subject",
    "VerifyResult",
    "anchor_of_head",
    "audited_list",
    "audited_read",
    "audited_write",
    "fields",
    "list_recent_events",
    "record",
    "redact",
    "verify",
]
