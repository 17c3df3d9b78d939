"""``verify``: re-compute the whole chain from the stored events and report the first break."""

from __future__ import annotations

from sqlalchemy.orm import Session

from onestop.audit import domain, repository


def verify(session: Session) -> domain.VerifyResult:
    """Check every event up to the committed head: content, order, gaps and the head itself."""
    # The head is read first: events appended while we stream have seq > head and are left for
    # the next run, so a busy system never reports a false "missing events".
    head = repository.read_head(session)
    if head is None:
        first = repository.first_seq(session)
        if first is None:
            return domain.VerifyResult(True, 0, None, "ok")
        return domain.VerifyResult(False, 0, first, "the chain head record is missing")
    head_seq, head_hash = head
    events = repository.iter_chain(session, up_to_seq=head_seq)
    return domain.check_chain(events, head_seq=head_seq, head_hash=head_hash)
