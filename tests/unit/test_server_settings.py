"""The server's settings under load: workers, the connection pool and its timeouts (docs/operations.md)."""

from __future__ import annotations

import os
from pathlib import Path

import anyio.to_thread
import pytest
from pydantic import ValidationError

from onestop.config import Settings

PG = "postgresql+psycopg://onestop@db.internal:5432/onestop"


def test_one_worker_in_development_one_per_core_in_production() -> None:
    assert Settings().resolved_workers() == 1
    assert Settings(mode="production").resolved_workers() == (os.cpu_count() or 1)
    assert Settings(mode="production", workers=3).resolved_workers() == 3


def test_the_pool_and_timeouts_apply_to_postgresql() -> None:
    options = Settings(database_url=PG).engine_options()
    assert options == {
        "pool_size": 10,
        "max_overflow": 5,
        "pool_timeout": 10.0,
        "pool_pre_ping": True,
        "connect_args": {"connect_timeout": 5},
    }
    tuned = Settings(database_url=PG, db_pool_size=4, db_statement_timeout_ms=30_000).engine_options()
    assert tuned["pool_size"] == 4
    assert tuned["connect_args"] == {"connect_timeout": 5, "options": "-c statement_timeout=30000"}


def test_sqlite_keeps_its_own_engine() -> None:
    assert Settings().engine_options() == {}


def test_the_server_defaults() -> None:
    settings = Settings()
    assert (settings.keep_alive_seconds, settings.db_retry_after_seconds) == (75, 5)
    assert settings.worker_healthcheck_seconds == 30
    assert (settings.max_upload_bytes, settings.api_max_body_bytes) == (10 * 2**20, 2**20)


@pytest.mark.parametrize(
    "field", [{"workers": 0}, {"db_pool_size": 0}, {"db_pool_timeout": 0}, {"db_retry_after_seconds": 0}]
)
def test_nonsense_is_refused(field: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        Settings(**field)  # type: ignore[arg-type]


def test_the_engine_is_built_with_them(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    from onestop import bootstrap

    seen: dict[str, object] = {}

    def fake_engine(url: str, **kwargs: object) -> object:
        seen.update(kwargs, url=url)
        raise RuntimeError("stop here")

    monkeypatch.setattr(bootstrap, "make_engine", fake_engine)
    with pytest.raises(RuntimeError, match="stop here"):
        bootstrap.build(Settings(database_url=PG, db_pool_size=7, var_dir=tmp_path))  # type: ignore[arg-type]
    assert seen["url"] == PG and seen["pool_size"] == 7 and seen["pool_pre_ping"] is True


def test_serve_takes_workers_and_keep_alive_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from onestop.cli.serve import serve

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *_a, **kw: calls.append(kw))
    monkeypatch.setenv("ONESTOP_WORKERS", "3")
    monkeypatch.setenv("ONESTOP_KEEP_ALIVE_SECONDS", "15")
    monkeypatch.setenv("ONESTOP_WORKER_HEALTHCHECK_SECONDS", "40")
    serve(host="127.0.0.1", port=8000, workers=None)
    serve(host="127.0.0.1", port=8000, workers=2)  # the command line wins
    assert [(c["workers"], c["timeout_keep_alive"]) for c in calls] == [(3, 15), (2, 15)]
    assert {c["timeout_worker_healthcheck"] for c in calls} == {40}


def test_a_worker_runs_as_many_requests_at_once_as_it_has_connections() -> None:
    assert Settings().resolved_worker_threads() == 10 + 5
    assert Settings(db_pool_size=4, db_max_overflow=0).resolved_worker_threads() == 4
    assert Settings(worker_threads=8).resolved_worker_threads() == 8
    with pytest.raises(ValidationError):
        Settings(worker_threads=0)


def test_the_app_sizes_its_thread_pool_from_the_settings(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from onestop.bootstrap import build
    from onestop.web.app import create_app

    settings = Settings(var_dir=tmp_path, worker_threads=7)
    app = create_app(build(settings))
    seen: list[float] = []

    async def probe() -> None:
        seen.append(anyio.to_thread.current_default_thread_limiter().total_tokens)

    with TestClient(app) as client:
        client.portal.call(probe)  # type: ignore[union-attr]
    assert seen == [7]
