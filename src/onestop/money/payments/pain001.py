"""ISO 20022 pain.001.001.03 credit-transfer files: written streaming, validated against the XSD.

The file is written to a temporary name, validated, flushed to disk and only then renamed into
place, so a crash never leaves a half-written file where the bank upload would look for one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

from onestop.common.money import format_cents
from onestop.money.domain import BankAccount
from onestop.money.errors import PaymentFileInvalid
from onestop.money.payments import xsdcheck
from onestop.money.payments.private_files import open_private

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
CLEARING_SYSTEM = "CACPA"  # Canadian Payments Association routing numbers


@dataclass(frozen=True)
class Header:
    """What the group header and payment information block need."""

    message_id: str
    created_at: dt.datetime
    pay_date: dt.date
    count: int
    total_cents: int
    debtor_name: str
    debtor: BankAccount


@dataclass(frozen=True)
class Transfer:
    """One credit transfer."""

    end_to_end_id: str
    amount_cents: int
    creditor_name: str
    creditor: BankAccount
    remittance: str


def _text(value: str, limit: int) -> str:
    return escape(" ".join(value.split())[:limit])


def _agent(account: BankAccount) -> str:
    return (
        f"<FinInstnId><ClrSysMmbId><ClrSysId><Cd>{CLEARING_SYSTEM}</Cd></ClrSysId>"
        f"<MmbId>{account.routing}</MmbId></ClrSysMmbId></FinInstnId>"
    )


def _head(h: Header) -> str:
    total = format_cents(h.total_cents)
    created = h.created_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Document xmlns="{NAMESPACE}"><CstmrCdtTrfInitn>'
        f"<GrpHdr><MsgId>{_text(h.message_id, 35)}</MsgId><CreDtTm>{created}</CreDtTm>"
        f"<NbOfTxs>{h.count}</NbOfTxs><CtrlSum>{total}</CtrlSum>"
        f"<InitgPty><Nm>{_text(h.debtor_name, 70)}</Nm></InitgPty></GrpHdr>"
        f"<PmtInf><PmtInfId>{_text(h.message_id, 35)}</PmtInfId><PmtMtd>TRF</PmtMtd>"
        f"<NbOfTxs>{h.count}</NbOfTxs><CtrlSum>{total}</CtrlSum>"
        f"<ReqdExctnDt>{h.pay_date.isoformat()}</ReqdExctnDt>"
        f"<Dbtr><Nm>{_text(h.debtor_name, 70)}</Nm></Dbtr>"
        f"<DbtrAcct><Id><Othr><Id>{h.debtor.account}</Id></Othr></Id></DbtrAcct>"
        f"<DbtrAgt>{_agent(h.debtor)}</DbtrAgt><ChrgBr>SLEV</ChrgBr>\n"
    )


def _transfer(t: Transfer) -> str:
    return (
        f"<CdtTrfTxInf><PmtId><EndToEndId>{_text(t.end_to_end_id, 35)}</EndToEndId></PmtId>"
        f'<Amt><InstdAmt Ccy="CAD">{format_cents(t.amount_cents)}</InstdAmt></Amt>'
        f"<CdtrAgt>{_agent(t.creditor)}</CdtrAgt><Cdtr><Nm>{_text(t.creditor_name, 70)}</Nm></Cdtr>"
        f"<CdtrAcct><Id><Othr><Id>{t.creditor.account}</Id></Othr></Id></CdtrAcct>"
        f"<RmtInf><Ustrd>{_text(t.remittance, 140)}</Ustrd></RmtInf></CdtTrfTxInf>\n"
    )


def write(out: IO[str], header: Header, transfers: Iterable[Transfer]) -> tuple[int, int]:
    """Stream the document; returns the (count, total) actually written, which must match the header."""
    out.write(_head(header))
    count = total = 0
    for t in transfers:
        out.write(_transfer(t))
        count += 1
        total += t.amount_cents
    out.write("</PmtInf></CstmrCdtTrfInitn></Document>\n")
    return count, total


def validate(path: Path) -> None:
    """Validate the whole file against the pain.001.001.03 schema (libxml2, one streaming pass)."""
    xsdcheck.validate(path, "pain.001.001.03", element="CdtTrfTxInf")


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_atomically(target: Path, header: Header, transfers: Iterable[Transfer]) -> str:
    """Write, validate, fsync, then rename into place; returns the file's SHA-256."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.partial")
    with open_private(temp, "w") as out:
        count, total = write(out, header, transfers)
        out.flush()
        os.fsync(out.fileno())
    if (count, total) != (header.count, header.total_cents):
        temp.unlink()
        raise PaymentFileInvalid(
            "file",
            f"wrote {count} payments totalling {total}, expected "
            f"{header.count} totalling {header.total_cents}",
        )
    try:
        validate(temp)
    except PaymentFileInvalid:
        temp.unlink()
        raise
    temp.replace(target)
    _fsync_dir(target.parent)
    return sha256_of(target)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
