"""Faults under load, as tests: the database out of reach answers 503 with Retry-After (a read is tried
once more, a write never) and keeps nothing; a document store that is full or read-only refuses the
upload by name and records nothing. The scripted runs against a real PostgreSQL restart are in
benchmarks/load/faults.py; these run in ``make test`` on SQLite and PostgreSQL alike."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select

from onestop.access import Role
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.cases.documents.models import Document
from onestop.cases.interactions.models import Interaction
from onestop.db import UnitOfWork
from onestop.storage import FilesystemStorage, StorageUnavailable
from onestop.storage import filesystem as fs_module
from onestop.web.app import create_app
from onestop.web.unavailable import RETRYABLE
from tests.functional.portal.conftest import PDF, apply, confirmed, sign_in, token
from tests.functional.staff.conftest import Officer, csrf_token
from tests.functional.staff.conftest import sign_in as staff_sign_in
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def _lost_connection() -> sa_exc.OperationalError:
    return sa_exc.OperationalError(
        "SELECT 1", {}, Exception("server closed the connection unexpectedly"), connection_invalidated=True
    )


class Flaky:
    """A route's stand-in for the database: fails ``failures`` times, then answers."""

    def __init__(self, failures: int, error: Exception | None = None) -> None:
        self.failures = failures
        self.calls = 0
        self.error = error or _lost_connection()

    def __call__(self) -> dict[str, str]:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        return {"status": "ok"}


@pytest.fixture
def app(container: Container) -> FastAPI:
    return create_app(container)


def _client(app: FastAPI) -> TestClient:
    return TestClient(app, follow_redirects=False, raise_server_exceptions=False)


def test_a_read_that_meets_a_restart_is_tried_once_more_and_answers(app: FastAPI) -> None:
    flaky = Flaky(failures=1)
    app.add_api_route("/api/test-flaky", flaky, methods=["GET"])
    with _client(app) as client:
        answer = client.get("/api/test-flaky")
    assert (answer.status_code, answer.json(), flaky.calls) == (200, {"status": "ok"}, 2)


def test_a_read_still_failing_is_503_with_retry_after_and_no_traceback(app: FastAPI) -> None:
    flaky = Flaky(failures=99)
    app.add_api_route("/api/test-flaky", flaky, methods=["GET"])
    with _client(app) as client:
        answer = client.get("/api/test-flaky")
    assert answer.status_code == 503 and flaky.calls == 2
    assert answer.headers["retry-after"] == "5"
    assert RETRYABLE not in answer.headers  # the internal marker never leaves the server
    assert answer.json() == {"detail": "the database cannot be reached; try again shortly", "retry_after": 5}


def test_a_write_is_never_repeated(app: FastAPI) -> None:
    flaky = Flaky(failures=1)
    app.add_api_route("/api/test-flaky", flaky, methods=["POST"])
    with _client(app) as client:
        answer = client.post("/api/test-flaky")
    assert (answer.status_code, flaky.calls) == (503, 1)
    assert answer.headers["retry-after"] == "5" and RETRYABLE not in answer.headers


@pytest.mark.parametrize(
    "error",
    [
        sa_exc.TimeoutError("QueuePool limit of size 10 overflow 5 reached"),  # every connection busy
        sa_exc.OperationalError("SELECT 1", {}, Exception("connection refused")),  # the server is down
        sa_exc.InterfaceError("SELECT 1", {}, Exception("connection already closed")),
    ],
    ids=["pool-timeout", "refused", "closed"],
)
def test_each_kind_of_unavailability_is_503(app: FastAPI, error: Exception) -> None:
    app.add_api_route("/api/test-flaky", Flaky(failures=99, error=error), methods=["POST"])
    with _client(app) as client:
        assert client.post("/api/test-flaky").status_code == 503


def test_a_database_error_that_is_a_bug_stays_a_500(app: FastAPI) -> None:
    broken = sa_exc.IntegrityError("INSERT", {}, Exception("duplicate key"))
    app.add_api_route("/api/test-flaky", Flaky(failures=99, error=broken), methods=["POST"])
    with _client(app) as client:
        assert client.post("/api/test-flaky").status_code == 500


def test_a_page_gets_the_503_page_in_its_language(container: Container, app: FastAPI) -> None:
    container.settings.db_retry_after_seconds = 7
    application = create_app(container)
    application.add_api_route("/portal/test-flaky", Flaky(failures=99), methods=["GET"])
    with _client(application) as client:
        english = client.get("/portal/test-flaky")
        french = client.get("/portal/test-flaky", headers={"Accept-Language": "fr-CA"})
    assert english.status_code == 503 and english.headers["retry-after"] == "7"
    assert "The service is not available for a moment" in english.text
    assert "Nothing was saved" in english.text and "Traceback" not in english.text
    assert french.status_code == 503 and "Le service n’est pas disponible" in french.text


def test_a_staff_page_for_a_signed_in_officer_renders_without_the_database(
    container: Container, officer: Officer
) -> None:
    application = create_app(container)
    application.add_api_route("/staff/test-flaky", Flaky(failures=99), methods=["GET"])
    with _client(application) as client:
        staff_sign_in(client, officer.username, officer.password)
        page = client.get("/staff/test-flaky")
    assert page.status_code == 503 and "The service is not available for a moment" in page.text


def test_a_call_logged_as_the_database_goes_away_keeps_nothing(
    container: Container, officer: Officer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real quick-log route: its commit meets a dropped connection; 503, and no contact is stored."""
    person = make_person(container)
    with _client(create_app(container)) as client:
        staff_sign_in(client, officer.username, officer.password)
        csrf = csrf_token(client, "/staff/")

        def lost(self: UnitOfWork) -> None:
            self.session.flush()  # the rows reached the database, then the connection was lost
            raise _lost_connection()

        monkeypatch.setattr(UnitOfWork, "commit", lost)
        answer = client.post(
            "/staff/interactions/quick",
            data={
                "csrf_token": csrf,
                "reason": "payment_inquiry",
                "channel": "phone",
                "person_id": str(person),
            },
        )
        monkeypatch.undo()
    assert answer.status_code == 503 and answer.headers["retry-after"] == "5"
    with container.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Interaction)) == 0


# --- the document store full or read-only -------------------------------------------------------------


@pytest.fixture(params=[errno.ENOSPC, errno.EROFS], ids=["disk-full", "read-only"])
def broken_store(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[int]:
    """The filesystem store's disk refuses every new file (as root, chmod would not stop a write)."""
    code = int(request.param)

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(code, "No space left on device" if code == errno.ENOSPC else "Read-only file system")

    monkeypatch.setattr(fs_module.tempfile, "mkstemp", refuse)
    yield code


def _nothing_recorded(container: Container) -> None:
    with container.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Document)) == 0
        uploads = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "document:upload")
        assert uow.session.scalar(uploads) == 0


def test_the_store_refusing_a_file_raises_storage_unavailable(broken_store: int, tmp_path: Path) -> None:
    store = FilesystemStorage(tmp_path / "docs")
    with pytest.raises(StorageUnavailable) as refused:
        store.put(PDF)
    assert refused.value.field == "file" and "nothing was sent" in refused.value.problem
    assert store.keys() == []


def test_a_full_disk_half_way_through_a_write_leaves_no_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fs_module.os, "fsync", full)
    store = FilesystemStorage(tmp_path / "docs")
    with pytest.raises(StorageUnavailable):
        store.put(PDF)
    assert [p for p in (tmp_path / "docs").rglob("*") if p.is_file()] == []  # not even the temporary file


def test_an_api_upload_to_a_broken_store_is_507_and_records_nothing(
    container: Container, broken_store: int
) -> None:
    officer = make_worker(container, Role.OFFICER, office=make_office(container))
    person = make_person(container)
    with api_client(container, officer) as client:
        refused = client.post(
            f"/api/people/{person}/documents",
            data={"doc_type": "identity"},
            files={"file": ("id.pdf", PDF, "application/pdf")},
        )
    assert refused.status_code == 507
    assert refused.json()["field"] == "file" and "cannot be saved right now" in refused.json()["detail"]
    _nothing_recorded(container)


def test_a_portal_upload_to_a_broken_store_says_so_beside_the_file(
    container: Container, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with TestClient(create_app(container), follow_redirects=False) as client:
        confirmed(client, container, "store@example.ca")
        sign_in(client, "store@example.ca")
        page = apply(client, "Sam", "Store", program="ab.income_support")
        csrf = token(client, page)

        def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(fs_module.tempfile, "mkstemp", refuse)
        refused = client.post(
            f"{page}/documents",
            data={"csrf_token": csrf, "doc_type": "income_proof"},
            files={"file": ("paystub.pdf", PDF, "application/pdf")},
        )
    assert refused.status_code == 422
    assert "cannot be saved right now, so nothing was sent. Try again later." in refused.text
    assert "Read-only" not in refused.text  # the system's words stay in the log
    _nothing_recorded(container)
