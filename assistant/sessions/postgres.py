"""PostgreSQL session store: for several app servers sharing one set of chats and one staff queue.

Same statements and rules as SQLite (see sqlbase.py). Under READ COMMITTED a conditional UPDATE
that waits on another transaction's row lock re-checks its WHERE clause on the committed row, so
of two staff racing `take_over`, the second sees `held_by` set and changes nothing.
psycopg is imported here, lazily, so `import assistant` works without the `postgres` extra.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from assistant.sessions.base import SessionStoreUnavailableError
from assistant.sessions import incentives, shoppers
from assistant.sessions.sqlbase import Clock, Migration, SQLSessionStore

logger = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'aisle[postgres]'"

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
                escalated_at DOUBLE PRECISION,
                created_at DOUBLE PRECISION NOT NULL,
                last_activity DOUBLE PRECISION NOT NULL,
                last_intent DOUBLE PRECISION,
                cart_value DOUBLE PRECISION NOT NULL DEFAULT 0,
                turn_count INTEGER NOT NULL DEFAULT 0,
                last_user_text TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX sessions_mode_activity ON sessions (mode, last_activity)",
            """CREATE TABLE turns (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                session_id TEXT NOT NULL REFERENCES sessions (id),
                role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'staff', 'system')),
                text TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                product_ids JSONB NOT NULL DEFAULT '[]',
                intent DOUBLE PRECISION,
                meta JSONB NOT NULL DEFAULT '{}',
                feedback SMALLINT CHECK (feedback IN (-1, 1))
            )""",
            "CREATE INDEX turns_session_id ON turns (session_id, id)",
            """CREATE TABLE session_state (
                session_id TEXT PRIMARY KEY REFERENCES sessions (id),
                state JSONB NOT NULL,
                version INTEGER NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL
            )""",
            """CREATE TABLE handoff_events (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                session_id TEXT NOT NULL REFERENCES sessions (id),
                kind TEXT NOT NULL CHECK (kind IN ('escalated', 'taken_over', 'handed_back', 'closed', 'note')),
                staff TEXT,
                detail TEXT NOT NULL DEFAULT '',
                created_at DOUBLE PRECISION NOT NULL
            )""",
            "CREATE INDEX handoff_events_session_id ON handoff_events (session_id, id)",
        ),
    ),
    incentives.migration("DOUBLE PRECISION"),
    shoppers.migration(),
)


def _import_psycopg() -> tuple[Any, Any]:
    try:
        import psycopg
        import psycopg_pool
    except ImportError as exc:
        raise SessionStoreUnavailableError(
            f"The PostgreSQL session store needs psycopg and psycopg-pool ({exc.name} is missing): {INSTALL_HINT}"
        ) from None
    return psycopg, psycopg_pool


def describe_dsn(dsn: str) -> tuple[str, str | None]:
    """'host:port/dbname as user' for messages and logs, plus the password so callers can scrub it."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = conninfo_to_dict(dsn)
    except Exception:  # the parser's message may quote the DSN, password included
        raise ValueError(
            "Invalid PostgreSQL URL (not shown, it may hold a password): use postgresql://user@host:port/dbname"
        ) from None
    where = f"{params.get('host') or 'localhost'}:{params.get('port') or 5432}/{params.get('dbname') or '?'}"
    if params.get("user"):
        where += f" as {params['user']}"
    return where, params.get("password")


class _QmarkCursor:
    """Lets the shared statements use SQLite's `?` placeholders with psycopg's `%s`.

    So shared SQL must not contain a literal `?` or `%` (e.g. PostgreSQL's `?` JSONB operator).
    """

    def __init__(self, cur: Any):
        self._cur = cur

    def execute(self, sql: str, params: Any = None) -> Any:
        return self._cur.execute(sql.replace("?", "%s"), params)

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount


class PostgresSessionStore(SQLSessionStore):
    """Sessions in PostgreSQL through a psycopg connection pool; tables live in the DSN's search_path."""

    _migration_lock_sql = "SELECT pg_advisory_xact_lock(hashtext('aisle.sessions.migrations'))"

    def __init__(
        self,
        dsn: str,
        *,
        clock: Clock = time.time,
        min_size: int = 1,
        max_size: int = 10,
        connect_timeout_s: int = 5,
    ):
        super().__init__(clock=clock)
        self._psycopg, psycopg_pool = _import_psycopg()
        self.where, password = describe_dsn(dsn)
        self._password = password
        try:  # one direct connection first: a clear error now beats a pool retrying in the background
            self._psycopg.connect(dsn, connect_timeout=connect_timeout_s).close()
        except self._psycopg.Error as exc:
            raise self._unavailable(exc) from None
        self._pool = psycopg_pool.ConnectionPool(
            dsn,
            min_size=min_size,
            max_size=max_size,
            kwargs={"connect_timeout": connect_timeout_s},
            check=psycopg_pool.ConnectionPool.check_connection,  # survive server restarts
            timeout=30.0,
            name="aisle-sessions",
            open=True,
        )
        try:
            self._apply_migrations(MIGRATIONS)
        except BaseException:
            self._pool.close()
            raise
        logger.info("Opened PostgreSQL session store at %s", self.where)

    def _unavailable(self, exc: BaseException) -> SessionStoreUnavailableError:
        detail = str(exc).strip().replace("\n", " ")
        if self._password:
            detail = detail.replace(self._password, "***")
        return SessionStoreUnavailableError(
            f"Cannot use PostgreSQL at {self.where}: {detail}."
            " Start the server or fix AISLE_SESSION_STORE (user, host, port, database name)"
        )

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[_QmarkCursor]:
        from psycopg.rows import dict_row
        from psycopg_pool import PoolTimeout

        try:
            with self._pool.connection() as conn:  # commits on success, rolls back on error
                with conn.cursor(row_factory=dict_row) as cur:
                    yield _QmarkCursor(cur)
        except PoolTimeout as exc:
            raise self._unavailable(exc) from None
        except self._psycopg.OperationalError as exc:
            # Connection lost or server shutting down; leave deadlocks and timeouts as they are.
            if exc.sqlstate is None or exc.sqlstate.startswith(("08", "57P")):
                raise self._unavailable(exc) from None
            raise

    def _json(self, value: Any) -> Any:
        from psycopg.types.json import Jsonb

        return Jsonb(value)

    def _unjson(self, value: Any) -> Any:
        return value  # psycopg already decodes JSONB

    def dispose(self) -> None:
        """Close the pool's connections; the store must not be used afterwards."""
        self._pool.close()
