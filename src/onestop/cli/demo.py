"""``onestop demo``: load synthetic demo data (offices, staff, people and households)."""

from __future__ import annotations

import sys
from collections.abc import Callable

import typer

from onestop.cli.common import container, handles_errors
from onestop.demo import (
    CLIENT_EMAIL,
    CLIENT_PASSWORD,
    DEMO_STAFF,
    HEALTH_EMAIL,
    HEALTH_PASSWORD,
    AlreadyLoaded,
    load_demo,
)

app = typer.Typer(help="Synthetic demo data.", no_args_is_help=True)


def _print_logins() -> None:
    print("\nDEMO ONLY - these passwords are public; never load demo data into a real database.")
    for username, role, _office, password in DEMO_STAFF:
        print(f"  {username:<14} {role.value:<14} password: {password}")
    print(f"  portal client: {CLIENT_EMAIL}  password: {CLIENT_PASSWORD}  (sign in at /portal)")
    print(f"  portal client with drug coverage (NL): {HEALTH_EMAIL}  password: {HEALTH_PASSWORD}")


@app.command()
@handles_errors
def load(
    people: int = typer.Option(200, "--people", min=0, help="How many synthetic people to create."),
    seed: int = typer.Option(20260101, "--seed", help="Same seed, same people and the same office."),
    office: bool = typer.Option(True, "--office/--no-office", help="Play the office's last weeks too."),
) -> None:
    """Create two offices (EDM, SJN), the demo staff, PEOPLE people in households, and a working office:
    caseloads, tasks, applications at every stage, decisions, plans, referrals, six weeks of contacts,
    reviews, payments (a run, an emergency payment waiting, an overpayment), an appeal, a portal client,
    the work after a decision (a conference, invoices, a write-off, investigations, a change under review),
    a role grant waiting; then the duplicate sweep fills the queue of suggested duplicates."""
    try:
        report = load_demo(container(), people=people, seed=seed, progress=_progress(people), office=office)
    except AlreadyLoaded as err:
        print(f"{err.message}", file=sys.stderr)
        _print_logins()
        return
    print(
        f"loaded {report.people} people ({report.near_duplicates} near-duplicates) in {report.units} "
        f"households, {report.memberships} memberships, in {report.seconds:.1f} s "
        f"(whole load {report.total_seconds:.1f} s)"
    )
    if report.office:
        print("office: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in report.office.items()))
    elif office:
        print("too few people for a working office (try --people 200); people only")
    _print_logins()


def _progress(total: int) -> Callable[[int], None] | None:
    if total < 50_000:
        return None
    return lambda done: print(f"  {done:,} / {total:,} people", file=sys.stderr)
