"""Declarative base with a naming convention (stable constraint names make migrations reviewable)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import MetaData, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from onestop.common.ids import new_id
from onestop.db.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Root of every table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime(), uuid.UUID: Uuid()}  # noqa: RUF012 - SQLAlchemy API


class Entity(Base):
    """A record with a random id, creation time and a version counter for optimistic locking.

    ``version`` is SQLAlchemy's ``version_id_col``: an UPDATE that finds the row changed since it
    was read raises ``StaleDataError``, which the unit of work turns into ``Conflict`` (HTTP 409).
    """

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a declared_attr gets the class
        return {"version_id_col": cls.__table__.c.version}
