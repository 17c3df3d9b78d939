"""Opening payment and cheque files for writing so that only the service account can read them.

They hold decrypted bank account numbers and payees' names: created with mode 0o600 from the start
(never world-readable, not even for a moment under a permissive umask).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Literal, overload

MODE = 0o600


@overload
def open_private(path: Path, mode: Literal["wb"]) -> IO[bytes]: ...
@overload
def open_private(path: Path, mode: Literal["w"]) -> IO[str]: ...
def open_private(path: Path, mode: Literal["w", "wb"]) -> IO[bytes] | IO[str]:
    """Create or truncate ``path`` readable and writable by its owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, MODE)
    try:
        os.fchmod(fd, MODE)  # a file left by an earlier run keeps its old mode through O_CREAT
    except BaseException:
        os.close(fd)
        raise
    if mode == "wb":
        return os.fdopen(fd, "wb")
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n")
