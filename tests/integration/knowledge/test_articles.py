"""Articles: a draft until a second person publishes it (never its author), every edit a new version,
the history and older versions readable, drafts seen only by editors and reviewers, each change
audited, bad input and stale versions refused with nothing written."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop import knowledge
from onestop.bootstrap import Container
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, PermissionDenied
from tests.integration.cases.conftest import audit_actions
from tests.integration.knowledge.conftest import EDITOR, EDITOR2, OFFICER, SUPERVISOR, draft


def test_draft_reviewed_published_then_edited_and_superseded(container: Container) -> None:
    made = knowledge.create_article(container.uow(), actor=EDITOR, data=draft())
    assert (made.published_number, made.latest_number, made.current) == (None, 1, None)
    assert made.pending is not None and made.pending.state == "draft"
    with pytest.raises(knowledge.ArticleNotFound):  # an officer does not see an unpublished article
        knowledge.get_article(container.uow(), actor=OFFICER, article_id=made.id)

    with pytest.raises(InvalidTransition, match="second person"):
        knowledge.publish(
            container.uow(), actor=EDITOR, article_id=made.id, number=1, data=knowledge.Review()
        )
    queue = knowledge.review_queue(container.uow(), actor=SUPERVISOR)
    assert [(d.article_id, d.number, d.author, d.new_article) for d in queue] == [(made.id, 1, "eddie", True)]

    published = knowledge.publish(
        container.uow(), actor=SUPERVISOR, article_id=made.id, number=1, data=knowledge.Review(note="Checked")
    )
    assert published.current is not None
    assert (published.published_number, published.current.reviewed_by, published.current.state) == (
        1,
        "sue",
        "published",
    )
    assert knowledge.review_queue(container.uow(), actor=SUPERVISOR) == []
    seen = knowledge.get_article(container.uow(), actor=OFFICER, article_id=made.id)
    assert seen.current is not None and seen.current.title_en == "How to issue an emergency food voucher"
    assert seen.pending is None

    edited = knowledge.edit_article(
        container.uow(),
        actor=EDITOR2,
        article_id=made.id,
        data=draft(version=published.version, title_en="Issuing an emergency food voucher", note="New title"),
    )
    assert (edited.published_number, edited.latest_number) == (1, 2)
    # Staff still read version 1 until the draft is published.
    still = knowledge.get_article(container.uow(), actor=OFFICER, article_id=made.id)
    assert still.current is not None and still.current.number == 1
    knowledge.publish(container.uow(), actor=EDITOR, article_id=made.id, number=2, data=knowledge.Review())

    lines = knowledge.history(container.uow(), actor=OFFICER, article_id=made.id)
    assert [(v.number, v.state, v.author, v.reviewed_by) for v in lines] == [
        (2, "published", "edna", "eddie"),
        (1, "superseded", "eddie", "sue"),
    ]
    for number in (0, -1, 2**63):  # out of the column's range: not found, never a database error
        with pytest.raises(knowledge.VersionNotFound):
            knowledge.get_version(container.uow(), actor=OFFICER, article_id=made.id, number=number)
    old = knowledge.get_version(container.uow(), actor=OFFICER, article_id=made.id, number=1)
    assert old.title_en == "How to issue an emergency food voucher" and old.state == "superseded"
    assert [a for a, _ in audit_actions(container, made.id)] == [
        "knowledge:create",
        "knowledge:publish",
        "knowledge:draft",
        "knowledge:publish",
    ]


def test_returned_and_replaced_drafts_are_only_for_editors(container: Container) -> None:
    made = knowledge.create_article(container.uow(), actor=EDITOR, data=draft())
    article = knowledge.publish(
        container.uow(), actor=EDITOR2, article_id=made.id, number=1, data=knowledge.Review()
    )
    second = knowledge.edit_article(
        container.uow(), actor=EDITOR, article_id=made.id, data=draft(version=article.version)
    )
    third = knowledge.edit_article(
        container.uow(), actor=EDITOR, article_id=made.id, data=draft(version=second.version, note="Again")
    )
    assert third.pending is not None and third.pending.number == 3
    with pytest.raises(InvalidInput) as err:  # a return says why
        knowledge.return_draft(
            container.uow(), actor=SUPERVISOR, article_id=made.id, number=3, data=knowledge.Review()
        )
    assert err.value.field == "note"
    knowledge.return_draft(
        container.uow(),
        actor=SUPERVISOR,
        article_id=made.id,
        number=3,
        data=knowledge.Review(note="Cite the act"),
    )
    with pytest.raises(InvalidTransition):  # a returned draft is not published
        knowledge.publish(
            container.uow(), actor=SUPERVISOR, article_id=made.id, number=3, data=knowledge.Review()
        )
    editor_view = knowledge.history(container.uow(), actor=EDITOR, article_id=made.id)
    assert [(v.number, v.state) for v in editor_view] == [(3, "returned"), (2, "replaced"), (1, "published")]
    assert [v.number for v in knowledge.history(container.uow(), actor=OFFICER, article_id=made.id)] == [1]
    with pytest.raises(knowledge.VersionNotFound):
        knowledge.get_version(container.uow(), actor=OFFICER, article_id=made.id, number=3)
    assert knowledge.get_version(container.uow(), actor=EDITOR, article_id=made.id, number=3).review_note == (
        "Cite the act"
    )


def test_a_draft_from_an_older_published_version_is_refused(container: Container) -> None:
    made = knowledge.create_article(container.uow(), actor=EDITOR, data=draft())
    one = knowledge.publish(
        container.uow(), actor=SUPERVISOR, article_id=made.id, number=1, data=knowledge.Review()
    )
    two = knowledge.edit_article(
        container.uow(), actor=EDITOR, article_id=made.id, data=draft(version=one.version)
    )
    with pytest.raises(Conflict):  # the article changed since it was read
        knowledge.edit_article(
            container.uow(), actor=EDITOR2, article_id=made.id, data=draft(version=one.version)
        )
    assert two.pending is not None
    with pytest.raises(Conflict):  # the draft's own version is stale
        knowledge.publish(
            container.uow(), actor=SUPERVISOR, article_id=made.id, number=2, data=knowledge.Review(version=99)
        )
    after = knowledge.get_article(container.uow(), actor=SUPERVISOR, article_id=made.id)
    assert (after.published_number, after.latest_number) == (1, 2)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title_fr": "  "}, "title_fr"),
        ({"body_en": "\n\n"}, "body_en"),
        ({"jurisdiction": "ca-on"}, "jurisdiction"),
        ({"kind": "memo"}, "kind"),
        ({"source_url": "ftp://example.org/x"}, "source_url"),
        ({"source_url": None}, "source_url"),  # neither a web address nor a document
        ({"review_on": dt.date(2026, 3, 1)}, "review_on"),
        ({"links": ["not an id"]}, "links"),
        ({"links": ["nl.no_such_program"]}, "links"),
        ({"title_en": "Food\x00voucher"}, "title_en"),
        ({"source_url": None, "source_document": "Manual\x07"}, "source_document"),
        ({"source_url": "https://example.org/\x00"}, "source_url"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    container: Container, changes: dict, field: str
) -> None:
    with pytest.raises(InvalidInput) as err:
        knowledge.create_article(container.uow(), actor=EDITOR, data=draft(**changes))
    assert err.value.field == field
    assert knowledge.review_queue(container.uow(), actor=SUPERVISOR) == []
    assert audit_actions(container) == []


def test_a_document_is_a_source_too(container: Container) -> None:
    made = knowledge.create_article(
        container.uow(), actor=EDITOR, data=draft(source_url=None, source_document="Policy manual s. 4.2")
    )
    assert made.pending is not None


def test_who_may_write_and_publish(container: Container) -> None:
    with pytest.raises(PermissionDenied):
        knowledge.create_article(container.uow(), actor=OFFICER, data=draft())
    with pytest.raises(PermissionDenied):
        knowledge.create_article(container.uow(), actor=SUPERVISOR, data=draft())
    made = knowledge.create_article(container.uow(), actor=EDITOR, data=draft())
    with pytest.raises(PermissionDenied):
        knowledge.publish(
            container.uow(), actor=OFFICER, article_id=made.id, number=1, data=knowledge.Review()
        )
    assert ("knowledge:write", "denied") in audit_actions(container)
    assert ("knowledge:publish", "denied") in audit_actions(container)


def test_links_follow_the_published_version(container: Container) -> None:
    made = knowledge.create_article(container.uow(), actor=EDITOR, data=draft())
    assert (
        knowledge.linked_articles(container.uow(), actor=OFFICER, entry_ids=["nl.emergency_assistance"]) == {}
    )
    one = knowledge.publish(
        container.uow(), actor=SUPERVISOR, article_id=made.id, number=1, data=knowledge.Review()
    )
    found = knowledge.linked_articles(
        container.uow(), actor=OFFICER, entry_ids=["nl.emergency_assistance", "nl.income_support"]
    )
    assert list(found) == ["nl.emergency_assistance"] and found["nl.emergency_assistance"][0].id == made.id
    knowledge.edit_article(
        container.uow(),
        actor=EDITOR,
        article_id=made.id,
        data=draft(version=one.version, links=["nl.income_support"]),
    )
    assert (
        list(knowledge.linked_articles(container.uow(), actor=OFFICER, entry_ids=["nl.income_support"])) == []
    )
    knowledge.publish(container.uow(), actor=EDITOR2, article_id=made.id, number=2, data=knowledge.Review())
    found = knowledge.linked_articles(
        container.uow(), actor=OFFICER, entry_ids=["nl.emergency_assistance", "nl.income_support"]
    )
    assert list(found) == ["nl.income_support"]
    odd = knowledge.linked_articles(container.uow(), actor=OFFICER, entry_ids=["nl.income\x00", "' OR 1=1"])
    assert odd == {}
    listed = knowledge.list_articles(container.uow(), actor=OFFICER, jurisdiction="ca-nl")
    assert [a.id for a in listed] == [made.id]
    assert knowledge.list_articles(container.uow(), actor=OFFICER, jurisdiction="ca-ab") == []
