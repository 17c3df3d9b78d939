"""Alberta programs whose eligibility onestop decides, beyond the worked example ab.income_support.

``PROGRAMS`` is what ``ca_ab/__init__.py`` lists in the pack (docs/dev/adding-a-program.md).
"""

from __future__ import annotations

from onestop.jurisdictions.ca_ab.aish.program import program as aish
from onestop.rules import Program

PROGRAMS: list[Program] = [aish]
