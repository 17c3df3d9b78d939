"""The registry-wide duplicate sweep on a small registry: planted pairs are suggested, look-alikes
that are two people are not; dismissing and merging close a suggestion for good; permissions, audit.

One registry and one sweep per database for the module's main test (a tiny model: fixed seed, small
samples), so the run stays a few seconds.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from onestop.access.permissions import Actor
from onestop.audit import AuditAction
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.common.errors import Conflict, InvalidInput, PermissionDenied
from onestop.demo.loader import load_people
from onestop.registry import merge_people, sweep
from onestop.registry.schemas import AddressIn, PersonPublic, PhoneIn
from tests.integration.registry.conftest import PersonFactory

TINY = sweep.Tuning(u_pairs=5e4, em_pairs=5e4, seed=3, threshold=0.8, threads=1)


def _home(postal: str, phone: str) -> dict[str, object]:
    return {
        "addresses": [AddressIn(line1="1 Main St", city="Edmonton", province="AB", postal_code=postal)],
        "phones": [PhoneIn(number=phone)],
    }


def _plant(make_person: PersonFactory) -> tuple[dict[str, tuple[PersonPublic, PersonPublic]], ...]:
    """Hand-made pairs: the same person typed twice (each kind), and two people who look alike."""
    same: dict[str, tuple[PersonPublic, PersonPublic]] = {}
    home = _home("T5J 1A1", "780 555 0101")
    same["mac_mc"] = (
        make_person("Angus", "MacDonald", dt.date(1970, 2, 3), **home),
        make_person("Angus", "McDonald", dt.date(1970, 2, 3)),
    )
    home = _home("T5K 2B2", "780 555 0102")
    same["nickname"] = (
        make_person("Robert", "Zelazny", dt.date(1965, 7, 21), **home),
        make_person("Bob", "Zelazny", dt.date(1965, 7, 21), **home),
    )
    home = _home("T6E 3C3", "780 555 0103")
    same["accents"] = (
        make_person("Hélène", "Côté-Bérubé", dt.date(1982, 11, 9), **home),
        make_person("Helene", "Cote-Berube", dt.date(1982, 11, 9)),
    )
    home = _home("T6G 4B4", "780 555 0104")
    same["name_order"] = (
        make_person("Minh", "Nguyen", dt.date(1990, 4, 12), **home),
        make_person("Nguyen", "Minh", dt.date(1990, 4, 12), **home),
    )
    home = _home("T6G 4B5", "780 555 0114")
    same["name_order_compound"] = (  # every given name, not the first alone, is compared with the family
        make_person("Marie-Claude", "Tremblay-Walker", dt.date(1987, 9, 14), **home),
        make_person("Tremblay-Walker", "Marie-Claude", dt.date(1987, 9, 14)),
    )
    home = _home("T5H 5E5", "780 555 0105")
    same["birth_digits"] = (
        make_person("Sylvie", "Ouellet", dt.date(1975, 12, 3), **home),
        make_person("Sylvie", "Ouellet", dt.date(1975, 12, 30), **home),
    )
    home = _home("T6W 6H6", "780 555 0106")
    same["married"] = (
        make_person("Marie-Ève", "Leblanc", dt.date(1980, 6, 2), **home),
        make_person("Marie-Ève", "Pelletier", dt.date(1980, 6, 2), **home),
    )
    same["same_sin"] = (  # a new family name, no contact in common: the SIN's blind index says it
        make_person("Fatima", "Haddad", dt.date(1979, 3, 8), sin="130 692 544"),
        make_person("Fatima", "Rahimi", dt.date(1979, 3, 8), sin="130 692 544"),
    )
    different: dict[str, tuple[PersonPublic, PersonPublic]] = {}
    home = _home("T5J 7G7", "780 555 0107")
    different["twins_other_sex"] = (
        make_person("Daniel", "Fortin", dt.date(2001, 8, 15), **home),
        make_person("Danielle", "Fortin", dt.date(2001, 8, 15), **home),
    )
    different["same_day_decades_apart"] = (
        make_person("Louis", "Girard", dt.date(1950, 8, 15), **_home("T2P 8H8", "403 555 0108")),
        make_person("Louis", "Girard", dt.date(1985, 8, 15), **_home("T3A 9J9", "403 555 0109")),
    )
    return same, different


def _key(pair: tuple[PersonPublic, PersonPublic]) -> tuple[uuid.UUID, uuid.UUID]:
    a, b = sorted((pair[0].id, pair[1].id), key=str)
    return a, b


def _queue(
    container: Container, actor: Actor, status: str = "open"
) -> dict[tuple[uuid.UUID, uuid.UUID], sweep.Suggestion]:
    page = sweep.list_suggestions(container.uow(), actor=actor, status=status, limit=200)
    return {(s.person_a.id, s.person_b.id): s for s in page.items}


def test_sweep_suggests_planted_pairs_not_look_alikes_and_remembers_decisions(
    container: Container, officer: Actor, supervisor: Actor, make_person: PersonFactory
) -> None:
    load_people(container, actor=Actor.system("seed"), people=400, seed=16)
    same, different = _plant(make_person)
    with pytest.raises(PermissionDenied):
        sweep.run_sweep(container.uow(), actor=officer, tuning=TINY)

    report = sweep.run_sweep(container.uow(), actor=supervisor, tuning=TINY)

    assert report.people >= 400 and report.new == report.suggested > 0
    queue = _queue(container, supervisor)
    for kind, pair in same.items():
        assert _key(pair) in queue, f"{kind}: not suggested"
        assert queue[_key(pair)].probability >= 0.8
    for kind, pair in different.items():
        assert _key(pair) not in queue, f"{kind}: two people suggested as one"
    ranked = [s.probability for s in queue.values()]
    assert ranked == sorted(ranked, reverse=True)  # most likely first
    evidence = {e.field: e.level for e in queue[_key(same["nickname"])].evidence}
    assert evidence["given"] == "a name and its short form"
    assert evidence["birth_date"] == "the same"
    evidence = {e.field: e.level for e in queue[_key(same["same_sin"])].evidence}
    assert evidence["identifier"] == "same SIN or health number"

    # Dismiss one pair (a reason is required), merge another: neither comes back on the next run.
    nick = queue[_key(same["nickname"])]
    with pytest.raises(InvalidInput) as err:
        sweep.dismiss_suggestion(container.uow(), actor=supervisor, suggestion_id=nick.id, reason=" ")
    assert err.value.field == "reason"
    with pytest.raises(PermissionDenied):
        sweep.dismiss_suggestion(container.uow(), actor=officer, suggestion_id=nick.id, reason="twins")
    dismissed = sweep.dismiss_suggestion(
        container.uow(), actor=supervisor, suggestion_id=nick.id, reason="father and son"
    )
    assert dismissed.status == "dismissed" and dismissed.decided_by == supervisor.username
    with pytest.raises(Conflict):
        sweep.dismiss_suggestion(container.uow(), actor=supervisor, suggestion_id=nick.id, reason="again")
    a, b = same["mac_mc"]
    merge_people(container.uow(), actor=supervisor, survivor_id=a.id, merged_id=b.id, reason="same card")

    again = sweep.run_sweep(container.uow(), actor=supervisor, tuning=TINY)

    assert again.already_decided >= 1
    queue = _queue(container, supervisor)
    assert _key(same["nickname"]) not in queue and _key(same["mac_mc"]) not in queue
    assert _key(same["accents"]) in queue
    assert _key(same["nickname"]) in _queue(container, supervisor, "dismissed")
    merged = _queue(container, supervisor, "merged")[_key(same["mac_mc"])]
    assert merged.decided_by == supervisor.username and merged.decision_reason == "same card"

    with container.uow() as uow:
        actions = [e.action for e in uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
    assert actions.count(AuditAction.PERSON_DUPLICATE_SWEEP) == 2
    assert AuditAction.PERSON_DUPLICATE_DISMISS in actions
    assert AuditAction.PERSON_DUPLICATE_QUEUE_READ in actions


def test_queue_refuses_bad_input_and_officers(
    container: Container, officer: Actor, supervisor: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        sweep.list_suggestions(container.uow(), actor=officer)
    with pytest.raises(InvalidInput) as err:
        sweep.list_suggestions(container.uow(), actor=supervisor, status="maybe")
    assert err.value.field == "status"
    with pytest.raises(InvalidInput) as err:
        sweep.run_sweep(container.uow(), actor=supervisor, tuning=sweep.Tuning(threshold=1.5))
    assert err.value.field == "threshold"
    empty = sweep.run_sweep(container.uow(), actor=supervisor, tuning=TINY)  # an empty registry
    assert empty.people == 0 and empty.suggested == 0
