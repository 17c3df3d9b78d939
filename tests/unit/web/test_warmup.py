"""Each worker loads the catalogues, packs and templates before its first request, and always starts."""

from __future__ import annotations

import logging

import pytest

from onestop.jurisdictions.catalogue import JURISDICTIONS, load_catalogue
from onestop.web import pages, warmup


def test_warm_up_loads_what_the_first_request_would() -> None:
    seconds = warmup.warm_up()
    assert seconds >= 0
    assert load_catalogue.cache_info().currsize >= len(JURISDICTIONS)
    cached = pages.environment().cache
    assert cached is not None and len(cached) >= 50  # every page template compiled


def test_a_failing_step_is_logged_and_the_server_starts(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_jurisdiction: str) -> None:
        raise ValueError("catalogue unreadable")

    monkeypatch.setattr(warmup, "load_catalogue", broken)
    with caplog.at_level(logging.ERROR, logger="onestop.web.warmup"):
        warmup.warm_up()
    assert "warm-up step failed" in caplog.text
