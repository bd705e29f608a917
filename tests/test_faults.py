"""Faults on the real app process: SIGKILL mid-answer and mid-import, a read-only or misnamed data
directory, and a disk that fills up while the app serves.

Every app here is a real `python app.py` (or the same app plus the bench driver's staff routes,
bench/app_driver.py) on a loopback port, with the indexed demo catalog copied into a fresh data dir
so no server embeds at start. The model, where a test needs an answer that is still streaming, is a
small OpenAI-compatible server in this process that sends a few words and then holds the stream:
it stands in for a slow model so the kill lands mid-answer every time. Linux only (SIGKILL,
process groups, prlimit).
"""
from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from bench.load_client import AisleClient
from bench.servers import ROOT, ServerProcess, app_env, free_port, spawn

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL, process groups and "
                                "prlimit as Linux has them")


# -- fixtures ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeded(tmp_path_factory, demo_db) -> Path:
    """A data dir holding the indexed demo catalog (MiniLM vectors), to copy for each app."""
    seed = tmp_path_factory.mktemp("seed") / "data"
    seed.mkdir()
    with sqlite3.connect(demo_db) as src, sqlite3.connect(seed / demo_db.name) as dst:
        src.backup(dst)  # consistent, WAL included
    for path in demo_db.parent.iterdir():
        if path.is_dir() and path.name.startswith(demo_db.name + ".vectors"):
            shutil.copytree(path, seed / path.name)
    return seed


@pytest.fixture
def data_dir(seeded, tmp_path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(seeded, data)
    return data


class Apps:
    """Start app processes; every one still running is SIGKILLed (with its children) at teardown."""

    def __init__(self, logs: Path) -> None:
        self.logs, self.started, self.key = logs, [], uuid.uuid4().hex

    def env(self, data: Path, **extra: str) -> dict[str, str]:
        return app_env(**{"AISLE_DATA_DIR": str(data), "AISLE_GENERATOR": "none", "AISLE_EMBEDDER": "minilm",
                          "AISLE_SECRET_KEY": self.key, "AISLE_LOG_LEVEL": "WARNING", "AISLE_HOST": "127.0.0.1",
                          **extra})

    def start(self, data: Path, *, driver: bool = False, **extra: str) -> ServerProcess:
        port = free_port()
        cmd = [sys.executable, "-m", "bench.app_driver"] if driver else [sys.executable, "app.py"]
        server = spawn(f"app-{len(self.started)}", cmd, env=self.env(data, AISLE_PORT=str(port), **extra),
                       port=port, log_dir=self.logs)
        self.started.append(server)
        server.wait_ready("/healthz", timeout_s=180)
        return server

    def run_to_exit(self, data: Path, timeout_s: float = 120) -> subprocess.CompletedProcess:
        """`python app.py` that is expected to refuse to start."""
        return subprocess.run([sys.executable, "app.py"], cwd=ROOT, env=self.env(data, AISLE_PORT=str(free_port())),
                              capture_output=True, text=True, timeout=timeout_s)

    def close(self) -> None:
        for server in self.started:
            server.kill(signal.SIGKILL)


@pytest.fixture
def apps(tmp_path):
    apps = Apps(tmp_path / "logs")
    yield apps
    apps.close()


class SlowModel(BaseHTTPRequestHandler):
    """An OpenAI-compatible model server: answers at once, or, while `hold` is set, sends two words
    and keeps the stream open until released (a model that is still writing)."""

    hold = threading.Event()
    release = threading.Event()
    holding = threading.Event()  # set once a held stream has sent its first words

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self._send(200, "application/json", json.dumps({"object": "list", "data": [{"id": "slow-model"}]}))

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        words = ["These", " look", " good."]
        held = self.hold.is_set()
        try:
            for i, word in enumerate(words):
                if held and i == 2:
                    self.holding.set()
                    self.release.wait(60)
                    return
                chunk = {"choices": [{"index": 0, "delta": {"content": word}}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
        except OSError:  # the app was killed mid-stream
            pass

    def _send(self, status: int, kind: str, body: str) -> None:
        self.send_response(status)
        self.send_header("content-type", kind)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())


@pytest.fixture
def slow_model():
    for flag in (SlowModel.hold, SlowModel.release, SlowModel.holding):
        flag.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowModel)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    SlowModel.release.set()
    server.shutdown()
    server.server_close()


def _ok(answer):
    assert answer.error is None, answer.error
    return answer


def _read_events(url: str, body: dict, events: list[str]) -> None:
    """Read a chat stream's event names into `events` until the server goes away."""
    with contextlib.suppress(httpx.HTTPError):
        with httpx.stream("POST", url + "/api/v1/chat", json=body, timeout=60) as r:
            for line in r.iter_lines():
                if line.startswith("event:"):
                    events.append(line[6:].strip())


def _turns(client: AisleClient, sid: str) -> list[tuple[int, str, str]]:
    return [(t["id"], t["role"], t["text"]) for t in client.history(sid)]


# -- SIGKILL mid-answer ----------------------------------------------------------------------------
def test_sigkill_while_an_answer_streams_keeps_every_stored_turn_and_the_takeover(apps, data_dir, slow_model):
    env = {"AISLE_GENERATOR": "openai", "AISLE_GENERATOR_URL": slow_model, "AISLE_GENERATOR_FIRST_TOKEN_TIMEOUT": "30"}
    server = apps.start(data_dir, driver=True, **env)
    client = AisleClient(server.url, timeout_s=60)
    boots = _ok(client.chat("waterproof hiking boots under $120"))
    a = boots.session_id
    _ok(client.chat("tell me about the second one", a))
    b = _ok(client.chat("do you have rain jackets?")).session_id
    assert client.staff("take_over", b, staff="Anna")["ok"]
    assert client.staff("reply", b, staff="Anna", text="Anna here, which size do you need?")["ok"]
    before = {a: _turns(client, a), b: _turns(client, b)}
    assert [role for _, role, _ in before[a]] == ["user", "assistant", "user", "assistant"]

    SlowModel.hold.set()  # the next answer stops after its first words, mid-stream
    events: list[str] = []
    reader = threading.Thread(target=_read_events, args=(server.url, {"message": "a tent for 2 people",
                                                                      "session_id": a}, events), daemon=True)
    reader.start()
    assert SlowModel.holding.wait(30), f"the model never started this answer; events {events}"
    deadline = time.monotonic() + 10
    while "products" not in events and time.monotonic() < deadline:
        time.sleep(0.01)
    assert "products" in events, events
    server.kill(signal.SIGKILL)  # the answer is streaming: cards sent, the model mid-sentence
    reader.join(timeout=30)
    assert server.proc.returncode == -signal.SIGKILL
    assert "reply" not in events  # it really was cut mid-answer
    SlowModel.hold.clear()
    SlowModel.release.set()

    server = apps.start(data_dir, driver=True, **env)
    client = AisleClient(server.url, timeout_s=60)
    after_a = _turns(client, a)
    assert after_a[:4] == before[a]  # every turn stored before the kill, unchanged
    assert [t for t in after_a[4:] if t[1] == "user"] == [after_a[4]] and after_a[4][2] == "a tent for 2 people"
    after_b = _turns(client, b)
    assert after_b == before[b]
    status = client.http.get(f"/api/v1/sessions/{b}").json()
    assert status["mode"] == "staff" and status["held_by"]  # the takeover is still in force

    again = _ok(client.chat("show me tents under $300", a))  # the chat goes on after the crash
    assert again.reply["answered_by"] == "assistant" and again.text.strip() and again.reply["products"]
    held = _ok(client.chat("hello? are you there?", b))
    assert held.reply["answered_by"] == "staff" and held.text == ""  # the bot stays silent: staff hold it
    assert client.staff("hand_back", b, staff="Anna")["ok"]

    for sid in (a, b):  # nothing stored twice: every turn once, ids strictly increasing
        turns = _turns(client, sid)
        ids = [i for i, _, _ in turns]
        assert ids == sorted(set(ids))
        users = [text for _, role, text in turns if role == "user"]
        assert len(users) == len(set(users)), users
    assert [text for _, role, text in _turns(client, b) if role == "user"][-1] == "hello? are you there?"
    client.close()


# -- SIGKILL mid-import -----------------------------------------------------------------------------
def _write_catalog(path: Path, n: int, price: float) -> None:
    with path.open("w") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"p{i}", "title": f"Trail shoe model {i}", "price": price, "category": "shoes",
                                "brand": "Acme", "description": "A sturdy shoe for trails and roads. " * 3}) + "\n")


def _catalog_state(db: Path) -> tuple[int, set[float], int, str]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        count = conn.execute("SELECT count(*) FROM products").fetchone()[0]
        prices = {row[0] for row in conn.execute("SELECT DISTINCT price FROM products")}
        fts = conn.execute("SELECT count(*) FROM products_fts").fetchone()[0]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    return count, prices, fts, check


def _import(db: Path, source: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "catalog", "import", str(source), "--db", str(db), "--no-index"],
                            cwd=ROOT, env=app_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **kwargs)


def test_sigkill_mid_import_leaves_the_old_catalog_or_the_new_one_never_half(tmp_path):
    db = tmp_path / "catalog.db"
    old, new = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    _write_catalog(old, 300, 5.0)
    _write_catalog(new, 60_000, 7.0)  # updates the 300 old rows and adds 59,700
    assert _import(db, old).wait(timeout=120) == 0
    assert _catalog_state(db) == (300, {5.0}, 300, "ok")

    proc = _import(db, new, start_new_session=True)
    wal = Path(str(db) + "-wal")
    try:
        while proc.poll() is None and (not wal.exists() or wal.stat().st_size < 2_000_000):
            time.sleep(0.005)  # the import has parsed the file and is writing rows
        assert proc.poll() is None, "the import finished before it could be killed: make the file bigger"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    state = _catalog_state(db)
    assert state in ((300, {5.0}, 300, "ok"), (60_000, {7.0}, 60_000, "ok")), state  # old or new, never half
    again = _import(db, new)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert _catalog_state(db) == (60_000, {7.0}, 60_000, "ok")


# -- data directory that cannot be used ------------------------------------------------------------
def _refused(result: subprocess.CompletedProcess, data: Path) -> str:
    assert result.returncode != 0, result.stdout[-2000:] + result.stderr[-2000:]
    said = result.stderr
    assert "Traceback" not in said, said[-3000:]
    assert str(data) in said and "AISLE_DATA_DIR" in said, said[-3000:]
    return said


def test_a_data_dir_that_is_a_file_stops_the_start_with_a_sentence(apps, tmp_path):
    data = tmp_path / "data"
    data.write_text("not a directory")
    said = _refused(apps.run_to_exit(data), data)
    assert "is a file, not a directory" in said


@pytest.fixture
def read_only_dir(seeded, tmp_path):
    """The seeded data dir, read-only: chmod for a normal user; a read-only tmpfs for root, whom
    permission bits do not stop (skipped where root may not mount)."""
    data = tmp_path / "data"
    if os.geteuid() != 0:
        shutil.copytree(seeded, data)
        for path in sorted(data.rglob("*"), reverse=True):
            path.chmod(0o555 if path.is_dir() else 0o444)
        data.chmod(0o555)
        yield data
        for path in [data, *data.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        return
    data.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(data)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"running as root and cannot mount a read-only filesystem: {mounted.stderr.decode()[:200]}")
    try:
        shutil.copytree(seeded, data, dirs_exist_ok=True)
        subprocess.run(["mount", "-o", "remount,ro", str(data)], check=True, capture_output=True)
        yield data
    finally:
        subprocess.run(["umount", "-l", str(data)], capture_output=True)


def test_a_read_only_data_dir_stops_the_start_with_a_sentence(apps, read_only_dir):
    said = _refused(apps.run_to_exit(read_only_dir), read_only_dir)
    assert "Cannot write to the data directory" in said or "read-only" in said


def test_a_full_disk_refuses_the_message_with_503_and_the_app_recovers(apps, data_dir):
    server = apps.start(data_dir)
    client = AisleClient(server.url, timeout_s=60)
    sid = _ok(client.chat("warm gloves for winter")).session_id
    stored = _turns(client, sid)
    soft, hard = resource.prlimit(server.proc.pid, resource.RLIMIT_FSIZE)
    resource.prlimit(server.proc.pid, resource.RLIMIT_FSIZE, (0, hard))  # no file may grow: the disk is full
    try:
        for body in ({"message": "any under $40?", "session_id": sid}, {"message": "a tent for 2 people"}):
            r = client.http.post("/api/v1/chat", json=body)
            assert r.status_code == 503, r.text
            error = r.json()["error"]
            assert error["code"] == "storage_unavailable" and "try again" in error["message"]
            assert int(r.headers["Retry-After"]) > 0
        assert _turns(client, sid) == stored  # reads still work; nothing half-stored
    finally:
        resource.prlimit(server.proc.pid, resource.RLIMIT_FSIZE, (soft, hard))  # space returns
    back = _ok(client.chat("any under $40?", sid))
    assert back.reply["answered_by"] == "assistant" and back.text.strip()
    users = [text for _, role, text in _turns(client, sid) if role == "user"]
    assert users == ["warm gloves for winter", "any under $40?"]
    assert server.proc.poll() is None
    client.close()


def test_the_widget_says_when_a_message_cannot_be_stored(shopper, monkeypatch):
    """The widget's side of a full disk (control flow: the store's write raises what SQLite raises)."""
    import html

    from assistant.web.storage_faults import STORAGE_SORRY

    first = list(shopper.send("warm gloves for winter", None))
    token = next(v.stored for v in first if v.store)

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(shopper.bot.sessions, "append_turn", disk_full)
    views = list(shopper.send("any under $40?", token))
    assert STORAGE_SORRY in html.unescape(views[-1].thread)
    monkeypatch.undo()
    assert "any under $40?" not in [t.text for t in shopper.bot.history(token["sid"])]
    again = list(shopper.send("any under $40?", token))
    assert [t.text for t in shopper.bot.history(token["sid"]) if t.role == "user"][-1] == "any under $40?"
    assert STORAGE_SORRY not in html.unescape(again[-1].thread)
