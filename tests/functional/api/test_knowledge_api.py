"""The knowledge base over HTTP: an editor's draft, refused to its own author (409) and to an officer
(403), published by a supervisor, found by search with a snippet, listed for its program; bad input
is 422 naming the field, a stale version 409."""

from __future__ import annotations

import datetime as dt

from onestop.access import Role
from onestop.bootstrap import Container
from tests.integration.cases.factories import api_client, make_office, make_worker

ARTICLE = {
    "kind": "howto",
    "jurisdiction": "ca-nl",
    "title_en": "How to issue an emergency food voucher",
    "body_en": "Issue the voucher the same day.\n\n1. Check identity.\n2. Record the amount.",
    "title_fr": "Comment remettre un bon alimentaire d'urgence",
    "body_fr": "Remettez le bon le jour même.",
    "source_title": "Income Support Policy Manual",
    "source_url": "https://www.gov.nl.ca/isl/income-support/",
    "review_on": (dt.date(2026, 3, 2) + dt.timedelta(days=180)).isoformat(),
    "links": ["nl.emergency_assistance"],
}


def test_knowledge_over_http(container: Container) -> None:
    office = make_office(container)
    editor = make_worker(container, Role.KNOWLEDGE_EDITOR, office=office)
    officer = make_worker(container, Role.OFFICER, office=office)
    supervisor = make_worker(container, Role.SUPERVISOR, office=office)
    with api_client(container, editor) as client:
        bad = client.post("/api/knowledge/articles", json=ARTICLE | {"title_fr": ""})
        assert (bad.status_code, bad.json()["field"]) == (422, "title_fr")
        bad = client.post("/api/knowledge/articles", json=ARTICLE | {"jurisdiction": "ca-qc"})
        assert (bad.status_code, bad.json()["field"]) == (422, "jurisdiction")
        made = client.post("/api/knowledge/articles", json=ARTICLE)
        assert made.status_code == 201, made.text
        article = made.json()
        base = f"/api/knowledge/articles/{article['id']}"
        own = client.post(f"{base}/versions/1/publish", json={})
        assert own.status_code == 409 and "second person" in own.json()["detail"]
    with api_client(container, officer) as client:
        assert client.post("/api/knowledge/articles", json=ARTICLE).status_code == 403
        assert client.post(f"{base}/versions/1/publish", json={}).status_code == 403
        assert client.get(base).status_code == 404  # not published yet
    with api_client(container, supervisor) as boss:
        queue = boss.get("/api/knowledge/review").json()
        assert [(d["article_id"], d["number"]) for d in queue] == [(article["id"], 1)]
        published = boss.post(f"{base}/versions/1/publish", json={"version": 1, "note": "Checked"})
        assert published.status_code == 200 and published.json()["published_number"] == 1
    with api_client(container, officer) as client:
        hits = client.get("/api/knowledge/search", params={"q": "food voucher"}).json()
        assert [h["article"]["id"] for h in hits] == [article["id"]]
        assert any(p["hit"] for p in hits[0]["snippet"])
        fr = client.get("/api/knowledge/search", params={"q": "bon alimentaire", "language": "fr"}).json()
        assert [h["article"]["id"] for h in fr] == [article["id"]]
        bad = client.get("/api/knowledge/search", params={"q": "?!"})
        assert (bad.status_code, bad.json()["field"]) == (422, "q")
        linked = client.get("/api/knowledge/entries/nl.emergency_assistance").json()
        assert [a["id"] for a in linked] == [article["id"]]
        assert (
            client.get("/api/knowledge/articles", params={"jurisdiction": "ca-nl"}).json()[0]["id"]
            == article["id"]
        )
        assert client.get("/api/knowledge/articles", params={"kind": "memo"}).status_code == 422
        assert [v["number"] for v in client.get(f"{base}/versions").json()] == [1]
        assert client.get(f"{base}/versions/1").json()["state"] == "published"
        assert client.get(f"{base}/versions/7").status_code == 404
    with api_client(container, editor) as client:
        current = client.get(base).json()
        stale = client.post(f"{base}/versions", json=ARTICLE | {"version": current["version"] - 1})
        assert stale.status_code == 409
        edited = client.post(
            f"{base}/versions", json=ARTICLE | {"version": current["version"], "note": "Typo"}
        )
        assert edited.status_code == 201 and edited.json()["pending"]["number"] == 2
    with api_client(container, supervisor) as boss:
        returned = boss.post(f"{base}/versions/2/return", json={"note": "Say which grocers"})
        assert returned.status_code == 200 and returned.json()["pending"] is None
