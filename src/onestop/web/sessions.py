"""Browser sessions for the staff pages and the portal: an encrypted cookie that expires server-side.

The cookie holds only what the pages need between requests: the CSRF token, who is signed in, when
they were last active, flash messages, and the screener's answers of someone about to apply online
(income, disability...). It is encrypted and authenticated (AES-256-GCM, with a key derived from the
container's secret key), so it can be neither read nor forged nor edited, not even by the browser
that carries it. The inactivity timeout is checked here, against the container's clock, not left
to the browser: an old cookie replayed later is refused.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import os
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onestop.common.clock import Clock

COOKIE_NAME = "onestop_session"
#: Paths that never use the session: the JSON API authenticates with bearer tokens, static files need nothing.
SESSIONLESS_PREFIXES = ("/api/", "/static/", "/healthz", "/docs", "/redoc", "/openapi.json")


def new_csrf_token() -> str:
    """A fresh unguessable token."""
    return secrets.token_urlsafe(32)


class WebSession:
    """One browser's session data, with a flag that says whether the cookie must be rewritten."""

    def __init__(self, data: dict[str, Any] | None = None, *, timed_out: bool = False) -> None:
        self.data: dict[str, Any] = data or {}
        self.modified = False
        #: True when a login was dropped on this request because of inactivity.
        self.timed_out = timed_out

    @property
    def csrf_token(self) -> str:
        """This session's CSRF token, created on first use."""
        if "csrf" not in self.data:
            self.data["csrf"] = new_csrf_token()
            self.modified = True
        return str(self.data["csrf"])

    @property
    def login(self) -> dict[str, Any] | None:
        """What the login step stored about the staff member, or None when nobody is logged in."""
        login = self.data.get("login")
        return login if isinstance(login, dict) else None

    def log_in(self, login: dict[str, Any], now: dt.datetime) -> None:
        """Start a logged-in session; a new CSRF token so a token seen before login is useless after."""
        self.data = {"csrf": new_csrf_token(), "login": login, "seen": now.isoformat()}
        self.modified = True

    @property
    def client(self) -> dict[str, Any] | None:
        """The portal client signed in on this browser (``{"id", "email"}``), if any."""
        client = self.data.get("client")
        return client if isinstance(client, dict) else None

    def client_in(self, client: dict[str, Any], now: dt.datetime) -> None:
        """Start a client's session; like a staff sign-in, with a fresh CSRF token (pending data kept)."""
        kept = {k: v for k, v in self.data.items() if k == "pending"}
        self.data = {"csrf": new_csrf_token(), "client": client, "seen": now.isoformat(), **kept}
        self.modified = True

    def log_out(self) -> None:
        """Forget the login and everything else, keeping nothing from before."""
        self.data = {"csrf": new_csrf_token()}
        self.modified = True

    def flash(self, text: str, kind: str = "info") -> None:
        """Keep a message to show on the next page (after a redirect)."""
        self.data.setdefault("flash", []).append({"text": text, "kind": kind})
        self.modified = True

    def pop_flashes(self) -> list[dict[str, str]]:
        """The waiting messages, removed from the session."""
        flashes = self.data.pop("flash", [])
        if flashes:
            self.modified = True
        return list(flashes)


class CookieCipher:
    """The session data as an opaque cookie value: AES-256-GCM under a key derived from the secret key.

    A fresh random nonce per cookie; the cookie's purpose is bound as associated data.
    """

    _AAD = b"onestop.web.session.v1"

    def __init__(self, secret_key: str) -> None:
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"onestop:web-session-cookie")
        self._aead = AESGCM(hkdf.derive(secret_key.encode("utf-8")))

    def dumps(self, data: dict[str, Any]) -> str:
        """The cookie value for ``data``."""
        nonce = os.urandom(12)
        plain = json.dumps(data, separators=(",", ":")).encode("utf-8")
        sealed = nonce + self._aead.encrypt(nonce, plain, self._AAD)
        return base64.urlsafe_b64encode(sealed).decode("ascii").rstrip("=")

    def loads(self, value: str) -> Any:
        """The data in a cookie value; ValueError for anything not made by this key, or changed since."""
        try:
            sealed = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            plain = self._aead.decrypt(sealed[:12], sealed[12:], self._AAD)
            return json.loads(plain)
        except (binascii.Error, InvalidTag, UnicodeDecodeError) as err:
            raise ValueError("not a session cookie of this site") from err


class SessionMiddleware:
    """Loads the session into ``request.state.session`` and writes the cookie back when needed."""

    def __init__(self, app: ASGIApp, *, secret_key: str, clock: Clock, minutes: int, secure: bool) -> None:
        self.app = app
        self.cipher = CookieCipher(secret_key)
        self.clock = clock
        self.timeout = dt.timedelta(minutes=minutes)
        self.secure = secure
        # The __Host- prefix makes the browser refuse the cookie unless it is Secure, for "/", host-only.
        self.cookie_name = f"__Host-{COOKIE_NAME}" if secure else COOKIE_NAME

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(SESSIONLESS_PREFIXES):
            await self.app(scope, receive, send)
            return
        session = self.load(HTTPConnection(scope).cookies.get(self.cookie_name))
        scope.setdefault("state", {})["session"] = session

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and (
                session.modified or session.login or session.client
            ):
                MutableHeaders(scope=message).append("Set-Cookie", self.cookie(session))
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def load(self, cookie: str | None) -> WebSession:
        """The session in a cookie; a forged, unreadable or idle login gives an empty (or logged-out) one."""
        if not cookie:
            return WebSession()
        try:
            data = self.cipher.loads(cookie)
        except ValueError:  # forged, edited, from another key, or from before the cookie was encrypted
            return WebSession()
        if not isinstance(data, dict):
            return WebSession()
        session = WebSession(data)
        if session.login is not None or session.client is not None:
            self._check_idle(session)
        return session

    def _check_idle(self, session: WebSession) -> None:
        now = self.clock.now()
        try:
            seen = dt.datetime.fromisoformat(str(session.data.get("seen")))
        except ValueError:
            seen = None
        if seen is None or seen.tzinfo is None or now - seen > self.timeout:
            session.data = {"csrf": session.data.get("csrf") or new_csrf_token()}
            session.timed_out = True
            session.modified = True
        else:
            session.data["seen"] = now.isoformat()  # sliding: each request restarts the countdown

    def cookie(self, session: WebSession) -> str:
        """The Set-Cookie value: no Max-Age (gone when the browser closes), HttpOnly, SameSite=Lax."""
        value = self.cipher.dumps(session.data)
        flags = "; Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if self.secure else "")
        return f"{self.cookie_name}={value}{flags}"
