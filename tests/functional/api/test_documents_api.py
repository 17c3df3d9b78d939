"""/api documents over HTTP: multipart upload checked by content, download, verification states."""

from __future__ import annotations

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.storage import FilesystemStorage
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x01" * 40


def test_upload_download_verify(container: Container) -> None:
    officer = make_worker(container, Role.OFFICER, office=make_office(container))
    person = make_person(container)
    with api_client(container, officer) as client:
        url = f"/api/people/{person}/documents"
        made = client.post(
            url, data={"doc_type": "identity"}, files={"file": ("licence.png", PNG, "application/pdf")}
        )
        assert made.status_code == 201, made.text
        doc = made.json()
        assert (doc["content_type"], doc["filename"], doc["status"]) == (
            "image/png",
            "licence.png",
            "received",
        )
        got = client.get(f"/api/documents/{doc['id']}/content", params={"purpose": "check"})
        assert (got.content, got.headers["content-type"]) == (PNG, "image/png")
        assert "attachment" in got.headers["content-disposition"]
        verified = client.post(
            f"/api/documents/{doc['id']}/verify", json={"method": "seen_original", "version": 1}
        )
        assert verified.json()["status"] == "verified"
        rejected = client.post(f"/api/documents/{doc['id']}/reject", json={"reason": "expired"})
        assert rejected.status_code == 409
        assert [d["id"] for d in client.get(url).json()] == [doc["id"]]


def test_a_disguised_file_and_an_oversized_one_are_refused_and_leave_nothing(container: Container) -> None:
    officer = make_worker(container, Role.OFFICER, office=make_office(container))
    person = make_person(container)
    container.settings.max_upload_bytes = 1000
    with api_client(container, officer) as client:
        url = f"/api/people/{person}/documents"
        fake = client.post(
            url, data={"doc_type": "identity"}, files={"file": ("scan.pdf", b"MZ\x90\x00", "application/pdf")}
        )
        assert (fake.status_code, fake.json()["field"]) == (422, "file")
        big = client.post(
            url, data={"doc_type": "identity"}, files={"file": ("big.png", PNG + b"\0" * 1000, "image/png")}
        )
        assert (big.status_code, big.json()["field"]) == (422, "file")
        assert client.get(url).json() == []
    assert isinstance(container.storage, FilesystemStorage)
    assert container.storage.keys() == []
