"""The privacy schedules (deadlines and retention), read once from ``schedules.yaml`` beside this module."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from onestop.privacy.domain import Schedules, schedules_from


@cache
def schedules() -> Schedules:
    """The configured schedules (``schedules.yaml``); a malformed file raises at first use."""
    text = (resources.files("onestop.privacy") / "schedules.yaml").read_text(encoding="utf-8")
    return schedules_from(yaml.safe_load(text))
