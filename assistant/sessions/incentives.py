"""Nudge decisions and what followed them, in the session store's own database (SQLite or PostgreSQL).

The statements are shared by both backends (`?` placeholders, integers for booleans). Outcomes
are kept current by the store as the chat goes on (see `track_*` below, called from save_state
and append_turn), so the offer and its effect are measured in one place, with no extra writes
from the turn code beyond the decision itself.
"""
from __future__ import annotations

from typing import Any

from typing import TYPE_CHECKING

from assistant.sessions.base import BANDS, NudgeOutcome, UnknownSessionError

if TYPE_CHECKING:
    from assistant.sessions.sqlbase import Migration

_COLUMNS = ("session_id, band, score, offered, held_out, kind, decided_at, turn, cart_value_at, cart_value_after,"
            " cart_added, turns_after")


def migration(real: str) -> "Migration":
    """The additive schema step, with the backend's floating-point type (REAL / DOUBLE PRECISION)."""
    from assistant.sessions.sqlbase import Migration  # sqlbase imports this module for the mixin

    return Migration(
        "0002_nudge_outcomes",
        (
            f"""CREATE TABLE nudge_outcomes (
                session_id TEXT PRIMARY KEY REFERENCES sessions (id),
                band TEXT NOT NULL CHECK (band IN ('low', 'middle', 'high')),
                score {real} NOT NULL,
                offered INTEGER NOT NULL DEFAULT 0,
                held_out INTEGER NOT NULL DEFAULT 0,
                kind TEXT,
                decided_at {real} NOT NULL,
                turn INTEGER,
                cart_value_at {real} NOT NULL DEFAULT 0,
                cart_value_after {real} NOT NULL DEFAULT 0,
                cart_added INTEGER NOT NULL DEFAULT 0,
                turns_after INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX nudge_outcomes_decided_at ON nudge_outcomes (decided_at)",
        ),
    )


def track_cart(cur: Any, session_id: str, cart_value: float) -> None:
    """After a state save: the cart value since the decision, and whether it grew."""
    cur.execute(
        "UPDATE nudge_outcomes SET cart_value_after = ?,"
        " cart_added = CASE WHEN ? > cart_value_at THEN 1 ELSE cart_added END WHERE session_id = ?",
        (cart_value, cart_value, session_id),
    )


def track_turn(cur: Any, session_id: str) -> None:
    """After a shopper turn: one more turn since the decision."""
    cur.execute("UPDATE nudge_outcomes SET turns_after = turns_after + 1 WHERE session_id = ?", (session_id,))


class IncentiveLogMixin:
    """`IncentiveLog` for SQLSessionStore (needs its `_transaction`, `_clock` and `_exists`)."""

    def record_nudge_decision(
        self,
        session_id: str,
        *,
        band: str,
        score: float,
        offered: bool,
        held_out: bool = False,
        kind: str | None = None,
        turn: int | None = None,
        cart_value: float = 0.0,
    ) -> None:
        """Record the session's first decision; a later offer or held-out look replaces a plain not-offered one (never the reverse)."""
        if band not in BANDS:
            raise ValueError(f"band must be one of {BANDS}, got {band!r}")
        if offered and held_out:
            raise ValueError("A held-out session is by definition not offered: pass offered=False")
        now = self._clock()
        with self._transaction(write=True) as cur:
            if not self._exists(cur, session_id):
                raise UnknownSessionError(session_id)
            # A later offer restarts the measurement from that moment: what follows the offer is the outcome.
            # A held-out session's first eligible look does the same, so both groups are chosen by one rule
            # (the first middle-band turn); otherwise sessions that drifted into the middle band late
            # would be in the offered group only, and the comparison would be biased.
            cur.execute(
                f"INSERT INTO nudge_outcomes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)"
                " ON CONFLICT (session_id) DO UPDATE SET band = excluded.band, score = excluded.score,"
                " offered = excluded.offered, held_out = excluded.held_out, kind = excluded.kind,"
                " decided_at = excluded.decided_at,"
                " turn = excluded.turn, cart_value_at = excluded.cart_value_at,"
                " cart_value_after = excluded.cart_value_after, cart_added = 0, turns_after = 0"
                " WHERE nudge_outcomes.offered = 0 AND nudge_outcomes.held_out = 0"
                " AND (excluded.offered = 1 OR excluded.held_out = 1)",
                (session_id, band, float(score), int(bool(offered)), int(bool(held_out)), kind, now, turn,
                 float(cart_value), float(cart_value)),
            )

    def nudge_outcomes(self, *, since: float | None = None) -> list[NudgeOutcome]:
        """Every session's decision and outcome, decided at or after `since`, oldest first."""
        sql = f"SELECT {_COLUMNS} FROM nudge_outcomes"
        params: list[Any] = []
        if since is not None:
            sql += " WHERE decided_at >= ?"
            params.append(float(since))
        with self._transaction(write=False) as cur:
            rows = cur.execute(sql + " ORDER BY decided_at, session_id", params).fetchall()
        return [
            NudgeOutcome(r["session_id"], r["band"], float(r["score"]), bool(r["offered"]), bool(r["held_out"]),
                         r["kind"], float(r["decided_at"]), r["turn"], float(r["cart_value_at"]),
                         float(r["cart_value_after"]), bool(r["cart_added"]), int(r["turns_after"]))
            for r in rows
        ]
