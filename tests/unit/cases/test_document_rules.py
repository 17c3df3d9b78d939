"""Document rules without a database: content sniffing, upload limits, names and verification states."""

from __future__ import annotations

import pytest

from onestop.cases.documents import domain
from onestop.cases.documents.domain import DocumentStatus, VerificationMethod
from onestop.common.errors import InvalidInput, InvalidTransition

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PDF, "application/pdf"),
        (JPEG, "image/jpeg"),
        (PNG, "image/png"),
        (b"GIF89a...", None),
        (b"<html>%PDF-", None),
        (b"MZ\x90\x00", None),
    ],
)
def test_the_content_type_comes_from_the_bytes(data: bytes, expected: str | None) -> None:
    assert domain.sniff(data) == expected


def test_uploads_are_checked_for_emptiness_size_and_type() -> None:
    assert domain.check_upload(PDF, max_bytes=100) == "application/pdf"
    for data, limit, problem in [(b"", 10, "empty"), (PDF, 5, "larger"), (b"hello world", 100, "PDF, JPEG")]:
        with pytest.raises(InvalidInput) as err:
            domain.check_upload(data, max_bytes=limit)
        assert err.value.field == "file"
        assert problem in err.value.problem


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\lease.pdf", "lease.pdf"),
        ("bad\x00name\n.pdf", "badname.pdf"),
        ("", "document"),
        (None, "document"),
        ("...", "document"),
        ("relevé-bancaire.pdf", "relevé-bancaire.pdf"),
    ],
)
def test_filenames_are_reduced_to_a_safe_base_name(given: str | None, kept: str) -> None:
    assert domain.safe_filename(given) == kept


def test_a_document_is_decided_once() -> None:
    domain.check_transition("received", DocumentStatus.VERIFIED)
    domain.check_transition("received", DocumentStatus.REJECTED)
    for state in ("verified", "rejected"):
        for target in (DocumentStatus.VERIFIED, DocumentStatus.REJECTED):
            with pytest.raises(InvalidTransition):
                domain.check_transition(state, target)


def test_electronic_verification_names_the_agency() -> None:
    with pytest.raises(InvalidInput) as err:
        domain.check_agency(VerificationMethod.ELECTRONIC, None)
    assert err.value.field == "agency"
    assert domain.check_agency(VerificationMethod.ELECTRONIC, "CRA") == "CRA"
    assert domain.check_agency(VerificationMethod.SEEN_ORIGINAL, "") is None


def test_unknown_types_and_methods_name_their_field() -> None:
    with pytest.raises(InvalidInput) as err:
        domain.document_type("passport_photo")
    assert err.value.field == "doc_type"
    with pytest.raises(InvalidInput) as err:
        domain.verification_method("trust_me")
    assert err.value.field == "method"
