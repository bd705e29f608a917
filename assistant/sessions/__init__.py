"""Where conversations, dialogue state and staff handoffs live.

`open_session_store` picks the backend from one setting (AISLE_SESSION_STORE). It never falls
back to another store: with several servers a silent fallback would split the staff queue and
lose handoffs, so a store that cannot open raises instead.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from assistant.sessions.base import (
    HandoffConflictError,
    HandoffEvent,
    IncentiveLog,
    NudgeOutcome,
    SessionClosedError,
    SessionStatus,
    SessionStore,
    SessionStoreUnavailableError,
    SessionSummary,
    ShopperHistory,
    ShopperLog,
    Turn,
    UnknownSessionError,
)
from assistant.sessions.sqlbase import Clock

if TYPE_CHECKING:
    from assistant.sessions.postgres import PostgresSessionStore
    from assistant.sessions.sqlite import SQLiteSessionStore

__all__ = [
    "HandoffConflictError",
    "HandoffEvent",
    "IncentiveLog",
    "NudgeOutcome",
    "PostgresSessionStore",
    "SQLiteSessionStore",
    "SessionClosedError",
    "SessionStatus",
    "SessionStore",
    "SessionStoreUnavailableError",
    "SessionSummary",
    "ShopperHistory",
    "ShopperLog",
    "Turn",
    "UnknownSessionError",
    "open_session_store",
]


def open_session_store(url_or_path: str | os.PathLike[str], *, clock: Clock = time.time) -> SessionStore:
    """Open the store named by a file path, `sqlite:///relative.db`, `sqlite:////abs.db` or `postgresql://...`."""
    target = os.fspath(url_or_path)
    if not target:
        raise ValueError("No session store given: pass a SQLite file path or a postgresql:// URL")
    scheme = target.split("://", 1)[0].lower() if "://" in target else None
    if scheme in ("postgresql", "postgres"):
        from assistant.sessions.postgres import PostgresSessionStore

        return PostgresSessionStore(target, clock=clock)
    if scheme == "sqlite":
        if not target.startswith("sqlite:///"):
            raise ValueError(
                "A SQLite URL needs three slashes before the path: sqlite:///relative.db or sqlite:////abs/path.db"
            )
        target = target[len("sqlite:///") :]
    elif scheme is not None:
        raise ValueError(
            f"Unsupported session store {scheme!r}: use a file path, sqlite:///path or postgresql://user@host/db"
        )
    from assistant.sessions.sqlite import SQLiteSessionStore

    return SQLiteSessionStore(target, clock=clock)


def __getattr__(name: str):
    """Backends load on first use, so importing the package stays light (psycopg only when needed)."""
    if name == "SQLiteSessionStore":
        from assistant.sessions.sqlite import SQLiteSessionStore

        return SQLiteSessionStore
    if name == "PostgresSessionStore":
        from assistant.sessions.postgres import PostgresSessionStore

        return PostgresSessionStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
