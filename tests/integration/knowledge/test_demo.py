"""The demo's articles (``demo/knowledge.py``) load through the services: written by the editor,
published by the supervisor, one corrected (two versions), one draft waiting, all findable."""

from __future__ import annotations

import random
from typing import Any, cast

from onestop import knowledge
from onestop.bootstrap import Container
from onestop.demo.context import Ctx
from onestop.demo.knowledge import load_articles
from tests.integration.knowledge.conftest import EDITOR, OFFICER, SUPERVISOR


def test_the_demo_articles(container: Container) -> None:
    staff = {"editor": EDITOR, "supervisor": SUPERVISOR}
    ctx = Ctx(container, cast(Any, container.clock), random.Random(7), container.clock.today(), staff)
    load_articles(ctx)
    assert ctx.made.counts == {"knowledge_articles": 5}
    listed = knowledge.list_articles(container.uow(), actor=OFFICER)
    assert len(listed) == 4 and all(not a.review_due for a in listed)
    [draft] = knowledge.review_queue(container.uow(), actor=SUPERVISOR)
    assert draft.title_en == "Emergency drug cards (NLPDP)" and draft.author == "eddie"
    [hit] = knowledge.search(container.uow(), actor=OFFICER, q="moving Alberta contacts")
    assert hit.article.title_en == "Inter-provincial contacts: moving from NL to AB"
    voucher = knowledge.search(container.uow(), actor=OFFICER, q="bon alimentaire", language="fr")[0]
    assert [
        v.number for v in knowledge.history(container.uow(), actor=OFFICER, article_id=voucher.article.id)
    ] == [2, 1]
    linked = knowledge.linked_articles(container.uow(), actor=OFFICER, entry_ids=["nl.emergency_assistance"])
    assert [a.id for a in linked["nl.emergency_assistance"]] == [voucher.article.id]
