"""The access log keeps paths, never query strings, and ``onestop serve`` uses that configuration."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from uvicorn.logging import AccessFormatter

from onestop.cli import serve
from onestop.web.accesslog import DropQueryString, log_config


def access_record(path: str) -> logging.LogRecord:
    """A record as uvicorn's HTTP protocol writes it."""
    args = ("10.0.0.7:5123", "GET", path, "1.1", 200)
    return logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d', args, None
    )


def test_the_query_string_is_dropped_and_the_line_kept() -> None:
    record = access_record("/api/people?sin=130692544&name=Smith")
    assert DropQueryString().filter(record) is True
    line = AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s', use_colors=False).format(
        record
    )
    assert line == '10.0.0.7:5123 - "GET /api/people HTTP/1.1" 200 OK'
    plain = access_record("/staff/people")
    DropQueryString().filter(plain)
    assert plain.getMessage() == '10.0.0.7:5123 - "GET /staff/people HTTP/1.1" 200'


def test_serve_gives_uvicorn_the_configuration_with_the_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: seen.update(kwargs))
    serve.serve(host="127.0.0.1", port=8000, workers=2)
    assert seen["log_config"] == log_config()
    assert seen["log_config"]["loggers"]["uvicorn.access"]["filters"] == ["no_query"]
    assert seen.get("access_log", True) is True  # logged, without queries
