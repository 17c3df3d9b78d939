"""One approved parameter value laid over a pack's YAML, and what the pack's version hash adds for it.

Apart from the operations (``onestop.rules.overlays``) so that the pack can hash its overlays without
importing them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from onestop.rules.parameters import Source, Version


@dataclass(frozen=True)
class ParameterOverlay:
    """One approved value of one parameter from one date (``value`` in the engine's form)."""

    id: str
    parameter: str  # qualified: "ab.income_support.core_shelter"
    effective: dt.date
    value: Any
    source: Source
    confidence: str
    note: str | None = None

    def version(self) -> Version:
        """The overlay as one more version of its parameter."""
        note = self.note or f"overlay {self.id}"
        return Version(self.effective, self.value, self.source, self.confidence, note)

    def fingerprint(self) -> dict[str, Any]:
        """What the pack version hash covers (and what an export writes)."""
        return {
            "id": self.id,
            "parameter": self.parameter,
            "effective": self.effective.isoformat(),
            "value": self.value,
            "source": [self.source.title, self.source.url, self.source.section],
            "confidence": self.confidence,
        }


def digest(overlays: Sequence[ParameterOverlay]) -> bytes:
    """Bytes the pack version hash adds for its overlays (nothing without overlays)."""
    if not overlays:
        return b""
    text = json.dumps([o.fingerprint() for o in overlays], sort_keys=True, default=str)
    return b"overlays\0" + hashlib.sha256(text.encode()).digest()
