"""Every benchmark script still imports: they run only under ``make bench``, so a moved name would
otherwise go unnoticed until someone measures (the payment-run benchmark once broke that way)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parents[2] / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.name)
def test_the_benchmark_imports(script: Path) -> None:
    spec = importlib.util.spec_from_file_location(f"benchmark_{script.stem}", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines, never runs: each script runs under `if __name__ == "__main__"`
    assert callable(getattr(module, "main", None)) or script.name == "run_all.py"
