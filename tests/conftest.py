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


@pytest.fixture(scope="module")
def template_bot(demo_db, tmp_path_factory):
    """A real Assistant on the demo catalog with template answers (no language model), one per test module."""
    from assistant import Assistant
    from assistant.settings import Settings

    return Assistant.from_catalog(demo_db, settings=Settings(data_dir=tmp_path_factory.mktemp("bot-data")),
                                  generator=None)


@pytest.fixture(scope="module")
def web_client(template_bot, tmp_path_factory):
    """The whole ASGI app (widget, API, staff console with one login anna/pw) over `template_bot`."""
    from fastapi.testclient import TestClient

    from assistant.web.auth import hash_password
    from assistant.web.server import WebSettings, create_app

    env = {"AISLE_ENV": "production", "AISLE_STAFF_USERS": f"anna:{hash_password('pw')}",
           "AISLE_DATA_DIR": str(tmp_path_factory.mktemp("web-data")), "AISLE_SECRET_KEY": "test-key-0123456789abc"}
    with TestClient(create_app(template_bot, WebSettings.from_env(env)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def shopper(template_bot):
    """The widget's handlers over `template_bot`, with a fixed signing key."""
    from assistant.web.auth import SessionSigner
    from assistant.web.shopper import ShopperChat

    return ShopperChat(template_bot, SessionSigner(b"test-key-" * 4))


@pytest.fixture
def console(template_bot):
    """The staff console's handlers over `template_bot`."""
    from assistant.web.staff import StaffConsole

    return StaffConsole(template_bot)
