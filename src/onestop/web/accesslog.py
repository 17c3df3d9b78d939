"""uvicorn's access log without query strings.

The pages and the API never put a name, SIN, phone or birth date in an address on purpose, but an
address typed by hand or sent by an old client still could; a log line is kept for months and read
by people who may not see personal data. So each line keeps the method, the path and the status, and
drops whatever follows ``?``.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from uvicorn.config import LOGGING_CONFIG

#: The position of the request target in the arguments of uvicorn's access log record
#: (client address, method, path with query, HTTP version, status).
_PATH_ARG = 2


class DropQueryString(logging.Filter):
    """Removes the query string from each access log record (keeps every record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the path argument in place; never drop the line itself."""
        args = record.args
        if isinstance(args, tuple) and len(args) > _PATH_ARG:
            target = args[_PATH_ARG]
            if isinstance(target, str):
                record.args = (*args[:_PATH_ARG], target.split("?", 1)[0], *args[_PATH_ARG + 1 :])
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's own logging configuration, with ``DropQueryString`` on the access logger.

    Given to ``uvicorn.run(log_config=...)``, it is applied in every worker process.
    """
    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["no_query"] = {"()": f"{__name__}.DropQueryString"}
    config["loggers"]["uvicorn.access"]["filters"] = ["no_query"]
    return config
