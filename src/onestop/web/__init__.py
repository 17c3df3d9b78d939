"""web."""

from onestop.web.accesslog import log_config

__all__ = [
    "log_config",
]
