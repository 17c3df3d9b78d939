"""``onestop knowledge`` through Typer's runner, acting as the system "cli": a draft from a YAML file,
refused to its own author, published by an editor, then searched, shown and its history listed; a bad
file is exit 2 naming the field, with nothing written."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from onestop import knowledge
from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from tests.integration.knowledge.conftest import EDITOR, SUPERVISOR, draft


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def test_an_article_from_the_shell(cli: CliRunner, container: Container, tmp_path: Path) -> None:
    source = tmp_path / "voucher.yaml"
    source.write_text(yaml.safe_dump(draft().model_dump(mode="json", exclude_none=True)), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        yaml.safe_dump(draft().model_dump(mode="json") | {"jurisdiction": "ca-bc"}), encoding="utf-8"
    )
    refused = cli.invoke(app, ["knowledge", "write", str(bad)])
    assert refused.exit_code == 2 and "jurisdiction" in refused.output
    assert cli.invoke(app, ["knowledge", "write", str(tmp_path / "missing.yaml")]).exit_code == 2
    assert knowledge.review_queue(container.uow(), actor=SUPERVISOR) == []

    made = cli.invoke(app, ["knowledge", "write", str(source)])
    assert made.exit_code == 0, made.output
    article = json.loads(made.output)["id"]
    own = cli.invoke(app, ["knowledge", "publish", article, "1"])
    assert own.exit_code == 2 and "second person" in own.output
    queue = json.loads(cli.invoke(app, ["knowledge", "queue"]).output)
    assert [(d["article_id"], d["author"]) for d in queue] == [(article, "cli")]
    knowledge.publish(
        container.uow(), actor=EDITOR, article_id=uuid.UUID(article), number=1, data=knowledge.Review()
    )

    hits = json.loads(cli.invoke(app, ["knowledge", "search", "emergency voucher"]).output)
    assert [h["article"]["id"] for h in hits] == [article]
    shown = json.loads(cli.invoke(app, ["knowledge", "show", article]).output)
    assert shown["current"]["reviewed_by"] == "eddie"
    again = cli.invoke(
        app, ["knowledge", "write", str(source), "--article", article, "--version", str(shown["version"])]
    )
    assert again.exit_code == 0, again.output
    lines = json.loads(cli.invoke(app, ["knowledge", "history", article]).output)
    assert [(v["number"], v["state"]) for v in lines] == [(2, "draft"), (1, "published")]
    returned = cli.invoke(app, ["knowledge", "return", article, "2", "--note", "Nothing changed"])
    assert returned.exit_code == 0, returned.output
    assert (
        json.loads(cli.invoke(app, ["knowledge", "show", article, "--number", "2"]).output)["state"]
        == "returned"
    )
    assert cli.invoke(app, ["knowledge", "search", "?!"]).exit_code == 2
