"""``onestop demo``: load synthetic demo data (offices, staff, people and households)."""

from __future__ import annotations

import sys
from collections.abc import Callable

import typer

from onestop.cli.common import container, handles_errors
from onestop.demo import DEMO_STAFF, AlreadyLoaded, load_demo

app = typer.Typer(help="Synthetic demo data.", no_args_is_help=True)


def _print_logins() -> None:
    print("\nDEMO ONLY - these passwords are public; never load demo data into a real database.")
    for username, role, _office, password in DEMO_STAFF:
        print(f"  {username:<14} {role.value:<14} password: {password}")


@app.command()
@handles_errors
def load(
    people: int = typer.Option(200, "--people", min=0, help="How many synthetic people to create."),
    seed: int = typer.Option(20260101, "--seed", help="Same seed, same people."),
) -> None:
    """Create two offices (EDM, SJN), one staff member per role, and PEOPLE people in households."""
    try:
        report = load_demo(container(), people=people, seed=seed, progress=_progress(people))
    except AlreadyLoaded as err:
        print(f"{err.message}", file=sys.stderr)
        _print_logins()
        return
    print(
        f"loaded {report.people} people ({report.near_duplicates} near-duplicates) in {report.units} "
        f"households, {report.memberships} memberships, in {report.seconds:.1f} s"
    )
    _print_logins()


def _progress(total: int) -> Callable[[int], None] | None:
    if total < 50_000:
        return None
    return lambda done: print(f"  {done:,} / {total:,} people", file=sys.stderr)
