"""The load, soak and fault scripts still import and read locust's figures (they run only by hand, for
minutes to an hour, so a moved name would otherwise go unnoticed until the next measurement)."""

from __future__ import annotations

import importlib
import json
import py_compile
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

LOAD = Path(__file__).resolve().parents[2] / "benchmarks" / "load"

pytest.importorskip("psutil", reason="the bench extra (pip install -e '.[bench]') is not installed")
pytest.importorskip("requests")


@pytest.fixture
def scripts() -> Iterator[None]:
    sys.path.insert(0, str(LOAD))
    yield
    sys.path.remove(str(LOAD))


@pytest.mark.parametrize("name", ["harness", "prepare", "run", "soak", "faults"])
def test_the_script_imports(scripts: None, name: str) -> None:
    module = importlib.import_module(name)
    assert callable(getattr(module, "main", None)) or name == "harness"


def test_the_locustfile_compiles() -> None:
    py_compile.compile(str(LOAD / "locustfile.py"), doraise=True)  # importing it would patch the process


def test_locust_figures_are_read_per_action(scripts: None, tmp_path: Path) -> None:
    harness = importlib.import_module("harness")
    header = "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
    header += "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
    header += "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%"
    rows = [
        "POST,staff: search,200,0,40,45,10,300,5000,3.3,0,40,45,50,55,70,90,120,150,290,300,300",
        ",Aggregated,200,1,40,45,10,300,5000,3.3,0.01,40,45,50,55,70,90,120,150,290,300,300",
    ]
    (tmp_path / "u50_stats.csv").write_text("\n".join([header, *rows]) + "\n")
    (tmp_path / "u50_failures.csv").write_text(
        "Method,Name,Error,Occurrences\nPOST,staff: search,HTTPError('503 Server Error'),1\n"
    )
    stats = harness.read_stats(tmp_path / "u50")
    assert stats["actions"]["staff: search"] == {
        "requests": 200,
        "failures": 0,
        "rps": 3.3,
        "p50_ms": 40.0,
        "p95_ms": 90.0,
        "p99_ms": 150.0,
        "max_ms": 300.0,
    }
    assert stats["failures"] == [
        {"action": "staff: search", "error": "HTTPError('503 Server Error')", "count": 1}
    ]
    assert "| staff: search | 200 | 0 | 3.3 | 40.0 | 90.0 | 150.0 |" in harness.table(stats["actions"])
    assert json.loads(json.dumps(stats))  # what the runs write
