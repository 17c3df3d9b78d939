"""Queries of caseload runs (the only SQL of the batch area): households in force read as Arrow
partitions by key range, result rows stored in bulk, runs and their rows read back.

Households are the applications of a program whose decision in force is eligible. Partitions are key
ranges over the application id (keyset: ``id > after ORDER BY id LIMIT n``, on the partial unique index
of decisions in force), so a partition read again on resumption is the same range.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from sqlalchemy import (
    Connection,
    Text,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    true,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from onestop.access import Office
from onestop.batch.errors import BatchRunNotFound
from onestop.batch.evaluate import FACTS, HOUSEHOLDS, MEMBERS, Partition
from onestop.batch.models import BatchPartition, BatchRow, BatchRun
from onestop.cases.applications import Application, ApplicationFact
from onestop.cases.decisions import Decision
from onestop.cases.documents import Document
from onestop.registry import Person, UnitMembership


def _in_force(program: str) -> Any:
    """Decisions in force, eligible, for the program: the households a run covers."""
    return and_(Decision.program == program, Decision.superseded_at.is_(None), Decision.outcome == "eligible")


def _in_range(column: Any, after: uuid.UUID | None, last: uuid.UUID | None) -> Any:
    """Keys after ``after`` up to ``last`` (either end open when None)."""
    parts = [column > after] if after is not None else []
    if last is not None:
        parts.append(column <= last)
    return and_(true(), *parts)


class BatchRepository:
    """Runs, partitions and rows."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- runs -------------------------------------------------------------------------------------

    def add(self, row: BatchRun | BatchPartition) -> None:
        """Stage a new run or partition."""
        self.session.add(row)

    def get(self, run_id: uuid.UUID, *, for_update: bool = False) -> BatchRun:
        """One run; ``BatchRunNotFound`` otherwise."""
        stmt = select(BatchRun).where(BatchRun.id == run_id)
        if for_update:
            stmt = stmt.with_for_update()
        run = self.session.scalars(stmt).first()
        if run is None:
            raise BatchRunNotFound(run_id)
        return run

    def status(self, run_id: uuid.UUID) -> str:
        """The run's status as stored now (a cancel from elsewhere shows here)."""
        return str(self.session.scalar(select(BatchRun.status).where(BatchRun.id == run_id)))

    def recent(self, kind: str | None = None, limit: int = 50) -> list[BatchRun]:
        """Recent runs, newest first."""
        stmt = select(BatchRun).order_by(BatchRun.created_at.desc(), BatchRun.id).limit(limit)
        if kind:
            stmt = stmt.where(BatchRun.kind == kind)
        return list(self.session.scalars(stmt))

    def partitions(self, run_id: uuid.UUID) -> list[BatchPartition]:
        """The run's partitions in order."""
        stmt = select(BatchPartition).where(BatchPartition.run_id == run_id).order_by(BatchPartition.seq)
        return list(self.session.scalars(stmt))

    # --- reading households -----------------------------------------------------------------------

    def count_households(self, program: str) -> int:
        """How many households a run of the program covers now."""
        return int(
            self.session.scalar(select(func.count()).select_from(Decision).where(_in_force(program))) or 0
        )

    def read_partitions(
        self, program: str, on: dt.date, after: uuid.UUID | None, size: int, count: int
    ) -> list[tuple[uuid.UUID, Partition]]:
        """The next ``count`` partitions of ``size`` households after ``after``, read with one query per
        table (each partition with its last key). A block of partitions costs the database one pass
        (hash joins) where partition by partition it would probe the indexes once per row."""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SET LOCAL jit = off"))  # compiling each query costs more than it saves
        ahead = select(Decision.application_id).where(_in_force(program)).order_by(Decision.application_id)
        if after is not None:
            ahead = ahead.where(Decision.application_id > after)
        last = self.session.scalar(ahead.offset(size * count - 1).limit(1))  # None: the rest of them
        scope = and_(_in_force(program), _in_range(Decision.application_id, after, last))
        households = self._arrow(self._households(scope), HOUSEHOLDS)
        if households.num_rows == 0:
            return []
        block = self.read_partition(
            program,
            on,
            after,
            uuid.UUID(households.column("application_id")[-1].as_py()),
            households=households,
        )
        ids = households.column("application_id")
        out = []
        for start in range(0, households.num_rows, size):
            chosen = ids.slice(start, size)
            out.append(
                (
                    uuid.UUID(chosen[-1].as_py()),
                    Partition(
                        households=households.slice(start, size),
                        members=block.members.filter(
                            pc.is_in(block.members.column("application_id"), chosen)
                        ),
                        facts=block.facts.filter(pc.is_in(block.facts.column("application_id"), chosen)),
                    ),
                )
            )
        return out

    def _households(self, scope: Any) -> Any:
        return (
            select(
                Decision.application_id,
                Application.unit_id,
                Office.code,
                Application.jurisdiction,
                Decision.monthly_amount_cents,
            )
            .join(Application, Application.id == Decision.application_id)
            .outerjoin(Office, Office.id == Application.office_id)
            .where(scope)
            .order_by(Decision.application_id)
        )

    def read_partition(
        self,
        program: str,
        on: dt.date,
        after: uuid.UUID | None,
        last: uuid.UUID,
        *,
        households: pa.Table | None = None,
    ) -> Partition:
        """The households, members on ``on`` and current facts of one key range, as Arrow tables."""
        scope = and_(_in_force(program), _in_range(Decision.application_id, after, last))
        identity = (  # the latest verified identity document proves the birth date (as in the one-case path)
            select(Document.id)
            .where(
                Document.person_id == UnitMembership.person_id,
                Document.doc_type == "identity",
                Document.status == "verified",
            )
            .order_by(Document.reviewed_at.desc(), Document.id.desc())
            .limit(1)
            .correlate(UnitMembership)
            .scalar_subquery()
        )
        members = (
            select(
                Decision.application_id,
                UnitMembership.person_id,
                UnitMembership.role,
                Person.birth_date,
                identity,
            )
            .join(Application, Application.id == Decision.application_id)
            .join(UnitMembership, UnitMembership.unit_id == Application.unit_id)
            .join(Person, Person.id == UnitMembership.person_id)
            .where(
                scope,
                UnitMembership.joined_on <= on,
                or_(UnitMembership.left_on.is_(None), UnitMembership.left_on > on),
            )
            .order_by(Decision.application_id, UnitMembership.joined_on, UnitMembership.person_id)
        )
        facts = (
            select(
                ApplicationFact.application_id,
                ApplicationFact.path,
                cast(ApplicationFact.value, Text),
                ApplicationFact.source,
                ApplicationFact.verified,
                ApplicationFact.document_id,
            )
            .join(Decision, Decision.application_id == ApplicationFact.application_id)
            .where(
                scope,
                ApplicationFact.replaced_at.is_(None),
                # the range again on the facts' own key: the database reads it off the index of current
                # facts instead of joining every fact (it does not carry ranges across a join)
                _in_range(ApplicationFact.application_id, after, last),
            )
        )  # in no order: the evaluation places facts by key, and a sort of millions of rows costs seconds
        return Partition(
            households=households
            if households is not None
            else self._arrow(self._households(scope), HOUSEHOLDS),
            members=self._arrow(members, MEMBERS),
            facts=self._arrow(facts, FACTS),
        )

    def _arrow(self, stmt: Select[Any] | Any, schema: pa.Schema) -> pa.Table:
        """The query's rows as an Arrow table (ids as text). On PostgreSQL the server streams the result
        as CSV (``COPY (query) TO STDOUT``) and Arrow's C++ reader parses it: no Python object per value."""
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            return _copy_out(connection, stmt, schema)
        rows = self.session.execute(stmt).all()
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema.names]
        arrays = []
        for values, fld in zip(columns, schema, strict=True):
            if pa.types.is_string(fld.type):
                arrays.append(pa.array([None if v is None else str(v) for v in values], type=fld.type))
            else:
                arrays.append(pa.array(values, type=fld.type))
        return pa.Table.from_arrays(arrays, schema=schema)

    # --- storing and reading rows -----------------------------------------------------------------

    def store_rows(self, run_id: uuid.UUID, seq: int, table: pa.Table, *, queue: bool) -> None:
        """Insert a partition's result rows in bulk; changed rows of a re-assessment join the queue.
        PostgreSQL: one ``COPY ... FROM STDIN`` of the rows written as CSV by Arrow."""
        if table.num_rows == 0:
            return
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            _copy_in(connection, _stored(run_id, seq, table, queue=queue))
            return
        data = table.to_pydict()
        rows = []
        for i in range(table.num_rows):
            before, after, status = data["before_cents"][i], data["after_cents"][i], data["status"][i]
            missing = data["missing"][i]
            rows.append(
                {
                    "run_id": run_id,
                    "partition_seq": seq,
                    "application_id": uuid.UUID(data["application_id"][i]),
                    "unit_id": uuid.UUID(data["unit_id"][i]),
                    "office": data["office"][i],
                    "family_type": data["family_type"][i],
                    "before_cents": before,
                    "after_cents": after,
                    "change_cents": None if after is None else after - (before or 0),
                    "status": status,
                    "missing": _json_list(missing),
                    "review": "pending" if queue and status == "changed" else None,
                }
            )
        if rows:
            self.session.execute(insert(BatchRow), rows)

    def delete_partition_rows(self, run_id: uuid.UUID, seq: int) -> None:
        """Rows of a partition that did not finish (a resumed run evaluates it again)."""
        self.session.execute(delete(BatchRow).where(BatchRow.run_id == run_id, BatchRow.partition_seq == seq))

    def rows(
        self,
        run_id: uuid.UUID,
        *,
        statuses: Sequence[str] = (),
        review: str | None = None,
        office: str | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> list[BatchRow]:
        """A page of the run's rows (biggest changes first)."""
        stmt = select(BatchRow).where(BatchRow.run_id == run_id)
        if statuses:
            stmt = stmt.where(BatchRow.status.in_(list(statuses)))
        if review:
            stmt = stmt.where(BatchRow.review == review)
        if office:
            stmt = stmt.where(BatchRow.office == office)
        stmt = stmt.order_by(
            func.abs(func.coalesce(BatchRow.change_cents, 0)).desc(), BatchRow.application_id
        )
        return list(self.session.scalars(stmt.offset(offset).limit(limit)))

    def row(self, run_id: uuid.UUID, application_id: uuid.UUID) -> BatchRow | None:
        """One row, locked for the review."""
        stmt = select(BatchRow).where(BatchRow.run_id == run_id, BatchRow.application_id == application_id)
        return self.session.scalars(stmt.with_for_update()).first()

    def group_totals(self, run_id: uuid.UUID) -> list[dict[str, Any]]:
        """Per (office, family type): households, money before and after, gainers and losers (SQL sums)."""
        ok = BatchRow.status.in_(["changed", "unchanged"])
        before, after = func.coalesce(BatchRow.before_cents, 0), func.coalesce(BatchRow.after_cents, 0)
        gain, loss = and_(ok, after > before), and_(ok, after < before)
        stmt = (
            select(
                BatchRow.office.label("office"),
                BatchRow.family_type.label("family"),
                func.count().label("households"),
                func.sum(case((ok, before), else_=0)).label("before_cents"),
                func.sum(case((ok, after), else_=0)).label("after_cents"),
                func.sum(case((gain, 1), else_=0)).label("gainers"),
                func.sum(case((loss, 1), else_=0)).label("losers"),
                func.sum(case((gain, after - before), else_=0)).label("gained_cents"),
                func.sum(case((loss, before - after), else_=0)).label("lost_cents"),
                func.sum(case((BatchRow.status == "incomplete", 1), else_=0)).label("incomplete"),
                func.sum(case((BatchRow.status == "broken", 1), else_=0)).label("broken"),
            )
            .where(BatchRow.run_id == run_id)
            .group_by(BatchRow.office, BatchRow.family_type)
        )
        return [dict(r._mapping) for r in self.session.execute(stmt)]

    def status_counts(self, run_id: uuid.UUID) -> dict[str, int]:
        """Rows by status."""
        stmt = (
            select(BatchRow.status, func.count()).where(BatchRow.run_id == run_id).group_by(BatchRow.status)
        )
        return {s: int(n) for s, n in self.session.execute(stmt)}

    def mark_partition(self, run_id: uuid.UUID, seq: int, **values: Any) -> None:
        """Update one partition row."""
        self.session.execute(
            update(BatchPartition)
            .where(BatchPartition.run_id == run_id, BatchPartition.seq == seq)
            .values(**values)
        )

    def lock_partition(self, run_id: uuid.UUID, seq: int) -> str | None:
        """The partition's status, its row locked until commit (None: no such partition): whoever
        stores a partition holds this lock, so a partition is never stored twice."""
        stmt = (
            select(BatchPartition.status)
            .where(BatchPartition.run_id == run_id, BatchPartition.seq == seq)
            .with_for_update()
        )
        found = self.session.scalar(stmt)
        return None if found is None else str(found)

    def count_done(self, run_id: uuid.UUID, households: int) -> None:
        """One more partition of ``households`` done (an UPDATE relative to the stored counts, so
        partitions finishing at the same time on several workers add up)."""
        self.session.execute(
            update(BatchRun)
            .where(BatchRun.id == run_id)
            .values(
                households_done=BatchRun.households_done + households,
                partitions_done=BatchRun.partitions_done + 1,
            )
        )


def _stored(run_id: uuid.UUID, seq: int, table: pa.Table, *, queue: bool) -> pa.Table:
    """The ``batch_row`` columns of a partition's result, computed column-wise."""
    n = table.num_rows
    after, before = table.column("after_cents"), table.column("before_cents")
    change = pc.subtract(after, pc.fill_null(before, 0))
    pending = pc.equal(table.column("status"), "changed") if queue else pa.nulls(n, pa.bool_())
    review = pc.if_else(pending, pa.scalar("pending"), pa.scalar(None, pa.string()))
    return pa.table(
        {
            "run_id": pa.array([str(run_id)] * n, pa.string()),
            "partition_seq": pa.array([seq] * n, pa.int32()),
            "application_id": table.column("application_id"),
            "unit_id": table.column("unit_id"),
            "office": table.column("office"),
            "family_type": table.column("family_type"),
            "before_cents": before,
            "after_cents": after,
            "change_cents": change,
            "status": table.column("status"),
            "missing": table.column("missing"),
            "review": review,
        }
    )


def _copy_out(connection: Connection, stmt: Any, schema: pa.Schema) -> pa.Table:
    """``COPY (query) TO STDOUT (FORMAT csv)`` read by Arrow's CSV reader into the schema."""
    compiled = stmt.compile(dialect=connection.dialect)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    buffer = io.BytesIO()
    with cursor.copy(f"COPY ({compiled}) TO STDOUT (FORMAT csv)", compiled.params) as copy:
        for block in copy:
            buffer.write(block)
    if buffer.tell() == 0:
        return schema.empty_table()
    buffer.seek(0)
    return pacsv.read_csv(
        buffer,
        read_options=pacsv.ReadOptions(column_names=schema.names, block_size=1 << 24),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types=schema,
            null_values=[""],
            strings_can_be_null=True,
            quoted_strings_can_be_null=False,  # PostgreSQL writes NULL bare and an empty text as ""
            true_values=["t"],
            false_values=["f"],
        ),
    ).cast(schema)


def _copy_in(connection: Connection, table: pa.Table) -> None:
    """``COPY batch_row (...) FROM STDIN (FORMAT csv)`` from Arrow's CSV writer."""
    buffer = io.BytesIO()
    pacsv.write_csv(table, buffer, pacsv.WriteOptions(include_header=False, quoting_style="needed"))
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    names = ", ".join(table.column_names)
    with cursor.copy(f"COPY {BatchRow.__tablename__} ({names}) FROM STDIN (FORMAT csv)") as copy:
        copy.write(buffer.getbuffer())


def _json_list(text: str | None) -> list[Any] | None:
    import json

    return json.loads(text) if text else None
