"""Search, on both databases through one service: published articles only, every word, in English or
French (stemmed), best first (a word in the title ranks above one only in the body), with a snippet in
the page's language marking the words found."""

from __future__ import annotations

import uuid

import pytest

from onestop import knowledge
from onestop.bootstrap import Container
from onestop.common.errors import InvalidInput
from tests.integration.knowledge.conftest import EDITOR, OFFICER, SUPERVISOR, draft

MOVING_EN = """Before a client moves from Newfoundland and Labrador to Alberta, close the file here and
give the client the Alberta Supports Contact Centre number. Income support does not follow the client.

- Alberta Supports Contact Centre: 1-877-644-9992
- Newfoundland and Labrador income support: 1-877-729-7888"""
MOVING_FR = """Avant qu'un client déménage de Terre-Neuve-et-Labrador en Alberta, fermez le dossier ici et
donnez au client le numéro du centre de contact Alberta Supports. Le soutien du revenu ne suit
pas le client."""


def _published(container: Container, **changes: object) -> uuid.UUID:
    made = knowledge.create_article(container.uow(), actor=EDITOR, data=draft(**changes))
    knowledge.publish(
        container.uow(), actor=SUPERVISOR, article_id=made.id, number=1, data=knowledge.Review()
    )
    return made.id


def _moving(container: Container) -> uuid.UUID:
    return _published(
        container,
        kind="contacts",
        jurisdiction="ca",
        title_en="Inter-provincial contacts: moving from NL to AB",
        body_en=MOVING_EN,
        title_fr="Contacts interprovinciaux : déménager de T.-N.-L. en Alberta",
        body_fr=MOVING_FR,
        links=[],
    )


def test_ranked_results_with_snippets_in_either_language(container: Container) -> None:
    voucher = _published(container)
    moving = _moving(container)

    hits = knowledge.search(container.uow(), actor=OFFICER, q="food voucher")
    assert [h.article.id for h in hits] == [voucher]
    assert hits[0].rank > 0
    found = [p.text.lower() for p in hits[0].snippet if p.hit]
    assert any(w.startswith("voucher") for w in found) and any(w.startswith("food") for w in found)
    assert "".join(p.text for p in hits[0].snippet).strip()

    # English stemming: "issuing vouchers" finds "issue ... voucher".
    assert [h.article.id for h in knowledge.search(container.uow(), actor=OFFICER, q="issuing vouchers")] == [
        voucher
    ]
    # French words find the French text; the snippet comes from the French body.
    hits = knowledge.search(container.uow(), actor=OFFICER, q="déménage Alberta", language="fr")
    assert [h.article.id for h in hits] == [moving]
    assert "Alberta" in [p.text for p in hits[0].snippet if p.hit]
    assert "dossier" in "".join(p.text for p in hits[0].snippet) or "client" in "".join(
        p.text for p in hits[0].snippet
    )

    # Every word must be there.
    assert knowledge.search(container.uow(), actor=OFFICER, q="voucher Alberta") == []


def test_a_title_word_ranks_above_a_body_word(container: Container) -> None:
    in_body = _published(
        container,
        title_en="Closing a file",
        body_en="When the client moves to Alberta, close the file.",
        title_fr="Fermer un dossier",
        body_fr="Quand le client part, fermez le dossier.",
    )
    in_title = _moving(container)
    hits = knowledge.search(container.uow(), actor=OFFICER, q="Alberta")
    assert [h.article.id for h in hits] == [in_title, in_body]
    assert hits[0].rank > hits[1].rank


def test_only_the_published_version_is_searched(container: Container) -> None:
    made = knowledge.create_article(container.uow(), actor=EDITOR, data=draft(title_en="Hamper pickup"))
    assert knowledge.search(container.uow(), actor=OFFICER, q="hamper") == []  # a draft
    one = knowledge.publish(
        container.uow(), actor=SUPERVISOR, article_id=made.id, number=1, data=knowledge.Review()
    )
    assert len(knowledge.search(container.uow(), actor=OFFICER, q="hamper")) == 1
    knowledge.edit_article(
        container.uow(),
        actor=EDITOR,
        article_id=made.id,
        data=draft(version=one.version, title_en="Parcel pickup"),
    )
    assert len(knowledge.search(container.uow(), actor=OFFICER, q="hamper")) == 1  # still version 1
    assert knowledge.search(container.uow(), actor=OFFICER, q="parcel") == []
    knowledge.publish(
        container.uow(), actor=SUPERVISOR, article_id=made.id, number=2, data=knowledge.Review()
    )
    assert knowledge.search(container.uow(), actor=OFFICER, q="hamper") == []
    assert len(knowledge.search(container.uow(), actor=OFFICER, q="parcel")) == 1


@pytest.mark.parametrize(
    "q", ['"voucher', "food AND NOT", "voucher*", "title_en:food", "((( food", "NEAR(food voucher)"]
)
def test_search_syntax_is_only_words(container: Container, q: str) -> None:
    _published(container)
    hits = knowledge.search(container.uow(), actor=OFFICER, q=q)
    assert all(h.article.title_en for h in hits)


@pytest.mark.parametrize(
    ("kwargs", "field"), [({"q": " !? "}, "q"), ({"q": "food", "language": "de"}, "language")]
)
def test_bad_searches_name_the_field(container: Container, kwargs: dict, field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        knowledge.search(container.uow(), actor=OFFICER, **kwargs)
    assert err.value.field == field
