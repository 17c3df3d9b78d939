"""pain.001 written and validated against the ISO 20022 schema (whole file, in one piece or in parallel
parts); pain.002 read and validated; cheque register files."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from onestop.money.domain import BankAccount
from onestop.money.errors import PaymentFileInvalid
from onestop.money.models import Cheque
from onestop.money.payments import cheques, pain001, pain002

DEBTOR = BankAccount("001", "00011", "1234567")


def _transfers(n: int, name: str = "Zoë O'Brien & Sons <Ltd>"):
    return [
        pain001.Transfer(f"B1-{i:07d}", 1000 + i, name, BankAccount("002", "12345", "98765432"), "rent")
        for i in range(n)
    ]


def _header(n: int, total: int) -> pain001.Header:
    return pain001.Header(
        "B20260302-01",
        dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC),
        dt.date(2026, 3, 2),
        n,
        total,
        "Department of Social Services",
        DEBTOR,
    )


def test_a_small_file_is_valid_and_escapes_names(tmp_path):
    transfers = _transfers(3)
    path = tmp_path / "f.xml"
    sha = pain001.write_atomically(path, _header(3, sum(t.amount_cents for t in transfers)), transfers)
    text = path.read_text()
    assert "Zoë O'Brien &amp; Sons &lt;Ltd&gt;" in text and "<CtrlSum>30.03</CtrlSum>" in text
    assert len(sha) == 64 and not list(tmp_path.glob(".*partial"))


def test_a_header_that_does_not_match_the_transfers_is_refused(tmp_path):
    with pytest.raises(PaymentFileInvalid):
        pain001.write_atomically(tmp_path / "f.xml", _header(3, 1), _transfers(3))
    assert not list(tmp_path.iterdir())


def test_a_schema_violation_is_caught_before_release(tmp_path):
    bad = [
        pain001.Transfer("B1-0000001", 100, "", BankAccount("002", "12345", "98765432"), "x")
    ]  # empty name
    with pytest.raises(PaymentFileInvalid) as err:
        pain001.write_atomically(tmp_path / "f.xml", _header(1, 100), bad)
    assert "not a valid pain.001.001.03" in err.value.problem
    assert not list(tmp_path.iterdir())  # nothing left where an upload would look


def test_streaming_validation_covers_every_transaction(tmp_path):
    good = _transfers(40)
    path = tmp_path / "big.xml"
    pain001.write_atomically(path, _header(40, sum(t.amount_cents for t in good)), good)
    pain001.validate(path)
    # Break one transaction deep in the file: the part holding it must fail.
    text = path.read_text().splitlines(keepends=True)
    text[33] = text[33].replace("<Cd>CACPA</Cd>", "<Cd>TOOLONGCODE</Cd>")
    path.write_text("".join(text))
    with pytest.raises(PaymentFileInvalid):
        pain001.validate(path)
    text[33] = "<CdtTrfTxInf></CdtTrfTxInf><CdtTrfTxInf></CdtTrfTxInf>\n"
    path.write_text("".join(text))
    with pytest.raises(PaymentFileInvalid):
        pain001.validate(path)


def test_status_report_round_trip(tmp_path):
    path = tmp_path / "r.xml"
    path.write_text(
        pain002.status_report(
            message_id="BANK-7",
            original_message_id="B20260302-01",
            created_at=dt.datetime(2026, 3, 3, tzinfo=dt.UTC),
            group_status="PART",
            rejected=[("B1-0000002", "AC04")],
        )
    )
    report = pain002.read(path)
    assert (report.message_id, report.original_message_id, report.group_status) == (
        "BANK-7",
        "B20260302-01",
        "PART",
    )
    assert report.rejected == {"B1-0000002": "AC04"} and report.settles_unlisted and not report.rejects_all


@pytest.mark.parametrize(
    "content",
    [
        "<not xml",
        '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"/>',
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>',
    ],
)
def test_bad_status_reports_are_refused(tmp_path, content):
    path = tmp_path / "bad.xml"
    path.write_text(content)
    with pytest.raises(PaymentFileInvalid):
        pain002.read(path)


def test_cheque_register_csv_and_pdf(tmp_path: Path):
    rows = [
        Cheque(
            number=str(100001 + i),
            issuance_id=uuid.uuid4(),
            batch_id=None,
            kind="batch",
            payee_name="Élise Roy",
            amount_cents=45_000 + i,
            issued_on=dt.date(2026, 3, 2),
            recorded_at=None,
            recorded_by="fay",
        )
        for i in range(3)
    ]
    csv_bytes = cheques.register_csv(rows)
    assert csv_bytes.decode().splitlines()[1].startswith("100001,2026-03-02,Élise Roy,450.00,batch,")
    pdf = cheques.register_pdf(rows, title="Cheque register B1")
    assert pdf[:4] == b"%PDF"
    cheques.write_atomically(tmp_path / "r.pdf", pdf)
    assert (tmp_path / "r.pdf").read_bytes() == pdf


def test_payment_and_cheque_files_are_owner_only_even_under_a_permissive_umask(tmp_path: Path):
    import os
    import stat

    old = os.umask(0o000)
    try:
        transfers = _transfers(2)
        path = tmp_path / "p.xml"
        stale = tmp_path / ".r.csv.partial"  # left world-readable by a crashed run
        stale.write_bytes(b"old")
        stale.chmod(0o666)
        pain001.write_atomically(path, _header(2, sum(t.amount_cents for t in transfers)), transfers)
        cheques.write_atomically(tmp_path / "r.csv", b"number,payee\n")
    finally:
        os.umask(old)
    for name in ("p.xml", "r.csv"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


def test_a_large_file_is_validated_whole_in_well_under_a_millisecond_per_transfer(tmp_path):
    import time

    many = _transfers(20_000)
    path = tmp_path / "large.xml"
    with path.open("w", encoding="utf-8") as out:
        pain001.write(out, _header(20_000, sum(t.amount_cents for t in many)), many)
    started = time.process_time()
    pain001.validate(path)
    assert time.process_time() - started < 4.0  # xmlschema needed ~0.5 ms each (10 s); libxml2 ~0.02 ms
