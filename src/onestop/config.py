"""Typed settings, read once from ``ONESTOP_*`` environment variables and an optional ``.env`` file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything an operator can configure. Defaults suit a developer's laptop and the demo."""

    model_config = SettingsConfigDict(env_prefix="ONESTOP_", env_file=".env", extra="ignore")

    mode: Literal["development", "production"] = "development"
    var_dir: Path = Path("var")
    database_url: str = ""
    secret_key: str = Field(default="", repr=False)
    field_key: str = Field(default="", repr=False)
    #: Seals the audit chain head (HMAC-SHA256); kept out of the database on purpose.
    audit_key: str = Field(default="", repr=False)
    storage_dir: Path | None = None
    session_minutes: int = 30
    timezone: str = "America/Edmonton"  # business dates and displayed times (IANA name)
    #: The office's province: the registration form starts with it chosen (the officer can change it).
    office_province: str = "AB"
    max_upload_bytes: int = 10 * 1024 * 1024
    #: Largest body /api reads that is not a file upload (JSON, forms); bigger gets 413 unread.
    api_max_body_bytes: int = 1024 * 1024
    login_max_failures: int = 5
    #: How long a break-glass opening of a restricted file lasts (a working day).
    break_glass_hours: int = Field(default=8, ge=1, le=24)
    login_lockout_minutes: int = 15
    #: Where the public reaches the site (links in e-mails); never taken from a request's Host header.
    public_base_url: str = ""
    #: Host names the app answers to (any other Host header is refused with a 400).
    allowed_hosts: list[str] = Field(default_factory=lambda: ["127.0.0.1", "localhost", "testserver"])
    client_session_hours: int = 12  # a portal sign-in ends this long after it began, active or not
    #: Where sign-in attempts are counted (a ``limits`` storage URI): by default ``memory://`` in
    #: development and ``redis://127.0.0.1:6379`` in production, so every worker shares the counts.
    rate_limit_storage: str = ""
    login_rate_per_address: str = "20/10 minutes"
    login_rate_per_username: str = "10/10 minutes"
    #: What sign-ins do while that storage cannot be reached (Redis down): ``memory`` counts them in each
    #: worker process instead (the limits still hold, per process), ``allow`` lets them through (the
    #: account lockout still holds), ``refuse`` refuses every sign-in until the storage is back.
    rate_limit_fallback: Literal["memory", "allow", "refuse"] = "memory"
    #: Worker processes of ``onestop serve``; by default one per core in production, one in development
    #: (docs/operations.md has the measurements behind it).
    workers: int | None = Field(default=None, ge=1, le=64)
    #: Requests one worker process runs at once (its thread pool; the others wait their turn, cheaply).
    #: By default as many as its connections (pool size + overflow): more threads only queue for a
    #: connection, and compete for the process's interpreter lock with the request that holds the audit
    #: chain's lock (docs/operations.md). Starlette's own default is 40.
    worker_threads: int | None = Field(default=None, ge=1, le=200)
    #: Connections each worker keeps open to PostgreSQL, and how many more it may open at a peak.
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_max_overflow: int = Field(default=5, ge=0, le=200)
    #: Seconds a request waits for a free connection before it is answered 503 (try again).
    db_pool_timeout: float = Field(default=10.0, gt=0, le=300)
    #: Seconds to wait when opening a connection to PostgreSQL (a server that is down answers 503 sooner).
    db_connect_timeout: int = Field(default=5, ge=1, le=300)
    #: Longest a single SQL statement may run on PostgreSQL, in ms (0: no limit). The web server's
    #: environment should set one (docs/operations.md); batch commands on the same database may need none.
    db_statement_timeout_ms: int = Field(default=0, ge=0)
    #: The ``Retry-After`` (seconds) of a 503 while the database cannot be reached.
    db_retry_after_seconds: int = Field(default=5, ge=1, le=3600)
    #: Seconds an idle keep-alive connection from a browser or proxy is kept open by the server. Longer
    #: than the reverse proxy's idle upstream timeout (60 s in docs/operations.md), so the server never
    #: closes a connection just as the proxy sends the next request on it (a reset, seen under load).
    keep_alive_seconds: int = Field(default=75, ge=1, le=600)
    #: Seconds a worker may take to answer the server's health check before it is killed and replaced.
    #: uvicorn's 5 s killed busy workers under load (their requests cut off); a hung worker still goes.
    worker_healthcheck_seconds: int = Field(default=30, ge=1, le=600)
    #: Where letters go out by e-mail (smtp://host:port, smtp+starttls://user:pass@host, smtps://...).
    smtp_url: str = Field(default="", repr=False)

    def resolved_database_url(self) -> str:
        """The database URL; by default an SQLite file under ``var_dir``."""
        return self.database_url or f"sqlite:///{(self.var_dir / 'onestop.db').as_posix()}"

    def resolved_workers(self) -> int:
        """How many worker processes ``onestop serve`` starts."""
        if self.workers is not None:
            return self.workers
        return (os.cpu_count() or 1) if self.mode == "production" else 1

    def resolved_worker_threads(self) -> int:
        """How many requests one worker runs at once (the size of its thread pool)."""
        if self.worker_threads is not None:
            return self.worker_threads
        return self.db_pool_size + self.db_max_overflow

    def engine_options(self) -> dict[str, object]:
        """The connection pool and timeouts for a PostgreSQL engine (SQLite keeps its own defaults)."""
        if not self.resolved_database_url().startswith("postgresql"):
            return {}
        connect: dict[str, object] = {"connect_timeout": self.db_connect_timeout}
        if self.db_statement_timeout_ms:
            connect["options"] = f"-c statement_timeout={self.db_statement_timeout_ms}"
        return {
            "pool_size": self.db_pool_size,
            "max_overflow": self.db_max_overflow,
            "pool_timeout": self.db_pool_timeout,
            "pool_pre_ping": True,
            "connect_args": connect,
        }

    def resolved_public_base_url(self) -> str:
        """The site's public address without a trailing slash; production mode must be told it."""
        if self.public_base_url:
            parts = urlsplit(self.public_base_url)
            if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
                raise ValueError(
                    f"ONESTOP_PUBLIC_BASE_URL is not an address like https://aide.example.ca: "
                    f"{self.public_base_url!r}"
                )
            return self.public_base_url.rstrip("/")
        if self.mode == "production":
            raise ValueError("ONESTOP_PUBLIC_BASE_URL must be set in production mode (https://...)")
        return "http://127.0.0.1:8000"

    def resolved_rate_limit_storage(self) -> str:
        """The ``limits`` storage for sign-in attempts."""
        if self.rate_limit_storage:
            return self.rate_limit_storage
        return "redis://127.0.0.1:6379" if self.mode == "production" else "memory://"

    def resolved_storage_dir(self) -> Path:
        """Where uploaded documents are kept (outside the database)."""
        return self.storage_dir or self.var_dir / "documents"
