"""Evidence and documents: uploads kept in ``onestop.storage``, verified or rejected by an officer."""

from onestop.cases.documents.domain import DocumentStatus, DocumentType, VerificationMethod
from onestop.cases.documents.errors import DocumentCorrupted, DocumentNotFound
from onestop.cases.documents.models import Document
from onestop.cases.documents.repository import DocumentRepository
from onestop.cases.documents.schemas import DocumentPublic, DocumentReject, DocumentVerify, Download
from onestop.cases.documents.services import (
    ApplicationCheck,
    check_applications_with,
    download_document,
    get_document,
    list_documents,
    reject_document,
    upload_document,
    verify_document,
)

__all__ = [
    "ApplicationCheck",
    "Document",
    "DocumentCorrupted",
    "DocumentNotFound",
    "DocumentPublic",
    "DocumentReject",
    "DocumentRepository",
    "DocumentStatus",
    "DocumentType",
    "DocumentVerify",
    "Download",
    "VerificationMethod",
    "check_applications_with",
    "download_document",
    "get_document",
    "list_documents",
    "reject_document",
    "upload_document",
    "verify_document",
]
