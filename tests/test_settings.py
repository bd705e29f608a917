"""Settings from the environment, and the start-up check that refuses an unreachable engine."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest
from fixtures_postgres import postgres_server  # noqa: F401 (fixture)

from assistant.settings import ConfigurationError, Settings


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TestFromEnv:
    def test_defaults_keep_everything_on_this_machine(self):
        s = Settings.from_env({})
        assert s.database_url is None and not s.uses_postgres
        assert s.generator == "local" and s.generator_timeout_s == 60.0
        assert s.check() == []  # nothing outside the process to reach

    def test_reads_every_variable(self, tmp_path):
        s = Settings.from_env({
            "AISLE_DATA_DIR": str(tmp_path),
            "AISLE_GENERATOR": "openai",
            "AISLE_GENERATOR_URL": "http://10.0.0.5:8000/v1",
            "AISLE_GENERATOR_MODEL": "qwen",
            "AISLE_GENERATOR_TIMEOUT": "12.5",
            "AISLE_GENERATOR_FIRST_TOKEN_TIMEOUT": "3",
            "AISLE_GENERATOR_SLOTS": "8",
            "AISLE_DATABASE_URL": "postgresql://aisle@db:5432/shop",
            "AISLE_DATABASE_TIMEOUT": "3",
        })
        assert s.catalog_path == Path(tmp_path) / "catalog.db"
        assert (s.generator, s.generator_base_url, s.generator_model) == ("openai", "http://10.0.0.5:8000/v1", "qwen")
        assert (s.generator_timeout_s, s.database_timeout_s) == (12.5, 3.0)
        assert (s.generator_first_token_s, s.generator_slots) == (3.0, 8)
        assert s.uses_postgres and s.session_store_url == "postgresql://aisle@db:5432/shop"

    def test_session_store_is_an_alias_of_database_url(self):
        s = Settings.from_env({"AISLE_SESSION_STORE": "postgresql://aisle@db/shop"})
        assert s.database_url == "postgresql://aisle@db/shop"
        same = Settings.from_env({"AISLE_SESSION_STORE": "postgresql://a@b/c", "AISLE_DATABASE_URL": "postgresql://a@b/c"})
        assert same.database_url == "postgresql://a@b/c"
        s.session_store_url = "sqlite:///x.db"  # the old attribute still writes the one setting
        assert s.database_url == "sqlite:///x.db"

    def test_two_different_database_urls_are_refused(self):
        with pytest.raises(ConfigurationError, match="unset AISLE_SESSION_STORE"):
            Settings.from_env({"AISLE_SESSION_STORE": "postgresql://a@b/one", "AISLE_DATABASE_URL": "postgresql://a@b/two"})

    @pytest.mark.parametrize("value", ["soon", "0", "-1"])
    def test_a_bad_timeout_names_the_variable(self, value):
        with pytest.raises(ConfigurationError, match="AISLE_GENERATOR_TIMEOUT"):
            Settings.from_env({"AISLE_GENERATOR_TIMEOUT": value})

    @pytest.mark.parametrize("value", ["two", "0", "1.5"])
    def test_a_bad_slot_count_names_the_variable(self, value):
        with pytest.raises(ConfigurationError, match="AISLE_GENERATOR_SLOTS"):
            Settings.from_env({"AISLE_GENERATOR_SLOTS": value})

    def test_empty_variables_keep_defaults(self):
        s = Settings.from_env({"AISLE_GENERATOR": "", "AISLE_DATABASE_URL": "", "AISLE_GENERATOR_TIMEOUT": ""})
        assert (s.generator, s.database_url, s.generator_timeout_s) == ("local", None, 60.0)


class TestCheck:
    def test_unreachable_model_server_fails_naming_the_fix(self):
        port = _closed_port()
        s = Settings(generator="openai", generator_base_url=f"http://127.0.0.1:{port}")
        with pytest.raises(ConfigurationError) as err:
            s.check()
        message = str(err.value)
        assert f"127.0.0.1:{port}/v1" in message and "AISLE_GENERATOR_URL" in message

    def test_openai_without_url_names_the_variable(self):
        with pytest.raises(ConfigurationError, match="AISLE_GENERATOR_URL"):
            Settings(generator="openai").check()

    def test_unreachable_postgres_fails_without_showing_the_password(self):
        port = _closed_port()
        s = Settings(generator="none", database_url=f"postgresql://shop:s3cret-pw@127.0.0.1:{port}/aisle",
                     database_timeout_s=2)
        with pytest.raises(ConfigurationError) as err:
            s.check()
        message = str(err.value)
        assert f"127.0.0.1:{port}/aisle" in message and "AISLE_DATABASE_URL" in message
        assert "s3cret-pw" not in message

    def test_unknown_database_scheme_is_refused(self):
        with pytest.raises(ConfigurationError, match="postgresql://"):
            Settings(generator="none", database_url="mysql://shop@db/aisle").check()

    def test_reachable_postgres_passes(self, postgres_server):  # noqa: F811
        s = Settings(generator="none", database_url=postgres_server)
        [line] = s.check()
        assert line.startswith("PostgreSQL at 127.0.0.1:")
