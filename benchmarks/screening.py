"""Questions asked per household by the screener (issue 13, part 1).

    python benchmarks/screening.py [--baseline]

Walks each sample household of ``onestop.screening.scenarios`` through ``screening.screen`` as a
client would (answer the next question truthfully until none is left) and prints, per household,
the questions asked (a page of gates asked together counts as one), the answers given (each gate
counted) and the urgent questions. ``--baseline`` switches the gates and applies-to rules off (the
screener as it was before them). The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import time

from onestop.screening import gates
from onestop.screening.scenarios import GOAL, HOUSEHOLDS, walk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", action="store_true", help="without gates and applies-to rules")
    args = parser.parse_args()
    if args.baseline:
        gates.rules.cache_clear()
        empty = gates.Rules((), ())
        gates.rules = lambda: empty  # type: ignore[assignment]
    out = []
    for household in HOUSEHOLDS:
        start = time.perf_counter()
        w = walk(household)
        seconds = time.perf_counter() - start
        goal = GOAL.get(household.name)
        flag = (
            "" if goal is None else (" (goal <= 12: met)" if w.questions <= goal else " (goal <= 12: MISSED)")
        )
        print(
            f"{w.questions:3} questions, {w.answers:3} answers, {len(w.urgent)} urgent  "
            f"{household.name}{flag}  [{seconds:.1f} s]"
        )
        out.append(
            {
                "household": household.name,
                "questions": w.questions,
                "answers": w.answers,
                "urgent": len(w.urgent),
                "seconds": round(seconds, 2),
            }
        )
    print(json.dumps({"baseline": args.baseline, "households": out}))


if __name__ == "__main__":
    main()
