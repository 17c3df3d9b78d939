"""A payment run killed mid-way (SIGKILL, no clean-up of any kind) and then resumed: no payment is
duplicated or lost, and the ledger still balances. Runs the real ``onestop`` command in a subprocess
against the committed test database of each backend."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from onestop import money
from onestop.access.permissions import Role
from onestop.money.faults import ENV
from onestop.money.models import Issuance, JournalEntry, PaymentBatch
from tests.conftest import TEST_FIELD_KEY

from .conftest import PASSWORD, Money

PROGRAM = "nl-income-support"
CLIENTS = 5
AMOUNT = 52_345

pytestmark = pytest.mark.slow


def _onestop(
    container, tmp: Path, *args: str, kill_at: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONESTOP_")}
    env.update(
        ONESTOP_DATABASE_URL=container.engine.url.render_as_string(hide_password=False),
        ONESTOP_FIELD_KEY=TEST_FIELD_KEY,
        ONESTOP_SECRET_KEY="s" * 40,
        ONESTOP_VAR_DIR=str(tmp / "var"),
        ONESTOP_PASSWORD=PASSWORD,
    )
    if kill_at:
        env[ENV] = kill_at
    command = [sys.executable, "-m", "onestop.cli.main", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


def _counts(m: Money) -> tuple[int, int, int]:
    with m.c.uow() as uow:
        return tuple(
            int(uow.session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Issuance, PaymentBatch, JournalEntry)
        )  # type: ignore[return-value]


def test_killed_run_and_export_resume_without_duplicates(committed_container, tmp_path):
    m = Money(committed_container)
    for i in range(CLIENTS):
        unit_id, payee = m.client(f"Family{i}")
        money.create_entitlement(
            m.c.uow(),
            actor=m.system,
            data=money.EntitlementCreate(
                program=PROGRAM,
                unit_id=unit_id,
                payee_id=payee.id,
                amount=AMOUNT,
                frequency="monthly",
                method="direct_deposit",
                start_date=dt.date(2026, 1, 1),
            ),
        )
    m.staff("fay", Role.FINANCE)
    finn = m.staff("finn", Role.FINANCE)
    run = ("payments", "run", "--date", "2026-03-02", "--as-user", "fay")

    killed = _onestop(m.c, tmp_path, *run, kill_at="run:generated")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _counts(m)[:2] == (CLIENTS, 0)  # generated and committed, no batch yet

    resumed = _onestop(m.c, tmp_path, *run)
    assert resumed.returncode == 0, resumed.stderr
    assert "generated 0 issuances" in resumed.stdout and f"{CLIENTS} payments" in resumed.stdout
    [batch] = money.list_batches(m.c.uow(), actor=m.system)
    money.approve_batch(m.c.uow(), actor=finn, batch_id=batch.id)

    out = tmp_path / "files"
    export = ("payments", "export", batch.number, "--out", str(out), "--as-user", "fay")
    killed = _onestop(m.c, tmp_path, *export, kill_at="export:files_written")
    assert killed.returncode == -signal.SIGKILL
    assert money.get_batch(m.c.uow(), actor=m.system, batch_id=batch.id).state == "exporting"
    first = (out / f"{batch.number}.pain.001.xml").read_bytes()

    finished = _onestop(m.c, tmp_path, *export)
    assert finished.returncode == 0, finished.stderr
    assert (out / f"{batch.number}.pain.001.xml").read_bytes() == first
    done = money.get_batch(m.c.uow(), actor=m.system, batch_id=batch.id)
    assert (done.state, done.item_count, done.total_cents) == ("exported", CLIENTS, CLIENTS * AMOUNT)
    assert _counts(m) == (CLIENTS, 1, 2)  # one issue entry for the run, one release for the file
    verify = _onestop(m.c, tmp_path, "ledger", "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr
