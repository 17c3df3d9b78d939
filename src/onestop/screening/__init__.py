"""Needs screening across the program catalogue: what might this person be eligible for, and what to ask next.

``screen(case)`` is pure (the anonymous portal calls it); ``screen_case`` is the staff use case,
behind the ``rules:evaluate`` permission.
"""

from onestop.screening import gates, voices
from onestop.screening.criteria import criteria_program
from onestop.screening.domain import Item, Question, Status
from onestop.screening.engine import Screening, screen
from onestop.screening.services import screen_case

__all__ = [
    "Item",
    "Question",
    "Screening",
    "Status",
    "criteria_program",
    "gates",
    "screen",
    "screen_case",
    "voices",
]
