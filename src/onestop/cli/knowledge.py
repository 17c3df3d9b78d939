"""``onestop knowledge``: the staff knowledge base from the shell, acting as the audited system "cli".

An article is written from a YAML (or JSON) file holding the fields of ``ArticleDraft`` (kind,
jurisdiction, title_en, body_en, title_fr, body_fr, source_title, source_url or source_document,
review_on, links, note). The "cli" actor is one person for maker-checker: it cannot publish a
draft it wrote; staff publish it from the review queue.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
import yaml
from fastapi.encoders import jsonable_encoder
from pydantic import ValidationError

from onestop import knowledge as k
from onestop.cli.common import call, cli_actor, container, handles_errors
from onestop.common.errors import InvalidInput
from onestop.common.ids import parse_id

app = typer.Typer(help="The staff knowledge base: search, read, write drafts, review.", no_args_is_help=True)


def _dump(value: object) -> None:
    typer.echo(json.dumps(jsonable_encoder(value), indent=2, ensure_ascii=False))


def _draft(path: Path, version: int | None) -> k.ArticleDraft:
    """The draft in the file; a file that cannot be read or a bad field is an error naming it (exit 2)."""
    try:
        loaded: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise InvalidInput("file", f"cannot read {path}: {type(err).__name__}") from None
    if not isinstance(loaded, dict):
        raise InvalidInput("file", "must hold the article's fields (a mapping)")
    if version is not None:
        loaded["version"] = version
    try:
        return k.ArticleDraft.model_validate(loaded)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(x) for x in first.get("loc", ())) or "file"
        raise InvalidInput(field, first.get("msg", "invalid")) from None


@app.command("search")
@handles_errors
def search(q: str = typer.Argument(...), language: str = typer.Option("en", help="en or fr")) -> None:
    """Published articles with every word, best first, with snippets."""
    _dump(call(k.search, q=q, language=language))


@app.command("list")
@handles_errors
def list_(
    jurisdiction: str | None = typer.Option(None, help="ca-ab, ca-nl or ca"),
    kind: str | None = typer.Option(None, help="howto, procedure or contacts"),
) -> None:
    """Published articles by title."""
    _dump(call(k.list_articles, jurisdiction=jurisdiction, kind=kind))


@app.command("show")
@handles_errors
def show(
    article_id: str = typer.Argument(...), number: int | None = typer.Option(None, help="a version")
) -> None:
    """An article (its published version and any draft), or one version of it."""
    found = parse_id(article_id, field="article_id")
    if number is None:
        _dump(call(k.get_article, article_id=found))
    else:
        _dump(call(k.get_version, article_id=found, number=number))


@app.command("history")
@handles_errors
def history(article_id: str = typer.Argument(...)) -> None:
    """Every version of the article, the newest first."""
    _dump(call(k.history, article_id=parse_id(article_id, field="article_id")))


@app.command("write")
@handles_errors
def write(
    file: Path = typer.Argument(..., help="YAML or JSON with the article's fields"),
    article_id: str | None = typer.Option(None, "--article", help="a new version of this article"),
    version: int | None = typer.Option(None, help="the article's version read (with --article)"),
) -> None:
    """A new article, or a new version of one: a draft until someone else publishes it."""
    data = _draft(file, version)
    uow = container().uow()
    if article_id is None:
        _dump(k.create_article(uow, actor=cli_actor(), data=data))
    else:
        _dump(
            k.edit_article(
                uow, actor=cli_actor(), article_id=parse_id(article_id, field="article"), data=data
            )
        )


@app.command("queue")
@handles_errors
def queue() -> None:
    """Drafts waiting for review, the oldest first."""
    _dump(call(k.review_queue))


@app.command("publish")
@handles_errors
def publish(
    article_id: str = typer.Argument(...), number: int = typer.Argument(...), note: str = typer.Option("")
) -> None:
    """Publish a draft (not one the "cli" wrote)."""
    found = parse_id(article_id, field="article_id")
    _dump(call(k.publish, article_id=found, number=number, data=k.Review(note=note)))


@app.command("return")
@handles_errors
def return_(
    article_id: str = typer.Argument(...),
    number: int = typer.Argument(...),
    note: str = typer.Option(..., help="what to change"),
) -> None:
    """Return a draft to its author with a note."""
    found = parse_id(article_id, field="article_id")
    data = k.Review(note=note)
    _dump(call(k.return_draft, article_id=found, number=number, data=data))
