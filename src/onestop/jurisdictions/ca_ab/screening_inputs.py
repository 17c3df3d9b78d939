"""The inputs Alberta's catalogue adds to the case vocabulary (urgent needs, AISH receipt, ...).

Programs pass them to ``Program(inputs=...)`` so the pack accepts them in cases and the screener can
ask for them; see ``onestop.jurisdictions.catalogue.variables``.
"""

from __future__ import annotations

from onestop.jurisdictions.catalogue.variables import pack_inputs

INPUTS = pack_inputs("ca-ab")
