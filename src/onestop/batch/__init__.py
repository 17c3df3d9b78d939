"""Caseload-wide work: re-assessment of every household in force and simulation of a rate change,
vectorised, partition by partition, on Dask (see docs/batch.md)."""

from onestop.batch.cluster import SYNCHRONOUS, executor
from onestop.batch.domain import Overlay, ReviewStatus, RowStatus, RunKind, RunStatus, parse_overlay
from onestop.batch.errors import BatchRunNotFound
from onestop.batch.models import BatchPartition, BatchRow, BatchRun
from onestop.batch.schemas import RowPublic, RowReview, RunCreate, RunPublic, RunReport
from onestop.batch.services import (
    READ_BLOCK,
    cancel_run,
    execute_run,
    get_run,
    list_rows,
    list_runs,
    resume_run,
    review_row,
    start_run,
)

__all__ = [
    "READ_BLOCK",
    "SYNCHRONOUS",
    "BatchPartition",
    "BatchRow",
    "BatchRun",
    "BatchRunNotFound",
    "Overlay",
    "ReviewStatus",
    "RowPublic",
    "RowReview",
    "RowStatus",
    "RunCreate",
    "RunKind",
    "RunPublic",
    "RunReport",
    "RunStatus",
    "cancel_run",
    "execute_run",
    "executor",
    "get_run",
    "list_rows",
    "list_runs",
    "parse_overlay",
    "resume_run",
    "review_row",
    "start_run",
]
