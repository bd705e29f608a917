"""Configuration read once from the environment; constructors take plain values."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_data_dir() -> Path:
    """Where Aisle keeps its SQLite files, indexes and converted models (`AISLE_DATA_DIR`, default ~/.aisle)."""
    return Path(os.environ.get("AISLE_DATA_DIR") or Path.home() / ".aisle").expanduser()


def default_model_cache_dir() -> Path:
    """Converted model weights; shared between data dirs because they depend only on the package."""
    return Path(os.environ.get("AISLE_MODEL_CACHE") or Path.home() / ".cache" / "aisle").expanduser()


@dataclass
class Settings:
    """Every knob Aisle reads from the environment, in one place."""

    data_dir: Path = field(default_factory=default_data_dir)
    model_cache_dir: Path = field(default_factory=default_model_cache_dir)
    generator: str = "local"  # local | smollm2 | openai | scripted | llamacpp
    generator_base_url: str | None = None  # for generator=openai (vLLM, llama.cpp server, ...)
    generator_model: str | None = None
    generator_api_key_env: str = "AISLE_GENERATOR_API_KEY"  # name of the variable, never the secret
    embedder: str = "minilm"  # minilm | e5
    session_store_url: str | None = None  # None -> SQLite in data_dir; postgresql://... for PostgreSQL

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        """Read AISLE_* variables; unset ones keep their defaults."""
        env = dict(os.environ if env is None else env)
        s = cls()
        if env.get("AISLE_DATA_DIR"):
            s.data_dir = Path(env["AISLE_DATA_DIR"]).expanduser()
        if env.get("AISLE_MODEL_CACHE"):
            s.model_cache_dir = Path(env["AISLE_MODEL_CACHE"]).expanduser()
        s.generator = env.get("AISLE_GENERATOR", s.generator)
        s.generator_base_url = env.get("AISLE_GENERATOR_URL", s.generator_base_url)
        s.generator_model = env.get("AISLE_GENERATOR_MODEL", s.generator_model)
        s.embedder = env.get("AISLE_EMBEDDER", s.embedder)
        s.session_store_url = env.get("AISLE_SESSION_STORE", s.session_store_url)
        return s

    @property
    def catalog_path(self) -> Path:
        return self.data_dir / "catalog.db"

    @property
    def sessions_path(self) -> Path:
        return self.data_dir / "sessions.db"
