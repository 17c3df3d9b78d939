"""Nicknames and the other sex's form of a given name."""

from __future__ import annotations

import pytest

from onestop.registry.givennames import nickname_key, nickname_of, other_sex_forms


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("daniel", "danielle"),
        ("jean", "jeanne"),
        ("louis", "louise"),
        ("paul", "pauline"),
        ("francis", "frances"),
        ("michel", "michelle"),
        ("eric", "erica"),
        ("julien", "julienne"),
    ],
)
def test_other_sex_forms(a: str, b: str) -> None:
    assert other_sex_forms(a, b) and other_sex_forms(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("john", "jon"),
        ("marie", "mari"),
        ("ann", "anne"),
        ("daniel", "daniel"),
        ("al", "ale"),
        ("luc", "lucas"),
    ],
)
def test_not_other_sex_forms(a: str, b: str) -> None:
    assert not other_sex_forms(a, b)


def test_nicknames() -> None:
    assert nickname_of("bob", "robert") and nickname_of("robert", "bob")
    assert not nickname_of("bob", "william") and not nickname_of("robert", "robert")
    assert nickname_key("bob") == nickname_key("robert") == "robert"
    assert nickname_key("zelda") == "zelda"
