"""The sweep's input row: folded names, nickname key, digits-only birth date, plain sex, no secrets."""

from __future__ import annotations

import datetime as dt

from onestop.registry.sweep import features


def _row(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "person_id": "p1",
        "given_names": "Bob Émile",
        "family_name": "MacDonald-Côté",
        "preferred_name": None,
        "birth_date": dt.date(1983, 3, 4),
        "gender": "Homme",
        "postal_code": "t5j 1a1",
        "phone": "+17805550101",
        "email": "Bob@Example.com",
    }
    return features.row(features.PersonDetails(**(base | changes)))  # type: ignore[arg-type]


def test_row_folds_names_and_keys_nicknames() -> None:
    row = _row()
    assert set(row) == set(features.COLUMNS)
    assert row["given"] == "bob" and row["given_key"] == "robert"
    assert row["family"] == "mcdonald cote" and row["given_all"] == "bob emile"
    assert row["birth_text"] == "19830304"
    assert row["sex"] == "m" and row["postal_code"] == "T5J1A1" and row["email"] == "bob@example.com"
    assert row["sin"] is None and row["health_number"] is None


def test_identifiers_are_blind_indexes_passed_through() -> None:
    row = _row(sin="c0ffee", health_number="")
    assert row["sin"] == "c0ffee" and row["health_number"] is None


def test_unknown_or_missing_values_are_null() -> None:
    row = _row(gender="non-binary", birth_date=None, postal_code=None, given_names="")
    assert row["sex"] is None and row["birth_date"] is None and row["birth_text"] is None
    assert row["postal_code"] is None and row["given"] is None and row["given_key"] is None
    assert features.sex_of("F") == "f" and features.sex_of(None) is None


def test_former_family_names_are_folded_into_one_searchable_column() -> None:
    assert _row()["former"] is None
    assert _row(former_family_names=("Gagnon", "St-Pierre", " "))["former"] == "|gagnon|saint pierre|"


def test_the_former_name_level_finds_a_family_name_among_the_other_records_former_names() -> None:
    import duckdb

    from onestop.registry.sweep.model import _FORMER_NAME

    def level(family_l: str, former_l: str | None, family_r: str, former_r: str | None) -> bool:
        columns = "? AS family_l, ? AS former_l, ? AS family_r, ? AS former_r"
        sql = f"SELECT {_FORMER_NAME} FROM (SELECT {columns})"  # noqa: S608 - the module's constant SQL
        found = duckdb.execute(sql, [family_l, former_l, family_r, former_r]).fetchone()
        return bool(found and found[0])

    assert level("gagnon", None, "bouchard", "|gagnon|")
    assert level("bouchard", "|gagnon|", "gagnon", None)
    assert not level("gagnon", None, "bouchard", None)
    assert not level("gagn", None, "bouchard", "|gagnon|")  # a whole name, not a part of one
