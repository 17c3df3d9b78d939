"""Knowledge base search benchmark: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

    python benchmarks/knowledge_search.py --articles 1000 --backend sqlite
    python benchmarks/knowledge_search.py --articles 1000 --backend postgresql --url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

Writes N articles through the services into a FRESH database (each a draft by an editor, published by
a supervisor: two transactions with their audit events), built from a fixed vocabulary of office words
in both languages, then times 100 searches of one to three words (English and French) through
``knowledge.search``. Prints p50/p95 in milliseconds; the last line is JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from onestop import knowledge
from onestop.access import Actor, Role
from onestop.bootstrap import build
from onestop.common.clock import FixedClock
from onestop.common.crypto import FieldCipher
from onestop.config import Settings
from onestop.db import make_engine, migrate

NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
BENCH_DB = "onestop_bench_knowledge"
EN = [
    "emergency",
    "food",
    "voucher",
    "shelter",
    "transport",
    "income",
    "support",
    "client",
    "file",
    "officer",
    "supervisor",
    "moving",
    "province",
    "contacts",
    "drug",
    "card",
    "pharmacy",
    "funeral",
    "benefit",
    "health",
    "coverage",
    "review",
    "appeal",
    "overpayment",
    "budget",
    "rent",
    "utilities",
    "child",
    "care",
    "training",
    "employment",
    "sponsor",
    "project",
    "attendance",
    "deadline",
]
FR = [
    "urgence",
    "bon",
    "alimentaire",
    "hébergement",
    "transport",
    "soutien",
    "revenu",
    "client",
    "dossier",
    "agent",
    "superviseur",
    "déménagement",
    "province",
    "contacts",
    "carte",
    "médicaments",
    "pharmacie",
    "funérailles",
    "prestation",
    "santé",
    "révision",
    "appel",
    "trop-payé",
    "budget",
    "loyer",
    "services",
    "garde",
    "enfants",
    "formation",
    "emploi",
]


def _url(backend: str, url: str | None, folder: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / 'knowledge.db'}"
    admin = make_engine(
        url or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres", isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{BENCH_DB}"'))
    admin.dispose()
    return make_url(str(admin.url)).set(database=BENCH_DB).render_as_string(hide_password=False)


def _words(rng: random.Random, vocabulary: list[str], n: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--url", default=None, help="PostgreSQL server (its admin database)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    settings = Settings(
        var_dir=folder / "var",
        database_url=_url(args.backend, args.url, folder),
        field_key=FieldCipher.generate_key_text(),
        secret_key="bench-" + "k" * 40,
    )
    container = build(settings, clock=FixedClock(NOW))
    migrate.upgrade(container.engine)
    editor = Actor.for_roles(uuid.uuid4(), "editor", frozenset({Role.KNOWLEDGE_EDITOR}))
    checker = Actor.for_roles(uuid.uuid4(), "supervisor", frozenset({Role.SUPERVISOR}))
    rng = random.Random(18)
    started = time.perf_counter()
    for n in range(args.articles):
        draft = knowledge.ArticleDraft(
            kind=rng.choice(["howto", "procedure", "contacts"]),
            jurisdiction=rng.choice(["ca-nl", "ca-ab", "ca"]),
            title_en=f"{_words(rng, EN, 5)} {n}",
            body_en="\n\n".join(_words(rng, EN, 60) for _ in range(4)),
            title_fr=f"{_words(rng, FR, 5)} {n}",
            body_fr="\n\n".join(_words(rng, FR, 60) for _ in range(4)),
            source_title="Policy manual",
            source_url="https://example.org/policy",
            review_on=NOW.date() + dt.timedelta(days=365),
        )
        made = knowledge.create_article(container.uow(), actor=editor, data=draft)
        knowledge.publish(
            container.uow(), actor=checker, article_id=made.id, number=1, data=knowledge.Review()
        )
    written = time.perf_counter() - started
    times: list[float] = []
    hits: list[int] = []
    for i in range(100):
        language, vocabulary = ("fr", FR) if i % 2 else ("en", EN)
        query = _words(rng, vocabulary, 1 + i % 3)
        began = time.perf_counter()
        found = knowledge.search(container.uow(), actor=checker, q=query, language=language)
        times.append((time.perf_counter() - began) * 1000)
        hits.append(len(found))
    times.sort()
    result = {
        "backend": args.backend,
        "articles": args.articles,
        "write_seconds": round(written, 1),
        "search_p50_ms": round(statistics.median(times), 1),
        "search_p95_ms": round(times[94], 1),
        "mean_hits": round(statistics.mean(hits), 1),
    }
    print(
        f"{args.backend}: {args.articles} articles written in {written:.1f} s; search p50 "
        f"{result['search_p50_ms']} ms, p95 {result['search_p95_ms']} ms"
    )
    print(json.dumps(result))
    container.engine.dispose()
    sys.exit(0)


if __name__ == "__main__":
    main()
