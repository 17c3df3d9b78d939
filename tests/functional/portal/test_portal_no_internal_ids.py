"""Issue 13 (portal fix): public pages never show internal ids (program ids such as "ab.aish",
parameter ids such as "ab.aish.max_living_allowance[single]", rules version hashes)."""

from __future__ import annotations

import re
import uuid

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.web.portal.decision_text import public_text
from tests.functional.portal.conftest import apply, confirmed, sign_in
from tests.functional.portal.test_ownership import _decided

#: A pack id: two letters, a dot, a lower-case name (program "ab.aish", "nl.nlpdp.65plus"; parameter
#: "ab.aish.max_living_allowance[single]"). E-mail addresses and host names on a page are not ids.
PACK_ID = re.compile(r"(?<![\w@./-])(?:ab|nl|isb)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*(?![\w@-])")
HASH = re.compile(r"sha256:[0-9a-f]{8,}")
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")


def internal_ids(html: str) -> list[str]:
    """Pack ids and version hashes in a page's visible text (tags and attributes left out)."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"/portal/[^\s\"'<]*", " ", text)  # the page's own links carry record ids
    return PACK_ID.findall(text) + HASH.findall(text) + UUID.findall(text)


def test_the_pattern_finds_ids_and_spares_addresses() -> None:
    assert internal_ids("<p>AISH (ab.aish): yes; gap ab.aish.max_living_allowance[single]</p>") == [
        "ab.aish",
        "ab.aish.max_living_allowance",
    ]
    assert internal_ids('<a href="/portal/programs/ab.aish">help@ab.ca, www.ab.ca</a>') == []
    assert internal_ids("Role = {c24b43a3-fa52-4d1b-b252-ae3e9c96a599: applicant}") == [
        "c24b43a3-fa52-4d1b-b252-ae3e9c96a599"
    ]


def test_public_text_keeps_the_reasons_and_drops_ids() -> None:
    stored = (
        "Decision 1 — AISH: ELIGIBLE (granted) from 2025-01-01\n\n"
        "Assured Income (ab.aish): UNDETERMINED\n"
        "  Amounts: Subsidy [0a1b2c3d-0000-4000-8000-000000000001] 12.00\n"
        "  Tests:\n    ? assets: unknown (1.00 ≤ ?) [AISH Act s.3]\n"
        "  Policy values not published (no value in onestop): Maximum [single] (ab.aish.max[single])\n"
        "  Values used: Role = {0a1b2c3d-0000-4000-8000-000000000001: applicant}\n"
        "  Parameters used:\n    Maximum = 1.00 — ab.aish source\n"
    )
    shown = public_text(stored, "ab.aish", "AISH", "en")
    assert internal_ids(shown) == []
    assert "AISH: UNDETERMINED" in shown and "? assets: unknown (1.00 ≤ ?) [AISH Act s.3]" in shown
    assert "Subsidy 12.00" in shown and "Maximum [single]" in shown
    assert "Values used" not in shown and "Parameters used" not in shown


def test_the_decision_page_shows_the_programs_public_name_and_no_internal_id(
    client: TestClient, container: Container
) -> None:
    confirmed(client, container, "ids@example.ca")
    sign_in(client, "ids@example.ca")
    application = apply(client, "Ida", "Dee", program="ab.income_support")
    decision = _decided(container, uuid.UUID(application.rsplit("/", 1)[1]))
    for lang in ("en", "fr"):
        for path in (f"/portal/decisions/{decision}", application, "/portal/account"):
            page = client.get(path, params={"lang": lang})
            assert page.status_code == 200, path
            assert internal_ids(page.text) == [], f"{path} ({lang}) shows {internal_ids(page.text)}"
        assert f'lang="{lang}"' in page.text
    english = client.get(f"/portal/decisions/{decision}", params={"lang": "en"}).text
    assert "Income Support: ELIGIBLE" in english and "met (0.00" in english  # the tests and their reasons
    assert "Values used" not in english  # the officer's explanation stays with the officer
