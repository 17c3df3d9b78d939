"""Read the registry into the sweep's Arrow table: current records only, one pass per table.

Merged records are left out (their survivor stands for them). A person's postal code is their
latest current address's, their phone and e-mail the first current ones, their SIN and health
number the first current ones *as blind indexes* (nothing is decrypted: the sweep only needs to know
whether two records hold the same number).
"""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa
from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop.registry import models as m
from onestop.registry.sweep import features

CHUNK = 50_000


def _first_current(
    session: Session, table: type[m.PersonContact] | type[m.PersonIdentifier], kind: str
) -> dict[str, str]:
    """Each person's first current contact of ``kind`` (its value), or identifier (its blind index)."""
    value = table.value if table is m.PersonContact else table.blind_index  # type: ignore[union-attr]
    rows = session.execute(
        select(table.person_id, value)
        .where(table.kind == kind, table.removed_at.is_(None))
        .order_by(table.created_at.desc(), table.id.desc())
        .execution_options(yield_per=CHUNK)
    )
    return {str(pid): found for pid, found in rows}  # the earliest current one wins (written last)


def _postal_codes(session: Session) -> dict[str, str]:
    a = m.PersonAddress
    rows = session.execute(
        select(a.person_id, a.postal_code)
        .where(a.removed_at.is_(None))
        .order_by(a.created_at, a.id)
        .execution_options(yield_per=CHUNK)
    )
    return {str(pid): code for pid, code in rows}  # the latest current address wins


def people_table(session: Session, progress: Callable[[int], None] | None = None) -> pa.Table:
    """Every current (unmerged) person as a row of ``features.COLUMNS``."""
    phones, emails = (
        _first_current(session, m.PersonContact, "phone"),
        _first_current(session, m.PersonContact, "email"),
    )
    sins = _first_current(session, m.PersonIdentifier, "sin")
    health = _first_current(session, m.PersonIdentifier, "health_number")
    postal = _postal_codes(session)
    p = m.Person
    query = (
        select(
            p.id,
            p.given_names,
            p.family_name,
            p.preferred_name,
            p.birth_date,
            p.gender,
            p.former_family_names,
        )
        .where(p.merged_into_id.is_(None))
        .order_by(p.id)
        .execution_options(yield_per=CHUNK)
    )
    batches: list[pa.RecordBatch] = []
    rows: list[dict[str, object]] = []
    done = 0
    schema = features.schema()
    for pid, given, family, preferred, born, gender, former in session.execute(query):
        key = str(pid)
        details = features.PersonDetails(
            key,
            given,
            family,
            preferred,
            born,
            gender,
            postal.get(key),
            phones.get(key),
            emails.get(key),
            sins.get(key),
            health.get(key),
            tuple(former or ()),
        )
        rows.append(features.row(details))
        if len(rows) == CHUNK:
            batches.append(pa.RecordBatch.from_pylist(rows, schema=schema))
            done += len(rows)
            rows = []
            if progress is not None:
                progress(done)
    if rows:
        batches.append(pa.RecordBatch.from_pylist(rows, schema=schema))
        done += len(rows)
        if progress is not None:
            progress(done)
    return pa.Table.from_batches(batches, schema=schema)
