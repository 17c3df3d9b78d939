"""Name folding and search keys: the fuzzy cases must share at least one key."""

from __future__ import annotations

import pytest

from onestop.registry.namekeys import (
    NameParts,
    canonical_token,
    fold,
    keys_for,
    parse_query,
    query_keys,
    tokens,
)


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Hélène", "helene"),
        ("D'Amours", "damours"),
        ("Côté-Tremblay", "cote tremblay"),
        ("STRAßE", "strasse"),
        ("Øyvind", "oyvind"),
        ("  Zoë   ", "zoe"),
    ],
)
def test_fold(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_mac_and_mc_are_one_spelling() -> None:
    assert canonical_token("macdonald") == canonical_token("mcdonald") == "mcdonald"
    assert canonical_token("mack") == "mack"  # too short to be a Mac- prefix
    assert tokens("St-Pierre") == tokens("Saint Pierre") == ["saint", "pierre"]


def _shares_a_key(stored: tuple[str, str], typed: str, *, narrow_only: bool = False) -> bool:
    keys = keys_for(NameParts.of(*stored))
    tiers = (False,) if narrow_only else (False, True)
    return any(query_keys(p, broad=broad) & keys for p in parse_query(typed) for broad in tiers)


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        (("John", "Smith"), "Jon Smith"),
        (("John", "Smith"), "John Smtih"),
        (("John", "Smith"), "Jhon Smyth"),
        (("John", "Smith"), "Smith, John"),
        (("John", "Smith"), "Smith John"),
        (("Angus", "MacDonald"), "Angus McDonald"),
        (("Hélène", "Côté"), "helene cote"),
        (("Catherine", "Gagnon"), "Kathryn Gagnon"),
        (("Marie-Ève", "Tremblay-Roy"), "Marie Roy"),
        (("", "Madonna"), "Madonna"),
    ],
)
def test_fuzzy_variants_share_a_key(stored: tuple[str, str], typed: str) -> None:
    assert _shares_a_key(stored, typed)


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        (("John", "Smith"), "Jon Smith"),
        (("John", "Smith"), "John Smtih"),
        (("Angus", "MacDonald"), "Angus McDonald"),
        (("Hélène", "Côté"), "HELENE COTE"),
        (("Catherine", "Gagnon"), "Kathryn Gagnon"),
    ],
)
def test_common_variants_need_only_the_narrow_keys(stored: tuple[str, str], typed: str) -> None:
    assert _shares_a_key(stored, typed, narrow_only=True)


def test_unrelated_names_share_no_key() -> None:
    assert not _shares_a_key(("John", "Smith"), "Mary Nguyen")


def test_one_word_query_uses_family_key_only() -> None:
    (parts,) = parse_query("Smith")
    assert all(k.startswith("f") for k in query_keys(parts))


def test_keys_are_short_enough_for_the_column() -> None:
    keys = keys_for(NameParts.of("A" * 150, "B" * 150))
    assert all(len(k) <= 80 for k in keys)
