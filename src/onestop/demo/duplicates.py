"""The registry-wide duplicate sweep, run once at the end of the load so the officers' queue of
suggested duplicates (Duplicates to review) holds the near-duplicates the generator planted.

The sweep trains its Splink model on the registry, as the nightly job does; at the demo's 200 people
it takes a few seconds. Nothing is merged: officers decide each pair on the queue's page.
"""

from __future__ import annotations

from onestop.access import Actor
from onestop.demo.context import Ctx
from onestop.registry import sweep


def sweep_registry(ctx: Ctx) -> None:
    """Run the sweep as the scheduler would; count the suggestions it queued."""
    report = sweep.run_sweep(
        ctx.container.uow(),
        actor=Actor.system("scheduler"),
        tuning=sweep.Tuning(seed=ctx.rng.randint(0, 9999)),
    )
    ctx.made.add("duplicate_suggestions", report.suggested)
