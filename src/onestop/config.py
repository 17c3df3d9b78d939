"""Typed settings, read once from ``ONESTOP_*`` environment variables and an optional ``.env`` file."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

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
    storage_dir: Path | None = None
    session_minutes: int = 30
    timezone: str = "America/Edmonton"  # business dates and displayed times (IANA name)
    max_upload_bytes: int = 10 * 1024 * 1024
    login_max_failures: int = 5
    login_lockout_minutes: int = 15

    def resolved_database_url(self) -> str:
        """The database URL; by default an SQLite file under ``var_dir``."""
        return self.database_url or f"sqlite:///{(self.var_dir / 'onestop.db').as_posix()}"

    def resolved_storage_dir(self) -> Path:
        """Where uploaded documents are kept (outside the database)."""
        return self.storage_dir or self.var_dir / "documents"
