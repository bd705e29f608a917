"""Two app servers, one PostgreSQL: a shopper or a staff member may land on either, and nothing forks.

Both servers are real `app.py` processes (plus the bench driver's JSON routes) on loopback ports,
with the same AISLE_DATABASE_URL, the same AISLE_SECRET_KEY and the same data dir, so the same
SQLite catalog file. Generator `none`: these tests are about shared state, not the model.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from fixtures_postgres import postgres_server  # noqa: F401 (fixture)

from bench.load_client import AisleClient
from bench.servers import ROOT, app_env, app_servers
from assistant.nudges import NudgePolicy


@pytest.fixture(scope="module")
def pair(tmp_path_factory, postgres_server, demo_db):  # noqa: F811
    """(A, B): clients of two running app servers sharing one PostgreSQL database and one catalog."""
    import psycopg

    name = f"two_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    database_url = postgres_server.rsplit("/", 1)[0] + f"/{name}"
    root = tmp_path_factory.mktemp("two-servers")
    data = root / "data"
    data.mkdir()
    for path in demo_db.parent.iterdir():  # the indexed demo catalog, so neither server embeds at start
        if path.name.startswith(demo_db.name):
            (shutil.copytree if path.is_dir() else shutil.copy)(path, data / path.name)
    env = app_env(AISLE_DATA_DIR=str(data), AISLE_DATABASE_URL=database_url, AISLE_GENERATOR="none",
                  AISLE_SECRET_KEY=uuid.uuid4().hex, AISLE_LOG_LEVEL="WARNING")
    with app_servers(2, env, log_dir=root / "logs") as servers:
        clients = [AisleClient(s.url) for s in servers]
        yield clients[0], clients[1], data / demo_db.name
        for c in clients:
            c.close()


def _ok(answer):
    assert answer.error is None, answer.error
    return answer


def test_a_chat_started_on_one_server_continues_on_the_other(pair):
    a, b, _ = pair
    first = _ok(a.chat("waterproof hiking boots under $120"))
    shown = first.reply["products"]
    assert len(shown) >= 2
    second = _ok(b.chat("tell me about the second one", first.session_id))
    assert second.session_id == first.session_id
    assert second.reply["products"][:1] == [shown[1]]  # B resolved "the second one" from what A showed
    roles = [t["role"] for t in a.history(first.session_id)]
    assert roles == ["user", "assistant", "user", "assistant"]  # each message stored once, seen from A too


def test_a_takeover_on_one_server_silences_the_bot_on_the_other(pair):
    a, b, _ = pair
    sid = _ok(a.chat("do you have rain jackets?")).session_id
    assert a.staff("take_over", sid, staff="Anna")["ok"]
    held = _ok(b.chat("hello? which one is lightest?", sid))
    assert held.reply["answered_by"] == "staff" and held.text == ""
    assert [t["role"] for t in b.history(sid)][-2:] == ["assistant", "user"]  # stored, not answered by the bot
    assert b.staff("reply", sid, staff="Anna", text="Anna here, let me check")["ok"]  # B knows Anna holds it
    assert a.history(sid)[-1]["role"] == "staff"
    assert not b.staff("take_over", sid, staff="Ben")["ok"]  # one holder, whichever server Ben is on
    assert b.staff("hand_back", sid, staff="Anna")["ok"]
    back = _ok(a.chat("thanks, show me the cheapest one", sid))
    assert back.reply["answered_by"] == "assistant" and back.text


def test_the_staff_console_on_either_server_lists_every_chat(pair):
    a, b, _ = pair
    on_a = _ok(a.chat("I need a tent for two people")).session_id
    on_b = _ok(b.chat("warm gloves for winter")).session_id
    for client in (a, b):
        listed = {row["session_id"] for row in client.queue()}
        assert {on_a, on_b} <= listed


def test_the_nudge_is_offered_once_per_session_across_both_servers(pair):
    a, b, _ = pair
    policy = NudgePolicy()  # the defaults the servers run with
    sid = _ok(a.chat("hello")).session_id
    offered = _ok(b.chat("do you have any backpacks", sid))
    assert offered.reply["nudge"] == policy.text
    later = [_ok(a.chat(text, sid)).reply for text in ("what else do you have", "interesting", "not sure")]
    in_band = [r for r in later if policy.low <= r["intent"] < policy.high]
    assert in_band, f"no later turn scored inside the nudge band: {[r['intent'] for r in later]}"
    assert [r["nudge"] for r in later] == [None, None, None]  # A read B's offer from the shared state


def test_a_catalog_import_on_one_host_is_searchable_on_both_servers(pair, tmp_path):
    a, b, catalog_db = pair
    feed = tmp_path / "new.jsonl"
    feed.write_text(json.dumps({
        "id": "scale-0001", "title": "Zephyrine Glacier Vacuum Flask 1L", "category": "camping",
        "brand": "Zephyrine", "price": 34.5, "currency": "USD", "stock": 12,
        "description": "A double-walled steel flask that keeps drinks hot for 24 hours.",
    }) + "\n")
    assert "scale-0001" not in a.search("Zephyrine vacuum flask")
    done = subprocess.run([sys.executable, "-m", "catalog", "import", str(feed), "--db", str(catalog_db)],
                          cwd=ROOT, env=app_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for client in (a, b):
        assert "scale-0001" in client.search("Zephyrine vacuum flask")
