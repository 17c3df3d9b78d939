"""The registry-wide duplicate sweep (issue 16, part 3): a Splink model trained on the registry,
and a queue of suggested pairs for officers to decide. Nothing is ever merged automatically."""

from onestop.registry.sweep.model import Tuning
from onestop.registry.sweep.schemas import Evidence, Suggestion, SuggestionPage, SweepReport
from onestop.registry.sweep.services import dismiss_suggestion, get_suggestion, list_suggestions, run_sweep

__all__ = [
    "Evidence",
    "Suggestion",
    "SuggestionPage",
    "SweepReport",
    "Tuning",
    "dismiss_suggestion",
    "get_suggestion",
    "list_suggestions",
    "run_sweep",
]
