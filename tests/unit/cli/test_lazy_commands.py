"""The ``onestop`` root group imports a command's module only when that command runs, so ``make demo``'s
``db upgrade`` does not pay for the web app, the rules and the Splink sweep (seconds each time)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from onestop.cli.main import LAZY, app

HEAVY = ("onestop.web.app", "onestop.registry.sweep", "onestop.demo", "splink")
PROBE = """
import sys
from onestop.cli.main import app
try:
    app(["db", "--help"])
except SystemExit:
    pass
print("imported:", ",".join(m for m in {heavy!r} if m in sys.modules))
"""


def test_a_command_imports_only_its_own_module() -> None:
    src = str(Path(__file__).resolve().parents[3] / "src")
    env = os.environ | {"PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    assert "Database schema" in done.stdout  # the db group's help was printed
    assert done.stdout.splitlines()[-1] == "imported: "  # and none of the heavy modules was


def test_every_command_is_listed_and_loads() -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["--help"])
    assert listed.exit_code == 0
    for name in LAZY:
        assert name in listed.output
        shown = runner.invoke(app, [name, "--help"])
        assert shown.exit_code == 0, (name, shown.output)
    assert runner.invoke(app, ["no-such-command"]).exit_code == 2
