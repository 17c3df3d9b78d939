"""``onestop serve``: run the web app (API, staff pages, portal) with uvicorn."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int | None = typer.Option(
        None, min=1, help="Worker processes (the app is stateless); default ONESTOP_WORKERS."
    ),
) -> None:
    """Serve the app; OpenAPI documentation is at /docs."""
    import uvicorn

    from onestop.config import Settings
    from onestop.web import log_config

    settings = Settings()
    uvicorn.run(
        "onestop.web.app:create_default_app",
        factory=True,
        host=host,
        port=port,
        workers=workers or settings.resolved_workers(),
        proxy_headers=True,
        timeout_keep_alive=settings.keep_alive_seconds,
        timeout_worker_healthcheck=settings.worker_healthcheck_seconds,
        log_config=log_config(),  # the access log without query strings
    )
