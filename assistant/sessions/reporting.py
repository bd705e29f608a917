"""Read-only queries over a whole time window, for the shop's analytics page (never used by a turn).

The SQL is shared by SQLite and PostgreSQL; JSON columns come back through the backend's
`_unjson`, so no backend-specific JSON operators are needed. The window and a row cap keep one
page load bounded however long the shop has been running.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.sessions.base import HandoffEvent, Turn

MAX_TURNS = 200_000  # one analytics page never reads more turns than this


@dataclass
class SessionRow:
    """One conversation as analytics sees it."""

    session_id: str
    created_at: float
    mode: str
    last_intent: float | None
    cart_value: float
    turn_count: int


@dataclass
class Activity:
    """Sessions created in a window, with their turns and handoff events."""

    sessions: list[SessionRow]
    turns: list[Turn]  # oldest first; capped at MAX_TURNS
    events: list[HandoffEvent]
    truncated: bool  # True when the window held more turns than were read


class ReportingMixin:
    """`activity(since=...)` for SQLSessionStore (needs `_transaction` and `_turn`)."""

    def activity(self, *, since: float, until: float | None = None, max_turns: int = MAX_TURNS) -> Activity:
        """Sessions created in [since, until) with every turn and handoff event they have."""
        window = "created_at >= ?" + (" AND created_at < ?" if until is not None else "")
        params: list[Any] = [float(since)] + ([float(until)] if until is not None else [])
        in_window = f"session_id IN (SELECT id FROM sessions WHERE {window})"
        with self._transaction(write=False) as cur:
            sessions = [
                SessionRow(r["id"], float(r["created_at"]), r["mode"], r["last_intent"], float(r["cart_value"]),
                           int(r["turn_count"]))
                for r in cur.execute(
                    "SELECT id, created_at, mode, last_intent, cart_value, turn_count FROM sessions"
                    f" WHERE {window} ORDER BY created_at, id", params).fetchall()
            ]
            turn_rows = cur.execute(
                "SELECT id, session_id, role, text, created_at, product_ids, intent, meta, feedback FROM turns"
                f" WHERE {in_window} ORDER BY id LIMIT ?", [*params, max_turns + 1]).fetchall()
            event_rows = cur.execute(
                f"SELECT id, session_id, kind, staff, detail, created_at FROM handoff_events WHERE {in_window}"
                " ORDER BY id", params).fetchall()
        turns = [self._turn(r) for r in turn_rows[:max_turns]]
        events = [HandoffEvent(r["id"], r["session_id"], r["kind"], r["staff"], r["detail"], r["created_at"])
                  for r in event_rows]
        return Activity(sessions, turns, events, truncated=len(turn_rows) > max_turns)
