"""A loopback SMTP server (aiosmtpd) that keeps every message and drops a Message-ID it already has."""

from __future__ import annotations

import socket
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.integration.cases.conftest import (
    person,  # noqa: F401
    team,  # noqa: F401  (re-exported fixtures)
)


@dataclass
class Mailbox:
    """What the server accepted: each Message-ID once (a repeat is counted and dropped)."""

    messages: dict[str, Any] = field(default_factory=dict)
    seen: Counter[str] = field(default_factory=Counter)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
        msg = message_from_bytes(envelope.content, policy=policy.default)
        mid = str(msg["Message-ID"])
        self.seen[mid] += 1
        self.messages.setdefault(mid, msg)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A loopback SMTP server that can go down and come back on the same port."""

    def __init__(self, box: Mailbox) -> None:
        self.box, self.port = box, free_port()
        self.url = f"smtp://127.0.0.1:{self.port}"
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.box, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp() -> Iterator[tuple[str, Mailbox, Server]]:
    server = Server(Mailbox())
    server.start()
    try:
        yield server.url, server.box, server
    finally:
        server.stop()
