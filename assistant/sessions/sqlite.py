"""SQLite session store: one file, good for a single server process with several threads.

WAL lets readers (the browser polling for turns) run while a writer commits; every write
transaction starts with BEGIN IMMEDIATE so two writers queue on `busy_timeout` instead of failing
halfway with "database is locked" when a read lock cannot be upgraded.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.sessions import incentives, shoppers
from assistant.sessions.sqlbase import Clock, Migration, SQLSessionStore

logger = logging.getLogger(__name__)

# Append new migrations at the end; never edit or reorder a shipped one.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_sessions_turns_state_events",
        (
            """CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                mode TEXT NOT NULL DEFAULT 'bot' CHECK (mode IN ('bot', 'waiting', 'staff', 'closed')),
                held_by TEXT,
                escalation_reason TEXT,
                escalated_at REAL,
                created_at REAL NOT NULL,
                last_activity REAL NOT NULL,
                last_intent REAL,
                cart_value REAL NOT NULL DEFAULT 0,
                turn_count INTEGER NOT NULL DEFAULT 0,
                last_user_text TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX sessions_mode_activity ON sessions (mode, last_activity)",
            """CREATE TABLE turns (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                session_id TEXT NOT NULL REFERENCES sessions (id),
                role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'staff', 'system')),
                text TEXT NOT NULL,
                created_at REAL NOT NULL,
                product_ids TEXT NOT NULL DEFAULT '[]',
                intent REAL,
                meta TEXT NOT NULL DEFAULT '{}',
                feedback INTEGER CHECK (feedback IN (-1, 1))
            )""",
            "CREATE INDEX turns_session_id ON turns (session_id, id)",
            """CREATE TABLE session_state (
                session_id TEXT PRIMARY KEY REFERENCES sessions (id),
                state TEXT NOT NULL,
                version INTEGER NOT NULL,
                updated_at REAL NOT NULL
            )""",
            """CREATE TABLE handoff_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                session_id TEXT NOT NULL REFERENCES sessions (id),
                kind TEXT NOT NULL CHECK (kind IN ('escalated', 'taken_over', 'handed_back', 'closed', 'note')),
                staff TEXT,
                detail TEXT NOT NULL DEFAULT '',
                created_at REAL NOT NULL
            )""",
            "CREATE INDEX handoff_events_session_id ON handoff_events (session_id, id)",
        ),
    ),
    incentives.migration("REAL"),
    shoppers.migration(),
)


class SQLiteSessionStore(SQLSessionStore):
    """Sessions in one SQLite file; each thread gets its own connection."""

    def __init__(
        self, path: str | os.PathLike[str], *, clock: Clock = time.time, busy_timeout_s: float = 10.0
    ):
        super().__init__(clock=clock)
        if str(path) in ("", ":memory:") or str(path).startswith("file::memory:"):
            raise ValueError(
                "An in-memory SQLite database is private to one connection and this store opens one per"
                " thread: give a file path (tests can use a tmp directory)"
            )
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._busy_timeout_s = busy_timeout_s
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] | None = []
        self._lock = threading.Lock()
        self._apply_migrations(MIGRATIONS)
        logger.info("Opened SQLite session store at %s", self.path)

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            with self._lock:
                if self._connections is None:
                    raise RuntimeError(
                        "This session store was disposed: open a new one with open_session_store()"
                    )
                # isolation_level=None: we issue BEGIN/COMMIT ourselves; check_same_thread=False only
                # so that dispose() may close every thread's connection.
                conn = sqlite3.connect(
                    self.path, timeout=self._busy_timeout_s, isolation_level=None, check_same_thread=False
                )
                self._connections.append(conn)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_s * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; safe with WAL
            conn.execute("PRAGMA foreign_keys = ON")
            self._local.conn = conn
        return conn

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[sqlite3.Cursor]:
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield conn.cursor()
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # never leave this thread's connection inside a transaction
                conn.execute("ROLLBACK")
            raise

    def _json(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def _unjson(self, value: Any) -> Any:
        return json.loads(value)

    def dispose(self) -> None:
        """Close every thread's connection; the store must not be used afterwards."""
        with self._lock:
            connections, self._connections = self._connections, None
        for conn in connections or []:
            conn.close()
