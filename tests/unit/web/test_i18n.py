"""Choosing the language, formatting for the locale, and the completeness of the French catalogue."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from onestop.web import i18n

NBSP = {"\u00a0", "\u202f"}
ROOT = Path(__file__).resolve().parents[3]


def spaces(text: str) -> str:
    """Non-breaking spaces (which Babel rightly uses in French) as plain ones, for readable asserts."""
    return "".join(" " if ch in NBSP else ch for ch in text)


@pytest.mark.parametrize(
    ("query", "cookie", "header", "expected"),
    [
        ("fr", None, None, "fr"),
        ("FR-ca", "en", "en", "fr"),
        (None, "fr", "en-CA,en;q=0.9", "fr"),
        ("de", None, "fr-CA,fr;q=0.9,en;q=0.8", "fr"),
        (None, None, "de-DE, en;q=0.5, fr;q=0.7", "fr"),
        (None, None, "fr;q=0, en;q=0.1", "en"),
        (None, None, "de, es", "en"),
        (None, None, "", "en"),
        (None, "xx", "garbage;q=abc", "en"),
    ],
)
def test_query_then_cookie_then_browser_then_english(
    query: str | None, cookie: str | None, header: str | None, expected: str
) -> None:
    assert i18n.negotiate(query, cookie, header) == expected


def test_money_is_written_the_canadian_way_in_each_language() -> None:
    assert i18n.Formatter("en", "America/Edmonton").money(123450) == "$1,234.50"
    assert spaces(i18n.Formatter("fr", "America/Edmonton").money(123450)) == "1 234,50 $"
    assert spaces(i18n.Formatter("fr", "America/Edmonton").money(Decimal("-5.5"))) == "-5,50 $"
    assert i18n.Formatter("en", "UTC").money(None) == ""


def test_numbers_and_dates_follow_the_locale_and_the_office_time_zone() -> None:
    en, fr = i18n.Formatter("en", "America/St_Johns"), i18n.Formatter("fr", "America/Edmonton")
    assert spaces(fr.number(1234567)) == "1 234 567"
    assert en.date(dt.date(2026, 3, 2)) == "March 2, 2026"
    assert fr.date(dt.date(2026, 3, 2)) == "2 mars 2026"
    late = dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.UTC)  # still 1 March in Edmonton
    assert fr.date(late) == "1 mars 2026"
    assert spaces(fr.time(late)) == "20 h 00"
    assert spaces(en.time(late)) == "11:30 p.m."  # Newfoundland is UTC-3:30


def test_english_is_the_source_and_french_is_compiled_from_its_po_file() -> None:
    assert i18n.translations("en").gettext("Sign in") == "Sign in"
    assert i18n.translations("fr").gettext("Sign in") == "Se connecter"
    assert i18n.translations("fr").ngettext("%(num)d person found", "%(num)d people found", 2) == (
        "%(num)d personnes trouvées"
    )


def test_every_message_of_the_template_is_translated_into_french() -> None:
    with (i18n.TRANSLATIONS_DIR / "messages.pot").open("rb") as pot_file:
        pot = read_po(pot_file)
    with (i18n.TRANSLATIONS_DIR / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as po_file:
        french = read_po(po_file, locale="fr")
    problems = []
    for message in pot:
        if not message.id:
            continue
        translated = french.get(message.id)
        strings = translated.string if translated else None
        if not translated or not strings or (isinstance(strings, tuple) and not all(strings)):
            problems.append(f"untranslated: {message.id!r}")
        elif translated.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
    assert not problems, "\n".join(problems)


def test_the_message_template_lists_every_string_in_the_code_and_templates(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            Path(sys.executable).parent / "pybabel",
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-o",
            fresh,
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with fresh.open("rb") as fresh_file, (i18n.TRANSLATIONS_DIR / "messages.pot").open("rb") as kept_file:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fresh_file) if m.id}
        kept = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(kept_file) if m.id}
    assert wanted == kept, "run the extract and update commands in docs/web.md: " + repr(wanted ^ kept)
