"""Returning shoppers: an optional shopper id links sessions, and "delete my data" removes them all.

A shopper id is whatever the shop knows its customer by (an account id, a hashed email); Aisle
never asks for one. Sessions without one stay anonymous. Forgetting a shopper deletes their
sessions and everything hanging off them (turns, state, handoff events and notes, incentive
outcomes) in one transaction, on SQLite and PostgreSQL alike.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.sessions.base import ShopperHistory, UnknownSessionError

if TYPE_CHECKING:
    from assistant.sessions.sqlbase import Migration

MAX_SHOPPER_ID = 128
SEARCH_ACTS = ("search", "refine")
# Tables holding a session's data, children first: the order `forget_shopper` deletes in.
SESSION_TABLES = ("nudge_outcomes", "handoff_events", "session_state", "turns")


def migration() -> "Migration":
    """The additive schema step: a nullable shopper id on sessions (same SQL on both backends)."""
    from assistant.sessions.sqlbase import Migration

    return Migration("0003_shopper_ids", (
        "ALTER TABLE sessions ADD COLUMN shopper_id TEXT",
        "CREATE INDEX sessions_shopper_id ON sessions (shopper_id, created_at)",
    ))


def check_shopper_id(shopper_id: Any) -> str:
    if not isinstance(shopper_id, str) or not shopper_id.strip() or len(shopper_id) > MAX_SHOPPER_ID:
        raise ValueError(f"shopper_id must be a non-empty string of at most {MAX_SHOPPER_ID} characters, "
                         f"got {shopper_id!r:.60}")
    return shopper_id.strip()


class ShopperMixin:
    """`ShopperLog` for SQLSessionStore (needs `_transaction`, `_exists`, `_unjson`)."""

    def link_shopper(self, session_id: str, shopper_id: str) -> None:
        """Tie a session to a shopper; a session belongs to one shopper for good."""
        shopper_id = check_shopper_id(shopper_id)
        with self._transaction(write=True) as cur:
            cur.execute("UPDATE sessions SET shopper_id = ? WHERE id = ? AND (shopper_id IS NULL OR shopper_id = ?)",
                        (shopper_id, session_id, shopper_id))
            if cur.rowcount:
                return
            if not self._exists(cur, session_id):
                raise UnknownSessionError(session_id)
        raise ValueError(f"Session {session_id!r} already belongs to another shopper: start a new session for this one")

    def shopper_history(self, shopper_id: str, *, sessions: int = 20) -> ShopperHistory:
        """Searches, viewed and carted products from the shopper's latest `sessions` sessions."""
        shopper_id = check_shopper_id(shopper_id)
        with self._transaction(write=False) as cur:
            ids = [r["id"] for r in cur.execute(
                "SELECT id FROM sessions WHERE shopper_id = ? ORDER BY created_at DESC, id LIMIT ?",
                (shopper_id, int(sessions))).fetchall()]
            if not ids:
                return ShopperHistory(shopper_id, [], [], [], [])
            marks = ",".join("?" * len(ids))
            turns = cur.execute(f"SELECT session_id, text, meta FROM turns WHERE session_id IN ({marks})"
                                " AND role = 'user' ORDER BY id DESC", ids).fetchall()
            states = {r["session_id"]: self._unjson(r["state"]) for r in cur.execute(
                f"SELECT session_id, state FROM session_state WHERE session_id IN ({marks})", ids).fetchall()}
        searches = [t["text"] for t in turns if self._unjson(t["meta"]).get("act") in SEARCH_ACTS]
        viewed, carted = [], []
        for sid in ids:  # newest session first
            state = states.get(sid, {})
            viewed.extend(reversed(state.get("viewed", [])))
            carted.extend(line["product_id"] for line in state.get("cart", []) if "product_id" in line)
        unique = lambda xs: list(dict.fromkeys(xs))  # noqa: E731
        return ShopperHistory(shopper_id, ids, unique(" ".join(s.split()) for s in searches), unique(viewed),
                              unique(carted))

    def forget_shopper(self, shopper_id: str) -> int:
        """Delete every session of the shopper with all it holds; returns how many sessions went."""
        shopper_id = check_shopper_id(shopper_id)
        mine = "session_id IN (SELECT id FROM sessions WHERE shopper_id = ?)"
        with self._transaction(write=True) as cur:
            for table in SESSION_TABLES:
                cur.execute(f"DELETE FROM {table} WHERE {mine}", (shopper_id,))
            cur.execute("DELETE FROM sessions WHERE shopper_id = ?", (shopper_id,))
            return cur.rowcount
