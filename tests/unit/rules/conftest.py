"""Shared helpers for the rules engine's unit tests: the packs under test."""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop.jurisdictions import get_pack, load_pack_path
from onestop.rules import Pack

REPO = Path(__file__).resolve().parents[3]
ISB_PACK = REPO / "benchmarks" / "isb_pack"


@pytest.fixture(scope="session")
def ab() -> Pack:
    """The Alberta pack."""
    return get_pack("ca-ab")


@pytest.fixture(scope="session")
def isb() -> Pack:
    """The ISB benchmark pack (a pack outside the onestop package)."""
    return load_pack_path(ISB_PACK)
