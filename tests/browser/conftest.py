"""Browser-test fixtures: the real app in a subprocess on a free port, and headless Chromium.

The demo catalog and its vector index are built once and kept in pytest's cache directory
(`.pytest_cache/`), so a run after the first starts the app in seconds. The browser may only
talk to the app: any other request is blocked and fails the test.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path(os.environ.get("AISLE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
STAFF = {"anna": "anna-pass-1", "ben": "ben-pass-2"}


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium) or set AISLE_CHROMIUM")
    pytest.importorskip("playwright.sync_api", reason="pip install playwright (the test extra)")
    return CHROMIUM


@pytest.fixture(scope="session")
def demo_catalog_files(request, tmp_path_factory) -> Path:
    """A folder with catalog.db and its vector index, reused across runs while the demo catalog is unchanged."""
    from catalog import demo_catalog_path, ensure_demo_catalog

    cache = getattr(request.config, "cache", None)  # None when the cache plugin is off
    folder = cache.mkdir("aisle-demo-catalog") if cache is not None else tmp_path_factory.mktemp("demo-catalog")
    stamp = hashlib.sha1(demo_catalog_path().read_bytes() + b"minilm").hexdigest()
    if (folder / "stamp").exists() and (folder / "stamp").read_text() == stamp:
        return folder  # the app re-checks the index on start anyway; this only skips loading a model here
    from retrieval import Retriever

    db = ensure_demo_catalog(folder / "catalog.db")
    Retriever.open(db, embedder="minilm")  # embeds only what changed
    (folder / "stamp").write_text(stamp)
    return folder


@pytest.fixture
def app_server(chromium_path, demo_catalog_files, tmp_path):
    """`python app.py` with template answers, two staff logins and a fresh data dir; yields the base URL."""
    from assistant.web.auth import hash_password

    data = tmp_path / "aisle-data"
    data.mkdir()
    for index in demo_catalog_files.glob("catalog.db.vectors-*"):
        shutil.copytree(index, data / index.name)
    src, dst = sqlite3.connect(demo_catalog_files / "catalog.db"), sqlite3.connect(data / "catalog.db")
    try:
        src.backup(dst)  # a consistent copy even while the cached catalog is open in WAL mode
    finally:
        src.close()
        dst.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "AISLE_DATA_DIR": str(data), "AISLE_PORT": str(port), "AISLE_HOST": "127.0.0.1",
           "AISLE_GENERATOR": "none", "AISLE_ENV": "production", "AISLE_LOG_LEVEL": "WARNING",
           "AISLE_STAFF_USERS": ",".join(f"{name}:{hash_password(pw)}" for name, pw in STAFF.items()),
           "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240  # a loaded 2-core machine needs more than 2 minutes
        while True:
            if proc.poll() is not None:
                pytest.fail(f"app.py exited with {proc.returncode}:\n{(tmp_path / 'server.log').read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("app.py did not answer /healthz within 120 s:\n"
                            + (tmp_path / "server.log").read_text()[-3000:])
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        tail = (tmp_path / "server.log").read_text(errors="replace")[-4000:]
        if tail.strip():  # pytest shows this only when the test failed
            sys.stderr.write(f"--- app.py log (last 4000 chars) ---\n{tail}\n")


@pytest.fixture
def staff_logins() -> dict[str, str]:
    """name -> password of the staff accounts `app_server` configures."""
    return dict(STAFF)


@pytest.fixture
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
