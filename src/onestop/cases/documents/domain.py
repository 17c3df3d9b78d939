"""Evidence rules. Pure: document types, what an upload may contain, and the verification states.

The content type is read from the file's first bytes (its magic number), never from its name or the
browser's header, which a client controls.
"""

from __future__ import annotations

import enum
import unicodedata
from pathlib import PurePosixPath, PureWindowsPath

from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition

MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
FILENAME_MAX = 200


class DocumentType(enum.StrEnum):
    """What a document is evidence of."""

    IDENTITY = "identity"
    INCOME_PROOF = "income_proof"
    BANK_STATEMENT = "bank_statement"
    LEASE_RENT_RECEIPT = "lease_rent_receipt"
    MEDICAL = "medical"
    IMMIGRATION_STATUS = "immigration_status"
    OTHER = "other"


class DocumentStatus(enum.StrEnum):
    """Received documents are verified or rejected once, by an officer; both are final."""

    RECEIVED = "received"
    VERIFIED = "verified"
    REJECTED = "rejected"


class VerificationMethod(enum.StrEnum):
    """How the officer satisfied themselves the evidence is genuine."""

    SEEN_ORIGINAL = "seen_original"
    ELECTRONIC = "electronic_verification"  # confirmed with another agency's system
    COPY = "copy"


TRANSITIONS: dict[DocumentStatus, frozenset[DocumentStatus]] = {
    DocumentStatus.RECEIVED: frozenset({DocumentStatus.VERIFIED, DocumentStatus.REJECTED}),
    DocumentStatus.VERIFIED: frozenset(),
    DocumentStatus.REJECTED: frozenset(),
}


def sniff(data: bytes) -> str | None:
    """The content type the bytes really have, among those accepted; None for anything else."""
    for magic, content_type in MAGIC_NUMBERS:
        if data.startswith(magic):
            return content_type
    return None


def check_upload(data: bytes, *, max_bytes: int) -> str:
    """Refuse empty, oversized or non-PDF/JPEG/PNG content; return the detected content type."""
    if not data:
        raise InvalidInput("file", "is empty")
    if len(data) > max_bytes:
        raise InvalidInput("file", f"is larger than the limit of {max_bytes} bytes")
    content_type = sniff(data)
    if content_type is None:
        raise InvalidInput("file", "must be a PDF, JPEG or PNG file (its content is checked, not its name)")
    return content_type


def safe_filename(name: str | None) -> str:
    """The base name only, without control characters, shortened: safe to show and to send back."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip().strip(".")
    return cleaned[:FILENAME_MAX] or "document"


def document_type(value: str) -> DocumentType:
    """A known document type."""
    return parse_enum(DocumentType, value, field="doc_type")


def verification_method(value: str) -> VerificationMethod:
    """A known verification method."""
    return parse_enum(VerificationMethod, value, field="method")


def check_transition(current: str, target: DocumentStatus) -> None:
    """Refuse re-deciding a document (verifying a rejected one, rejecting a verified one, twice...)."""
    state = DocumentStatus(current)
    if target not in TRANSITIONS[state]:
        raise InvalidTransition(f"a {state.value} document cannot be {target.value}")


def check_agency(method: VerificationMethod, agency: str | None) -> str | None:
    """Electronic verification names the agency whose records confirmed the document."""
    if method is VerificationMethod.ELECTRONIC and not agency:
        raise InvalidInput("agency", "is required for electronic verification")
    return agency or None
