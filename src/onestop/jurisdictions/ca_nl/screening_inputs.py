"""The inputs Newfoundland and Labrador's catalogue adds to the case vocabulary.

Programs pass them to ``Program(inputs=...)`` so the pack accepts them and the screener can ask them.
"""

from __future__ import annotations

from onestop.jurisdictions.catalogue.variables import pack_inputs

INPUTS = pack_inputs("ca-nl")
