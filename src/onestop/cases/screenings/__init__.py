"""Screening interviews: append-only steps of questions, answers and the screener's result at each step."""

from onestop.cases.screenings.domain import SessionStatus
from onestop.cases.screenings.errors import ScreeningNotFound
from onestop.cases.screenings.models import ScreeningSession, ScreeningStep
from onestop.cases.screenings.schemas import (
    Question,
    ScreeningAnswers,
    ScreeningComplete,
    ScreeningLink,
    ScreeningPublic,
    ScreeningStart,
    StepPublic,
)
from onestop.cases.screenings.services import (
    answer_screening,
    answers_of,
    complete_screening,
    link_screening,
    list_screenings,
    resume_screening,
    start_screening,
)

__all__ = [
    "Question",
    "ScreeningAnswers",
    "ScreeningComplete",
    "ScreeningLink",
    "ScreeningNotFound",
    "ScreeningPublic",
    "ScreeningSession",
    "ScreeningStart",
    "ScreeningStep",
    "SessionStatus",
    "StepPublic",
    "answer_screening",
    "answers_of",
    "complete_screening",
    "link_screening",
    "list_screenings",
    "resume_screening",
    "start_screening",
]
