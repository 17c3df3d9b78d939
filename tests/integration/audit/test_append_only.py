"""The audit log cannot be cut: triggers refuse UPDATE and DELETE, the head only moves forward and is
sealed with an HMAC under a key outside the database, and an anchor kept elsewhere catches the rest."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from onestop import audit, keys
from onestop.access.permissions import Actor, Role
from onestop.audit import domain, repository
from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from onestop.config import Settings
from onestop.db import make_engine, migrate
from tests.dbadmin import audit_triggers_off

OFFICER = Actor.for_roles(uuid.UUID(int=11), "olive", frozenset({Role.OFFICER}))


def _append(container: Container, n: int) -> None:
    for i in range(n):
        with container.uow() as uow:
            audit.record(uow, actor=OFFICER, action="person:read", subject_type="person", subject_id=f"p-{i}")
            uow.commit()


def _head(container: Container) -> tuple[int, str, str | None]:
    with container.uow() as uow:
        head = repository.read_head(uow.session)
        assert head is not None
        return head[0], head[1], repository.read_seal(uow.session)


def _as_db_admin(container: Container, *statements: tuple[str, dict[str, object]]) -> None:
    """What someone with the database's admin rights can do: switch the triggers off, change, commit."""
    with container.uow() as uow, audit_triggers_off(uow.session.connection()):
        for statement, params in statements:
            uow.session.execute(text(statement), params)
        uow.commit()


def _refused(container: Container, statement: str) -> str:
    with pytest.raises(DBAPIError) as err, container.uow() as uow:
        uow.session.execute(text(statement))
    return str(err.value)


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    """A CLI runner whose commands use the test container."""
    set_container(container)
    yield CliRunner()
    set_container(None)


def test_updating_or_deleting_an_event_is_refused_by_the_database(container: Container) -> None:
    _append(container, 3)
    assert "append-only" in _refused(
        container, "UPDATE audit_event SET actor_username = 'mallory' WHERE seq = 2"
    )
    assert "append-only" in _refused(container, "DELETE FROM audit_event WHERE seq = 3")
    assert "append-only" in _refused(container, "DELETE FROM audit_event")
    assert audit.verify(container.uow().__enter__().session).ok


def test_the_head_only_moves_forward(container: Container) -> None:
    _append(container, 5)
    assert "only moves forward" in _refused(container, "UPDATE audit_chain_head SET seq = 3")
    assert "only moves forward" in _refused(container, "UPDATE audit_chain_head SET hash = 'x'")
    assert "only moves forward" in _refused(container, "DELETE FROM audit_chain_head")
    _append(container, 1)  # appends still move it on
    assert _head(container)[0] == 6


def test_truncate_is_refused_on_postgresql(container: Container, backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    _append(container, 2)
    assert "append-only" in _refused(container, "TRUNCATE audit_event")
    assert "only moves forward" in _refused(container, "TRUNCATE audit_chain_head")


def test_every_append_seals_the_head_with_the_audit_key(container: Container) -> None:
    _append(container, 2)
    seq, head_hash, seal = _head(container)
    assert seal == domain.head_seal(container.audit_key, seq, head_hash)
    with container.uow() as uow:
        assert audit.verify(uow.session, key=container.audit_key).ok
        wrong = audit.verify(uow.session, key=b"another key")
    assert not wrong.ok and "seal does not match" in wrong.reason


def test_cutting_the_last_ten_events_and_repointing_the_head_is_caught(
    container: Container, cli: CliRunner, tmp_path: Path
) -> None:
    _append(container, 20)
    anchor_file = tmp_path / "anchor.json"
    run = cli.invoke(app, ["audit", "anchor", "--out", str(anchor_file)])
    assert run.exit_code == 0, run.output
    anchored = json.loads(anchor_file.read_text())
    assert anchored["seq"] == 21 and set(anchored) == {"seq", "hash", "hmac", "time"}  # 21: the anchoring
    assert cli.invoke(app, ["audit", "verify", "--anchor", str(anchor_file)]).exit_code == 0  # seq 22
    _append(container, 8)  # seq 23..30
    seq, _, _ = _head(container)
    assert seq == 30
    with container.uow() as uow:
        kept = repository.event_hash_at(uow.session, 20)
    _as_db_admin(
        container,
        ("DELETE FROM audit_event WHERE seq > 20", {}),
        ("UPDATE audit_chain_head SET seq = 20, hash = :hash", {"hash": kept}),
    )
    with container.uow() as uow:  # the read-only check (it records nothing)
        result = audit.verify(uow.session, key=container.audit_key)
    assert (result.ok, result.first_broken_seq) == (False, 20)
    assert "seal does not match" in result.reason and "repointed" in result.reason
    run = cli.invoke(app, ["audit", "verify", "--anchor", str(anchor_file)])
    assert run.exit_code == 2
    assert run.output.startswith(
        "audit log does NOT match the anchor: the log was TRUNCATED after the anchor"
    )
    assert "the anchor records 21 events, the log now ends at seq 20" in run.output
    _append(container, 5)  # the office goes on working: its appends do not re-seal the cut head
    run = cli.invoke(app, ["audit", "verify"])
    assert run.exit_code == 1 and "seal is broken" in run.output
    run = cli.invoke(app, ["audit", "verify", "--anchor", str(anchor_file)])
    assert run.exit_code == 2 and "event 21 is not the one anchored" in run.output


def test_an_old_head_put_back_passes_the_seal_but_not_the_anchor(
    container: Container, cli: CliRunner, tmp_path: Path
) -> None:
    _append(container, 10)
    old_seq, old_hash, old_seal = _head(container)  # copied by someone who reads the database
    _append(container, 10)
    anchor_file = tmp_path / "anchor.json"
    anchor_file.write_text(cli.invoke(app, ["audit", "anchor"]).output)  # to stdout, kept elsewhere
    _as_db_admin(
        container,
        ("DELETE FROM audit_event WHERE seq > :seq", {"seq": old_seq}),
        (
            "UPDATE audit_chain_head SET seq = :seq, hash = :hash, seal = :seal",
            {"seq": old_seq, "hash": old_hash, "seal": old_seal},
        ),
    )
    assert cli.invoke(app, ["audit", "verify"]).exit_code == 0  # the limit of the seal alone
    run = cli.invoke(app, ["audit", "verify", "--anchor", str(anchor_file)])
    assert run.exit_code == 2 and "TRUNCATED" in run.output


def test_a_chain_rewritten_from_the_middle_is_caught_by_the_seal_and_named_by_the_anchor(
    container: Container, cli: CliRunner, tmp_path: Path
) -> None:
    _append(container, 6)
    anchor_file = tmp_path / "anchor.json"
    cli.invoke(app, ["audit", "anchor", "--out", str(anchor_file)])  # seq 7
    # Rewrite event 3 and re-compute every hash after it, as SHA-256 without a key allows.
    with container.uow() as uow:
        events = list(repository.iter_chain(uow.session, up_to_seq=7))
    statements: list[tuple[str, dict[str, object]]] = []
    prev = events[1][1]
    for fields, _ in events[2:]:
        changed = replace(
            fields, prev_hash=prev, subject_id="someone-else" if fields.seq == 3 else fields.subject_id
        )
        prev = domain.event_hash(changed)
        statements.append(
            (
                "UPDATE audit_event SET subject_id = :sid, prev_hash = :prev, hash = :hash WHERE seq = :seq",
                {"sid": changed.subject_id, "prev": changed.prev_hash, "hash": prev, "seq": fields.seq},
            )
        )
    statements.append(("UPDATE audit_chain_head SET hash = :hash", {"hash": prev}))
    _as_db_admin(container, *statements)
    with container.uow() as uow:
        assert audit.verify(uow.session).ok  # the bare chain is consistent again
    run = cli.invoke(app, ["audit", "verify"])
    assert run.exit_code == 1 and "seal does not match" in run.output
    run = cli.invoke(app, ["audit", "verify", "--anchor", str(anchor_file)])
    assert (
        run.exit_code == 2 and "event 7 is not the one anchored" in run.output and "rewritten" in run.output
    )


def test_a_forged_or_unreadable_anchor_is_refused(
    container: Container, cli: CliRunner, tmp_path: Path
) -> None:
    _append(container, 3)
    anchor_file = tmp_path / "anchor.json"
    cli.invoke(app, ["audit", "anchor", "--out", str(anchor_file)])
    doc = json.loads(anchor_file.read_text())
    anchor_file.write_text(json.dumps({**doc, "seq": doc["seq"] - 1}))
    run = cli.invoke(app, ["audit", "verify", "--anchor", str(anchor_file)])
    assert run.exit_code == 2 and "anchor's HMAC does not match" in run.output
    anchor_file.write_text("{}")
    run = cli.invoke(app, ["audit", "verify", "--anchor", str(anchor_file)])
    assert run.exit_code == 2 and "not an audit anchor file" in run.output
    run = cli.invoke(app, ["audit", "verify", "--anchor", str(tmp_path / "missing.json")])
    assert run.exit_code == 2 and "cannot read" in run.output


def test_the_audit_key_is_generated_in_development_and_required_in_production(tmp_path: Path) -> None:
    first = keys.audit_key(Settings(var_dir=tmp_path))
    assert first == keys.audit_key(Settings(var_dir=tmp_path)) and len(first) >= 32
    assert (tmp_path / "audit.key").stat().st_mode & 0o777 == 0o600
    assert (
        keys.audit_key(Settings(var_dir=tmp_path, audit_key="from-the-secret-store"))
        == b"from-the-secret-store"
    )
    with pytest.raises(keys.MissingSecret, match="ONESTOP_AUDIT_KEY"):
        keys.audit_key(Settings(var_dir=tmp_path / "prod", mode="production"))


def test_upgrading_seals_a_head_written_before_the_seal_existed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate.upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 7, :h)"), {"h": "ab" * 32})
    monkeypatch.setenv("ONESTOP_AUDIT_KEY", "the-operators-key")
    migrate.upgrade(engine, "0005")
    with engine.connect() as conn:
        seal = conn.execute(text("SELECT seal FROM audit_chain_head")).scalar_one()
        with pytest.raises(DBAPIError, match="only moves forward"):
            conn.execute(text("UPDATE audit_chain_head SET seq = 1"))
    engine.dispose()
    assert seal == domain.head_seal(b"the-operators-key", 7, "ab" * 32)
