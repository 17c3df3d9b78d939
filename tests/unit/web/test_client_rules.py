"""The portal's client-account rules (the clients area is the portal's): addresses, passwords, tokens."""

from __future__ import annotations

import pytest

from onestop.clients.domain import check_client_password, new_token, normalise_email, token_hash
from onestop.common.errors import InvalidInput


def test_addresses_are_trimmed_lower_case_and_roughly_valid() -> None:
    assert normalise_email("  Ana.Roy@Example.CA ") == "ana.roy@example.ca"
    for bad in ("", "ana", "ana@", "@example.ca", "ana@example", "a b@example.ca"):
        with pytest.raises(InvalidInput) as err:
            normalise_email(bad)
        assert err.value.field == "email"


def test_a_password_is_long_mixed_and_not_the_address() -> None:
    check_client_password("Tulips-and-7-bees", "ana@example.ca")
    for bad in ("short1A", "alllowercaseletters", "my-anaroy-2026!", "ana.roy@example.ca1"):
        with pytest.raises(InvalidInput):
            check_client_password(bad, "anaroy@example.ca" if "anaroy" in bad else "ana.roy@example.ca")


def test_only_a_hash_of_the_link_token_is_kept() -> None:
    token, stored = new_token()
    assert len(token) >= 40 and stored == token_hash(token) and token not in stored
    assert new_token()[0] != token
