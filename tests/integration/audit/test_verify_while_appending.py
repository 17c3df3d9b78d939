"""Verifying a live log: events appended while the chain is read are left for the next run, and the
seal checked is the one of the head that was read (the soak under load once reported a false break)."""

from __future__ import annotations

import pytest

from onestop import audit
from onestop.access.permissions import Actor
from onestop.audit import repository, verification
from onestop.bootstrap import Container


def test_an_append_during_verification_is_no_false_break(
    committed_container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    actor = Actor.system("test")
    for n in range(3):
        with committed_container.uow() as uow:
            audit.record(uow, actor=actor, action="x:before", subject_type="n", subject_id=n)
            uow.commit()
    real = repository.iter_chain

    def appending_meanwhile(session: object, **kwargs: object) -> object:
        with committed_container.uow() as other:  # another officer's read, committed mid-verify
            audit.record(other, actor=actor, action="x:during", subject_type=None, subject_id=None)
            other.commit()
        return real(session, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(verification.repository, "iter_chain", appending_meanwhile)
    key = committed_container.audit_key
    with committed_container.uow() as uow:
        result = audit.verify(uow.session, key=key)
    assert result.ok, result.reason
    assert result.checked == 3  # the event appended meanwhile is for the next run
    monkeypatch.undo()
    with committed_container.uow() as uow:
        assert audit.verify(uow.session, key=key).checked == 4
