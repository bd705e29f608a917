"""Shared fixtures: a private data dir per test, the public data sets, and the real embedding model."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("AISLE_SHARED_DATA") or ROOT.parent / "shared" / "data")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """Every test gets its own data dir, so nothing leaks between tests or into ~/.aisle."""
    monkeypatch.setenv("AISLE_DATA_DIR", str(tmp_path / "aisle-data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The public catalogs and evaluation sets that live beside the project (never copied into it)."""
    if not SHARED_DATA.exists():
        pytest.skip(f"public data sets not found at {SHARED_DATA} (set AISLE_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def embedder():
    """The real packaged MiniLM model, loaded once per test session."""
    from retrieval.embedder import load_embedder

    return load_embedder("minilm")


@pytest.fixture(scope="session")
def dummyjson_db(tmp_path_factory, shared_data, embedder) -> Path:
    """The DummyJSON catalog imported and indexed once (read-only for tests)."""
    from catalog import CatalogStore, import_file
    from retrieval import Retriever

    db = tmp_path_factory.mktemp("dummyjson") / "catalog.db"
    import_file(CatalogStore(db), shared_data / "dummyjson_products.json")
    Retriever.open(db, embedder=embedder)
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, embedder) -> Path:
    """The bundled demo catalog imported and indexed once (read-only for tests)."""
    from catalog import ensure_demo_catalog
    from retrieval import Retriever

    db = ensure_demo_catalog(tmp_path_factory.mktemp("demo") / "catalog.db")
    Retriever.open(db, embedder=embedder)
    return db


@pytest.fixture(scope="session")
def retriever(demo_db, embedder):
    """Hybrid search over the demo catalog (real index, real MiniLM)."""
    from retrieval import Retriever

    return Retriever.open(demo_db, embedder=embedder)


@pytest.fixture(scope="session")
def scorer(embedder):
    """The shipped purchase-intent scorer."""
    from assistant.intent import IntentScorer

    return IntentScorer.from_defaults(embedder=embedder)


@pytest.fixture
def make_bot(retriever, scorer, tmp_path):
    """An Assistant over the demo catalog with a fresh SQLite session store; pass a generator or None."""
    from assistant import Assistant
    from assistant.sessions import open_session_store

    from assistant.policies import PolicyDesk

    def make(generator=None, **options):
        options.setdefault("nudge_policy", None)
        options.setdefault("policies", PolicyDesk.from_store(retriever.store))
        return Assistant(retriever=retriever, sessions=open_session_store(tmp_path / "sessions.db"),
                         generator=generator, intent_scorer=scorer, **options)
    return make
