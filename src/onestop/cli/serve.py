"""``onestop serve``: run the web app (API, staff pages, portal) with uvicorn."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes (the app is stateless)."),
) -> None:
    """Serve the app; OpenAPI documentation is at /docs."""
    import uvicorn

    from onestop.web.accesslog import log_config

    uvicorn.run(
        "onestop.web.app:create_default_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        log_config=log_config(),  # the access log without query strings
    )
