"""Languages of the web pages: Babel catalogues, choosing the locale, and locale-aware formatting.

The French catalogue is compiled from its ``.po`` file when the app starts (a few milliseconds), so
there is no compiled ``.mo`` file to forget to rebuild and no build step: edit the ``.po``, restart.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onestop.common.money import cents_to_decimal

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
DOMAIN = "messages"
LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
#: The Babel locale behind each page language: Canadian conventions for dates and money.
BABEL_LOCALES = {"en": "en_CA", "fr": "fr_CA"}
#: Each language's own name, for the switch (always shown in that language).
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
LANG_COOKIE = "onestop_lang"


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalogue for a language; English is the source language, so it has none."""
    po_path = TRANSLATIONS_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DEFAULT_LANGUAGE or not po_path.exists():
        return NullTranslations()
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def supported(language: str | None) -> str | None:
    """The language if the pages offer it ("fr-CA" counts as "fr"), else None."""
    if not language:
        return None
    primary = language.strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in LANGUAGES else None


def from_accept_language(header: str | None) -> str | None:
    """The browser's most preferred language that the pages offer (RFC 9110 quality values)."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        language = supported(tag)
        if language and quality > 0:
            choices.append((-quality, position, language))
    return min(choices)[2] if choices else None


def negotiate(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """``?lang=`` first, then the remembered choice, then the browser's preference, then English."""
    return supported(query) or supported(cookie) or from_accept_language(accept_language) or DEFAULT_LANGUAGE


class Formatter:
    """Dates, times, money and numbers written the way readers of one language expect."""

    def __init__(self, language: str, timezone: str) -> None:
        self.locale = BABEL_LOCALES.get(language, BABEL_LOCALES[DEFAULT_LANGUAGE])
        self.tz = ZoneInfo(timezone)

    def date(self, value: dt.date | None, format: str = "long") -> str:
        """A date such as "March 2, 2026" / "2 mars 2026"."""
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            value = value.astimezone(self.tz).date()
        return babel_dates.format_date(value, format=format, locale=self.locale)

    def datetime(self, value: dt.datetime | None, format: str = "medium") -> str:
        """A moment in the office's time zone."""
        if value is None:
            return ""
        return babel_dates.format_datetime(value, format=format, tzinfo=self.tz, locale=self.locale)

    def time(self, value: dt.datetime | None) -> str:
        """A time of day in the office's time zone, such as "2:30 a.m." / "02 h 30"."""
        if value is None:
            return ""
        return babel_dates.format_time(value, format="short", tzinfo=self.tz, locale=self.locale)

    def money(self, value: int | Decimal | str | None) -> str:
        """Dollars from cents, a Decimal or a decimal string ("621.50"): "$1,234.50" / "1 234,50 $"."""
        if value is None or value == "":
            return ""
        amount = cents_to_decimal(value) if isinstance(value, int) else Decimal(value)
        return babel_numbers.format_currency(amount, "CAD", locale=self.locale)

    def number(self, value: int | Decimal | None) -> str:
        """A number with the locale's separators: "1,234" / "1 234"."""
        if value is None:
            return ""
        return babel_numbers.format_decimal(value, locale=self.locale)


class LocaleMiddleware:
    """Chooses each request's language into ``request.state.language``; remembers ``?lang=`` in a cookie."""

    def __init__(self, app: ASGIApp, *, secure: bool) -> None:
        self.app = app
        self.secure = secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        asked = supported(connection.query_params.get("lang"))
        language = negotiate(
            asked, connection.cookies.get(LANG_COOKIE), connection.headers.get("accept-language")
        )
        scope.setdefault("state", {})["language"] = language

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.add_vary_header("Accept-Language")
                if asked:
                    flags = "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax" + (
                        "; Secure" if self.secure else ""
                    )
                    headers.append("Set-Cookie", f"{LANG_COOKIE}={asked}{flags}")
            await send(message)

        await self.app(scope, receive, send_with_cookie)
