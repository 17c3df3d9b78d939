"""ISB benchmark: the shared income-support rule as an ordinary onestop rule pack (benchmarks/isb_pack).

    python benchmarks/isb.py --households 1000000 --json [--repeat 5] [--synthdata PATH]
                             [--openfisca /tmp/ofvenv/bin/python]

On data from ``synthdata.generate`` (seed 20250101) it measures, in one process:
  engine_load_s       columns into the engine (money float -> int64 cents with np.rint(x*100), once)
  engine_compute_s    the batch path (all tests, amounts and the benefit), best of --repeat
  numpy_compute_s     synthdata.reference_numpy on the same data, best of --repeat, interleaved
  explain_one_*_us    one household through the per-case path, median over up to 2,000 households:
                      _median_us parses the case, evaluates it and builds its explanation records
                      (reasons and the values, parameters and branches used); _json_us also turns
                      the whole explanation into the JSON of `onestop evaluate`; _text_us renders it.
  peak_rss_mb         peak RSS (VmHWM) of a separate process that reads the generated data from an
                      .npz file, loads it into the engine and computes once; numpy_peak_rss_mb the
                      same for the numpy reference. (Generating the data in the child would hide
                      both: synthdata.generate's own peak is larger than either computation.)
  *_tracemalloc_mb    peak of the allocations made while loading and computing (engine), computing
                      only (engine_compute_) or computing (numpy), measured with tracemalloc (numpy
                      reports its buffers to it), i.e. working memory on top of the input data.
and checks the result with ``synthdata.check`` (tolerance 0.05: the reference computes in float64).
The last line printed is one JSON object. ``--openfisca PYTHON`` adds openfisca-core's figures from
shared/bench/isb/openfisca_bench.py run by that interpreter (a separate virtual environment).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from onestop.jurisdictions import load_pack_path
from onestop.rules import Pack
from onestop.rules.batch import batch_plan
from onestop.rules.columns import Columns, load_columns

HERE = Path(__file__).resolve().parent
PACK_DIR = HERE / "isb_pack"
DEFAULT_SYNTHDATA = HERE.parent.parent / "shared" / "bench" / "isb"
PROGRAM = "isb.benefit"
ON = dt.date(2025, 1, 1)  # the benchmark period 2025-01
PERSON_COLUMNS = ("age", "salary", "other_income", "savings")


def import_synthdata(folder: Path) -> ModuleType:
    """``synthdata`` from shared/bench/isb (or --synthdata)."""
    if not (folder / "synthdata.py").exists():
        sys.exit(f"synthdata.py not found in {folder}; pass --synthdata PATH")
    sys.path.insert(0, str(folder))
    import synthdata

    return synthdata


def load(pack: Pack, data: dict[str, np.ndarray]) -> Columns:
    """The caseload columns, zero-copy where the dtype fits (ages, the household index)."""
    inputs = pack.programs[PROGRAM].inputs
    n = len(data["hh_size"])
    return load_columns(
        inputs, n_units=n, unit_index=data["household_id"], person={k: data[k] for k in PERSON_COLUMNS}
    )


def compute(pack: Pack, cols: Columns) -> Any:
    """The batch path: benefit in cents."""
    result = batch_plan(pack.programs[PROGRAM], ON).run(cols)
    value, _ = result.value("benefit")
    return value


def one_household_cases(
    synthdata: ModuleType, data: dict[str, np.ndarray], limit: int
) -> list[dict[str, Any]]:
    """Households as case mappings, amounts as the exact decimals a JSON request would carry."""
    cases = []
    for members in synthdata.to_python_households(data)[:limit]:
        people = [
            {"id": f"p{j}", "age": m["age"], **{k: Decimal(f"{m[k]:.2f}") for k in PERSON_COLUMNS[1:]}}
            for j, m in enumerate(members)
        ]
        cases.append({"date": ON.isoformat(), "people": people})
    return cases


def explain_timings(pack: Pack, cases: list[dict[str, Any]]) -> dict[str, float]:
    """Median microseconds per household through the per-case path."""
    pack.evaluate_data(cases[0]).to_dict()  # compile once, as a server does at its first request

    def records(case: dict[str, Any]) -> None:
        result = pack.evaluate_data(case).results[0]
        result.reasons()
        _ = result.live

    def as_json(case: dict[str, Any]) -> None:
        pack.evaluate_data(case).to_dict()

    def as_text(case: dict[str, Any]) -> None:
        pack.evaluate_data(case).render()

    out = {}
    for name, fn in (
        ("explain_one_median_us", records),
        ("explain_one_json_us", as_json),
        ("explain_one_text_us", as_text),
    ):
        times = []
        for case in cases:
            start = time.perf_counter()
            fn(case)
            times.append(time.perf_counter() - start)
        out[name] = round(statistics.median(times) * 1e6, 1)
    return out


def child(kind: str, data_file: Path, synthdata: ModuleType) -> None:
    """Run in a fresh process: read the data, compute once, print the peak RSS in MB."""
    with np.load(data_file) as npz:
        data = {k: npz[k] for k in npz.files}
    if kind == "numpy":
        synthdata.reference_numpy(data)
    else:
        pack = load_pack_path(PACK_DIR)
        compute(pack, load(pack, data))
    print(json.dumps({"peak_rss_mb": high_water_mb()}))


def high_water_mb() -> float:
    """This program's peak RSS: VmHWM, which starts afresh at exec (ru_maxrss keeps the parent's peak)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def peak_rss(kind: str, data_file: Path, synthdata_dir: Path) -> float:
    """Peak RSS of a separate process doing one kind of run."""
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        kind,
        "--data",
        str(data_file),
        "--synthdata",
        str(synthdata_dir),
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return float(json.loads(out.strip().splitlines()[-1])["peak_rss_mb"])


def openfisca(python: str, n: int, synthdata_dir: Path) -> dict[str, Any]:
    """openfisca-core's own harness on the same data, in its own environment."""
    cmd = [python, str(synthdata_dir / "openfisca_bench.py"), "--engine", "openfisca", "--n", str(n)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(synthdata_dir), check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode or not lines:
        return {"openfisca_error": (proc.stderr.strip().splitlines() or ["no output"])[-1]}
    row = json.loads(lines[-1])
    keys = ("setup_s", "load_s", "compute_s", "compute_warm_s", "peak_rss_mb", "check_ok")
    return {f"openfisca_{k}": row[k] for k in keys if k in row}


def working_memory(pack: Pack, data: dict[str, np.ndarray], synthdata: ModuleType) -> dict[str, float]:
    """Peak allocations (MB) beyond the input data: engine load + compute, and the numpy reference."""
    out = {}
    cols = load(pack, data)
    for name, fn in (
        ("engine_tracemalloc_mb", lambda: compute(pack, load(pack, data))),
        ("engine_compute_tracemalloc_mb", lambda: compute(pack, cols)),
        ("numpy_tracemalloc_mb", lambda: synthdata.reference_numpy(data)),
    ):
        tracemalloc.start()
        fn()
        out[name] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    return out


def run(args: argparse.Namespace, synthdata: ModuleType) -> dict[str, Any]:
    """Every measurement for one size."""
    n = args.households
    data = synthdata.generate(n)
    start = time.perf_counter()
    pack = load_pack_path(PACK_DIR)
    batch_plan(pack.programs[PROGRAM], ON)
    setup = time.perf_counter() - start
    loads, engine, reference = [], [], []
    result = None
    for _ in range(args.repeat):
        start = time.perf_counter()
        cols = load(pack, data)
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = compute(pack, cols)
        engine.append(time.perf_counter() - start)
        del cols
        start = time.perf_counter()
        synthdata.reference_numpy(data)
        reference.append(time.perf_counter() - start)
    check = synthdata.check(np.asarray(result) / 100, data)
    figures: dict[str, Any] = {
        "households": n,
        "persons": len(data["age"]),
        "engine_setup_s": round(setup, 6),
        "engine_load_s": round(min(loads), 6),
        "engine_compute_s": round(min(engine), 6),
        "numpy_compute_s": round(min(reference), 6),
        "engine_compute_median_s": round(statistics.median(engine), 6),
        "numpy_compute_median_s": round(statistics.median(reference), 6),
    }
    figures["compute_ratio"] = round(figures["engine_compute_s"] / figures["numpy_compute_s"], 2)
    figures.update(explain_timings(pack, one_household_cases(synthdata, data, min(n, 2000))))
    figures.update(working_memory(pack, data, synthdata))
    if not args.no_rss:
        with tempfile.TemporaryDirectory() as tmp:
            data_file = Path(tmp) / "isb.npz"
            np.savez(data_file, **data)
            figures["peak_rss_mb"] = peak_rss("engine", data_file, args.synthdata)
            figures["numpy_peak_rss_mb"] = peak_rss("numpy", data_file, args.synthdata)
        figures["rss_ratio"] = round(figures["peak_rss_mb"] / figures["numpy_peak_rss_mb"], 2)
    figures["check_ok"] = bool(check["ok"])
    figures["max_abs_diff"] = round(check["max_abs_diff"], 4)
    figures["eligible"], figures["ref_eligible"] = check["eligible"], check["ref_eligible"]
    figures["total_benefit"], figures["ref_total_benefit"] = (
        round(check["sum"], 2),
        round(check["ref_sum"], 2),
    )
    if args.openfisca:
        figures.update(openfisca(args.openfisca, n, args.synthdata))
    return figures


def main(argv: list[str] | None = None) -> dict[str, Any] | None:
    """Parse arguments, run, print the figures (last line: JSON)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs; the best is reported")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--synthdata", type=Path, default=DEFAULT_SYNTHDATA)
    parser.add_argument("--openfisca", help="python of a virtual environment with openfisca-core")
    parser.add_argument("--no-rss", action="store_true", help="skip the two peak-memory processes")
    parser.add_argument("--child", choices=["engine", "numpy"], help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    synthdata = import_synthdata(args.synthdata)
    if args.child:
        child(args.child, args.data, synthdata)
        return None
    figures = run(args, synthdata)
    if not args.json:
        for key, value in figures.items():
            print(f"{key:>26}: {value}")
    print(json.dumps(figures))
    return figures


if __name__ == "__main__":
    main()
