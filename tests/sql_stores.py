"""The `store` fixture on each SQL session store backend, for contract mixins beyond the core SessionStore one.

A test class inherits a contract mixin and one of these; its module must import `postgres_dsn` and
`postgres_server` from fixtures_postgres so the PostgreSQL variant finds them.
"""
from __future__ import annotations

import pytest

from assistant.sessions.sqlite import SQLiteSessionStore


class OnSQLite:
    @pytest.fixture
    def store(self, tmp_path, clock):
        store = SQLiteSessionStore(tmp_path / "sessions.db", clock=clock)
        yield store
        store.dispose()


class OnPostgres:
    @pytest.fixture
    def store(self, postgres_dsn, clock):
        from assistant.sessions.postgres import PostgresSessionStore

        store = PostgresSessionStore(postgres_dsn, clock=clock, max_size=2)
        yield store
        store.dispose()
