"""Session stores: the shared contract on SQLite and on a real PostgreSQL, plus how stores are opened."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from contracts import FakeClock, SessionStoreContract
from fixtures_postgres import postgres_dsn, postgres_server  # noqa: F401 (fixtures)

from assistant.sessions import SessionStoreUnavailableError, open_session_store
from assistant.sessions.sqlite import MIGRATIONS, SQLiteSessionStore


def _factory(open_one):
    """A make_store fixture body: opens stores on demand and disposes them all afterwards."""
    stores = []

    def make(clock):
        store = open_one(clock)
        stores.append(store)
        return store

    return make, stores


class TestSQLiteSessionStore(SessionStoreContract):
    @pytest.fixture
    def make_store(self, tmp_path):
        make, stores = _factory(lambda clock: SQLiteSessionStore(tmp_path / "sessions.db", clock=clock))
        yield make
        for store in stores:
            store.dispose()

    def test_schema_comes_from_named_migrations_applied_once(self, make_store, store, clock, tmp_path):
        make_store(clock)  # a second open must not re-apply anything
        db = sqlite3.connect(tmp_path / "sessions.db")
        assert [r[0] for r in db.execute("SELECT name FROM migrations")] == [m.name for m in MIGRATIONS]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.close()

    def test_refuses_in_memory_databases(self):
        with pytest.raises(ValueError, match="file path"):
            SQLiteSessionStore(":memory:")


class TestPostgresSessionStore(SessionStoreContract):
    @pytest.fixture
    def make_store(self, postgres_dsn):  # noqa: F811 (fixture argument)
        from assistant.sessions.postgres import PostgresSessionStore

        make, stores = _factory(lambda clock: PostgresSessionStore(postgres_dsn, clock=clock, max_size=4))
        yield make
        for store in stores:
            store.dispose()

    def test_unreachable_server_names_the_host_not_the_password(self):
        with pytest.raises(SessionStoreUnavailableError) as err:
            open_session_store("postgresql://shop:s3cret-pw@127.0.0.1:1/aisle")
        message = str(err.value)
        assert "127.0.0.1:1/aisle" in message and "AISLE_SESSION_STORE" in message
        assert "s3cret-pw" not in message


class TestOpenSessionStore:
    def test_paths_and_sqlite_urls_open_sqlite(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        for target in (
            tmp_path / "a.db",
            str(tmp_path / "b.db"),
            "sqlite:///rel/c.db",
            f"sqlite:///{tmp_path}/d.db",
        ):
            store = open_session_store(target, clock=FakeClock())
            assert isinstance(store, SQLiteSessionStore)
            store.dispose()
        assert (tmp_path / "rel" / "c.db").exists() and (tmp_path / "d.db").exists()

    @pytest.mark.parametrize("target", ["mysql://localhost/shop", "sqlite://c.db", ""])
    def test_unknown_targets_fail_loudly(self, target):
        with pytest.raises(ValueError, match="sqlite|postgresql"):
            open_session_store(target)

    def test_missing_psycopg_names_the_extra(self, monkeypatch):
        monkeypatch.setitem(sys.modules, "psycopg", None)  # import now fails as if not installed
        with pytest.raises(SessionStoreUnavailableError, match=r"pip install 'aisle\[postgres\]'"):
            open_session_store("postgresql://localhost/aisle")

    def test_importing_the_package_does_not_load_psycopg(self):
        code = (
            "import sys, assistant.sessions; assert 'psycopg' not in sys.modules, 'psycopg imported eagerly'"
        )
        subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])
