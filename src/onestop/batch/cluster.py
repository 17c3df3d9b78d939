"""Where partitions are evaluated: a Dask cluster (local processes by default, or an existing
distributed scheduler by address), or in this process (``synchronous``, for tests and tiny runs).

Only this module imports Dask's ``distributed``; services see an ``Executor`` with ``submit`` and
futures with ``result()``. Each partition is one task of the Dask graph; the driver keeps a few in
flight so reading the next partition overlaps evaluating the last.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

SYNCHRONOUS = "synchronous"


class Future(Protocol):
    """What the driver needs of a submitted task."""

    def result(self) -> Any: ...


class Executor(Protocol):
    """Submits a function call as a task."""

    description: str
    slots: int  # tasks the executor runs at once (the driver keeps about twice as many in flight)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future: ...


class _Done:
    def __init__(self, value: Any) -> None:
        self._value = value

    def result(self) -> Any:
        return self._value


class InProcess:
    """Runs each task at once, here: a Dask graph of one task at a time, on the synchronous scheduler."""

    description = SYNCHRONOUS
    slots = 1

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        from dask import delayed  # type: ignore[attr-defined]

        return _Done(delayed(fn, pure=False)(*args).compute(scheduler="synchronous"))


class Distributed:
    """A ``distributed.Client``: tasks go to the cluster's workers."""

    def __init__(self, client: Any, description: str) -> None:
        self.client = client
        self.description = description
        workers = client.scheduler_info().get("workers", {})
        self.slots = max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        """Scatter the large arguments (a partition's Arrow tables: ``scatter`` on their class) to a
        worker first, then run the task there: large data travels as data, not inside the task graph;
        small ones (key ranges, the job) go with the task."""
        scattered = [self.client.scatter(a, hash=False) if getattr(a, "scatter", False) else a for a in args]
        future: Future = self.client.submit(fn, *scattered, pure=False)
        return future

    def worker_peak_rss_mb(self) -> dict[str, float]:
        """Each worker process's peak resident memory (VmHWM), in MB."""
        result: dict[str, float] = self.client.run(peak_rss_mb)
        return result


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (VmHWM; ru_maxrss elsewhere)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


@contextlib.contextmanager
def executor(scheduler: str | None = None, workers: int = 2) -> Iterator[Executor]:
    """``None``: a LocalCluster of ``workers`` processes (one thread each), closed afterwards;
    ``"synchronous"``: this process; anything else: the address of a running scheduler."""
    if scheduler == SYNCHRONOUS:
        yield InProcess()
        return
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield Distributed(client, scheduler)
        return
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield Distributed(client, f"local:{workers}")
