"""Payment batches: build, approve (maker != checker), export pain.001 + cheque register, reconcile pain.002,
re-issue of returned payments, and resuming after a failure between any two steps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onestop import money
from onestop.access.permissions import Role
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.money import bulk, faults
from onestop.money.errors import PaymentFileInvalid, PeriodClosed, SelfApproval
from onestop.money.models import BatchItem, Cheque, Issuance, JournalEntry, PaymentBatch
from onestop.money.overpayments import services as overpayments
from onestop.money.payments import exports, pain001, pain002

PAY = dt.date(2026, 3, 2)
PROGRAM = "nl-income-support"


@pytest.fixture
def people(m):
    """Three clients paid by deposit and one by cheque, and two finance clerks."""
    for family, cents in (("Able", 60_000), ("Baker", 61_050), ("Cole", 70_001)):
        unit_id, payee = m.client(family)
        money.create_entitlement(
            m.c.uow(),
            actor=m.system,
            data=money.EntitlementCreate(
                program=PROGRAM,
                unit_id=unit_id,
                payee_id=payee.id,
                amount=cents,
                frequency="monthly",
                method="direct_deposit",
                start_date=dt.date(2026, 1, 1),
            ),
        )
    unit_id, payee = m.client("Dunn", bank=False)
    money.create_entitlement(
        m.c.uow(),
        actor=m.system,
        data=money.EntitlementCreate(
            program=PROGRAM,
            unit_id=unit_id,
            payee_id=payee.id,
            amount=45_000,
            frequency="monthly",
            method="cheque",
            start_date=dt.date(2026, 1, 1),
        ),
    )
    return m.staff("fay", Role.FINANCE), m.staff("finn", Role.FINANCE)


def _through_export(m, maker, checker, out: Path):
    run = money.run_payments(m.c.uow(), actor=maker, pay_date=PAY)
    money.approve_batch(m.c.uow(), actor=checker, batch_id=run.batch.id)
    return money.export_batch(m.c.uow(), actor=maker, batch_id=run.batch.id, out_dir=out)


@pytest.fixture(params=["insert", "copy"])
def bulk_mode(request, monkeypatch):
    """Run once with multi-row INSERTs and once with PostgreSQL COPY (used for large runs)."""
    monkeypatch.setattr(bulk, "COPY_FROM", 1 if request.param == "copy" else 10**9)
    return request.param


def test_full_cycle_with_a_returned_payment(m, people, tmp_path, bulk_mode, monkeypatch):
    maker, checker = people
    monkeypatch.setattr(exports, "PART", 2)  # three deposits: the release is posted in two parts
    exported = _through_export(m, maker, checker, tmp_path)
    batch = exported.batch
    assert (batch.state, batch.item_count, batch.total_cents) == (
        "exported",
        4,
        60_000 + 61_050 + 70_001 + 45_000,
    )
    assert exported.payment_file is not None and exported.payment_file.exists()
    pain001.validate(exported.payment_file)
    text = exported.payment_file.read_text()
    assert "<NbOfTxs>3</NbOfTxs>" in text and "<CtrlSum>1910.51</CtrlSum>" in text and "98765432" in text
    assert (
        exported.cheque_csv.read_text().count("\n") == 2 and exported.cheque_pdf.read_bytes()[:4] == b"%PDF"
    )
    assert m.count(Cheque) == 1 and m.verify().ok
    with m.c.uow() as uow:
        assert uow.session.query(JournalEntry).filter_by(kind="release_batch").count() == 2
        items = [
            (i.end_to_end_id, i.issuance_id)
            for i in uow.session.query(BatchItem).filter_by(method="direct_deposit").order_by(BatchItem.seq)
        ]
    report = tmp_path / "status.xml"
    report.write_text(
        pain002.status_report(
            message_id="BANK-1",
            original_message_id=batch.message_id,
            created_at=m.c.clock.now(),
            group_status="PART",
            rejected=[(items[1][0], "AC04")],
        )
    )
    done = money.reconcile_batch(m.c.uow(), actor=checker, batch_id=batch.id, path=report)
    assert (done.paid, done.returned, done.batch.state) == (2, 1, "reconciled")
    returned = money.get_issuance(m.c.uow(), actor=m.system, issuance_id=items[1][1])
    assert returned.state == "approved"  # re-opened for the next batch
    assert m.verify().ok
    again = money.reconcile_batch(m.c.uow(), actor=checker, batch_id=batch.id, path=report)
    assert again.already_imported and m.verify().ok
    second = money.build_batch(m.c.uow(), actor=maker, pay_date=PAY, idempotency_key="re-issue")
    assert second.item_count == 1
    with m.c.uow() as uow:
        assert uow.session.query(BatchItem).filter_by(batch_id=second.id).one().attempt == 2
    account = money.client_account(m.c.uow(), actor=m.system, unit_id=returned.unit_id)[PROGRAM]
    assert account.owed == returned.net_cents and account.paid == 0


def test_maker_cannot_check_and_a_batch_is_approved_once(m, people):
    maker, checker = people
    batch = money.build_batch(m.c.uow(), actor=maker, pay_date=PAY) if _generate(m) else None
    with pytest.raises(SelfApproval):
        money.approve_batch(m.c.uow(), actor=maker, batch_id=batch.id)
    money.approve_batch(m.c.uow(), actor=checker, batch_id=batch.id)
    with pytest.raises(InvalidTransition):
        money.approve_batch(m.c.uow(), actor=checker, batch_id=batch.id)


def _generate(m) -> bool:
    money.generate_recurring(m.c.uow(), actor=m.system, period="2026-03")
    return True


def test_export_needs_approval_and_reconcile_needs_export(m, people, tmp_path):
    maker, _ = people
    _generate(m)
    batch = money.build_batch(m.c.uow(), actor=maker, pay_date=PAY)
    with pytest.raises(InvalidTransition):
        money.export_batch(m.c.uow(), actor=maker, batch_id=batch.id, out_dir=tmp_path)
    report = tmp_path / "r.xml"
    report.write_text(
        pain002.status_report(
            message_id="X", original_message_id=batch.number, created_at=m.c.clock.now(), group_status="ACSC"
        )
    )
    with pytest.raises(InvalidTransition):
        money.reconcile_batch(m.c.uow(), actor=maker, batch_id=batch.id, path=report)


def test_building_the_same_run_twice_returns_the_batch(m, people):
    maker, _ = people
    first = money.run_payments(m.c.uow(), actor=maker, pay_date=PAY)
    second = money.run_payments(m.c.uow(), actor=maker, pay_date=PAY)
    assert first.batch.id == second.batch.id and second.generation.created == 0
    assert m.count(PaymentBatch) == 1 and m.count(BatchItem) == 4


def test_nothing_due_and_closed_period_are_refused(m, people):
    maker, _ = people
    with pytest.raises(InvalidInput) as err:
        money.build_batch(m.c.uow(), actor=maker, pay_date=dt.date(2025, 12, 1))
    assert err.value.field == "pay_date"
    money.close_period(m.c.uow(), actor=m.system, month="2026-03")
    with pytest.raises(PeriodClosed):
        money.run_payments(m.c.uow(), actor=maker, pay_date=PAY)
    assert m.count(Issuance) == 0 and m.count(PaymentBatch) == 0


def test_bank_reports_for_another_file_or_malformed_are_refused(m, people, tmp_path):
    maker, checker = people
    exported = _through_export(m, maker, checker, tmp_path)
    wrong = tmp_path / "wrong.xml"
    wrong.write_text(
        pain002.status_report(
            message_id="B",
            original_message_id="SOMETHING-ELSE",
            created_at=m.c.clock.now(),
            group_status="ACSC",
        )
    )
    with pytest.raises(PaymentFileInvalid):
        money.reconcile_batch(m.c.uow(), actor=checker, batch_id=exported.batch.id, path=wrong)
    broken = tmp_path / "broken.xml"
    broken.write_text(
        pain002.status_report(
            message_id="B",
            original_message_id=exported.batch.message_id,
            created_at=m.c.clock.now(),
            group_status="NOPE",
        )
    )
    with pytest.raises(PaymentFileInvalid):
        money.reconcile_batch(m.c.uow(), actor=checker, batch_id=exported.batch.id, path=broken)
    (tmp_path / "junk.xml").write_text("<not-closed")
    with pytest.raises(PaymentFileInvalid):
        money.reconcile_batch(
            m.c.uow(), actor=checker, batch_id=exported.batch.id, path=tmp_path / "junk.xml"
        )
    assert money.get_batch(m.c.uow(), actor=checker, batch_id=exported.batch.id).state == "exported"


class InjectedCrashError(RuntimeError):
    """The injected failure."""


@pytest.fixture
def fail_at():
    """Install a fault that raises once at a named point."""
    armed: set[str] = set()

    def hook(name: str) -> None:
        if name in armed:
            armed.discard(name)
            raise InjectedCrashError(name)

    faults.install(hook)
    yield armed.add
    faults.install(None)


@pytest.mark.parametrize("point", ["export:started", "export:files_written"])
def test_export_resumes_after_a_crash(m, people, tmp_path, fail_at, point):
    maker, checker = people
    run = money.run_payments(m.c.uow(), actor=maker, pay_date=PAY)
    money.approve_batch(m.c.uow(), actor=checker, batch_id=run.batch.id)
    fail_at(point)
    with pytest.raises(InjectedCrashError):
        money.export_batch(m.c.uow(), actor=maker, batch_id=run.batch.id, out_dir=tmp_path)
    assert money.get_batch(m.c.uow(), actor=maker, batch_id=run.batch.id).state == "exporting"
    first_bytes = (
        (tmp_path / f"{run.batch.number}.pain.001.xml").read_bytes() if point.endswith("written") else None
    )
    done = money.export_batch(m.c.uow(), actor=maker, batch_id=run.batch.id, out_dir=tmp_path)
    assert done.batch.state == "exported"
    if first_bytes is not None:
        assert done.payment_file.read_bytes() == first_bytes  # the same file, not a second one
    repeat = money.export_batch(m.c.uow(), actor=maker, batch_id=run.batch.id, out_dir=tmp_path)
    assert repeat.batch.state == "exported"
    assert m.count(Cheque) == 1 and m.verify().ok
    with m.c.uow() as uow:
        assert uow.session.query(JournalEntry).filter_by(kind="release_batch").count() == 1
    assert not list(tmp_path.glob(".*partial"))


@pytest.mark.parametrize("point", ["run:generated", "reconcile:classified"])
def test_run_and_reconcile_resume_after_a_crash(m, people, tmp_path, fail_at, point):
    maker, checker = people
    if point == "run:generated":
        fail_at(point)
        with pytest.raises(InjectedCrashError):
            money.run_payments(m.c.uow(), actor=maker, pay_date=PAY)
        assert m.count(Issuance) == 4 and m.count(PaymentBatch) == 0
        run = money.run_payments(m.c.uow(), actor=maker, pay_date=PAY)
        assert run.generation.created == 0 and run.batch.item_count == 4
        return
    exported = _through_export(m, maker, checker, tmp_path)
    report = tmp_path / "ok.xml"
    report.write_text(
        pain002.status_report(
            message_id="OK",
            original_message_id=exported.batch.message_id,
            created_at=m.c.clock.now(),
            group_status="ACSC",
        )
    )
    fail_at(point)
    with pytest.raises(InjectedCrashError):
        money.reconcile_batch(m.c.uow(), actor=checker, batch_id=exported.batch.id, path=report)
    assert money.get_batch(m.c.uow(), actor=checker, batch_id=exported.batch.id).state == "exported"
    done = money.reconcile_batch(m.c.uow(), actor=checker, batch_id=exported.batch.id, path=report)
    assert (done.paid, done.returned) == (3, 0) and m.verify().ok


def test_a_batch_s_items_are_numbered_in_pay_date_and_id_order(m, people):
    """On PostgreSQL the database makes the items (INSERT ... SELECT); on SQLite Python does: the same
    items either way: file order by pay date then id, end-to-end ids from the batch number, cheque
    numbers from the first free one, first attempt."""
    maker, _ = people
    assert _generate(m)
    batch = money.build_batch(m.c.uow(), actor=maker, pay_date=PAY)
    first_cheque = int(str(overpayments.payment_settings().get("first_cheque_number", 1)))
    with m.c.uow() as uow:
        items = uow.session.query(BatchItem).filter_by(batch_id=batch.id).order_by(BatchItem.seq).all()
        due = uow.session.query(Issuance).filter(Issuance.id.in_([i.issuance_id for i in items])).all()
        expected = [i.id for i in sorted(due, key=lambda i: (i.pay_date, str(i.id)))]
        got = [(i.seq, i.end_to_end_id, i.cheque_number, i.attempt, i.state) for i in items]
        assert {i.state for i in due} == {"batched"}
        assert [i.issuance_id for i in items] == expected
        methods = [i.method for i in items]
    assert got == [
        (
            n,
            f"{batch.number}-{n:07d}",
            str(first_cheque) if method == "cheque" else None,
            1,
            "included",
        )
        for n, method in enumerate(methods, start=1)
    ]
    assert (batch.item_count, batch.total_cents) == (4, 60_000 + 61_050 + 70_001 + 45_000)


def test_the_run_posts_per_payment_what_the_ledger_domain_says(m, people, tmp_path, backend):
    """On PostgreSQL generation, build and release are SQL statements (``run_sql``), on SQLite the
    Python path: either way each payment's issue and release lines are those of ``issue_lines`` and
    ``release_lines``, and each release entry credits the total of its payments."""
    from onestop.money.ledger import domain as postings
    from onestop.money.models import JournalLine
    from onestop.money.payments.issuances import amount_of

    maker, checker = people
    _through_export(m, maker, checker, tmp_path)
    with m.c.uow() as uow:
        kinds = {e.id: e.kind for e in uow.session.query(JournalEntry)}
        lines = uow.session.query(JournalLine).all()
        issued = uow.session.query(Issuance).all()

        def shape(ln) -> tuple:
            return (str(ln.account), ln.unit_id, ln.program, ln.issuance_id, ln.debit_cents, ln.credit_cents)

        for issuance in issued:
            mine = [ln for ln in lines if ln.issuance_id == issuance.id]
            kind = "release_cheques" if issuance.method == "cheque" else "release_batch"
            to = (
                postings.Account.BANK_CLEARING
                if kind == "release_cheques"
                else postings.Account.BENEFITS_PAYABLE
            )
            expected_issue = postings.issue_lines(amount_of(issuance))
            expected_release = postings.release_lines([amount_of(issuance)], to=to)[:-1]
            assert sorted(shape(ln) for ln in mine if kinds[ln.entry_id] == "issue_run") == sorted(
                shape(ln) for ln in expected_issue
            )
            assert [shape(ln) for ln in mine if kinds[ln.entry_id] == kind] == [
                shape(ln) for ln in expected_release
            ]
        for entry_id, kind in kinds.items():
            if kind.startswith("release"):
                debits = sum(ln.debit_cents for ln in lines if ln.entry_id == entry_id)
                [credit] = [ln for ln in lines if ln.entry_id == entry_id and ln.issuance_id is None]
                assert credit.credit_cents == debits and credit.unit_id is None and credit.program is None
        assert {i.state for i in issued} == {"exported", "paid"}
    assert m.verify().ok
