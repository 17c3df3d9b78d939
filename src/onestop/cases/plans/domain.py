"""Assessment and outcome-plan rules. Pure: validation, and each change producing the plan's next content.

A plan's content (goals, actions, reviews, status) is immutable: every change returns new content that
is stored as the next revision, so every earlier version stays viewable exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition

_PROGRAM_ID = re.compile(r"^[a-z][a-z0-9]{1,9}(\.[a-z0-9][a-z0-9_-]{0,40}){1,3}$")
_LEVEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,29}$")
MAX_CRITERIA = 60
MAX_ITEMS = 100


class OwnerKind(enum.StrEnum):
    """Who carries out an action."""

    CLIENT = "client"
    OFFICER = "officer"
    AGENCY = "agency"


class ActionStatus(enum.StrEnum):
    """Where an action stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class GoalStatus(enum.StrEnum):
    """Where a goal stands."""

    OPEN = "open"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class Progress(enum.StrEnum):
    """A review's judgement of progress over its period."""

    NOT_STARTED = "not_started"
    SOME_PROGRESS = "some_progress"
    ON_TRACK = "on_track"
    ACHIEVED = "achieved"
    SETBACK = "setback"


class PlanStatus(enum.StrEnum):
    """An active plan changes; a closed one is final."""

    ACTIVE = "active"
    CLOSED = "closed"


@dataclass(frozen=True)
class Goal:
    """An outcome the person works towards."""

    id: str
    text: str
    status: str = GoalStatus.OPEN.value


@dataclass(frozen=True)
class Action:
    """A step towards a goal, with its owner, due date and status."""

    id: str
    text: str
    owner: str
    owner_name: str | None = None
    due_on: dt.date | None = None
    status: str = ActionStatus.PLANNED.value
    goal_id: str | None = None


@dataclass(frozen=True)
class Review:
    """A look back over a period: notes and progress."""

    id: str
    review_on: dt.date
    period_from: dt.date
    period_to: dt.date
    progress: str
    notes: str
    reviewed_by: str


@dataclass(frozen=True)
class PlanContent:
    """Everything a revision of a plan says."""

    title: str
    goals: tuple[Goal, ...] = ()
    actions: tuple[Action, ...] = ()
    reviews: tuple[Review, ...] = ()
    status: str = PlanStatus.ACTIVE.value
    closing_note: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The stored form (dates as ISO strings)."""
        data = asdict(self)
        for item in data["actions"]:
            item["due_on"] = item["due_on"].isoformat() if item["due_on"] else None
        for item in data["reviews"]:
            for key in ("review_on", "period_from", "period_to"):
                item[key] = item[key].isoformat()
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PlanContent:
        """Read the stored form back."""
        return cls(
            title=data["title"],
            goals=tuple(Goal(**g) for g in data["goals"]),
            actions=tuple(Action(**a | {"due_on": _day(a["due_on"])}) for a in data["actions"]),
            reviews=tuple(Review(**r | {k: _day(r[k]) for k in _REVIEW_DATES}) for r in data["reviews"]),
            status=data["status"],
            closing_note=data.get("closing_note"),
        )


_REVIEW_DATES = ("review_on", "period_from", "period_to")


def _day(value: str | None) -> Any:
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class GoalDraft:
    """A goal as an officer enters it (``id`` when editing an existing goal)."""

    text: str
    status: str = GoalStatus.OPEN.value
    id: str | None = None


@dataclass(frozen=True)
class ActionDraft:
    """An action as an officer enters it; ``goal_id`` names one of the plan's goals (G1, G2...)."""

    text: str
    owner: str
    owner_name: str | None = None
    due_on: dt.date | None = None
    status: str = ActionStatus.PLANNED.value
    goal_id: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class Drafts:
    """A plan's editable part."""

    title: str
    goals: Sequence[GoalDraft] = field(default_factory=tuple)
    actions: Sequence[ActionDraft] = field(default_factory=tuple)


def program_id(value: str) -> str:
    """A catalogue program id such as 'ab.income_support' (its format only)."""
    cleaned = value.strip().lower()
    if not _PROGRAM_ID.match(cleaned):
        raise InvalidInput("program_id", "must look like 'ab.income_support' (lower case, dot-separated)")
    return cleaned


def level(value: str) -> str:
    """A service level: a number such as '1'-'4' or a named level such as 'intensive'."""
    cleaned = value.strip()
    if not _LEVEL.match(cleaned):
        raise InvalidInput("level", "must be a level such as 1, 2, 3, 4 or a short name")
    return cleaned


def criteria(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Criteria answers: named, at most 60, each a short text, number, yes/no or blank."""
    if len(answers) > MAX_CRITERIA:
        raise InvalidInput("criteria", f"has more than {MAX_CRITERIA} answers")
    out: dict[str, Any] = {}
    for key, value in answers.items():
        name = key.strip()
        if not name or len(name) > 60:
            raise InvalidInput("criteria", f"has an answer without a proper name: {key!r}")
        if not (value is None or isinstance(value, bool | int | str)) or (
            isinstance(value, str) and len(value) > 500
        ):
            raise InvalidInput(
                f"criteria.{name}", "must be a short text, a whole number, true/false or empty"
            )
        out[name] = value.strip() if isinstance(value, str) else value
    return out


def required(value: str | None, field: str, max_len: int = 2000) -> str:
    """Non-empty text, whitespace-trimmed."""
    text = (value or "").strip()
    if not text:
        raise InvalidInput(field, "is required")
    if len(text) > max_len:
        raise InvalidInput(field, f"is longer than {max_len} characters")
    return text


def ensure_active(content: PlanContent) -> None:
    """A closed plan is final: no change, and no second closing."""
    if content.status == PlanStatus.CLOSED:
        raise InvalidTransition("this plan is closed; open a new plan instead")


def _next_number(prefix: str, used: Sequence[str]) -> int:
    numbers = [int(i[1:]) for i in used if i.startswith(prefix) and i[1:].isdigit()]
    return max(numbers, default=0) + 1


def build(drafts: Drafts, previous: PlanContent | None) -> PlanContent:
    """The plan's next content from what the officer entered (ids kept for existing goals and actions)."""
    if previous is not None:
        ensure_active(previous)
    if not drafts.goals:
        raise InvalidInput("goals", "a plan needs at least one goal")
    if len(drafts.goals) > MAX_ITEMS or len(drafts.actions) > MAX_ITEMS:
        raise InvalidInput("goals", f"a plan has at most {MAX_ITEMS} goals and {MAX_ITEMS} actions")
    old_goals = {g.id for g in previous.goals} if previous else set()
    old_actions = {a.id for a in previous.actions} if previous else set()
    goals = _goals(drafts.goals, old_goals)
    goal_ids = {g.id for g in goals}
    actions = _actions(drafts.actions, old_actions, goal_ids)
    return PlanContent(
        title=required(drafts.title, "title", 200),
        goals=goals,
        actions=actions,
        reviews=previous.reviews if previous else (),
    )


def _goals(drafts: Sequence[GoalDraft], known: set[str]) -> tuple[Goal, ...]:
    number = _next_number("G", [*known, *(d.id or "" for d in drafts)])
    out = []
    for i, d in enumerate(drafts):
        if d.id is not None and d.id not in known:
            raise InvalidInput(f"goals.{i}.id", f"no goal {d.id} in this plan")
        gid = d.id
        if gid is None:
            gid, number = f"G{number}", number + 1
        status = parse_enum(GoalStatus, d.status, field=f"goals.{i}.status")
        out.append(Goal(id=gid, text=required(d.text, f"goals.{i}.text", 1000), status=status.value))
    return tuple(out)


def _actions(drafts: Sequence[ActionDraft], known: set[str], goal_ids: set[str]) -> tuple[Action, ...]:
    number = _next_number("A", [*known, *(d.id or "" for d in drafts)])
    out = []
    for i, d in enumerate(drafts):
        if d.id is not None and d.id not in known:
            raise InvalidInput(f"actions.{i}.id", f"no action {d.id} in this plan")
        if d.goal_id is not None and d.goal_id not in goal_ids:
            raise InvalidInput(f"actions.{i}.goal_id", f"no goal {d.goal_id} in this plan")
        owner = parse_enum(OwnerKind, d.owner, field=f"actions.{i}.owner")
        if owner is OwnerKind.AGENCY and not (d.owner_name or "").strip():
            raise InvalidInput(f"actions.{i}.owner_name", "name the agency that carries out the action")
        aid = d.id
        if aid is None:
            aid, number = f"A{number}", number + 1
        out.append(
            Action(
                id=aid,
                text=required(d.text, f"actions.{i}.text", 1000),
                owner=owner.value,
                owner_name=(d.owner_name or "").strip() or None,
                due_on=d.due_on,
                status=parse_enum(ActionStatus, d.status, field=f"actions.{i}.status").value,
                goal_id=d.goal_id,
            )
        )
    return tuple(out)


def add_review(
    content: PlanContent,
    *,
    review_on: dt.date,
    period_from: dt.date,
    period_to: dt.date,
    progress: str,
    notes: str,
    by: str,
    today: dt.date,
) -> PlanContent:
    """The plan with one more review over ``[period_from, period_to]``, held on ``review_on``."""
    ensure_active(content)
    if review_on > today:
        raise InvalidInput("review_on", "must not be in the future")
    if period_from > period_to:
        raise InvalidInput("period_from", "must not be after period_to")
    if period_to > review_on:
        raise InvalidInput("period_to", "must not be after the review date")
    review = Review(
        id=f"R{_next_number('R', [r.id for r in content.reviews])}",
        review_on=review_on,
        period_from=period_from,
        period_to=period_to,
        progress=parse_enum(Progress, progress, field="progress").value,
        notes=required(notes, "notes", 8000),
        reviewed_by=by,
    )
    return replace(content, reviews=(*content.reviews, review))


def set_action_status(content: PlanContent, action_id: str, status: str) -> PlanContent:
    """The plan with one action's status changed."""
    ensure_active(content)
    chosen = parse_enum(ActionStatus, status, field="status").value
    if action_id not in {a.id for a in content.actions}:
        raise InvalidInput("action_id", f"no action {action_id} in this plan")
    actions = tuple(replace(a, status=chosen) if a.id == action_id else a for a in content.actions)
    return replace(content, actions=actions)


def close(content: PlanContent, note: str | None) -> PlanContent:
    """The closed plan (closing twice is refused)."""
    ensure_active(content)
    return replace(content, status=PlanStatus.CLOSED.value, closing_note=(note or "").strip() or None)
