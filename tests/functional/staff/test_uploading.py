"""The application page's one-form upload fails safe: everything that can be checked is checked before
the first file is stored, and a refusal names the file and the problem."""

from __future__ import annotations

import re
import uuid

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.cases.documents import list_documents
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import SYSTEM

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _form(client: TestClient, path: str) -> dict[str, object]:
    page = client.get(path).text
    data: dict[str, object] = {"csrf_token": csrf_token(client, path), "method": "seen_original"}
    data |= dict(re.findall(r'name="((?:doc_type|person_id)-\d+)" value="([^"]+)"', page))
    return data


def _stored(container: Container, person_id: str) -> int:
    return len(list_documents(container.uow(), actor=SYSTEM, person_id=uuid.UUID(person_id)))


def test_a_bad_second_file_stores_nothing(
    signed_in: TestClient, container: Container, application: uuid.UUID
) -> None:
    path = f"/staff/applications/{application}"
    data = _form(signed_in, path)
    files = {"file-1": ("id.pdf", PDF, "application/pdf"), "file-2": ("pay.txt", b"plain text", "text/plain")}
    refused = signed_in.post(f"{path}/documents", data=data, files=files)
    assert refused.status_code == 422 and "must be a PDF, JPEG or PNG file" in refused.text
    assert _stored(container, str(data["person_id-1"])) == 0  # the good first file waited for the check


def test_a_ticked_fact_not_recorded_yet_stores_nothing(
    signed_in: TestClient, container: Container, application: uuid.UUID
) -> None:
    path = f"/staff/applications/{application}"
    data = _form(signed_in, path) | {"use_for-3": "unit.housing"}
    refused = signed_in.post(
        f"{path}/documents", data=data, files={"file-3": ("lease.pdf", PDF, "application/pdf")}
    )
    assert refused.status_code == 422
    assert "Record it first, then upload the document that proves it" in refused.text
    assert _stored(container, str(data["person_id-3"])) == 0


def test_each_file_done_is_named(signed_in: TestClient, container: Container, application: uuid.UUID) -> None:
    path = f"/staff/applications/{application}"
    data = _form(signed_in, path)
    files = {"file-1": ("id.pdf", PDF, "application/pdf"), "file-3": ("lease.pdf", PDF, "application/pdf")}
    assert signed_in.post(f"{path}/documents", data=data, files=files).status_code == 303
    page = signed_in.get(path).text
    assert "Identity: uploaded." in page and "Identity: verified." in page
    assert _stored(container, str(data["person_id-1"])) == 2
