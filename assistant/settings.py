"""Configuration read once from the environment; constructors take plain values.

`Settings.from_env()` is the one place `AISLE_*` variables are read. `Settings.check()` then asks
every configured engine outside this process (PostgreSQL, a model server) whether it answers,
and raises `ConfigurationError` naming the fix when one does not: a server started with a typo in
its database URL must refuse to start, not quietly keep chats in a file nobody else can see.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)


class ConfigurationError(RuntimeError):
    """A setting is invalid, or names an engine that cannot be reached; the message says how to fix it."""


from catalog.paths import DEFAULT_EMBEDDER, default_data_dir  # noqa: E402,F401 - one definition, below us


def default_model_cache_dir() -> Path:
    """Converted model weights; shared between data dirs because they depend only on the package."""
    return Path(os.environ.get("AISLE_MODEL_CACHE") or Path.home() / ".cache" / "aisle").expanduser()


@dataclass
class Settings:
    """Every knob Aisle reads from the environment, in one place."""

    data_dir: Path = field(default_factory=default_data_dir)
    model_cache_dir: Path = field(default_factory=default_model_cache_dir)
    generator: str = "local"  # local (CTranslate2) | transformers | smollm2 | openai | scripted | llamacpp | none
    generator_base_url: str | None = None  # for generator=openai (vLLM, llama.cpp server, TGI, ...)
    generator_model: str | None = None  # None: the first model the server lists
    generator_api_key_env: str = "AISLE_GENERATOR_API_KEY"  # name of the variable, never the secret
    # A reply is streamed, so this bounds the wait for the next piece, not the whole answer.
    generator_timeout_s: float = 60.0
    # A model server must start answering within this long, however busy (keep-alive pings do not
    # count): past it the turn answers from the rows, marked `model_slow`.
    generator_first_token_s: float = 8.0
    # How many requests the model server runs at once (llama.cpp server: its --n_parallel; vLLM: many).
    # Past that, this process counts requests as queued, and the turn sheds them to the rows.
    generator_slots: int = 4
    embedder: str = DEFAULT_EMBEDDER  # e5 (English + Chinese) | minilm (English only)
    database_url: str | None = None  # None -> SQLite sessions in data_dir; postgresql://... to share them
    database_timeout_s: float = 5.0  # connecting to PostgreSQL; a dead host fails in this long, not in minutes

    @property
    def session_store_url(self) -> str | None:
        """The older name of `database_url` (AISLE_SESSION_STORE); both name the same setting."""
        return self.database_url

    @session_store_url.setter
    def session_store_url(self, value: str | None) -> None:
        self.database_url = value

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Read AISLE_* variables; unset (or empty) ones keep their defaults. Bad numbers raise ConfigurationError."""
        env = dict(os.environ if env is None else env)
        s = cls()
        if env.get("AISLE_DATA_DIR"):
            s.data_dir = Path(env["AISLE_DATA_DIR"]).expanduser()
        if env.get("AISLE_MODEL_CACHE"):
            s.model_cache_dir = Path(env["AISLE_MODEL_CACHE"]).expanduser()
        s.generator = env.get("AISLE_GENERATOR") or s.generator
        s.generator_base_url = env.get("AISLE_GENERATOR_URL") or s.generator_base_url
        s.generator_model = env.get("AISLE_GENERATOR_MODEL") or s.generator_model
        s.generator_timeout_s = _seconds(env, "AISLE_GENERATOR_TIMEOUT", s.generator_timeout_s)
        s.generator_first_token_s = _seconds(env, "AISLE_GENERATOR_FIRST_TOKEN_TIMEOUT", s.generator_first_token_s)
        s.generator_slots = _count(env, "AISLE_GENERATOR_SLOTS", s.generator_slots)
        s.embedder = env.get("AISLE_EMBEDDER") or s.embedder
        s.database_url = _database_url(env) or s.database_url
        s.database_timeout_s = _seconds(env, "AISLE_DATABASE_TIMEOUT", s.database_timeout_s)
        return s

    @property
    def catalog_path(self) -> Path:
        return self.data_dir / "catalog.db"

    @property
    def sessions_path(self) -> Path:
        return self.data_dir / "sessions.db"

    @property
    def uses_postgres(self) -> bool:
        return bool(self.database_url) and self.database_url.split("://", 1)[0].lower() in ("postgresql", "postgres")

    def check(self) -> list[str]:
        """Reach every configured outside engine once; raise ConfigurationError naming the fix if one fails.

        Returns one line per engine checked ("PostgreSQL at host:port/db", ...), for the start-up log.
        Local engines (SQLite, in-process models) are checked by loading them, which start-up does anyway.
        """
        checked = []
        if self.generator == "openai":
            checked.append(check_model_server(self.generator_base_url, timeout_s=min(self.generator_timeout_s, 10.0)))
        if self.uses_postgres:
            checked.append(check_postgres(self.database_url or "", timeout_s=self.database_timeout_s))
        elif self.database_url and "://" in self.database_url and not self.database_url.startswith("sqlite:///"):
            raise ConfigurationError(
                f"AISLE_DATABASE_URL must be postgresql://user@host:port/dbname or sqlite:///path, "
                f"not {self.database_url.split('://', 1)[0]}://..."
            )
        for line in checked:
            logger.info("reached %s", line)
        return checked


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a number of seconds, not {raw!r}") from None
    if value <= 0:
        raise ConfigurationError(f"{name} must be more than 0 seconds, not {raw!r}")
    return value


def _count(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if not raw:
        return default
    if not raw.strip().isdigit() or int(raw) < 1:
        raise ConfigurationError(f"{name} must be a whole number of at least 1, not {raw!r}")
    return int(raw)


def _database_url(env: Mapping[str, str]) -> str | None:
    """AISLE_DATABASE_URL, or its older name AISLE_SESSION_STORE; two different values are an error."""
    new, old = env.get("AISLE_DATABASE_URL") or None, env.get("AISLE_SESSION_STORE") or None
    if new and old and new != old:
        raise ConfigurationError(
            "AISLE_DATABASE_URL and AISLE_SESSION_STORE (its older name) are both set, to different values:"
            " unset AISLE_SESSION_STORE"
        )
    return new or old


def check_model_server(base_url: str | None, *, timeout_s: float = 10.0) -> str:
    """GET {base}/models on an OpenAI-compatible server; 'model server at URL (model)' or ConfigurationError."""
    import httpx

    from assistant.generation.openai_compat import _api_root  # one rule for what a base URL means

    if not base_url:
        raise ConfigurationError(
            "AISLE_GENERATOR=openai needs AISLE_GENERATOR_URL, e.g. http://127.0.0.1:8080/v1"
            " (a vLLM, TGI or llama.cpp server)"
        )
    root = _api_root(base_url)
    try:
        response = httpx.get(f"{root}/models", timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0)))
    except httpx.HTTPError as exc:
        raise ConfigurationError(
            f"No model server answers at {root} ({type(exc).__name__}): start it (see docs/scale.md),"
            " fix AISLE_GENERATOR_URL, or set AISLE_GENERATOR=local to run the model in-process"
        ) from None
    if response.status_code in (401, 403):
        raise ConfigurationError(
            f"The model server at {root} refused the API key (HTTP {response.status_code}):"
            " set AISLE_GENERATOR_API_KEY"
        )
    if response.status_code >= 400:
        raise ConfigurationError(
            f"The model server at {root} answered HTTP {response.status_code} to GET /models:"
            " check that AISLE_GENERATOR_URL is its OpenAI-compatible root (ending in /v1)"
        )
    try:
        models = [m["id"] for m in response.json()["data"]]
    except (ValueError, KeyError, TypeError):
        models = []
    return f"model server at {root} ({', '.join(models) or 'no models listed'})"


def check_postgres(url: str, *, timeout_s: float = 5.0) -> str:
    """Open and close one connection; 'PostgreSQL at host:port/db as user' or ConfigurationError."""
    try:
        import psycopg
    except ImportError:
        raise ConfigurationError(
            "AISLE_DATABASE_URL names PostgreSQL but psycopg is not installed: pip install 'aisle[postgres]'"
        ) from None
    from assistant.sessions.postgres import describe_dsn

    try:
        where, password = describe_dsn(url)
    except ValueError as exc:
        raise ConfigurationError(f"AISLE_DATABASE_URL: {exc}") from None
    try:
        psycopg.connect(url, connect_timeout=max(1, round(timeout_s))).close()
    except psycopg.Error as exc:
        detail = " ".join(str(exc).split())
        if password:
            detail = detail.replace(password, "***")
        raise ConfigurationError(
            f"Cannot reach PostgreSQL at {where}: {detail}. Start the server, or fix AISLE_DATABASE_URL"
            " (user, host, port, database name); unset it to keep sessions in SQLite on this server only"
        ) from None
    return f"PostgreSQL at {where}"
