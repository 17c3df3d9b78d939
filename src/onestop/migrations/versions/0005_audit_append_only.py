"""audit append-only: triggers refuse UPDATE and DELETE of audit events, the chain head only moves
forward, and the head carries an HMAC seal

Revision ID: 0005
Revises: 0004

The DDL is written out here (not imported) so this revision stays what it was when it ran.
On SQLite, a later ``batch_alter_table`` of ``audit_event`` or ``audit_chain_head`` re-creates the
table and drops these triggers: such a migration must create them again.
"""

import hashlib
import hmac
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_HEAD_GOES_BACK = "NEW.seq < OLD.seq OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash)"

SQLITE_UP = [
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: UPDATE refused'); END",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: DELETE refused'); END",
    f"CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE ON audit_chain_head WHEN {_HEAD_GOES_BACK} "
    "BEGIN SELECT RAISE(ABORT, 'audit_chain_head only moves forward: UPDATE refused'); END",
    "CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head "
    "BEGIN SELECT RAISE(ABORT, 'audit_chain_head only moves forward: DELETE refused'); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS audit_chain_head_no_delete",
    "DROP TRIGGER IF EXISTS audit_chain_head_forward",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
    "DROP TRIGGER IF EXISTS audit_event_no_update",
]

POSTGRES_UP = [
    """CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$""",
    "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()",
    "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()",
    f"""CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR {_HEAD_GOES_BACK} THEN
        RAISE EXCEPTION 'audit_chain_head only moves forward: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$""",
    "CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON audit_chain_head "
    "FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only()",
    "CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_forward_only()",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS audit_chain_head_no_truncate ON audit_chain_head",
    "DROP TRIGGER IF EXISTS audit_chain_head_forward ON audit_chain_head",
    "DROP FUNCTION IF EXISTS audit_chain_head_forward_only()",
    "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event",
    "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event",
    "DROP FUNCTION IF EXISTS audit_event_refuse_change()",
]


def _seal_existing_head() -> None:
    """Seal a head written before this revision, so the next append extends a sealed head.

    Needs the audit key as the app would read it (``ONESTOP_AUDIT_KEY``, or ``var/audit.key`` in
    development); production without the key stops here, before anything is changed.
    """
    bind = op.get_bind()
    head = bind.execute(sa.text("SELECT seq, hash FROM audit_chain_head WHERE id = 1")).one_or_none()
    if head is None:
        return
    from onestop import keys  # only when there is a head to seal: an empty database needs no key
    from onestop.config import Settings

    key = keys.audit_key(Settings())
    message = f"onestop-audit-head:{int(head.seq)}:{head.hash}".encode()
    seal = hmac.new(key, message, hashlib.sha256).hexdigest()
    bind.execute(sa.text("UPDATE audit_chain_head SET seal = :seal WHERE id = 1"), {"seal": seal})


def upgrade() -> None:
    with op.batch_alter_table("audit_chain_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seal", sa.String(length=64), nullable=True))
    _seal_existing_head()
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRES_UP if postgres else SQLITE_UP:
        op.execute(statement)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRES_DOWN if postgres else SQLITE_DOWN:
        op.execute(statement)
    with op.batch_alter_table("audit_chain_head", schema=None) as batch_op:
        batch_op.drop_column("seal")
