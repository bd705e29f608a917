"""Behaviour every backend of a seam must show; each backend's test class inherits the mixin.

A backend's test class provides one fixture, `make_store(clock)`, that opens a store on that
class's fresh database; calling it again opens a second store on the same database, which is
how these tests "restart the server" and run two servers side by side.
"""

from __future__ import annotations

import threading

import pytest

from assistant.messages import ChatRole
from assistant.sessions import (
    HandoffConflictError,
    SessionClosedError,
    SessionStore,
    UnknownSessionError,
)


class FakeClock:
    """A clock the test moves by hand, so timestamps and waiting times are exact."""

    def __init__(self, start: float = 1_700_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def race(*calls):
    """Run the calls in threads released together; return each one's result or exception, in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        try:
            results[i] = call()
        except Exception as exc:  # the loser's error is part of the result
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results


class SessionStoreContract:
    """Tests any SessionStore must pass; subclasses supply the `make_store(clock)` fixture."""

    @pytest.fixture
    def clock(self) -> FakeClock:
        return FakeClock()

    @pytest.fixture
    def store(self, make_store, clock) -> SessionStore:
        return make_store(clock)

    # -- sessions and turns -------------------------------------------------------------------

    def test_create_session_makes_a_fresh_hex_id(self, store, clock):
        first, second = store.create_session(), store.create_session()
        assert first != second and len(first) == 32 and int(first, 16) >= 0
        assert store.session_exists(first)
        status = store.status(first)
        assert (status.mode, status.held_by, status.escalation_reason) == ("bot", None, None)
        assert status.created_at == status.last_activity == clock.now

    def test_create_session_with_an_existing_id_changes_nothing(self, store):
        assert store.create_session("shopper-1") == "shopper-1"
        store.append_turn("shopper-1", "user", "hi")
        store.escalate("shopper-1", "asked for a human")
        assert store.create_session("shopper-1") == "shopper-1"
        assert [t.text for t in store.turns("shopper-1")] == ["hi"]
        assert store.status("shopper-1").mode == "waiting"

    def test_session_exists_is_false_for_unknown_ids(self, store):
        assert not store.session_exists("nope")

    def test_turns_come_back_in_order_with_every_field(self, store, clock):
        sid = store.create_session()
        u = store.append_turn(sid, "user", "need trail shoes", intent=0.7, meta={"lang": "en"})
        clock.advance(2)
        a = store.append_turn(sid, ChatRole.ASSISTANT, "Try these", product_ids=["p1", "p2"])
        s = store.append_turn(sid, "staff", "Hi, Sam here")
        y = store.append_turn(sid, "system", "staff joined")
        got = store.turns(sid)
        assert got == [u, a, s, y]
        assert [t.id for t in got] == sorted(t.id for t in got) and len({t.id for t in got}) == 4
        assert (got[0].role, got[0].intent, got[0].meta, got[0].product_ids) == (
            "user",
            0.7,
            {"lang": "en"},
            [],
        )
        assert (got[1].role, got[1].product_ids, got[1].intent, got[1].feedback) == (
            "assistant",
            ["p1", "p2"],
            None,
            None,
        )
        assert got[1].created_at == got[0].created_at + 2

    def test_after_id_returns_only_newer_turns_for_polling(self, store):
        sid = store.create_session()
        other = store.create_session()
        t1 = store.append_turn(sid, "user", "one")
        store.append_turn(other, "user", "elsewhere")
        t2 = store.append_turn(sid, "assistant", "two")
        t3 = store.append_turn(sid, "user", "three")
        assert store.turns(sid, after_id=t1.id) == [t2, t3]
        assert store.turns(sid, after_id=t3.id) == []
        assert store.turns(sid, limit=2) == [t1, t2]
        assert store.turns(sid, after_id=t1.id, limit=1) == [t2]

    def test_append_turn_rejects_bad_input(self, store):
        sid = store.create_session()
        with pytest.raises(ValueError, match="role must be one of"):
            store.append_turn(sid, "robot", "hi")
        with pytest.raises(TypeError, match=r"\[product_id\]"):
            store.append_turn(sid, "assistant", "hi", product_ids="p1")
        assert store.turns(sid) == []

    def test_unknown_session_errors_say_what_to_do(self, store):
        calls = [
            lambda: store.append_turn("ghost", "user", "hi"),
            lambda: store.turns("ghost"),
            lambda: store.set_feedback("ghost", 1, 1),
            lambda: store.load_state("ghost"),
            lambda: store.save_state("ghost", {}),
            lambda: store.status("ghost"),
            lambda: store.escalate("ghost", "why"),
            lambda: store.take_over("ghost", staff="alice"),
            lambda: store.hand_back("ghost", staff="alice"),
            lambda: store.close("ghost"),
            lambda: store.add_note("ghost", staff="alice", text="x"),
            lambda: store.events("ghost"),
        ]
        for call in calls:
            with pytest.raises(UnknownSessionError, match="create_session") as err:
                call()
            assert isinstance(err.value, KeyError) and err.value.session_id == "ghost"

    def test_state_round_trips_and_never_touches_turns(self, store):
        sid = store.create_session()
        assert store.load_state(sid) == {}
        stale = {
            "preferences": {"size": 42, "colours": ["red"]},
            "shown": ["p1"],
            "cart": [],
            "cart_value": 0,
        }
        store.save_state(sid, stale)
        store.append_turn(sid, "user", "add the red one")
        store.append_turn(sid, "assistant", "added")
        assert store.load_state(sid) == stale
        store.save_state(sid, {**stale, "cart": [{"id": "p1", "qty": 1}], "cart_value": 89.5})
        store.save_state(sid, stale)  # a late writer with old state still cannot drop turns
        assert store.load_state(sid) == stale
        assert [t.text for t in store.turns(sid)] == ["add the red one", "added"]

    def test_state_must_be_json(self, store):
        sid = store.create_session()
        with pytest.raises(TypeError, match="JSON"):
            store.save_state(sid, {"shown": {"p1"}})
        with pytest.raises(ValueError, match="cart_value"):
            store.save_state(sid, {"cart_value": "lots"})
        assert store.load_state(sid) == {}

    def test_feedback_applies_to_assistant_turns(self, store):
        sid = store.create_session()
        user = store.append_turn(sid, "user", "hi")
        reply = store.append_turn(sid, "assistant", "hello")
        store.set_feedback(sid, reply.id, 1)
        store.set_feedback(sid, reply.id, -1)
        assert [t.feedback for t in store.turns(sid)] == [None, -1]
        with pytest.raises(ValueError, match="assistant turns only"):
            store.set_feedback(sid, user.id, 1)
        with pytest.raises(ValueError, match=r"\+1 or -1"):
            store.set_feedback(sid, reply.id, 5)
        with pytest.raises(ValueError, match="turns\\(\\)"):
            store.set_feedback(sid, reply.id + 1000, 1)
        other = store.create_session()
        with pytest.raises(ValueError):
            store.set_feedback(other, reply.id, 1)  # a turn id from another chat

    # -- handoff ------------------------------------------------------------------------------

    def test_escalate_queues_once_and_keeps_the_first_reason(self, store, clock):
        sid = store.create_session()
        first = store.escalate(sid, "asked for a human")
        assert (first.mode, first.escalation_reason, first.escalated_at) == (
            "waiting",
            "asked for a human",
            clock.now,
        )
        clock.advance(30)
        again = store.escalate(sid, "angry")
        assert (again.mode, again.escalation_reason, again.escalated_at) == (
            "waiting",
            "asked for a human",
            first.escalated_at,
        )
        assert [(e.kind, e.detail) for e in store.events(sid)] == [
            ("escalated", "asked for a human"),
            ("escalated", "angry"),
        ]
        with pytest.raises(ValueError, match="reason"):
            store.escalate(sid, " ")

    def test_take_over_from_waiting_is_idempotent_for_the_holder(self, store):
        sid = store.create_session()
        store.escalate(sid, "refund question")
        held = store.take_over(sid, staff="alice")
        assert (held.mode, held.held_by, held.escalation_reason) == ("staff", "alice", "refund question")
        assert store.take_over(sid, staff="alice").held_by == "alice"
        with pytest.raises(HandoffConflictError, match="alice"):
            store.take_over(sid, staff="bob")
        assert [e.kind for e in store.events(sid)] == ["escalated", "taken_over"]
        assert store.escalate(sid, "still cross").mode == "staff"  # a human is already there

    def test_take_over_straight_from_the_bot(self, store):
        sid = store.create_session()
        held = store.take_over(sid, staff="bob")
        assert (held.mode, held.held_by, held.escalated_at) == ("staff", "bob", None)

    def test_hand_back_only_by_the_holder_and_clears_the_escalation(self, store):
        sid = store.create_session()
        store.escalate(sid, "size help")
        store.take_over(sid, staff="alice")
        with pytest.raises(HandoffConflictError, match="alice"):
            store.hand_back(sid, staff="bob")
        back = store.hand_back(sid, staff="alice")
        assert (back.mode, back.held_by, back.escalation_reason, back.escalated_at) == (
            "bot",
            None,
            None,
            None,
        )
        with pytest.raises(HandoffConflictError, match="take_over"):
            store.hand_back(sid, staff="alice")
        assert store.take_over(sid, staff="bob").held_by == "bob"  # free again

    def test_close_is_final_and_respects_the_holder(self, store):
        sid = store.create_session()
        store.take_over(sid, staff="alice")
        with pytest.raises(HandoffConflictError, match="alice"):
            store.close(sid, staff="bob")
        closed = store.close(sid, staff="alice")
        assert (closed.mode, closed.held_by) == ("closed", None)
        assert store.close(sid).mode == "closed"  # twice is harmless
        for call in (
            lambda: store.append_turn(sid, "user", "hello?"),
            lambda: store.escalate(sid, "again"),
            lambda: store.take_over(sid, staff="bob"),
            lambda: store.hand_back(sid, staff="alice"),
        ):
            with pytest.raises(SessionClosedError, match="closed"):
                call()
        store.add_note(sid, staff="alice", text="follow up by email")  # notes after closing are fine
        assert [e.kind for e in store.events(sid)] == ["taken_over", "closed", "note"]

    def test_shopper_can_close_a_held_chat(self, store):
        sid = store.create_session()
        store.take_over(sid, staff="alice")
        assert store.close(sid).mode == "closed"
        assert store.events(sid)[-1].staff is None

    def test_notes_are_events_never_turns(self, store, clock):
        sid = store.create_session()
        store.append_turn(sid, "user", "where is my order")
        note = store.add_note(sid, staff="alice", text="VIP, be generous")
        assert (note.kind, note.staff, note.detail, note.created_at) == (
            "note",
            "alice",
            "VIP, be generous",
            clock.now,
        )
        assert store.events(sid) == [note]
        assert all("VIP" not in t.text for t in store.turns(sid))

    def test_every_handoff_step_is_recorded(self, store, clock):
        sid = store.create_session()
        store.escalate(sid, "wants a discount")
        clock.advance(1)
        store.take_over(sid, staff="alice")
        store.add_note(sid, staff="alice", text="offered 10%")
        store.hand_back(sid, staff="alice")
        clock.advance(1)
        store.close(sid, staff="alice")
        events = store.events(sid)
        assert [(e.kind, e.staff) for e in events] == [
            ("escalated", None),
            ("taken_over", "alice"),
            ("note", "alice"),
            ("handed_back", "alice"),
            ("closed", "alice"),
        ]
        assert [e.created_at for e in events] == [
            clock.now - 2,
            clock.now - 1,
            clock.now - 1,
            clock.now - 1,
            clock.now,
        ]

    @pytest.mark.parametrize("servers", [1, 2], ids=["one-store", "two-stores"])
    def test_staff_racing_cannot_both_hold_a_chat(self, make_store, store, clock, servers):
        stores = [store, make_store(clock) if servers == 2 else store]  # two app servers, or threads of one
        staff = ["alice", "bob", "carol", "dan"]
        for _ in range(10):
            sid = store.create_session()
            store.escalate(sid, "help")
            results = race(
                *[
                    lambda i=i, name=name, sid=sid: stores[i % 2].take_over(sid, staff=name)
                    for i, name in enumerate(staff)
                ]
            )
            winners = [r for r in results if not isinstance(r, Exception)]
            losers = [r for r in results if isinstance(r, Exception)]
            assert len(winners) == 1, results
            holder = winners[0].held_by
            assert all(isinstance(e, HandoffConflictError) and holder in str(e) for e in losers), losers
            assert stores[0].status(sid).held_by == stores[1].status(sid).held_by == holder
            assert [(e.kind, e.staff) for e in store.events(sid)] == [
                ("escalated", None),
                ("taken_over", holder),
            ]

    def test_concurrent_appends_keep_every_turn_in_order(self, store):
        sid = store.create_session()
        results = race(
            *[
                lambda w=w: [store.append_turn(sid, "user", f"{w}-{i}").id for i in range(10)]
                for w in range(4)
            ]
        )
        assert all(isinstance(r, list) for r in results), results
        turns = store.turns(sid)
        assert len(turns) == 40 and [t.id for t in turns] == sorted(t.id for t in turns)
        for ids in results:
            assert ids == sorted(ids)
        assert store.list_sessions()[0].turn_count == 40

    # -- dashboard ----------------------------------------------------------------------------

    def test_list_sessions_puts_waiting_first_then_staff_then_intent(self, store, clock):
        def chat(sid, intent=None, text="hello"):
            store.create_session(sid)
            store.append_turn(sid, "user", text, intent=intent)
            store.append_turn(sid, "assistant", "sure")  # no intent: must not hide the user's
            return sid

        chat("low", 0.2)
        chat("high", 0.9, text="buy now")
        chat("unknown")
        store.escalate(chat("waited-long", 0.1), "human please")
        clock.advance(60)
        store.escalate(chat("waited-short", 0.5), "complaint")
        store.take_over(chat("held", 0.3), staff="alice")
        store.close(chat("done", 1.0))
        store.save_state("high", {"cart_value": 120.5})
        clock.advance(40)

        rows = store.list_sessions()
        assert [r.session_id for r in rows] == [
            "waited-long",
            "waited-short",
            "held",
            "high",
            "low",
            "unknown",
        ]
        long_wait, short_wait, held, high = rows[:4]
        assert (long_wait.waiting_seconds, short_wait.waiting_seconds, held.waiting_seconds) == (
            100,
            40,
            None,
        )
        assert (long_wait.escalation_reason, held.held_by, held.mode) == ("human please", "alice", "staff")
        assert (high.last_intent, high.cart_value, high.turn_count, high.last_user_text) == (
            0.9,
            120.5,
            2,
            "buy now",
        )
        assert rows[-1].last_intent is None and rows[-1].cart_value == 0
        assert [r.session_id for r in store.list_sessions(include_closed=True)][-1] == "done"

    def test_list_sessions_active_within(self, store, clock):
        store.create_session("old")
        clock.advance(600)
        store.create_session("new")
        clock.advance(10)
        assert [r.session_id for r in store.list_sessions(active_within=60)] == ["new"]
        store.append_turn("old", "user", "back again")
        assert {r.session_id for r in store.list_sessions(active_within=60)} == {"old", "new"}

    # -- durability ---------------------------------------------------------------------------

    def test_everything_survives_reopening_the_store(self, make_store, store, clock):
        sid = store.create_session()
        turn = store.append_turn(sid, "assistant", "Here you go", product_ids=["p9"], meta={"k": 1})
        store.set_feedback(sid, turn.id, 1)
        store.save_state(sid, {"cart": ["p9"], "cart_value": 10})
        store.escalate(sid, "question")
        store.take_over(sid, staff="alice")
        store.add_note(sid, staff="alice", text="note")
        store.dispose()

        reopened = make_store(clock)
        assert reopened.turns(sid)[0].feedback == 1 and reopened.turns(sid)[0].product_ids == ["p9"]
        assert reopened.load_state(sid) == {"cart": ["p9"], "cart_value": 10}
        assert reopened.status(sid).held_by == "alice"
        assert [e.kind for e in reopened.events(sid)] == ["escalated", "taken_over", "note"]
        with pytest.raises(HandoffConflictError, match="alice"):
            reopened.take_over(sid, staff="bob")
