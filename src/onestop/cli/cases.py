"""``onestop cases``: case work from the server's shell (acting as the system "cli", audited as such).

One group for all case work: the commands here (interactions, tasks, referrals, plans, documents,
the 360 view) and those of ``cli/applications.py`` (screening interviews to appeals).

Commands name staff by username and offices by code; ids are printed so they can be reused.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import typer

from onestop import access
from onestop.cases import client360, documents, interactions, plans, referrals, tasks
from onestop.cli import applications
from onestop.cli.common import call, cli_actor, container, dump, handles_errors
from onestop.common.dates import parse_date
from onestop.common.ids import parse_id

app = typer.Typer(
    help="Case work: interactions, tasks, caseloads, referrals, plans, documents, screening interviews,"
    " applications, decisions, reviews, investigations, appeals.",
    no_args_is_help=True,
)
reasons_app = typer.Typer(help="The interaction reason codes.", no_args_is_help=True)
app.add_typer(reasons_app, name="reasons")
app.add_typer(applications.app)  # no name: its commands join this group


def _staff_id(username: str) -> uuid.UUID:
    return call(access.get_staff_by_username, username=username).id


def _office_id(code: str) -> uuid.UUID:
    return call(access.get_office_by_code, code=code).id


@app.command()
@handles_errors
def stats(
    date: str = typer.Option(..., "--date", help="The day, YYYY-MM-DD (local to --tz)."),
    office: str | None = typer.Option(None, "--office", help="Office code; all offices when omitted."),
    tz: str | None = typer.Option(None, "--tz", help="Time zone (default: the configured one)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (includes calls by hour)."),
) -> None:
    """Daily call statistics per officer, office and reason, computed from the interaction records."""
    day = parse_date(date, field="date")
    office_id = _office_id(office) if office else None
    result = call(
        interactions.call_statistics,
        day=day,
        office_id=office_id,
        tz=tz or container().settings.timezone,
    )
    if as_json:
        return dump(result)
    typer.echo(
        f"{result.date} ({result.tz}): {result.total} interactions, average {result.average_seconds or '-'} s"
    )
    for o in result.by_officer:
        typer.echo(f"  officer {o.username:<20} {o.count:>6}  avg {o.average_seconds or '-'} s")
    for r in result.by_reason:
        typer.echo(f"  reason  {r.code:<20} {r.count:>6}  {r.label_en} / {r.label_fr}")
    typer.echo("  by hour " + " ".join(str(n) for n in result.by_hour))


@app.command("log")
@handles_errors
def log(
    channel: str = typer.Option(..., "--channel", help="walk_in, phone, email, web, mail or outreach."),
    reason: list[str] = typer.Option(..., "--reason", help="A reason code; repeat for several."),
    person: str | None = typer.Option(None, "--person", help="Person id; anonymous when omitted."),
    duration: int | None = typer.Option(None, "--duration", help="Seconds."),
    outcome: str | None = typer.Option(None, "--outcome"),
    notes: str | None = typer.Option(None, "--notes"),
) -> None:
    """Log a contact."""
    data = interactions.InteractionCreate(
        channel=channel,
        reason_codes=reason,
        person_id=parse_id(person, field="person") if person else None,
        duration_seconds=duration,
        outcome=outcome,
        notes=notes,
    )
    done = call(interactions.log_interaction, data=data)
    typer.echo(f"logged interaction {done.id} ({done.channel}, {', '.join(done.reason_codes)})")


@app.command("emails")
@handles_errors
def emails() -> None:
    """Inbound e-mails waiting to be attached to a person."""
    for m in call(interactions.list_unattached_emails):
        typer.echo(f"{m.id}  {m.occurred_at:%Y-%m-%d %H:%M}  {m.email_from}  {m.email_subject or ''}")


@app.command("attach")
@handles_errors
def attach(
    interaction: str = typer.Argument(..., help="The unattached interaction's id."),
    person: str = typer.Option(..., "--person", help="The person's id."),
    reason: list[str] = typer.Option([], "--reason", help="A reason code; repeat for several."),
) -> None:
    """Attach an inbound e-mail to a person."""
    data = interactions.InteractionAttach(person_id=parse_id(person, field="person"), reason_codes=reason)
    done = call(
        interactions.attach_interaction,
        interaction_id=parse_id(interaction, field="interaction"),
        data=data,
    )
    typer.echo(f"attached {done.id} to {done.person_id}")


@app.command("receive-email")
@handles_errors
def receive_email(
    sender: str = typer.Option(..., "--from", help="The sender's e-mail address."),
    subject: str = typer.Option("", "--subject"),
    body: str = typer.Option("", "--body", help="The message text."),
) -> None:
    """Store an inbound e-mail, unattached, in the staff inbox."""
    data = interactions.EmailReceived(sender=sender, subject=subject, body=body)
    done = call(interactions.receive_email, data=data)
    typer.echo(f"received e-mail {done.id} from {done.email_from}")


@app.command("reply-templates")
@handles_errors
def reply_templates() -> None:
    """The templates a reply to an e-mail starts from."""
    for t in call(interactions.reply_templates):
        typer.echo(f"{t.code:<12} {t.label_en} / {t.label_fr}")


@app.command("reply")
@handles_errors
def reply(
    interaction: str = typer.Argument(..., help="The attached e-mail's id."),
    template: str = typer.Option(..., "--template", help="A reply template (see reply-templates)."),
    body: str = typer.Option(..., "--body", help="The reply as it goes out."),
    subject: str | None = typer.Option(None, "--subject", help="Default: Re: and the e-mail's subject."),
) -> None:
    """Answer an attached e-mail: queued as a notice, logged as an interaction on the person."""
    data = interactions.EmailReply(template=template, body=body, subject=subject)
    done = call(
        interactions.reply_to_email,
        interaction_id=parse_id(interaction, field="interaction"),
        data=data,
    )
    typer.echo(f"reply {done.interaction.id} queued as notice {done.notice_id}: {done.subject}")


@reasons_app.command("list")
@handles_errors
def reasons_list(include_retired: bool = typer.Option(False, "--all", help="Include retired codes.")) -> None:
    """The reason codes with their English and French labels."""
    for r in call(interactions.list_reason_codes, include_retired=include_retired):
        typer.echo(f"{r.code:<24} {r.label_en} / {r.label_fr}{'' if r.active else '  (retired)'}")


@reasons_app.command("define")
@handles_errors
def reasons_define(
    code: str = typer.Argument(...),
    en: str = typer.Option(..., "--en", help="English label."),
    fr: str = typer.Option(..., "--fr", help="French label."),
    retire: bool = typer.Option(False, "--retire", help="Retire the code (kept in old records)."),
) -> None:
    """Add, relabel or retire a reason code."""
    data = interactions.ReasonCodeIn(code=code, label_en=en, label_fr=fr, active=not retire)
    done = call(interactions.define_reason_code, data=data)
    typer.echo(f"reason {done.code}: {done.label_en} / {done.label_fr}{'' if done.active else ' (retired)'}")


@app.command("tasks")
@handles_errors
def task_list(
    officer: str | None = typer.Option(None, "--officer", help="Username."),
    office: str | None = typer.Option(None, "--office", help="Office code (the team's tasks)."),
    view: str = typer.Option("open", "--view", help="open, due_today, overdue or all."),
) -> None:
    """An officer's or a team's task list."""
    found = call(
        tasks.list_tasks,
        view=view,
        assignee_id=_staff_id(officer) if officer else None,
        office_id=_office_id(office) if office else None,
    )
    for t in found.items:
        typer.echo(f"{t.id}  {t.due_on}  {t.bucket:<9} {t.priority:<7} {t.kind:<14} {t.title}")
    if not found.items:
        typer.echo("no tasks")


@app.command("caseload")
@handles_errors
def caseload(officer: str = typer.Option(..., "--officer", help="Username.")) -> None:
    """An officer's caseload."""
    found = call(tasks.get_caseload, staff_id=_staff_id(officer))
    for p in found.people:
        typer.echo(
            f"{p.person_id}  {p.family_name}, {p.given_names}  since {p.started_on}  open {p.open_tasks}"
        )
    if not found.people:
        typer.echo("no people on this caseload")


@app.command("reassign")
@handles_errors
def reassign(
    from_officer: str = typer.Option(..., "--from", help="Username whose caseload moves."),
    to_officer: str = typer.Option(..., "--to", help="Username who takes it."),
    reason: str = typer.Option(..., "--reason"),
) -> None:
    """Move a whole caseload, with its open tasks, to another officer."""
    data = tasks.CaseloadReassign(
        from_staff_id=_staff_id(from_officer), to_staff_id=_staff_id(to_officer), reason=reason
    )
    done = call(tasks.reassign_caseload, data=data)
    typer.echo(f"moved {len(done.people_moved)} people and {len(done.tasks_moved)} open tasks")


@app.command("refer")
@handles_errors
def refer(
    person: str = typer.Option(..., "--person"),
    target: str = typer.Option(..., "--target", help="Catalogue id, e.g. ext.ei or ab.pdd."),
    name: str = typer.Option(..., "--name", help="The program's or agency's name."),
    reason: str = typer.Option(..., "--reason"),
    share: list[str] = typer.Option([], "--share", help="A data category shared; repeat for several."),
    kind: str = typer.Option("external", "--kind", help="internal or external."),
    follow_up: str = typer.Option(..., "--follow-up", help="Username of the officer who follows it up."),
) -> None:
    """Refer a person; sharing data needs their current consent for the target."""
    data = referrals.ReferralCreate(
        person_id=parse_id(person, field="person"),
        kind=kind,
        target_id=target,
        target_name=name,
        reason=reason,
        shared=share,
        follow_up_assignee_id=_staff_id(follow_up),
    )
    done = call(referrals.refer, data=data)
    typer.echo(f"referral {done.id} sent to {done.target_id}; follow-up task {done.follow_up_task_id}")


@app.command("print-plan")
@handles_errors
def print_plan(
    plan: str = typer.Argument(...),
    out: Path = typer.Option(..., "--out", help="File to write."),
    fmt: str = typer.Option("pdf", "--format", help="pdf or text."),
    revision: int | None = typer.Option(None, "--revision", help="An earlier version."),
) -> None:
    """Print an outcome plan to a PDF or text file."""
    printed = call(plans.print_plan, plan_id=parse_id(plan, field="plan"), revision=revision, fmt=fmt)
    out.write_bytes(printed.content)
    typer.echo(f"wrote {out} ({len(printed.content)} bytes)")


@app.command("upload")
@handles_errors
def upload(
    person: str = typer.Option(..., "--person"),
    doc_type: str = typer.Option(..., "--type", help="identity, income_proof, bank_statement, ..."),
    file: Path = typer.Option(..., "--file", exists=True, dir_okay=False, readable=True),
) -> None:
    """Upload a scanned document (PDF, JPEG or PNG) for a person."""
    c = container()
    done = documents.upload_document(
        c.uow(),
        actor=cli_actor(),
        storage=c.storage,
        max_bytes=c.settings.max_upload_bytes,
        person_id=parse_id(person, field="person"),
        doc_type=doc_type,
        filename=file.name,
        data=file.read_bytes()[: c.settings.max_upload_bytes + 1],
    )
    typer.echo(
        f"document {done.id} stored ({done.content_type}, {done.size_bytes} bytes, sha256 {done.sha256})"
    )


@app.command("download")
@handles_errors
def download(
    document: str = typer.Argument(...),
    out: Path = typer.Option(..., "--out"),
    purpose: str = typer.Option(..., "--purpose", help="Why (audited)."),
) -> None:
    """Write a document's bytes to a file (audited with the purpose)."""
    c = container()
    got = documents.download_document(
        c.uow(),
        actor=cli_actor(),
        storage=c.storage,
        document_id=parse_id(document, field="document"),
        purpose=purpose,
    )
    out.write_bytes(got.content)
    typer.echo(f"wrote {out} ({len(got.content)} bytes)")


@app.command("360")
@handles_errors
def client_360(person: str = typer.Argument(...), recent: int = typer.Option(50, "--recent")) -> None:
    """Everything about a person, as JSON (an audited read)."""
    dump(call(client360.client_360, person_id=parse_id(person, field="person"), recent=recent))
