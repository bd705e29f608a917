"""What the app says when its data directory or database cannot be written: at start, and per message.

A full disk, a read-only mount or a data dir that is really a file must give a sentence that names
the place and the fix, not a traceback: at start-up the app refuses to start (`check_data_dir`,
`startup_problem`); while serving, a message that cannot be stored is refused with HTTP 503 and
the shopper is told to try again (`is_storage_failure`), and the app answers again once space returns.
"""
from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from pathlib import Path

from assistant.sessions.base import SessionStoreUnavailableError

STORAGE_SORRY = ("Sorry, we can't save messages right now (a storage problem on our side). "
                 "Please try again in a moment.")
STORAGE_RETRY_AFTER_S = 30.0
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EROFS, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EIO}
# SQLite's own words for a write it could not make (SQLITE_FULL, SQLITE_IOERR, SQLITE_READONLY, SQLITE_CANTOPEN).
_SQLITE_WORDS = ("disk is full", "disk i/o error", "readonly database", "unable to open database file")


def is_storage_failure(exc: BaseException) -> bool:
    """True when `exc` (or what caused it) says the store cannot write: disk full, read-only, I/O error."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, SessionStoreUnavailableError):
            return True
        if isinstance(exc, sqlite3.OperationalError) and any(w in str(exc).lower() for w in _SQLITE_WORDS):
            return True
        if isinstance(exc, OSError) and exc.errno in _STORAGE_ERRNOS:
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def check_data_dir(path: Path) -> None:
    """Raise `DataDirError` naming `path` and the fix unless Aisle can create and write files in it."""
    path = Path(path)
    fix = "or set AISLE_DATA_DIR to a writable directory"
    if path.exists() and not path.is_dir():
        raise DataDirError(f"The data directory {path} is a file, not a directory: move the file away {fix}.")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"Cannot create the data directory {path} ({exc.strerror}): create it {fix}.") from None
    try:  # a real write: os.access says yes to root on a read-only mount
        with tempfile.NamedTemporaryFile(dir=path, prefix=".aisle-write-check-") as probe:
            probe.write(b"\0" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        raise DataDirError(f"Cannot write to the data directory {path} ({exc.strerror}): "
                           f"free some space or make it writable by the user running Aisle, {fix}.") from None
    for name in ("catalog.db", "sessions.db"):
        if (path / name).exists() and not os.access(path / name, os.W_OK):
            raise DataDirError(f"{path / name} is read-only: make it writable by the user running Aisle, {fix}.")


class DataDirError(RuntimeError):
    """The data directory cannot be used; the message names it and the fix."""


def startup_problem(exc: BaseException, data_dir: Path) -> str | None:
    """The sentence to stop the start with, for errors a shop owner can fix; None for a real bug."""
    from assistant.generation.base import GeneratorError
    from assistant.settings import ConfigurationError
    from assistant.web.auth import StaffAuthError

    if isinstance(exc, (DataDirError, ConfigurationError, GeneratorError, StaffAuthError)):
        return str(exc)
    if is_storage_failure(exc):
        return (f"Aisle cannot write its data in {data_dir} ({exc}): free some space or make the directory "
                "writable by the user running Aisle, or set AISLE_DATA_DIR to a writable directory.")
    return None
