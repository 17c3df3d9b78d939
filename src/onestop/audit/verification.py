"""``verify``: re-compute the whole chain from the stored events and report the first break."""

from __future__ import annotations

from sqlalchemy.orm import Session

from onestop.audit import domain, repository
from onestop.audit.anchor import Anchor, check_anchor


def verify(
    session: Session, *, key: bytes | None = None, anchor: Anchor | None = None
) -> domain.VerifyResult:
    """Check every event up to the committed head: content, order, gaps and the head itself.

    With ``key`` (the audit key) the head's HMAC seal is checked too, so a log cut at the end and
    its head repointed is caught; with an ``anchor`` (needs ``key``) the log must still pass through
    the anchored event, which catches an old head and seal put back.
    """
    if anchor is not None:
        if key is None:
            raise ValueError("checking an anchor needs the audit key")
        problem = check_anchor(session, anchor, key)
        if problem is not None:
            return problem
    # The head is read first, with its seal: events appended while we stream have seq > head and are
    # left for the next run, so a busy system never reports false "missing events" nor, since the seal
    # is the one of the head read (not of a head appended meanwhile), a false broken seal.
    sealed = repository.read_sealed_head(session)
    if sealed is None:
        first = repository.first_seq(session)
        if first is None:
            return domain.VerifyResult(True, 0, None, "ok")
        return domain.VerifyResult(False, 0, first, "the chain head record is missing")
    head_seq, head_hash, seal = sealed
    events = repository.iter_chain(session, up_to_seq=head_seq)
    result = domain.check_chain(events, head_seq=head_seq, head_hash=head_hash)
    if result.ok and key is not None:
        if seal is None:
            reason = "the chain head carries no seal (cleared, or written without the audit key)"
            return domain.VerifyResult(False, result.checked, head_seq, reason)
        if seal == domain.broken_seal(key, head_seq, head_hash):
            reason = (
                "the chain head's seal is broken: events were appended after the head stopped matching its "
                "seal (an earlier cut of the end of the log, or a change of ONESTOP_AUDIT_KEY)"
            )
            return domain.VerifyResult(False, result.checked, head_seq, reason)
        if not domain.seal_matches(key, head_seq, head_hash, seal):
            reason = (
                "the chain head's seal does not match: the head was rewritten (events cut from the end "
                "and the head repointed?) or ONESTOP_AUDIT_KEY is not the key the log was written with"
            )
            return domain.VerifyResult(False, result.checked, head_seq, reason)
    return result
