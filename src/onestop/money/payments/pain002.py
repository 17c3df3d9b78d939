"""ISO 20022 pain.002.001.03 payment status reports from the bank: validated, then read.

A report names the file it answers (``OrgnlMsgId``), a group status, and per-transaction statuses.
``RJCT`` marks a payment rejected or returned; with a group status of ``ACCP``/``ACSC``/``ACSP``/
``ACTC``/``PART`` every transaction not listed as rejected is taken as paid; ``RJCT`` for the group
rejects them all; ``PDNG``/``RCVD`` settle nothing yet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from onestop.money.errors import PaymentFileInvalid
from onestop.money.payments import xsdcheck

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"
SCHEMA = "pain.002.001.03"
PAID_GROUP = frozenset({"ACCP", "ACSC", "ACSP", "ACTC", "ACWC", "PART"})
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class StatusReport:
    """What a status report says."""

    message_id: str
    original_message_id: str
    group_status: str | None
    rejected: dict[str, str] = field(default_factory=dict)  # end-to-end id -> reason code
    accepted: frozenset[str] = frozenset()  # end-to-end ids listed with a non-rejected status
    sha256: str = ""

    @property
    def settles_unlisted(self) -> bool:
        """Whether transactions the report does not list are paid."""
        return self.group_status in PAID_GROUP

    @property
    def rejects_all(self) -> bool:
        """Whether the whole file was rejected."""
        return self.group_status == "RJCT"


def _find(element: object, path: str) -> str | None:
    found = element.find(path, {"p": NAMESPACE})  # type: ignore[attr-defined]
    return None if found is None or found.text is None else str(found.text).strip()


def read(path: Path) -> StatusReport:
    """Validate a pain.002 file against its schema and read it (no external entities, size-capped)."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise PaymentFileInvalid("file", f"{path.name} is larger than {MAX_BYTES} bytes")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise PaymentFileInvalid("file", f"{path.name} is not well-formed XML: {err}") from None
    checker = xsdcheck.schema(SCHEMA)
    if not checker.validate(root):
        problem = str(checker.error_log.last_error)
        raise PaymentFileInvalid("file", f"{path.name} is not a valid {SCHEMA} status report: {problem}")
    rejected: dict[str, str] = {}
    accepted: set[str] = set()
    for tx in root.iterfind(".//p:TxInfAndSts", {"p": NAMESPACE}):
        e2e, status = _find(tx, "p:OrgnlEndToEndId"), _find(tx, "p:TxSts")
        if e2e is None:
            continue
        if status == "RJCT":
            rejected[e2e] = (
                _find(tx, "p:StsRsnInf/p:Rsn/p:Cd") or _find(tx, "p:StsRsnInf/p:Rsn/p:Prtry") or "RJCT"
            )
        elif status in PAID_GROUP:
            accepted.add(e2e)
    return StatusReport(
        message_id=_find(root, "p:CstmrPmtStsRpt/p:GrpHdr/p:MsgId") or "",
        original_message_id=_find(root, "p:CstmrPmtStsRpt/p:OrgnlGrpInfAndSts/p:OrgnlMsgId") or "",
        group_status=_find(root, "p:CstmrPmtStsRpt/p:OrgnlGrpInfAndSts/p:GrpSts"),
        rejected=rejected,
        accepted=frozenset(accepted),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def status_report(
    *,
    message_id: str,
    original_message_id: str,
    created_at: dt.datetime,
    group_status: str,
    rejected: Iterable[tuple[str, str]] = (),
) -> str:
    """A pain.002 document as a bank would send it (for tests, demos and the benchmark)."""
    txs = "".join(
        f"<TxInfAndSts><OrgnlEndToEndId>{escape(e2e)}</OrgnlEndToEndId><TxSts>RJCT</TxSts>"
        f"<StsRsnInf><Rsn><Cd>{escape(code)}</Cd></Rsn></StsRsnInf></TxInfAndSts>"
        for e2e, code in rejected
    )
    original = escape(original_message_id)
    block = f"<OrgnlPmtInfAndSts><OrgnlPmtInfId>{original}</OrgnlPmtInfId>{txs}</OrgnlPmtInfAndSts>"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="{NAMESPACE}"><CstmrPmtStsRpt>'
        f"<GrpHdr><MsgId>{escape(message_id)}</MsgId>"
        f"<CreDtTm>{created_at.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%S}</CreDtTm></GrpHdr>"
        f"<OrgnlGrpInfAndSts><OrgnlMsgId>{escape(original_message_id)}</OrgnlMsgId>"
        f"<OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>{group_status}</GrpSts></OrgnlGrpInfAndSts>"
        f"{block if txs else ''}</CstmrPmtStsRpt></Document>\n"
    )
