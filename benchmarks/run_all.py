"""``make bench``: the ISB benchmark at 10k, 100k and 1M households, then every other benchmark script.

Other scripts in this folder that define ``main()`` are run as they are (their own defaults are
small), each in its own process; their last output line is collected with ISB's into a summary.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ISB_SIZES = (10_000, 100_000, 1_000_000)


def run(cmd: list[str]) -> str:
    """Run a benchmark, echo its output, return its last line."""
    print("$", " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    print(proc.stdout, end="")
    if proc.returncode:
        print(proc.stderr, end="", file=sys.stderr)
        return json.dumps({"command": cmd[1:], "error": f"exit {proc.returncode}"})
    lines = proc.stdout.strip().splitlines()
    return lines[-1] if lines else "{}"


def main() -> None:
    """Run everything and print one summary line per run."""
    summary = [
        run([sys.executable, str(HERE / "isb.py"), "--households", str(n), "--json"]) for n in ISB_SIZES
    ]
    for script in sorted(HERE.glob("*.py")):
        if script.name in ("isb.py", "run_all.py") or "def main(" not in script.read_text(encoding="utf-8"):
            continue
        summary.append(run([sys.executable, str(script)]))
    print("\nsummary:")
    for line in summary:
        print(line)


if __name__ == "__main__":
    main()
