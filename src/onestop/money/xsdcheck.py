"""Whole-file XML Schema validation with ``xmlschema``, in parts for large files.

xmlschema is pure Python (about 0.4 ms per credit transfer, so a 100,000-payment file takes most
of a minute on one core) and its memory grows with the document (over 500 MB for 100,000). Our
writer puts each transaction on its own line between a fixed head and tail; a large file is cut at
those line boundaries into parts, each part is made a complete document (head + its transactions
+ tail), and the parts are validated one after the other, or in parallel when cores are idle,
so memory stays that of one part. Every byte of
the file is validated by xmlschema against the full schema; the cut itself is checked (each middle
line must be exactly one transaction element) and the whole file is first parsed for
well-formedness, so nothing can hide between parts.
"""

from __future__ import annotations

import functools
import io
import itertools
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path
from xml.parsers import expat

import xmlschema

from onestop.money.errors import PaymentFileInvalid

#: Transactions per part: xmlschema's memory grows with the document it validates (about 5 kB per
#: transaction), so large files are validated a part at a time (in parallel when cores are idle).
PART_LINES = 10_000


@functools.cache
def schema(name: str) -> xmlschema.XMLSchema:
    """A vendored ISO 20022 schema, parsed once per process."""
    path = resources.files("onestop.money").joinpath(f"schemas/{name}.xsd")
    with resources.as_file(path) as real:
        return xmlschema.XMLSchema(str(real))


def first_error(source: str | io.BytesIO, name: str) -> str | None:
    """The first schema violation in a document, or None."""
    resource = xmlschema.XMLResource(source, lazy=True)
    for error in schema(name).iter_errors(resource):
        return str(error.reason)
    return None


def _validate_part(path: str, head: bytes, start: int, end: int, tail: bytes, name: str) -> str | None:
    with open(path, "rb") as f:  # noqa: PTH123 - runs in a worker process with plain arguments
        f.seek(start)
        body = f.read(end - start)
    return first_error(io.BytesIO(head + body + tail), name)


def validate(path: Path, name: str, *, element: str, workers: int | None = None) -> None:
    """Raise ``PaymentFileInvalid`` unless the whole file is valid against schema ``name``."""
    workers = workers or _idle_cores()
    lines = _line_offsets(path)
    if len(lines) < PART_LINES * 2:
        problem = first_error(str(path), name)
    else:
        problem = _validate_in_parts(path, name, element, lines, workers)
    if problem:
        raise PaymentFileInvalid("file", f"{path.name} is not a valid {name} document: {problem}")


def _idle_cores() -> int:
    """Cores not already busy (by the 1-minute load average), at most 4: extra processes on a
    saturated machine only add start-up cost."""
    cores = os.cpu_count() or 1
    return max(1, min(4, cores - int(os.getloadavg()[0])))


def _validate_in_parts(path: Path, name: str, element: str, lines: list[int], workers: int) -> str | None:
    """Validate part after part (memory stays that of one part), in ``workers`` processes."""
    _well_formed(path)
    _check_cut(path, lines, element)
    with path.open("rb") as f:
        head = f.read(lines[1])
        f.seek(lines[-1])
        tail = f.read()
    cuts = [*lines[1:-1:PART_LINES], lines[-1]]
    parts = [(str(path), head, a, b, tail, name) for a, b in itertools.pairwise(cuts) if b > a]
    if workers <= 1:
        return next((p for p in map(_validate_part_args, parts) if p), None)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return next((p for p in pool.map(_validate_part_args, parts) if p), None)


def _validate_part_args(args: tuple[str, bytes, int, int, bytes, str]) -> str | None:
    return _validate_part(*args)


def _line_offsets(path: Path) -> list[int]:
    """Byte offset of the start of every line (and of the end of the file's last line)."""
    offsets = [0]
    position = 0
    with path.open("rb") as f:
        for line in f:
            position += len(line)
            offsets.append(position)
    offsets.pop()  # the end of the file starts no line
    return offsets


def _check_cut(path: Path, lines: list[int], element: str) -> None:
    """Every line between the head (first line) and the tail (last line) must be one ``element``."""
    opening, closing = f"<{element}>".encode(), f"</{element}>\n".encode()
    last = len(lines) - 1
    with path.open("rb") as f:
        for index, line in enumerate(f):
            if index == 0:
                continue
            if index == last:
                break
            if not (line.startswith(opening) and line.endswith(closing)) or line.count(opening) != 1:
                raise PaymentFileInvalid(
                    "file", f"{path.name} line {index + 1} is not one <{element}> element"
                )


def _well_formed(path: Path) -> None:
    """Parse the whole file with expat, building nothing (external entities are never fetched)."""
    parser = expat.ParserCreate()
    try:
        with path.open("rb") as f:
            parser.ParseFile(f)
    except expat.ExpatError as err:
        raise PaymentFileInvalid("file", f"{path.name} is not well-formed XML: {err}") from None
