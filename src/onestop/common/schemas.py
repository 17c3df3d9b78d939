"""The two kinds of pydantic model every area's schemas are: strict inputs and outputs read from rows."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictInput(BaseModel):
    """A service input: a field the service does not know is an error, not silently dropped; text
    arrives trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class RowOutput(BaseModel):
    """A public output, read from the record's attributes (``XPublic.model_validate(row)``)."""

    model_config = ConfigDict(from_attributes=True)
