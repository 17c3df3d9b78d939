"""Alberta programs whose eligibility onestop decides, beyond the worked example ab.income_support.

``PROGRAMS`` is what ``ca_ab/__init__.py`` lists in the pack (docs/dev/adding-a-program.md).
"""

from __future__ import annotations

from onestop.jurisdictions.ca_ab.adult_health_benefit.program import program as adult_health_benefit
from onestop.jurisdictions.ca_ab.aish.program import program as aish
from onestop.jurisdictions.ca_ab.child_care_subsidy.program import program as child_care_subsidy
from onestop.jurisdictions.ca_ab.child_health_benefit.program import program as child_health_benefit
from onestop.jurisdictions.ca_ab.emergency_income_support.program import program as emergency_income_support
from onestop.jurisdictions.ca_ab.funeral_benefit.program import program as funeral_benefit
from onestop.jurisdictions.ca_ab.seniors_benefit.program import program as seniors_benefit
from onestop.rules import Program

PROGRAMS: list[Program] = [
    aish,
    child_care_subsidy,
    seniors_benefit,
    child_health_benefit,
    adult_health_benefit,
    funeral_benefit,
    emergency_income_support,
]
