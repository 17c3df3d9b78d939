"""knowledge: staff articles with versions (maker-checker publishing) and links to catalogue entries;
full-text search: an FTS5 table kept by triggers on SQLite, a generated tsvector column with a GIN
index on PostgreSQL (issue 18, part 5)

Revision ID: 0021
Revises: 0020
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# English words weigh in English, French ones in French; a title counts more than the body.
PG_VECTOR = """
setweight(to_tsvector('english'::regconfig, coalesce(title_en, '')), 'A')
|| setweight(to_tsvector('english'::regconfig, coalesce(body_en, '')), 'B')
|| setweight(to_tsvector('french'::regconfig, coalesce(title_fr, '')), 'A')
|| setweight(to_tsvector('french'::regconfig, coalesce(body_fr, '')), 'B')
"""

SQLITE_FTS = [
    # One row per version, keyed by the version's id (as SQLAlchemy stores a Uuid on SQLite).
    """CREATE VIRTUAL TABLE knowledge_fts USING fts5(
        version_id UNINDEXED, title_en, body_en, title_fr, body_fr,
        tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER knowledge_fts_insert AFTER INSERT ON knowledge_version BEGIN
        INSERT INTO knowledge_fts (version_id, title_en, body_en, title_fr, body_fr)
        VALUES (new.id, new.title_en, new.body_en, new.title_fr, new.body_fr);
    END""",
    """CREATE TRIGGER knowledge_fts_delete AFTER DELETE ON knowledge_version BEGIN
        DELETE FROM knowledge_fts WHERE version_id = old.id;
    END""",
    """CREATE TRIGGER knowledge_fts_update AFTER UPDATE OF title_en, body_en, title_fr, body_fr
        ON knowledge_version BEGIN
        DELETE FROM knowledge_fts WHERE version_id = old.id;
        INSERT INTO knowledge_fts (version_id, title_en, body_en, title_fr, body_fr)
        VALUES (new.id, new.title_en, new.body_en, new.title_fr, new.body_fr);
    END""",
]


def upgrade() -> None:
    op.create_table(
        "knowledge_article",
        sa.Column("published_number", sa.Integer(), nullable=True),
        sa.Column("latest_number", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_article")),
    )
    op.create_table(
        "knowledge_link",
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("entry_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["knowledge_article.id"],
            name=op.f("fk_knowledge_link_article_id_knowledge_article"),
        ),
        sa.PrimaryKeyConstraint("article_id", "entry_id", name=op.f("pk_knowledge_link")),
    )
    with op.batch_alter_table("knowledge_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_knowledge_link_entry_id"), ["entry_id"], unique=False)

    op.create_table(
        "knowledge_version",
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("based_on", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("jurisdiction", sa.String(length=10), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("body_en", sa.Text(), nullable=False),
        sa.Column("title_fr", sa.String(length=200), nullable=False),
        sa.Column("body_fr", sa.Text(), nullable=False),
        sa.Column("source_title", sa.String(length=300), nullable=False),
        sa.Column("source_url", sa.String(length=500), nullable=True),
        sa.Column("source_document", sa.String(length=300), nullable=True),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("links", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["knowledge_article.id"],
            name=op.f("fk_knowledge_version_article_id_knowledge_article"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_version")),
        sa.UniqueConstraint("article_id", "number", name=op.f("uq_knowledge_version_article_id_number")),
    )
    with op.batch_alter_table("knowledge_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_knowledge_version_article_id"), ["article_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_knowledge_version_state_created_at"), ["state", "created_at"], unique=False
        )

    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE knowledge_version ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS ({PG_VECTOR}) STORED"
        )
        op.execute(
            "CREATE INDEX ix_knowledge_version_search_vector ON knowledge_version USING gin (search_vector)"
        )
    else:
        for statement in SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_knowledge_version_search_vector")
    else:
        for trigger in ("knowledge_fts_insert", "knowledge_fts_delete", "knowledge_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS knowledge_fts")
    with op.batch_alter_table("knowledge_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_version_state_created_at"))
        batch_op.drop_index(batch_op.f("ix_knowledge_version_article_id"))
    op.drop_table("knowledge_version")
    with op.batch_alter_table("knowledge_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_link_entry_id"))
    op.drop_table("knowledge_link")
    op.drop_table("knowledge_article")
