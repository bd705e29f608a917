"""Incentives that are measured: decisions and their outcomes in the session store (SQLite and a real
PostgreSQL, one contract), the holdout group, and the per-band report."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from contracts import FakeClock
from fixtures_postgres import postgres_dsn, postgres_server  # noqa: F401 (fixtures)
from sql_stores import OnPostgres, OnSQLite

from assistant.nudges import NudgePolicy, format_report, incentive_report
from assistant.sessions import IncentiveLog, UnknownSessionError
from assistant.sessions.sqlite import SQLiteSessionStore

ROOT = Path(__file__).resolve().parents[1]


class IncentiveLogContract:
    """Behaviour both SQL session stores share; subclasses supply `store`."""

    @pytest.fixture
    def clock(self) -> FakeClock:
        return FakeClock()

    def test_is_an_incentive_log(self, store):
        assert isinstance(store, IncentiveLog)

    def test_outcome_follows_an_offer(self, store, clock):
        sid = store.create_session()
        store.append_turn(sid, "user", "hi")  # before the decision: not counted
        store.save_state(sid, {"cart_value": 20.0})
        store.record_nudge_decision(sid, band="middle", score=0.5, offered=True, kind="free_shipping", turn=2,
                                    cart_value=20.0)
        clock.advance(5)
        store.append_turn(sid, "user", "add the red one")
        store.append_turn(sid, "assistant", "added")  # only shopper turns count
        store.save_state(sid, {"cart_value": 89.5})
        store.append_turn(sid, "user", "thanks")
        [o] = store.nudge_outcomes()
        assert (o.session_id, o.band, o.score, o.offered, o.held_out, o.kind, o.turn) == (
            sid, "middle", 0.5, True, False, "free_shipping", 2)
        assert (o.cart_value_at, o.cart_value_after, o.cart_added, o.turns_after) == (20.0, 89.5, True, 2)
        assert o.decided_at == clock.now - 5

    def test_a_later_offer_replaces_the_first_look_but_never_the_reverse(self, store, clock):
        sid = store.create_session()
        store.record_nudge_decision(sid, band="low", score=0.2, offered=False, turn=2)
        store.append_turn(sid, "user", "hmm")
        store.save_state(sid, {"cart_value": 10})
        clock.advance(1)
        store.record_nudge_decision(sid, band="middle", score=0.6, offered=True, kind="percent_off", turn=3,
                                    cart_value=10)
        store.record_nudge_decision(sid, band="high", score=0.9, offered=False, turn=4)  # ignored
        [o] = store.nudge_outcomes()
        assert (o.band, o.offered, o.kind, o.turns_after, o.cart_added, o.cart_value_at) == (
            "middle", True, "percent_off", 0, False, 10.0)
        store.save_state(sid, {"cart_value": 5})  # the cart shrank: not an add
        assert store.nudge_outcomes()[0].cart_added is False

    def test_a_late_held_out_look_starts_the_measurement_once(self, store, clock):
        sid = store.create_session()
        store.record_nudge_decision(sid, band="low", score=0.2, offered=False, turn=2)
        store.append_turn(sid, "user", "hmm")
        clock.advance(1)
        store.record_nudge_decision(sid, band="middle", score=0.5, offered=False, held_out=True, turn=3,
                                    cart_value=0)
        store.append_turn(sid, "user", "the blue one")
        store.save_state(sid, {"cart_value": 25})
        clock.advance(1)
        store.record_nudge_decision(sid, band="middle", score=0.6, offered=False, held_out=True, turn=4,
                                    cart_value=25)  # a later held-out look: the first one stands
        [o] = store.nudge_outcomes()
        assert (o.band, o.held_out, o.offered, o.turn, o.turns_after, o.cart_added) == (
            "middle", True, False, 3, 1, True)

    def test_sessions_without_a_decision_are_not_measured(self, store):
        sid = store.create_session()
        store.append_turn(sid, "user", "hello")
        store.save_state(sid, {"cart_value": 30})
        assert store.nudge_outcomes() == []

    def test_since_filters_and_orders(self, store, clock):
        a, b = store.create_session("a"), store.create_session("b")
        store.record_nudge_decision(a, band="high", score=0.8, offered=False)
        clock.advance(100)
        store.record_nudge_decision(b, band="middle", score=0.4, offered=False, held_out=True)
        assert [o.session_id for o in store.nudge_outcomes()] == ["a", "b"]
        assert [o.session_id for o in store.nudge_outcomes(since=clock.now)] == ["b"]
        assert store.nudge_outcomes()[1].held_out

    def test_activity_reads_one_window_of_sessions(self, store, clock):
        old = store.create_session("old")
        store.append_turn(old, "user", "long ago")
        clock.advance(86400)
        sid = store.create_session("new")
        store.append_turn(sid, "user", "boots", intent=0.4)
        reply = store.append_turn(sid, "assistant", "none", product_ids=[], meta={"act": "search"})
        store.set_feedback(sid, reply.id, -1)
        store.escalate(sid, "human_request")
        store.save_state(sid, {"cart_value": 12.5})
        got = store.activity(since=clock.now - 10)
        assert [(s.session_id, s.last_intent, s.cart_value, s.turn_count) for s in got.sessions] == [
            ("new", 0.4, 12.5, 2)]
        assert [(t.role, t.meta, t.feedback) for t in got.turns] == [
            ("user", {}, None), ("assistant", {"act": "search"}, -1)]
        assert [(e.kind, e.detail) for e in got.events] == [("escalated", "human_request")]
        assert not got.truncated
        capped = store.activity(since=0, max_turns=1)
        assert len(capped.turns) == 1 and capped.truncated and len(capped.sessions) == 2
        assert store.activity(since=0, until=clock.now - 10).sessions[0].session_id == "old"

    def test_bad_decisions_are_refused(self, store):
        sid = store.create_session()
        with pytest.raises(ValueError, match="band"):
            store.record_nudge_decision(sid, band="medium", score=0.5, offered=True)
        with pytest.raises(ValueError, match="held-out"):
            store.record_nudge_decision(sid, band="middle", score=0.5, offered=True, held_out=True)
        with pytest.raises(UnknownSessionError):
            store.record_nudge_decision("ghost", band="middle", score=0.5, offered=True)
        assert store.nudge_outcomes() == []


class TestSQLiteIncentives(IncentiveLogContract, OnSQLite):
    def test_migration_is_additive_on_an_existing_database(self, tmp_path, clock):
        from assistant.sessions.sqlite import MIGRATIONS

        path = tmp_path / "old.db"
        db = sqlite3.connect(path)  # a database written before this migration existed
        for statement in MIGRATIONS[0].statements:
            db.execute(statement)
        db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)")
        db.execute("INSERT INTO migrations VALUES (?, 0)", (MIGRATIONS[0].name,))
        db.execute("INSERT INTO sessions (id, mode, created_at, last_activity) VALUES ('old', 'bot', 1, 1)")
        db.execute("INSERT INTO turns (session_id, role, text, created_at) VALUES ('old', 'user', 'kept', 1)")
        db.commit()
        db.close()
        new = SQLiteSessionStore(path, clock=clock)
        assert [t.text for t in new.turns("old")] == ["kept"]
        new.record_nudge_decision("old", band="middle", score=0.5, offered=True)
        new.append_turn("old", "user", "more")
        assert new.nudge_outcomes()[0].turns_after == 1
        names = [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM migrations ORDER BY name")]
        assert names == [m.name for m in MIGRATIONS] and "0002_nudge_outcomes" in names
        new.dispose()


class TestPostgresIncentives(IncentiveLogContract, OnPostgres):
    """The same contract on a real PostgreSQL server."""


# -- the policy and the report ---------------------------------------------------------------------
@pytest.fixture
def sqlite_store(tmp_path):
    store = SQLiteSessionStore(tmp_path / "sessions.db")
    yield store
    store.dispose()


def test_decide_and_record_logs_each_session_once_until_an_offer(sqlite_store):
    policy = NudgePolicy()
    sid = sqlite_store.create_session()
    state = {"turns": 1}
    assert policy.decide_and_record(sqlite_store, sid, 0.5, state=state) is None  # first turn: no decision
    assert sqlite_store.nudge_outcomes() == []
    state["turns"] = 2
    assert policy.decide_and_record(sqlite_store, sid, 0.2, state=state) is None
    assert [(o.band, o.offered) for o in sqlite_store.nudge_outcomes()] == [("low", False)]
    state["turns"] = 3
    nudge = policy.decide_and_record(sqlite_store, sid, 0.5, state=state, cart_value=12.0)
    assert nudge is not None and state["nudges"] == [nudge.to_dict()]
    [o] = sqlite_store.nudge_outcomes()
    assert (o.band, o.offered, o.kind, o.turn, o.cart_value_at) == ("middle", True, "free_shipping", 3, 12.0)


def test_holdout_is_stable_and_roughly_the_configured_share():
    policy = NudgePolicy(holdout=0.2)
    ids = [f"session-{i}" for i in range(2000)]
    held = [s for s in ids if policy.held_out(s)]
    assert 0.15 < len(held) / len(ids) < 0.25
    assert held == [s for s in ids if NudgePolicy(holdout=0.2).held_out(s)]  # every server agrees
    assert all(policy.decide(s, 0.5, turn=3) is None for s in held[:20])
    assert NudgePolicy().held_out("anything") is False
    with pytest.raises(ValueError, match="holdout"):
        NudgePolicy(holdout=1.0)


def test_held_out_sessions_are_recorded_as_the_comparison_group(sqlite_store):
    policy = NudgePolicy(holdout=0.5)
    sids = [sqlite_store.create_session(f"s{i}") for i in range(40)]
    for sid in sids:
        policy.decide_and_record(sqlite_store, sid, 0.5, state={"turns": 2})
    outcomes = sqlite_store.nudge_outcomes()
    assert {o.session_id for o in outcomes if o.held_out} == {s for s in sids if policy.held_out(s)}
    assert all(o.offered != o.held_out for o in outcomes)


def test_held_out_and_offered_sessions_enter_at_their_first_middle_turn(sqlite_store):
    """The comparison group is chosen by the same rule as the offered one, so drift into the band is no bias."""
    policy = NudgePolicy(holdout=0.5)
    held = next(f"late{i}" for i in range(100) if policy.held_out(f"late{i}"))
    offered = next(f"late{i}" for i in range(100) if not policy.held_out(f"late{i}"))
    for sid in (held, offered):
        sqlite_store.create_session(sid)
        state = {"turns": 2}
        policy.decide_and_record(sqlite_store, sid, 0.9, state=state)  # first look: high band
        state["turns"] = 3
        policy.decide_and_record(sqlite_store, sid, 0.5, state=state)  # drifts into the middle band
        state["turns"] = 4
        policy.decide_and_record(sqlite_store, sid, 0.6, state=state)
    rows = {o.session_id: o for o in sqlite_store.nudge_outcomes()}
    assert (rows[held].band, rows[held].held_out, rows[held].turn) == ("middle", True, 3)
    assert (rows[offered].band, rows[offered].offered, rows[offered].turn) == ("middle", True, 3)


def test_report_per_band_compares_offered_and_not(sqlite_store, tmp_path):
    policy = NudgePolicy(holdout=0.5)
    for i in range(12):
        sid = sqlite_store.create_session(f"m{i}")
        state = {"turns": 2}
        nudge = policy.decide_and_record(sqlite_store, sid, 0.5, state=state)
        sqlite_store.append_turn(sid, "user", "ok")
        if nudge is not None:  # in this made-up shop, every offered shopper adds to the cart
            sqlite_store.save_state(sid, {"cart_value": 40.0})
    high = sqlite_store.create_session("h")
    policy.decide_and_record(sqlite_store, high, 0.9, state={"turns": 2})
    reports = {r.band: r for r in incentive_report(sqlite_store.nudge_outcomes())}
    middle = reports["middle"]
    assert middle.sessions == 12 and middle.offered.sessions + middle.held_out.sessions == 12
    assert middle.offered.cart_add_rate == 1.0 and middle.held_out.cart_add_rate == 0.0
    assert middle.offered.mean_cart_value == 40.0 and middle.offered.mean_turns_after == 1.0
    assert (reports["high"].sessions, reports["high"].offered.sessions, reports["low"].sessions) == (1, 0, 0)
    assert reports["low"].offered.cart_add_rate is None
    table = format_report(list(reports.values()))
    assert "middle   offered" in table and "held out" in table

    run = subprocess.run([sys.executable, "-m", "assistant.nudges", "report", "--store", str(sqlite_store.path),
                          "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    data = {r["band"]: r for r in json.loads(run.stdout)}
    assert data["middle"]["offered"]["cart_add_rate"] == 1.0
