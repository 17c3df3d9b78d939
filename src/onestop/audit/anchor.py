"""Anchors: the sealed chain head written to a file kept outside the database.

The seal in the database stops an attacker from repointing the head to a shorter or rewritten chain
(they do not have the key), but not from putting back an old head and seal they copied earlier. An
anchor kept elsewhere closes that: the log must still hold the anchored event, with the same hash.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from onestop.audit import domain, repository
from onestop.common.errors import InvalidInput


@dataclass(frozen=True)
class Anchor:
    """The chain head at ``time``: its seq, hash and HMAC seal (under ``ONESTOP_AUDIT_KEY``)."""

    seq: int
    hash: str
    hmac: str
    time: dt.datetime

    def to_json(self) -> str:
        """The file form: one JSON object."""
        doc = {"seq": self.seq, "hash": self.hash, "hmac": self.hmac, "time": self.time.isoformat()}
        return json.dumps(doc, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Anchor:
        """Read an anchor file; anything unreadable is refused naming the field ``anchor``."""
        try:
            doc: Any = json.loads(text)
            anchor = cls(
                seq=int(doc["seq"]),
                hash=str(doc["hash"]),
                hmac=str(doc["hmac"]),
                time=dt.datetime.fromisoformat(str(doc["time"])),
            )
        except (ValueError, KeyError, TypeError) as err:
            raise InvalidInput("anchor", f"not an audit anchor file ({type(err).__name__}: {err})") from None
        if anchor.seq < 1:
            raise InvalidInput("anchor", "the anchor's seq must be 1 or more")
        return anchor


def check_anchor(session: Session, anchor: Anchor, key: bytes) -> domain.VerifyResult | None:
    """None if the log still passes through the anchored event; else the problem, named."""
    when = anchor.time.isoformat(timespec="seconds")
    if not domain.seal_matches(key, anchor.seq, anchor.hash, anchor.hmac):
        reason = (
            f"the anchor's HMAC does not match (anchor of {when}, seq {anchor.seq}): the file was altered "
            "or made under another ONESTOP_AUDIT_KEY"
        )
        return domain.VerifyResult(False, 0, anchor.seq, reason, against_anchor=True)
    head = repository.read_head(session)
    head_seq = head[0] if head is not None else 0
    stored = repository.event_hash_at(session, anchor.seq)
    if stored is None or head_seq < anchor.seq:
        last = repository.last_seq(session) or 0
        reason = (
            f"the log was TRUNCATED after the anchor of {when}: the anchor records {anchor.seq} events, "
            f"the log now ends at seq {last} and its head at seq {head_seq}"
        )
        return domain.VerifyResult(False, 0, min(last, head_seq) + 1, reason, against_anchor=True)
    if stored != anchor.hash:
        reason = (
            f"event {anchor.seq} is not the one anchored on {when} (another hash): the log was rewritten, "
            "or cut back and written on, since the anchor"
        )
        return domain.VerifyResult(False, 0, anchor.seq, reason, against_anchor=True)
    return None


def anchor_of_head(session: Session, key: bytes, now: dt.datetime) -> Anchor:
    """The current head, sealed under ``key``: what ``onestop audit anchor`` hands out to keep elsewhere."""
    head = repository.read_head(session)
    if head is None:
        raise InvalidInput("anchor", "the audit log is empty: nothing to anchor")
    seq, head_hash = head
    return Anchor(seq=seq, hash=head_hash, hmac=domain.head_seal(key, seq, head_hash), time=now)
