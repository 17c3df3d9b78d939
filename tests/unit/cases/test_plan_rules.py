"""Plan and assessment rules without a database: building content, ids, reviews, closing, printing."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop.cases.plans import domain, printing
from onestop.cases.plans.domain import ActionDraft, Drafts, GoalDraft, PlanContent
from onestop.cases.plans.schemas import ActionPublic, GoalPublic, PlanPublic, ReviewPublic
from onestop.common.errors import InvalidInput, InvalidTransition

TODAY = dt.date(2026, 3, 2)
NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def _first() -> PlanContent:
    return domain.build(
        Drafts(
            title="Stable housing",
            goals=[GoalDraft("Find an apartment"), GoalDraft("Keep it for a year")],
            actions=[
                ActionDraft("Apply for rent supplement", "officer", due_on=TODAY, goal_id="G1"),
                ActionDraft("Visit three apartments", "client", goal_id="G1"),
                ActionDraft("Budget coaching", "agency", owner_name="Momentum", goal_id="G2"),
            ],
        ),
        None,
    )


def test_new_goals_and_actions_are_numbered_in_order() -> None:
    plan = _first()
    assert [g.id for g in plan.goals] == ["G1", "G2"]
    assert [a.id for a in plan.actions] == ["A1", "A2", "A3"]
    assert plan.status == "active"


def test_revising_keeps_ids_and_numbers_new_items_after_the_last() -> None:
    first = _first()
    second = domain.build(
        Drafts(
            title="Stable housing",
            goals=[GoalDraft("Find an apartment", status="achieved", id="G1"), GoalDraft("Find work")],
            actions=[ActionDraft("Resume workshop", "client", goal_id="G3")],
        ),
        first,
    )
    assert [(g.id, g.status) for g in second.goals] == [("G1", "achieved"), ("G3", "open")]
    assert [a.id for a in second.actions] == ["A4"]  # A1-A3 were used: ids are never reused


@pytest.mark.parametrize(
    ("drafts", "field"),
    [
        (Drafts("t", goals=[]), "goals"),
        (Drafts(" ", goals=[GoalDraft("g")]), "title"),
        (Drafts("t", goals=[GoalDraft("g", status="maybe")]), "goals.0.status"),
        (Drafts("t", goals=[GoalDraft("g", id="G9")]), "goals.0.id"),
        (Drafts("t", goals=[GoalDraft("g")], actions=[ActionDraft("a", "robot")]), "actions.0.owner"),
        (Drafts("t", goals=[GoalDraft("g")], actions=[ActionDraft("a", "agency")]), "actions.0.owner_name"),
        (
            Drafts("t", goals=[GoalDraft("g")], actions=[ActionDraft("a", "client", goal_id="G2")]),
            "actions.0.goal_id",
        ),
        (Drafts("t", goals=[GoalDraft("g")], actions=[ActionDraft("", "client")]), "actions.0.text"),
    ],
)
def test_bad_drafts_name_the_field(drafts: Drafts, field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        domain.build(drafts, None)
    assert err.value.field == field


def test_reviews_are_dated_in_order() -> None:
    plan = domain.add_review(
        _first(),
        review_on=TODAY,
        period_from=TODAY - dt.timedelta(days=30),
        period_to=TODAY,
        progress="on_track",
        notes="Two viewings done.",
        by="amartin",
        today=TODAY,
    )
    assert [(r.id, r.progress) for r in plan.reviews] == [("R1", "on_track")]
    for kwargs, field in [
        ({"review_on": TODAY + dt.timedelta(days=1)}, "review_on"),
        ({"period_from": TODAY, "period_to": TODAY - dt.timedelta(days=1)}, "period_from"),
        ({"period_to": TODAY + dt.timedelta(days=1), "review_on": TODAY}, "period_to"),
        ({"progress": "meh"}, "progress"),
        ({"notes": ""}, "notes"),
    ]:
        args = {
            "review_on": TODAY,
            "period_from": TODAY,
            "period_to": TODAY,
            "progress": "setback",
            "notes": "n",
        }
        with pytest.raises(InvalidInput) as err:
            domain.add_review(plan, by="x", today=TODAY, **(args | kwargs))  # type: ignore[arg-type]
        assert err.value.field == field


def test_a_closed_plan_is_final() -> None:
    closed = domain.close(_first(), "Housed")
    assert (closed.status, closed.closing_note) == ("closed", "Housed")
    with pytest.raises(InvalidTransition):
        domain.close(closed, None)
    with pytest.raises(InvalidTransition):
        domain.set_action_status(closed, "A1", "done")
    with pytest.raises(InvalidTransition):
        domain.build(Drafts("t", goals=[GoalDraft("g")]), closed)


def test_action_status_changes_one_action() -> None:
    plan = domain.set_action_status(_first(), "A2", "done")
    assert [a.status for a in plan.actions] == ["planned", "done", "planned"]
    with pytest.raises(InvalidInput) as err:
        domain.set_action_status(plan, "A9", "done")
    assert err.value.field == "action_id"


def test_content_round_trips_through_json() -> None:
    plan = domain.add_review(
        _first(),
        review_on=TODAY,
        period_from=TODAY,
        period_to=TODAY,
        progress="setback",
        notes="n",
        by="x",
        today=TODAY,
    )
    assert PlanContent.from_json(plan.to_json()) == plan


@pytest.mark.parametrize(("value", "ok"), [("ab.income_support", True), ("AB.PDD", True), ("income", False)])
def test_program_ids(value: str, ok: bool) -> None:
    if ok:
        assert domain.program_id(value) == value.lower()
    else:
        with pytest.raises(InvalidInput):
            domain.program_id(value)


def test_levels_and_criteria() -> None:
    assert domain.level(" 3 ") == "3"
    assert domain.level("intensive") == "intensive"
    with pytest.raises(InvalidInput):
        domain.level("")
    assert domain.criteria({"has_housing": False, "children": 2, "notes": " ok "}) == {
        "has_housing": False,
        "children": 2,
        "notes": "ok",
    }
    for bad in ({"": 1}, {"x": [1, 2]}, {"x": 1.5}, {f"k{i}": 1 for i in range(61)}):
        with pytest.raises(InvalidInput):
            domain.criteria(bad)


def _public(content: PlanContent) -> PlanPublic:
    return PlanPublic(
        id=uuid.UUID(int=7),
        version=1,
        person_id=uuid.UUID(int=1),
        unit_id=None,
        status=content.status,
        current_revision=2,
        revision=2,
        title=content.title,
        closing_note=content.closing_note,
        goals=[GoalPublic(**g.__dict__) for g in content.goals],
        actions=[ActionPublic(**a.__dict__) for a in content.actions],
        reviews=[ReviewPublic(**r.__dict__) for r in content.reviews],
        created_at=NOW,
        created_by="amartin",
        updated_at=NOW,
        closed_at=None,
        closed_by=None,
    )


def test_text_rendering_is_plain_and_complete() -> None:
    blocks = printing.layout(
        _public(_first()), person_name="Amélie Tremblay", printed_at=NOW, printed_by="amartin"
    )
    text = printing.render_text(blocks)
    assert "Outcome plan: Stable housing" in text
    assert "Client: Amélie Tremblay" in text
    assert "A3  [planned]  Budget coaching (by agency (Momentum); for G2)" in text
    assert "Version 2 of 2" in text
    assert "<" not in text and all(len(line) <= printing.WIDTH for line in text.splitlines())


def test_pdf_rendering_embeds_a_unicode_font_and_is_reproducible() -> None:
    blocks = printing.layout(_public(_first()), person_name="Amélie Tremblay", printed_at=NOW, printed_by="x")
    pdf = printing.render_pdf(blocks, created_at=NOW)
    assert pdf.startswith(b"%PDF-")
    assert b"DejaVu" in pdf
    assert printing.render_pdf(blocks, created_at=NOW) == pdf


def test_a_missing_font_is_a_clear_operator_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printing, "FONT_DIRS", ())
    with pytest.raises(printing.FontMissingError, match="fonts-dejavu-core"):
        printing.find_font()
