"""The FastAPI application: JSON API under /api, staff pages under /staff, the portal under /portal."""

from __future__ import annotations

from fastapi import FastAPI

from onestop import __version__
from onestop.bootstrap import Container, build
from onestop.web import errors
from onestop.web.api import ROUTERS


def create_app(container: Container) -> FastAPI:
    """Build the app around a container (tests pass theirs)."""
    app = FastAPI(title="onestop", version=__version__, description="Integrated delivery of social programs.")
    app.state.container = container
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router, prefix="/api")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


def create_default_app() -> FastAPI:
    """Factory for uvicorn: the container from environment settings."""
    return create_app(build())
