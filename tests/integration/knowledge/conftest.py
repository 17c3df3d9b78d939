"""Actors and an article's words for the knowledge base tests."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from onestop import knowledge
from onestop.access import Actor, Role

EDITOR = Actor.for_roles(uuid.UUID(int=701), "eddie", frozenset({Role.KNOWLEDGE_EDITOR}))
EDITOR2 = Actor.for_roles(uuid.UUID(int=702), "edna", frozenset({Role.KNOWLEDGE_EDITOR}))
SUPERVISOR = Actor.for_roles(uuid.UUID(int=703), "sue", frozenset({Role.SUPERVISOR}))
OFFICER = Actor.for_roles(uuid.UUID(int=704), "otto", frozenset({Role.OFFICER}))

VOUCHER_EN = """An officer may issue an emergency food voucher the same day when a client has no food.

1. Confirm the client's identity and that the household has no other means.
2. Issue the voucher within your emergency authority.
3. Record the contact and the amount on the file.

- Vouchers are accepted at the grocers listed for the office."""
VOUCHER_FR = """Un agent peut remettre un bon alimentaire d'urgence le jour même quand un client
n'a rien à manger.

1. Confirmer l'identité du client et que le ménage n'a pas d'autres moyens.
2. Remettre le bon dans les limites de votre pouvoir d'urgence."""


def draft(**changes: Any) -> knowledge.ArticleDraft:
    """An emergency food voucher how-to for Newfoundland and Labrador, with ``changes``."""
    values: dict[str, Any] = {
        "kind": "howto",
        "jurisdiction": "ca-nl",
        "title_en": "How to issue an emergency food voucher",
        "body_en": VOUCHER_EN,
        "title_fr": "Comment remettre un bon alimentaire d'urgence",
        "body_fr": VOUCHER_FR,
        "source_title": "Income Support Policy Manual: Emergency assistance",
        "source_url": "https://www.gov.nl.ca/isl/income-support/",
        "review_on": dt.date(2026, 9, 1),
        "links": ["nl.emergency_assistance"],
    }
    values.update(changes)
    return knowledge.ArticleDraft(**values)
