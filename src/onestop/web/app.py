"""The FastAPI application: JSON API under /api, staff pages under /staff, the portal under /portal."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import anyio.to_thread
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response

from onestop import __version__
from onestop.bootstrap import Container, build
from onestop.common.i18n import N_
from onestop.web import apidocs, error_pages, errors, pages, portal, programs, staff  # noqa: F401 - programs adds to every page
from onestop.web.api import ROUTERS
from onestop.web.i18n import LocaleMiddleware
from onestop.web.portal.accounts import ClientSignInRequired, sign_in_required
from onestop.web.ratelimit import LoginRateLimiter
from onestop.web.security import BodySizeLimitMiddleware, CsrfMiddleware, SecurityHeadersMiddleware
from onestop.web.sessions import SessionMiddleware
from onestop.web.staff.deps import LoginRequiredError, login_required
from onestop.web.unavailable import RetryReadsMiddleware, install_unavailable
from onestop.web.warmup import warm_up

STATIC_DIR = Path(__file__).resolve().parent / "static"


def create_app(container: Container) -> FastAPI:
    """Build the app around a container (tests pass theirs)."""
    threads = container.settings.resolved_worker_threads()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # the thread pool runs the (synchronous) routes; its limiter belongs to the running event loop
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="onestop",
        version=__version__,
        description="Integrated delivery of social programs.",
        docs_url=None,  # served by apidocs from vendored files, so it works offline under the CSP
        redoc_url=None,
    )
    app.state.container = container
    #: Links sent outside the site (e-mails) start with this, never with the request's Host header.
    app.state.public_base_url = container.settings.resolved_public_base_url()
    settings = container.settings
    app.state.login_limiter = LoginRateLimiter(
        settings.resolved_rate_limit_storage(),
        per_address=settings.login_rate_per_address,
        per_username=settings.login_rate_per_username,
        fallback=settings.rate_limit_fallback,
    )
    errors.install(app)
    error_pages.install(app)
    install_unavailable(app, retry_after=settings.db_retry_after_seconds)
    app.add_exception_handler(LoginRequiredError, login_required)
    app.add_exception_handler(ClientSignInRequired, sign_in_required)
    for router in ROUTERS:
        app.include_router(router, prefix="/api")
    app.include_router(staff.router)
    app.include_router(portal.router)
    apidocs.install(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_middleware(app, container)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/portal/", status_code=303)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


def _add_middleware(app: FastAPI, container: Container) -> None:
    """Added innermost first; a request meets them in the other order: headers, trusted host, language,
    session, then CSRF (which needs the session)."""
    settings = container.settings
    production = settings.mode == "production"
    app.add_middleware(CsrfMiddleware, refuse=_refuse_csrf, max_body=settings.max_upload_bytes + 1024 * 1024)
    app.add_middleware(
        BodySizeLimitMiddleware,
        prefix="/api",
        limit=settings.api_max_body_bytes,
        multipart_limit=settings.max_upload_bytes + 64 * 1024,
    )
    app.add_middleware(
        SessionMiddleware,
        secret_key=container.secret_key,
        clock=container.clock,
        minutes=settings.session_minutes,
        secure=production,
    )
    app.add_middleware(LocaleMiddleware, secure=production)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(container))
    app.add_middleware(SecurityHeadersMiddleware, production=production)
    app.add_middleware(RetryReadsMiddleware)  # outermost: a retried read starts afresh


def allowed_hosts(container: Container) -> list[str]:
    """The configured host names and the public address's own (a forged Host header gets a 400)."""
    public = urlsplit(container.settings.resolved_public_base_url()).hostname
    return list(dict.fromkeys([*container.settings.allowed_hosts, *([public] if public else [])]))


def _refuse_csrf(request: Request) -> Response:
    detail = N_("This form has expired or did not come from onestop. Reload it and try again.")
    return error_pages.error_page(request, 403, pages.gettext(request, detail))


def create_default_app() -> FastAPI:
    """Factory for uvicorn: the container from environment settings; each worker warms up first."""
    app = create_app(build())
    warm_up()
    return app
