"""Alberta programs whose eligibility onestop decides, beyond the worked example ab.income_support.

``PROGRAMS`` is what ``ca_ab/__init__.py`` lists in the pack (docs/dev/adding-a-program.md).
"""

from __future__ import annotations

from onestop.jurisdictions.ca_ab.adult_health_benefit.program import program as adult_health_benefit
from onestop.jurisdictions.ca_ab.aish.program import program as aish
from onestop.jurisdictions.ca_ab.child_health_benefit.program import program as child_health_benefit
from onestop.jurisdictions.ca_ab.seniors_benefit.program import program as seniors_benefit
from onestop.rules import Program

PROGRAMS: list[Program] = [aish, seniors_benefit, child_health_benefit, adult_health_benefit]
