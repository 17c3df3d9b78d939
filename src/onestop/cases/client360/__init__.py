"""Client 360: everything about a person across programs in one audited call.

Other areas add their section with ``register_section(name, provider)`` (see ``sections``).
"""

from onestop.cases.client360 import builtin
from onestop.cases.client360 import letters as _letters
from onestop.cases.client360.schemas import Client360
from onestop.cases.client360.sections import Context, Section, all_sections, register_section
from onestop.cases.client360.services import client_360

builtin.install()
_letters.install()  # every letter to the person (notices)

__all__ = ["Client360", "Context", "Section", "all_sections", "client_360", "register_section"]
